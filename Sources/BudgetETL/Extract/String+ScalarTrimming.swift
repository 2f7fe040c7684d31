extension String {
  /// `trimmingCharacters(in: CharacterSet(set))` for a few scalars, without Foundation: the
  /// scalars in `set` are dropped from both ends, scalar by scalar, as Foundation does (a
  /// combining mark after a trimmed `：` stays). Building the `CharacterSet` and trimming
  /// through it was most of the time of the performance-form label readers.
  func trimmingScalars(_ set: [Unicode.Scalar]) -> String {
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
    while end > start {
      let before = scalars.index(before: end)
      guard set.contains(scalars[before]) else { break }
      end = before
    }
    if start == scalars.startIndex && end == scalars.endIndex { return self }
    return String(scalars[start..<end])
  }
}

/// Whether a line is one of the watermark phrases, as `String`'s `==` says, asked of every
/// line of a document.
///
/// Inert phrases (``LiteralSearch/isInert(_:)``) are compared on bytes, and a line whose bytes
/// differ is settled by whether it is inert too, asked once per line (`isLiteral`). A line
/// canonically equal to an inert phrase has no more scalars than the phrase (canonical
/// decomposition never makes a text shorter, and an inert phrase is already decomposed, so
/// the line decomposes to the phrase's scalars), so no more than four bytes per scalar of it:
/// a longer line is none of them without that scan, which was most of the time of comparing
/// lines with the phrases.
struct WatermarkMatcher {
  let phrases: [String]
  private let inert: [Bool]
  /// `4 ×` the phrase's scalars: the most bytes of a line equal to it.
  private let maxBytes: [Int]

  init(_ phrases: [String]) {
    self.phrases = phrases
    inert = phrases.map(\.allScalarsInert)
    maxBytes = phrases.map { 4 * $0.unicodeScalars.count }
  }

  /// `phrases.contains(line)`.
  func matches(_ line: String) -> Bool {
    // Whether the bytes settle it is asked only of a line as long as a phrase allows.
    var settled: Bool?
    let bytes = line.utf8.count
    return phrases.indices.contains { k in
      guard inert[k] else { return line == phrases[k] }
      guard bytes <= maxBytes[k] else { return false }
      return line.isLiteral(phrases[k], settledOnBytes: settled ?? { settled = line.comparesOnBytes; return settled! }())
    }
  }
}

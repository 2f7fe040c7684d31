extension NarrativeParser {
  private static let contentsTitle = NarrativeText.scalars("目录")

  /// Removes the table of contents: the first `目录` line and the entries after it.
  ///
  /// The entries are the short lines (at most 50 characters, no 。，；) after `目录`, up to the
  /// line where the first entry recurs as the real heading: for a `第X部分` entry, the same part
  /// number (S2 prints the real `第一部分` alone, its title on the next line); for any other entry,
  /// the same text. The recurring line is kept. If a longer sentence comes first, or the lines
  /// run out, the entries were already removed upstream (S1's dot-leader lines are), so only
  /// the `目录` line is dropped: nothing that might be content is lost.
  static func removeTableOfContents(_ pieces: inout [Piece]) {
    guard
      let title = pieces.firstIndex(where: {
        $0.text.filter { !NarrativeText.isSpace($0) } == contentsTitle
      })
    else { return }
    let first = title + 1
    guard first < pieces.count, isContentsEntry(pieces[first].text) else {
      pieces.remove(at: title)
      return
    }
    let key = pieces[first]
    var k = first + 1
    while k < pieces.count {
      if recurs(key, as: pieces[k]) {
        pieces.removeSubrange(title..<k)
        return
      }
      if !isContentsEntry(pieces[k].text) { break }
      k += 1
    }
    pieces.remove(at: title)
  }

  private static func isContentsEntry(_ text: NarrativeText.Scalars) -> Bool {
    text.count <= 50
      && !text.contains { $0 == "。" || $0 == "，" || $0 == "," || $0 == "；" || $0 == ";" }
  }

  private static func recurs(_ entry: Piece, as candidate: Piece) -> Bool {
    if let a = entry.number, a.rank == .part {
      guard let b = candidate.number else { return false }
      return b.rank == .part && b.value == a.value
    }
    return entry.text.filter { !NarrativeText.isSpace($0) }
      == candidate.text.filter { !NarrativeText.isSpace($0) }
  }
}

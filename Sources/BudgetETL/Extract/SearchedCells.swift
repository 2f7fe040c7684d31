/// Cells searched for many literals as if joined by `|`: `SearchedText(cells.joined(separator:
/// "|")).contains(literal)`, without joining them. When every cell is inert text
/// (``LiteralSearch/isInert(_:)``) and the literal is inert and holds no `|`, a match in the
/// joined text cannot take in a separator, so it lies within one cell and each cell is searched
/// on its bytes; otherwise the joined text is searched as before. (Joining a table's header and
/// first rows, twice per table, was half of the time of classifying it.)
struct SearchedCells {
  let cells: [String]
  /// Every cell is inert; nil `joined` then.
  private let isInert: Bool
  /// The cells joined by `|`, made only when a cell is not inert.
  private let joined: SearchedText?

  init(_ cells: [String]) {
    self.cells = cells
    isInert = cells.allSatisfy { $0.allScalarsInert }
    joined = isInert ? nil : SearchedText(cells.joined(separator: "|"))
  }

  /// `cells.joined(separator: "|").contains(literal)` (Foundation's search).
  func contains(_ literal: String) -> Bool {
    if isInert {
      let found = literal.withUTF8Bytes { n -> Bool? in
        guard !n.isEmpty, LiteralSearch.isInert(n), !n.contains(0x7C) else { return nil }
        for k in cells.indices {
          if cells[k].withUTF8Bytes({ LiteralSearch.find(n, in: $0, from: 0) != nil }) { return true }
        }
        return false
      }
      if let found { return found }
    }
    return (joined ?? SearchedText(cells.joined(separator: "|"))).contains(literal)
  }
}

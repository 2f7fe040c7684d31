/// A text searched for many literals: whether every scalar of it is inert
/// (``LiteralSearch/isInert(_:)``) is worked out once, not once per search as `String`'s
/// `contains(_:)` does (a table's joined header searched for a dozen words was scanned a dozen
/// times).
struct SearchedText {
  let text: String
  private let isInert: Bool

  init(_ text: String) {
    self.text = text
    isInert = text.allScalarsInert
  }

  /// `text.contains(literal)` (Foundation's search): a byte search when both are inert.
  func contains(_ literal: String) -> Bool {
    guard isInert else { return text.contains(literal) }
    let found = literal.withUTF8Bytes { n -> Bool? in
      guard !n.isEmpty, LiteralSearch.isInert(n) else { return nil }
      return text.withUTF8Bytes { LiteralSearch.find(n, in: $0, from: 0) != nil }
    }
    return found ?? text.contains(literal)
  }

  /// True when the text holds none of `literals` (`!literals.contains { text.contains($0) }`).
  func containsNone(of literals: [String]) -> Bool {
    !literals.contains { contains($0) }
  }
}

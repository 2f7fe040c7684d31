/// One line of a document's normalized text, with where it comes from.
public struct SourceLine: Sendable, Hashable, Codable {
  /// 1-based line number in the normalized text.
  public var number: Int
  /// 1-based page, where the input has pages (form feeds, PDF); nil otherwise.
  public var page: Int?
  /// The line's text (for tab-separated tables, still with its tabs).
  public var text: String

  public init(number: Int, page: Int?, text: String) {
    self.number = number
    self.page = page
    self.text = text
  }
}

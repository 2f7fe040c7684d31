/// One paragraph or heading of the narrative: the `text_blocks` dataset's row.
public struct TextBlock: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Codable { case heading, paragraph }
  public var docID: String
  public var blockNo: Int
  /// The heading trail, ` > ` separated.
  public var sectionPath: String
  public var kind: Kind
  public var text: String
  public var sourceLine: Int
  public var sourcePage: Int?

  public init(
    docID: String, blockNo: Int, sectionPath: String, kind: Kind, text: String, sourceLine: Int,
    sourcePage: Int?
  ) {
    self.docID = docID
    self.blockNo = blockNo
    self.sectionPath = sectionPath
    self.kind = kind
    self.text = text
    self.sourceLine = sourceLine
    self.sourcePage = sourcePage
  }
}

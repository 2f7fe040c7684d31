/// An amount the narrative quotes: the `text_amounts` dataset's row.
public struct TextAmount: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Codable { case level, change, prior, threshold, other }
  public var docID: String
  public var blockNo: Int
  public var amountNo: Int
  public var subject: String
  public var kind: Kind
  public var functionCode: String?
  public var econCode: String?
  public var govEconCode: String?
  public var amountFen: Int64
  public var sourceValue: String
  public var sourceUnit: String
  public var sourceLine: Int
  public var sourcePage: Int?

  public init(
    docID: String, blockNo: Int, amountNo: Int, subject: String, kind: Kind, functionCode: String?,
    econCode: String?, govEconCode: String?, amountFen: Int64, sourceValue: String,
    sourceUnit: String, sourceLine: Int, sourcePage: Int?
  ) {
    self.docID = docID
    self.blockNo = blockNo
    self.amountNo = amountNo
    self.subject = subject
    self.kind = kind
    self.functionCode = functionCode
    self.econCode = econCode
    self.govEconCode = govEconCode
    self.amountFen = amountFen
    self.sourceValue = sourceValue
    self.sourceUnit = sourceUnit
    self.sourceLine = sourceLine
    self.sourcePage = sourcePage
  }
}

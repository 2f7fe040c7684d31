/// A distinct document: the `documents` dataset's row.
public struct DocumentInfo: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Codable {
    case budget
    case finalAccount = "final_account"
  }
  public enum Scope: String, Sendable, Codable { case department, unit }

  public var docID: String
  public var sourcePath: String
  public var title: String?
  public var agency: String?
  public var region: String?
  public var fiscalYear: Int?
  public var kind: Kind
  public var scope: Scope?
  public var tables: Int
  public var lineItems: Int
  public var warnings: Int

  public init(
    docID: String, sourcePath: String, title: String? = nil, agency: String? = nil,
    region: String? = nil, fiscalYear: Int? = nil, kind: Kind = .budget, scope: Scope? = nil,
    tables: Int = 0, lineItems: Int = 0, warnings: Int = 0
  ) {
    self.docID = docID
    self.sourcePath = sourcePath
    self.title = title
    self.agency = agency
    self.region = region
    self.fiscalYear = fiscalYear
    self.kind = kind
    self.scope = scope
    self.tables = tables
    self.lineItems = lineItems
    self.warnings = warnings
  }
}

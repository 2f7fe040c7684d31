/// Everything one document contributes to the datasets.
public struct DocumentResult: Sendable, Hashable, Codable {
  public var document: DocumentInfo
  public var tables: [TableInfo]
  public var lineItems: [LineItem]
  public var textBlocks: [TextBlock]
  public var textAmounts: [TextAmount]
  public var indicators: [Indicator]
  public var checks: [Check]

  public init(
    document: DocumentInfo, tables: [TableInfo] = [], lineItems: [LineItem] = [],
    textBlocks: [TextBlock] = [], textAmounts: [TextAmount] = [], indicators: [Indicator] = [],
    checks: [Check] = []
  ) {
    self.document = document
    self.tables = tables
    self.lineItems = lineItems
    self.textBlocks = textBlocks
    self.textAmounts = textAmounts
    self.indicators = indicators
    self.checks = checks
  }
}

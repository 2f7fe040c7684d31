/// What a table reader needs to know about the document and the table.
public struct TableContext: Sendable {
  public var docID: String
  public var tableID: String
  public var tableType: TableType
  public var fiscalYear: Int?
  public var agency: String?

  public init(docID: String, tableID: String, tableType: TableType, fiscalYear: Int?, agency: String?) {
    self.docID = docID
    self.tableID = tableID
    self.tableType = tableType
    self.fiscalYear = fiscalYear
    self.agency = agency
  }
}

/// Something a reader noticed that a person should look at (becomes a `checks` warning).
public struct ReadWarning: Sendable, Hashable, Codable {
  public var rule: String
  public var subject: String
  public var message: String
  public var line: Int?
  public var page: Int?

  public init(rule: String, subject: String, message: String, line: Int?, page: Int?) {
    self.rule = rule
    self.subject = subject
    self.message = message
    self.line = line
    self.page = page
  }
}

/// What reading one table gives.
public struct TableReading: Sendable {
  public var lineItems: [LineItem] = []
  public var indicators: [Indicator] = []
  public var columns: [String] = []
  public var rowCount = 0
  public var warnings: [ReadWarning] = []
  public init() {}
}

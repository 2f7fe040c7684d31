/// A validation finding: the `checks` dataset's row.
public struct Check: Sendable, Hashable, Codable {
  public enum Severity: String, Sendable, Codable, Comparable {
    case info, warning, error
    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }
  public var docID: String
  public var checkNo: Int
  public var tableID: String?
  public var rule: String
  public var subject: String
  public var expectedFen: Int64?
  public var actualFen: Int64?
  public var toleranceFen: Int64?
  public var severity: Severity
  public var message: String
  public var sourceLine: Int?
  public var sourcePage: Int?

  public init(
    docID: String, checkNo: Int = 0, tableID: String?, rule: String, subject: String,
    expectedFen: Int64?, actualFen: Int64?, toleranceFen: Int64?, severity: Severity,
    message: String, sourceLine: Int?, sourcePage: Int?
  ) {
    self.docID = docID
    self.checkNo = checkNo
    self.tableID = tableID
    self.rule = rule
    self.subject = subject
    self.expectedFen = expectedFen
    self.actualFen = actualFen
    self.toleranceFen = toleranceFen
    self.severity = severity
    self.message = message
    self.sourceLine = sourceLine
    self.sourcePage = sourcePage
  }

  /// `actual - expected`, when both are known.
  public var diffFen: Int64? {
    guard let e = expectedFen, let a = actualFen else { return nil }
    return a - e
  }
}

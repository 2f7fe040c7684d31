/// A performance target from a 绩效目标 table: the `indicators` dataset's row.
public struct Indicator: Sendable, Hashable, Codable {
  public var docID: String
  public var tableID: String
  public var rowNo: Int
  public var colNo: Int
  public var targetNo: Int
  public var section: String?
  public var project: String?
  public var level1: String?
  public var level2: String?
  public var indicator: String
  public var targetRaw: String
  /// `>=`, `<=`, `=`, `>`, `<`, or nil.
  public var comparator: String?
  /// The printed number scaled by 10^4 (four decimals), when there is one.
  public var targetValue: Int64?
  public var targetUnit: String?
  public var sourceLine: Int
  public var sourcePage: Int?

  public init(
    docID: String, tableID: String, rowNo: Int, colNo: Int, targetNo: Int, section: String?,
    project: String?, level1: String?, level2: String?, indicator: String, targetRaw: String,
    comparator: String?, targetValue: Int64?, targetUnit: String?, sourceLine: Int,
    sourcePage: Int?
  ) {
    self.docID = docID
    self.tableID = tableID
    self.rowNo = rowNo
    self.colNo = colNo
    self.targetNo = targetNo
    self.section = section
    self.project = project
    self.level1 = level1
    self.level2 = level2
    self.indicator = indicator
    self.targetRaw = targetRaw
    self.comparator = comparator
    self.targetValue = targetValue
    self.targetUnit = targetUnit
    self.sourceLine = sourceLine
    self.sourcePage = sourcePage
  }
}

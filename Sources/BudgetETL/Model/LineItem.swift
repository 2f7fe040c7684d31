/// One amount: a non-blank amount cell of a table, the `line_items` dataset's row.
public struct LineItem: Sendable, Hashable, Codable {
  public enum RowKind: String, Sendable, Codable { case total, subtotal, memo, detail }
  public enum MeasureKind: String, Sendable, Codable { case total, memo, part }

  public var docID: String
  public var fiscalYear: Int?
  public var agency: String?
  public var tableID: String
  public var tableType: TableType
  public var rowNo: Int
  public var colNo: Int
  public var parentRowNo: Int?
  public var rowKind: RowKind
  public var section: String?
  public var label: String
  public var functionCode: String?
  public var econCode: String?
  public var govEconCode: String?
  public var agencyCode: String?
  public var projectCode: String?
  public var measure: String
  public var measureKind: MeasureKind
  /// The amount in integer fen (1 元 = 100 fen).
  public var amountFen: Int64
  public var sourceValue: String
  public var sourceUnit: String
  public var isTotal: Bool
  public var sourceLine: Int
  public var sourcePage: Int?
  /// A printed 序号, when the table has one.
  public var printedNo: String?

  public init(
    docID: String, fiscalYear: Int?, agency: String?, tableID: String, tableType: TableType,
    rowNo: Int, colNo: Int, parentRowNo: Int?, rowKind: RowKind, section: String?, label: String,
    functionCode: String?, econCode: String?, govEconCode: String?, agencyCode: String?,
    projectCode: String?, measure: String, measureKind: MeasureKind, amountFen: Int64,
    sourceValue: String, sourceUnit: String, isTotal: Bool, sourceLine: Int, sourcePage: Int?,
    printedNo: String?
  ) {
    self.docID = docID
    self.fiscalYear = fiscalYear
    self.agency = agency
    self.tableID = tableID
    self.tableType = tableType
    self.rowNo = rowNo
    self.colNo = colNo
    self.parentRowNo = parentRowNo
    self.rowKind = rowKind
    self.section = section
    self.label = label
    self.functionCode = functionCode
    self.econCode = econCode
    self.govEconCode = govEconCode
    self.agencyCode = agencyCode
    self.projectCode = projectCode
    self.measure = measure
    self.measureKind = measureKind
    self.amountFen = amountFen
    self.sourceValue = sourceValue
    self.sourceUnit = sourceUnit
    self.isTotal = isTotal
    self.sourceLine = sourceLine
    self.sourcePage = sourcePage
    self.printedNo = printedNo
  }

  /// The level of a function code: 1 类 (3 digits), 2 款 (5), 3 项 (7).
  public var functionLevel: Int? { functionCode.flatMap { CodeLevel.function($0) } }
  /// The level of an economic code: 1 类 (3 digits), 2 款 (5).
  public var econLevel: Int? { econCode.flatMap { CodeLevel.economic($0) } }
}

/// Levels of classification codes by their length.
public enum CodeLevel {
  public static func function(_ code: String) -> Int? {
    switch code.utf8.count {
    case 3: return 1
    case 5: return 2
    case 7: return 3
    default: return nil
    }
  }
  public static func economic(_ code: String) -> Int? {
    switch code.utf8.count {
    case 3: return 1
    case 5: return 2
    default: return nil
    }
  }
}

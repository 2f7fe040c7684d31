/// One printed row of a table: its cells as printed (cleaned of markup), and where it is.
public struct RawRow: Sendable, Hashable, Codable {
  /// Cells left to right; empty strings for blank cells.
  public var cells: [String]
  public var line: Int
  public var page: Int?

  public init(cells: [String], line: Int, page: Int?) {
    self.cells = cells
    self.line = line
    self.page = page
  }

  /// The cell at a 0-based column, or "" past the end.
  public subscript(column: Int) -> String { column < cells.count ? cells[column] : "" }

  /// True when every cell is blank.
  public var isBlank: Bool { cells.allSatisfy { $0.isEmpty } }
}

/// A table as extracted: its caption, and its rows after page-split fragments are merged
/// (repeated header and total rows of continuation fragments already dropped).
public struct RawTable: Sendable, Hashable, Codable {
  /// As printed, inner spaces removed: 表5, 表14-1, 预算01表, 预算公开表1.
  public var tableNo: String?
  /// The title, cleaned of markup and OCR spaces.
  public var title: String?
  /// The unit the table's `单位：` line declares (元, 万元), or nil.
  public var declaredUnit: String?
  /// The agency a `单位名称：`/`部门名称：`/`编制部门：` line names, if any.
  public var agencyLine: String?
  /// Line (and page) of the title, or of the first row when there is no title.
  public var sourceLine: Int
  public var sourcePage: Int?
  /// Header rows followed by data rows, all fragments merged.
  public var rows: [RawRow]
  /// How many leading rows of `rows` are header rows.
  public var headerRowCount: Int
  /// How many page-split fragments were merged.
  public var fragments: Int
  /// Notes printed under the table (注：…), cleaned.
  public var notes: [String]

  public init(
    tableNo: String?, title: String?, declaredUnit: String?, agencyLine: String?, sourceLine: Int,
    sourcePage: Int?, rows: [RawRow], headerRowCount: Int, fragments: Int, notes: [String]
  ) {
    self.tableNo = tableNo
    self.title = title
    self.declaredUnit = declaredUnit
    self.agencyLine = agencyLine
    self.sourceLine = sourceLine
    self.sourcePage = sourcePage
    self.rows = rows
    self.headerRowCount = headerRowCount
    self.fragments = fragments
    self.notes = notes
  }

  public var headerRows: ArraySlice<RawRow> { rows[0..<headerRowCount] }
  public var dataRows: ArraySlice<RawRow> { rows[headerRowCount...] }
  /// The most cells in a row. (A loop: `rows.map(\.cells.count)` read each row through a key
  /// path, copying it, and built an array to take the maximum of.)
  public var columnCount: Int {
    var count = 0
    for r in rows.indices where rows[r].cells.count > count { count = rows[r].cells.count }
    return count
  }
}

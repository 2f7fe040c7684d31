/// Rows with more cells than their table's header: a converter that split a cell in two, or
/// text run into the table. Their cells past the header's last column belong to no column,
/// so they are cut off (and reported) rather than read under the nearest header.
///
/// Only a few rows may stick out: when most data rows fill a column past the header, the
/// header is the one that is short (printed out of line, S2:240-243) and every cell stays.
public enum RaggedRows {
  /// A row that was cut: where it is and how many cells it had.
  public struct Cut: Sendable, Hashable {
    public var line: Int
    public var page: Int?
    public var cells: Int
    public var headerColumns: Int
  }

  /// The table with the cells of ragged rows past its header cut off, and the rows cut.
  public static func cut(_ table: RawTable) -> (table: RawTable, cuts: [Cut]) {
    guard table.headerRowCount > 0 else { return (table, []) }
    let width = table.headerRows.map { row in (row.cells.lastIndex { !$0.isEmpty } ?? -1) + 1 }.max() ?? 0
    let data = table.dataRows
    guard width > 0, !data.isEmpty, data.contains(where: { $0.cells.count > width }) else { return (table, []) }
    // Columns past the header that only a few rows fill.
    var filled: [Int: Int] = [:]
    for row in data {
      for c in width..<max(width, row.cells.count) where !row.cells[c].isEmpty { filled[c, default: 0] += 1 }
    }
    guard filled.values.allSatisfy({ $0 * 3 <= data.count }) else { return (table, []) }
    var result = table
    var cuts: [Cut] = []
    for r in table.headerRowCount..<table.rows.count {
      let row = table.rows[r]
      guard row.cells.count > width, row.cells[width...].contains(where: { !$0.isEmpty }) else { continue }
      cuts.append(Cut(line: row.line, page: row.page, cells: row.cells.count, headerColumns: width))
      result.rows[r].cells.removeSubrange(width...)
    }
    return (result, cuts)
  }
}

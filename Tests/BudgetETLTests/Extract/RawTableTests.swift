import Testing

@testable import BudgetETL

@Suite struct RawTableTests {
  /// The widest row's cell count, on the seeds' tables and on none.
  @Test func columnCountIsTheWidestRow() {
    let segmenter = DocumentSegmenter()
    for seed in Seed.allCases {
      for table in segmenter.segment(seed.lines).tables {
        #expect(table.columnCount == table.rows.map { $0.cells.count }.max())
      }
    }
    let row = RawRow(cells: ["a", "", "b"], line: 1, page: nil)
    var table = RawTable(
      tableNo: nil, title: nil, declaredUnit: nil, agencyLine: nil, sourceLine: 1, sourcePage: nil, rows: [],
      headerRowCount: 0, fragments: 1, notes: [])
    #expect(table.columnCount == 0)
    table.rows = [RawRow(cells: ["x"], line: 2, page: nil), row]
    #expect(table.columnCount == 3)
  }
}

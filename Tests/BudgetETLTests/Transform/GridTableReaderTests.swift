import Testing

@testable import BudgetETL

@Suite struct GridTableReaderTests {
  /// Side-by-side tables (several sections) come out in row then column order, which the
  /// reader builds row by row instead of sorting: on every multi-section table of the seeds.
  @Test func sideBySideItemsComeInRowThenColumnOrder() throws {
    let reader = GridTableReader()
    var multiSection = 0
    var firstRow: [String] = []
    for seed in Seed.allCases {
      for (index, table) in DocumentSegmenter().segment(seed.lines).tables.enumerated() {
        let type = TableClassifier.classify(table)
        guard type != .catalog, type != .performance, table.columnCount > 0 else { continue }
        let dataRows = table.dataRows.filter { !$0.isBlank }.map(GridTableReader.DataRow.init)
        let paths = GridTableReader.headerPaths(Array(table.headerRows), columnCount: table.columnCount)
        let columns = reader.classify(paths: paths, dataRows: dataRows, columnCount: table.columnCount)
        guard reader.sections(columns).count > 1 else { continue }
        multiSection += 1
        let context = TableContext(docID: "d", tableID: "t\(index)", tableType: type, fiscalYear: 2024, agency: nil)
        var warnings: [ReadWarning] = []
        let items = reader.lineItems(
          columns: columns, dataRows: dataRows, tableUnit: .yuan, context: context, warnings: &warnings)
        let sorted = items.sorted { ($0.rowNo, $0.colNo) < ($1.rowNo, $1.colNo) }
        #expect(items == sorted, "\(seed) table \(index)")
        if firstRow.isEmpty {
          firstRow = items.prefix { $0.rowNo == items[0].rowNo }.map {
            "\($0.sourceLine) \($0.colNo) \($0.section ?? "-") \($0.label) \($0.amountFen)"
          }
        }
      }
    }
    #expect(multiSection > 0)
    // S0 line 233, the 收支总表's first row: `一、部门预算 1239844.00` in each of four sections.
    #expect(
      firstRow == [
        "233 2 收入 部门预算 123984400", "233 4 支出功能分类科目 部门预算 123984400",
        "233 6 部门预算支出经济分类科目 部门预算 123984400", "233 8 政府预算支出经济分类科目 部门预算 123984400",
      ])
  }

  /// Items read without their hierarchy, for tallying the column sums of a reading, differ
  /// from the full reading only in the hierarchy, and tally alike.
  @Test(arguments: Seed.allCases)
  func itemsWithoutHierarchyTallyAlike(_ seed: Seed) {
    let reader = GridTableReader()
    var parents = 0
    for (index, table) in DocumentSegmenter().segment(seed.lines).tables.enumerated() {
      let type = TableClassifier.classify(table)
      guard type != .catalog, type != .performance, table.columnCount > 0 else { continue }
      let context = TableContext(docID: "d", tableID: "t\(index)", tableType: type, fiscalYear: 2024, agency: nil)
      let dataRows = table.dataRows.filter { !$0.isBlank }.map(GridTableReader.DataRow.init)
      let paths = GridTableReader.headerPaths(Array(table.headerRows), columnCount: table.columnCount)
      let columns = reader.classify(paths: paths, dataRows: dataRows, columnCount: table.columnCount)
      var warnings: [ReadWarning] = []
      let full = reader.lineItems(
        columns: columns, dataRows: dataRows, tableUnit: .yuan, context: context, warnings: &warnings)
      let flat = reader.lineItems(
        columns: columns, dataRows: dataRows, tableUnit: .yuan, context: context, warnings: &warnings, hierarchy: false)
      parents += full.filter { $0.parentRowNo != nil }.count
      #expect(flat.allSatisfy { $0.parentRowNo == nil && $0.rowKind == .detail && !$0.isTotal })
      let withoutHierarchy = full.map { item in
        var item = item
        item.parentRowNo = nil
        item.rowKind = .detail
        item.isTotal = false
        return item
      }
      #expect(flat == withoutHierarchy, "\(seed) table \(index)")
      let info = TableInfo(
        docID: "d", tableID: context.tableID, tableNo: nil, title: nil, type: type, unit: "元", columns: "",
        rows: dataRows.count, fragments: 1, isEmpty: false, sourceLine: 1, sourcePage: nil)
      for keepingChecks in [true, false] {
        let a = ColumnSumRule.tally(TableGrid(items: full), table: info, docID: "d", keepingChecks: keepingChecks)
        let b = ColumnSumRule.tally(TableGrid(items: flat), table: info, docID: "d", keepingChecks: keepingChecks)
        #expect(a.rowsChecked == b.rowsChecked && a.rowsFailing == b.rowsFailing, "\(seed) table \(index)")
        #expect(a.checks == b.checks, "\(seed) table \(index)")
      }
    }
    #expect(parents > 0)
  }
}

import Testing

@testable import BudgetETL

/// The grid's sorted cells against the dictionaries they replace (``ReferenceGrid``, the index
/// as it was), on the seeds' tables and on random items: sections in any order, rows out of
/// order, two items in one cell, columns past the array's reach.
@Suite struct TableGridTests {
  /// A table's items as a slice of the document's (``Validator/itemsByTable(_:)``), positions
  /// from the slice's start, against the same items copied into an array of their own: the
  /// rules read on the grid find the same, on the samples and on generated documents.
  @Test func aSliceOfTheDocumentsItemsIsReadAsAnArrayIs() {
    let generator = ArchiveGenerator(templates: ArchiveGeneratorTests.templates, seed: 13)
    let results = Seed.allCases.map(\.result)
      + (0..<6).compactMap {
        DocumentProcessor().process(relativePath: generator.document($0).relativePath, bytes: generator.document($0).bytes).result
      }
    var offset = 0
    var checked = 0
    for result in results {
      for table in result.tables {
        guard let slice = Validator.itemsByTable(result.lineItems)[table.tableID] else { continue }
        if slice.startIndex > 0 { offset += 1 }
        func findings(_ grid: TableGrid) -> [Check] {
          var collector = FindingCollector(docID: result.document.docID)
          HierarchyRule.check(grid, table: table, into: &collector)
          ColumnSumRule.check(grid, table: table, into: &collector)
          TotalRowRule.check(grid, table: table, into: &collector)
          return collector.checks
        }
        let copied = findings(TableGrid(items: Array(slice)))
        #expect(findings(TableGrid(items: slice)) == copied, "\(result.document.docID) \(table.tableID)")
        checked += copied.count
      }
    }
    #expect(offset > 100)
    #expect(checked > 40)
  }

  static func expectSameIndex(_ items: [LineItem], _ comment: Comment) {
    let grid = TableGrid(items: items)
    let reference = ReferenceGrid(items: items)
    #expect(grid.sections == reference.sections, comment)
    #expect(grid.rows == reference.rows, comment)
    guard grid.sections == reference.sections, grid.rows == reference.rows else { return }
    for s in grid.sections.indices {
      for (position, row) in grid.rows[s].enumerated() {
        #expect(grid.firstItems[s][position] == reference.rowInfo[s][row], comment)
        let cells = grid.cells(section: s, position: position).map { [$0.column, $0.item] }
        let expected = (reference.cells[s][row] ?? [:]).sorted { $0.key < $1.key }.map { [$0.key, $0.value] }
        #expect(cells == expected, comment)
        #expect(grid.position(ofRow: row, section: s) == position, comment)
        for column in -1...6 {
          #expect(grid.item(section: s, row: row, column: column) == reference.cells[s][row]?[column], comment)
        }
      }
      for row in -1...8 where !grid.rows[s].contains(row) {
        #expect(grid.position(ofRow: row, section: s) == nil, comment)
      }
    }
    for column in Set(items.map(\.colNo)).union([-7, 0, 9_999]) {
      #expect(grid.decimals(column: column) == (reference.decimals[column] ?? 0), comment)
    }
  }

  @Test(arguments: Seed.allCases)
  func seedTablesAreIndexedAsBefore(_ seed: Seed) {
    let result = seed.result
    for table in result.tables {
      Self.expectSameIndex(result.lineItems.filter { $0.tableID == table.tableID }, "\(seed) \(table.tableID)")
    }
  }

  @Test func randomItemsAreIndexedAsBefore() {
    let sections: [String?] = [nil, "", "收入", "支出", "收入"]
    let values = ["1.25", "3", "１.５", "12.345", ".5", "7.", "1,000.00", "2.5万"]
    var rng = SplitMix64(seed: 99_2026)
    for _ in 0..<2_000 {
      var items: [LineItem] = []
      var row = 1
      for _ in 0..<rng.below(14) {
        if rng.below(3) == 0 { row += 1 }
        // Wide columns too: 2,100 then 3,000 grow the array to its limit, 4,100 lies past it.
        let wide = [-1, 0, 2_100, 3_000, 4_095, 4_096, 4_100, 5_000]
        var item = MeasurePathsTests.item(column: rng.below(5) == 0 ? wide[rng.below(wide.count)] : rng.below(6), measure: "合计")
        item.rowNo = rng.below(6) == 0 ? 1 + rng.below(6) : row
        item.section = sections[rng.below(sections.count)]
        item.sourceValue = values[rng.below(values.count)]
        items.append(item)
      }
      if rng.below(2) == 0 { items.sort { ($0.rowNo, $0.colNo) < ($1.rowNo, $1.colNo) } }
      Self.expectSameIndex(items, Comment(rawValue: items.map { "\($0.section ?? "nil") \($0.rowNo) \($0.colNo)" }.joined(separator: ", ")))
    }
  }

  /// Side-by-side sections alternating item by item, up to a dozen of them (past the few the
  /// grid finds by a scan of their names, then by hashing), with names spelled as new strings
  /// (equal, not the same `String`) and one name in two spellings that are equal as `String`s.
  @Test func manySectionsAreIndexedAsBefore() {
    var rng = SplitMix64(seed: 11_2026)
    var past8 = 0
    for _ in 0..<1_000 {
      let names: [String?] = [nil, "", "caf\u{E9}", "cafe\u{301}"] + (0..<(rng.below(12))).map { "第\($0)栏" }
      var items: [LineItem] = []
      for row in 1...(1 + rng.below(5)) {
        for (k, name) in names.enumerated() where rng.below(3) > 0 {
          var item = MeasurePathsTests.item(column: k, measure: "合计")
          item.rowNo = row
          item.section = name.map { String(Array($0.unicodeScalars).map(Character.init)) }
          items.append(item)
        }
      }
      if Set(items.map { $0.section ?? "" }).count > 8 { past8 += 1 }
      Self.expectSameIndex(items, Comment(rawValue: items.map { "\($0.section ?? "nil") \($0.rowNo) \($0.colNo)" }.joined(separator: ", ")))
    }
    #expect(past8 > 200)
  }
}

/// The grid as it was indexed with dictionaries: the slow reading the tests hold it to.
struct ReferenceGrid {
  let items: [LineItem]
  /// The sections in order of first appearance ("" for the items outside any section).
  private(set) var sections: [String] = []
  /// Per section: row → column → the item's position in ``items``.
  private(set) var cells: [[Int: [Int: Int]]] = []
  /// Per section: its rows in order.
  private(set) var rows: [[Int]] = []
  /// Per section: row → the position of its first item (row-level facts: kind, parent, label, codes).
  private(set) var rowInfo: [[Int: Int]] = []
  /// Column → the most decimals printed in it.
  private(set) var decimals: [Int: Int] = [:]

  init(items: [LineItem]) {
    self.items = items
    var sectionIndex: [String: Int] = [:]
    // Items come row by row, so the section rarely changes from one item to the next.
    var lastSection: String? = nil
    var s = -1
    for i in items.indices {
      let section = items[i].section ?? ""
      if section != lastSection {
        if let known = sectionIndex[section] {
          s = known
        } else {
          s = sections.count
          sectionIndex[section] = s
          sections.append(section)
          cells.append([:])
          rows.append([])
          rowInfo.append([:])
        }
        lastSection = section
      }
      let rowNo = items[i].rowNo
      let colNo = items[i].colNo
      cells[s][rowNo, default: [:]][colNo] = i
      if rowInfo[s][rowNo] == nil {
        rowInfo[s][rowNo] = i
        rows[s].append(rowNo)
      }
      let printed = TableGrid.decimals(items[i].sourceValue)
      if let known = decimals[colNo] {
        if printed > known { decimals[colNo] = printed }
      } else {
        decimals[colNo] = printed
      }
    }
    for s in rows.indices { rows[s].sort() }
  }

}

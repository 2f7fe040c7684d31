import Testing

@testable import BudgetETL

/// `ColumnSumRule.tally`, which groups a row's cells in arrays by group id (`RowGroups`),
/// against the tally it replaces, which made a dictionary of groups with a set of subgroups
/// per row (kept below as the oracle): on the seeds' tables as read, and on the same tables
/// with amounts nudged and measures redrawn so that sums fail and subgroups nest.
@Suite struct ColumnSumRowGroupsTests {
  @Test(arguments: Seed.allCases)
  func tallyAsWithDictionaries(_ seed: Seed) {
    let result = seed.result
    let measures = [
      "合计", "基本支出/人员经费", "基本支出/公用经费", "基本支出/合计", "基本支出/小计", "项目支出", "项目支出/专项/合计",
      "项目支出/专项/甲", "项目支出/专项/乙", "其中：政府采购", "本年支出/合计", "本年支出/基本支出/合计", "本年支出/基本支出/人员经费",
      "\u{F9FA}/合计", "\u{72C0}/甲",
    ]
    var rng = SplitMix64(seed: 5_1124)
    var checked = 0
    var failing = 0
    for table in result.tables {
      let items = result.items(table.tableID)
      guard !items.isEmpty else { continue }
      var variants = [items]
      for _ in 0..<6 {
        variants.append(
          items.map { item in
            var item = item
            if rng.below(3) == 0 { item.amountFen += Int64(rng.below(3) - 1) * Int64(1 + rng.below(200)) }
            if rng.below(2) == 0 {
              item.measure = measures[rng.below(measures.count)]
              item.measureKind = GridTableReader.measureKind(item.measure)
            }
            return item
          })
      }
      for variant in variants {
        for keepingChecks in [true, false] {
          let grid = TableGrid(items: variant)
          let expected = Oracle.tally(grid, table: table, docID: result.document.docID, keepingChecks: keepingChecks)
          let actual = ColumnSumRule.tally(grid, table: table, docID: result.document.docID, keepingChecks: keepingChecks)
          #expect(actual.checks == expected.checks, "\(seed) \(table.tableID)")
          #expect(actual.rowsChecked == expected.rowsChecked, "\(seed) \(table.tableID)")
          #expect(actual.rowsFailing == expected.rowsFailing, "\(seed) \(table.tableID)")
          checked += expected.rowsChecked
          failing += expected.rowsFailing
        }
      }
    }
    #expect(checked > 100)
    #expect(failing > 10)
  }

  /// Exact values: 合计 100.00 = 人员经费 60.00 + 公用经费 40.00 holds; 合计 100.00 against
  /// 基本支出/合计 70.00 + 项目支出 20.00 fails by 10.00 元.
  @Test func tallyOfOneTable() {
    func item(row: Int, col: Int, measure: String, fen: Int64) -> LineItem {
      LineItem(
        docID: "d", fiscalYear: nil, agency: nil, tableID: "t", tableType: .other, rowNo: row, colNo: col,
        parentRowNo: nil, rowKind: .detail, section: nil, label: "支出", functionCode: nil, econCode: nil,
        govEconCode: nil, agencyCode: nil, projectCode: nil, measure: measure,
        measureKind: GridTableReader.measureKind(measure), amountFen: fen, sourceValue: "1.00", sourceUnit: "元",
        isTotal: false, sourceLine: row, sourcePage: nil, printedNo: nil)
    }
    let items = [
      item(row: 1, col: 2, measure: "合计", fen: 10_000), item(row: 1, col: 3, measure: "人员经费", fen: 6_000),
      item(row: 1, col: 4, measure: "公用经费", fen: 4_000),
      item(row: 2, col: 2, measure: "合计", fen: 10_000), item(row: 2, col: 3, measure: "基本支出/合计", fen: 7_000),
      item(row: 2, col: 4, measure: "基本支出/人员经费", fen: 7_000), item(row: 2, col: 5, measure: "项目支出", fen: 2_000),
    ]
    let info = TableInfo(
      docID: "d", tableID: "t", tableNo: nil, title: nil, type: .other, unit: "元", columns: "", rows: 2, fragments: 1,
      isEmpty: false, sourceLine: 1, sourcePage: nil)
    let tally = ColumnSumRule.tally(TableGrid(items: items), table: info, docID: "d")
    #expect(tally.rowsChecked == 2)
    #expect(tally.rowsFailing == 1)
    #expect(tally.checks.map(\.expectedFen) == [9_000])
    #expect(tally.checks.map(\.actualFen) == [10_000])
    #expect(tally.checks.map(\.sourceLine) == [2])
  }

  /// The tally as it read with a dictionary of groups per row.
  enum Oracle {
    struct Group {
      var totals: [Int] = []
      var parts: [Int] = []
      var subgroups: Set<Int> = []
    }

    static func tally(_ grid: TableGrid, table: TableInfo, docID: String, keepingChecks: Bool) -> ColumnSumRule.Tally {
      var local = FindingCollector(docID: docID)
      var rowsChecked = 0
      var rowsFailing = 0
      let items = grid.items
      let paths = MeasurePaths(items)
      let precedes = paths.order
      for section in grid.sections.indices {
        for position in grid.rows[section].indices {
          var groups: [Int: Group] = [:]
          var rowChecked = false
          var rowFails = false
          for cell in grid.cells(section: section, position: position) where items[cell.item].measureKind != .memo {
            let i = cell.item
            let info = paths.info(at: i)
            if items[i].measureKind == .total { groups[info.parent, default: Group()].totals.append(i) }
            else { groups[info.parent, default: Group()].parts.append(i) }
            for link in info.chain { groups[link.up, default: Group()].subgroups.insert(link.name) }
          }
          for key in groups.keys.sorted(by: precedes) {
            let group = groups[key]!
            guard group.totals.count == 1, let totalIndex = group.totals.first else { continue }
            var figures = group.parts.map(grid.figure(at:))
            for sub in group.subgroups.sorted(by: precedes) {
              if paths.endsInTotalWord[sub] { continue }
              if let f = value(of: sub, groups: groups, grid: grid) { figures.append(f) }
            }
            guard !figures.isEmpty else { continue }
            let actual = grid.figure(at: totalIndex)
            guard keepingChecks else {
              if FindingCollector.severity(expected: figures, actual: actual) == .error { rowFails = true }
              rowChecked = true
              continue
            }
            let subject = items[totalIndex].subject
            let before = local.checks.count
            local.identity(
              rule: "column_sum", tableID: table.tableID, subject: subject, expected: figures,
              actual: actual, line: items[totalIndex].sourceLine, page: items[totalIndex].sourcePage
            ) { expected, actual, diff in
              "\(table.displayName) row \(subject): \(items[totalIndex].measure) \(yuan(actual)) ≠ sum of its parts \(yuan(expected)) (diff \(yuan(diff)) 元)"
            }
            if local.checks.count > before, local.checks[before].severity == .error { rowFails = true }
            rowChecked = true
          }
          if rowChecked { rowsChecked += 1 }
          if rowFails { rowsFailing += 1 }
        }
      }
      return ColumnSumRule.Tally(checks: local.checks, rowsChecked: rowsChecked, rowsFailing: rowsFailing)
    }

    static func value(of name: Int, groups: [Int: Group], grid: TableGrid) -> Figure? {
      guard let g = groups[name] else { return nil }
      if g.totals.count == 1 { return grid.figure(at: g.totals[0]) }
      if !g.totals.isEmpty { return nil }
      var fen: Int64 = 0
      var half: Int64 = 0
      var any = false
      for p in g.parts {
        let f = grid.figure(at: p)
        fen = fen.saturatingAdd(f.fen)
        half = half.saturatingAdd(f.halfUnitFen)
        any = true
      }
      for sub in g.subgroups {
        if let f = value(of: sub, groups: groups, grid: grid) {
          fen = fen.saturatingAdd(f.fen)
          half = half.saturatingAdd(f.halfUnitFen)
          any = true
        }
      }
      return any ? Figure(fen: fen, halfUnitFen: half) : nil
    }
  }
}

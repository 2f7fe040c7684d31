/// The same quantity in two tables: a 基本支出 table's 合计 for a code against the 基本支出
/// part of the full table (人员经费 + 公用经费, or its 基本支出 column) — never against the full
/// table's 合计 (S0: 2101506 is 1,150,441.00 in 表5 and 1,100,441.00 in 表7, both right);
/// and the year's total expenditure in 收支总表 against 支出总表.
enum CrossTableRule {
  /// - Parameter grids: The tables' grids by table id, as the validator built them (a table
  ///   without one gets its own).
  static func check(
    _ result: DocumentResult, byTable: [String: ArraySlice<LineItem>],
    grids: [String: TableGrid] = [:], into collector: inout FindingCollector
  ) {
    let ofType: (TableType) -> [TableInfo] = { type in result.tables.filter { $0.type == type } }
    compareBasic(
      basic: ofType(.basicByFunction), full: ofType(.generalByFunction), code: { $0.functionCode }, byTable: byTable,
      grids: grids, into: &collector)
    compareBasic(
      basic: ofType(.basicByEconomic), full: ofType(.generalByEconomic), code: { $0.econCode }, byTable: byTable,
      grids: grids, into: &collector)
    compareTotals(result, byTable: byTable, grids: grids, into: &collector)
  }

  /// - Parameter code: The code the tables are compared by (read in place: a key path read
  ///   each item through the runtime).
  static func compareBasic(
    basic: [TableInfo], full: [TableInfo], code: (LineItem) -> String?, byTable: [String: ArraySlice<LineItem>],
    grids: [String: TableGrid], into collector: inout FindingCollector
  ) {
    guard basic.count == 1, full.count == 1, let basicItems = byTable[basic[0].tableID],
      let fullItems = byTable[full[0].tableID]
    else { return }
    let basicGrid = grids[basic[0].tableID] ?? TableGrid(items: basicItems)
    let fullGrid = grids[full[0].tableID] ?? TableGrid(items: fullItems)
    // The full table's 基本支出 part per code, as positions in `fullItems` (by index: a
    // `LineItem` copied out retains a dozen strings).
    var fullBasic: [String: [Int]] = [:]
    for i in fullItems.indices where fullItems[i].section == nil {
      guard let c = code(fullItems[i]) else { continue }
      let m = fullItems[i].measure
      let isBasic = m == "基本支出" || m.hasLiteralSuffix("/基本支出") || m == "基本支出/合计" || m == "基本支出/小计"
      let isPart = m.hasLiteralPrefix("人员经费") || m.hasLiteralPrefix("公用经费")
      if isBasic { fullBasic[c, default: []] = [i] }
      else if isPart && fullBasic[c]?.first.map({ fullItems[$0].measure.contains("基本支出") }) != true {
        fullBasic[c, default: []].append(i)
      }
    }
    var seen = Set<String>()
    for i in basicItems.indices where basicItems[i].measureKind == .total && !basicItems[i].measure.contains("/") {
      guard let c = code(basicItems[i]), seen.insert(c).inserted, let parts = fullBasic[c] else { continue }
      collector.identity(
        rule: "cross_table", tableID: basic[0].tableID, subject: c, expected: parts.map { fullGrid.figure(at: $0) },
        actual: basicGrid.figure(at: i), line: basicItems[i].sourceLine, page: basicItems[i].sourcePage
      ) { expected, actual, diff in
        "\(basic[0].displayName) \(c) 合计 \(yuan(actual)) ≠ 基本支出 of \(c) in \(full[0].displayName) \(yuan(expected)) (diff \(yuan(diff)) 元)"
      }
    }
  }

  /// 收支总表 本年支出合计 against 支出总表's 合计 row (both cover every fund).
  static func compareTotals(
    _ result: DocumentResult, byTable: [String: ArraySlice<LineItem>], grids: [String: TableGrid],
    into collector: inout FindingCollector
  ) {
    guard let summary = result.tables.first(where: { $0.type == .summary }),
      let expenditure = result.tables.first(where: { $0.type == .expenditure }),
      let summaryItems = byTable[summary.tableID], let expItems = byTable[expenditure.tableID]
    else { return }
    // The first total-kind column of the expenditure side's 本年支出合计 row.
    guard
      let s = summaryItems.firstIndex(where: {
        $0.rowKind == .total && $0.label.contains("支出") && $0.label.contains("本年") && $0.section != "收入"
      }),
      let e = expItems.firstIndex(where: { $0.rowKind == .total && $0.measureKind == .total })
    else { return }
    let sg = grids[summary.tableID] ?? TableGrid(items: summaryItems)
    let eg = grids[expenditure.tableID] ?? TableGrid(items: expItems)
    collector.identity(
      rule: "cross_table", tableID: expenditure.tableID, subject: "本年支出合计", expected: [sg.figure(at: s)],
      actual: eg.figure(at: e), line: expItems[e].sourceLine, page: expItems[e].sourcePage
    ) { expected, actual, diff in
      "\(expenditure.displayName) 合计 \(yuan(actual)) ≠ 本年支出合计 of \(summary.displayName) \(yuan(expected)) (diff \(yuan(diff)) 元)"
    }
  }
}

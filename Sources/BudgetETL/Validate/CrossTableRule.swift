/// The same quantity in two tables: a 基本支出 table's 合计 for a code against the 基本支出
/// part of the full table (人员经费 + 公用经费, or its 基本支出 column) — never against the full
/// table's 合计 (S0: 2101506 is 1,150,441.00 in 表5 and 1,100,441.00 in 表7, both right);
/// and the year's total expenditure in 收支总表 against 支出总表.
enum CrossTableRule {
  static func check(
    _ result: DocumentResult, tables: [String: TableInfo], byTable: [String: [LineItem]],
    into collector: inout FindingCollector
  ) {
    let ofType: (TableType) -> [TableInfo] = { type in result.tables.filter { $0.type == type } }
    compareBasic(basic: ofType(.basicByFunction), full: ofType(.generalByFunction), code: \.functionCode, byTable: byTable, into: &collector)
    compareBasic(basic: ofType(.basicByEconomic), full: ofType(.generalByEconomic), code: \.econCode, byTable: byTable, into: &collector)
    compareTotals(result, byTable: byTable, into: &collector)
  }

  static func compareBasic(
    basic: [TableInfo], full: [TableInfo], code: KeyPath<LineItem, String?>, byTable: [String: [LineItem]],
    into collector: inout FindingCollector
  ) {
    guard basic.count == 1, full.count == 1, let basicItems = byTable[basic[0].tableID],
      let fullItems = byTable[full[0].tableID]
    else { return }
    let basicGrid = TableGrid(items: basicItems)
    let fullGrid = TableGrid(items: fullItems)
    // The full table's 基本支出 part per code.
    var fullBasic: [String: [LineItem]] = [:]
    for item in fullItems where item.section == nil {
      guard let c = item[keyPath: code] else { continue }
      let m = item.measure
      let isBasic = m == "基本支出" || m.hasSuffix("/基本支出") || m == "基本支出/合计" || m == "基本支出/小计"
      let isPart = m.hasPrefix("人员经费") || m.hasPrefix("公用经费")
      if isBasic { fullBasic[c, default: []] = [item] }
      else if isPart && fullBasic[c]?.first.map({ $0.measure.contains("基本支出") }) != true {
        fullBasic[c, default: []].append(item)
      }
    }
    var seen = Set<String>()
    for item in basicItems where item.measureKind == .total && !item.measure.contains("/") {
      guard let c = item[keyPath: code], seen.insert(c).inserted, let parts = fullBasic[c] else { continue }
      collector.identity(
        rule: "cross_table", tableID: basic[0].tableID, subject: c, expected: parts.map(fullGrid.figure),
        actual: basicGrid.figure(item), line: item.sourceLine, page: item.sourcePage
      ) { expected, actual, diff in
        "\(basic[0].displayName) \(c) 合计 \(yuan(actual)) ≠ 基本支出 of \(c) in \(full[0].displayName) \(yuan(expected)) (diff \(yuan(diff)) 元)"
      }
    }
  }

  /// 收支总表 本年支出合计 against 支出总表's 合计 row (both cover every fund).
  static func compareTotals(_ result: DocumentResult, byTable: [String: [LineItem]], into collector: inout FindingCollector) {
    guard let summary = result.tables.first(where: { $0.type == .summary }),
      let expenditure = result.tables.first(where: { $0.type == .expenditure }),
      let summaryItems = byTable[summary.tableID], let expItems = byTable[expenditure.tableID]
    else { return }
    // The first total-kind column of the expenditure side's 本年支出合计 row.
    guard
      let s = summaryItems.first(where: {
        $0.rowKind == .total && $0.label.contains("支出") && $0.label.contains("本年") && $0.section != "收入"
      }),
      let e = expItems.first(where: { $0.rowKind == .total && $0.measureKind == .total })
    else { return }
    let sg = TableGrid(items: summaryItems)
    let eg = TableGrid(items: expItems)
    collector.identity(
      rule: "cross_table", tableID: expenditure.tableID, subject: "本年支出合计", expected: [sg.figure(s)],
      actual: eg.figure(e), line: e.sourceLine, page: e.sourcePage
    ) { expected, actual, diff in
      "\(expenditure.displayName) 合计 \(yuan(actual)) ≠ 本年支出合计 of \(summary.displayName) \(yuan(expected)) (diff \(yuan(diff)) 元)"
    }
  }
}

/// Amounts the narrative quotes for a code (卫生健康支出（210）, 医疗保障经办事务（2101506）,
/// 工资福利支出（301）) against the tables: the general expenditure table's 合计 for that code.
/// A difference beyond the rounding of the quoted figure is a warning — which also catches a
/// text that names the wrong unit.
enum NarrativeRule {
  static func check(_ result: DocumentResult, byTable: [String: ArraySlice<LineItem>], into collector: inout FindingCollector) {
    guard !result.textAmounts.isEmpty else { return }
    let function = result.tables.first { $0.type == .generalByFunction }
    let economic = result.tables.first { $0.type == .generalByEconomic }
    let functionItems = function.flatMap { byTable[$0.tableID] } ?? []
    let economicItems = economic.flatMap { byTable[$0.tableID] } ?? []
    // Each code's first whole-table total, found in one pass per table instead of a search of
    // the table per quoted amount.
    let functionTotals = Self.firstTotals(functionItems) { $0.functionCode }
    let economicTotals = Self.firstTotals(economicItems) { $0.econCode }
    for amount in result.textAmounts where amount.kind == .level {
      let target: (items: ArraySlice<LineItem>, index: Int, table: TableInfo)
      if let c = amount.functionCode, let function, let i = functionTotals[c] {
        target = (functionItems, i, function)
      } else if let c = amount.econCode, let economic, let i = economicTotals[c] {
        target = (economicItems, i, economic)
      } else {
        continue
      }
      let table = target.table
      let unit = MoneyUnit(rawValue: amount.sourceUnit) ?? .yuan
      let quoted = Figure(fen: amount.amountFen, halfUnitFen: Figure.halfUnit(decimals: TableGrid.decimals(amount.sourceValue), unit: unit))
      let tableFigure = Figure(fen: target.items[target.index].amountFen, halfUnitFen: 0)
      collector.identity(
        rule: "narrative_amount", tableID: table.tableID, subject: target.items[target.index].subject,
        expected: [tableFigure], actual: quoted, line: amount.sourceLine, page: amount.sourcePage, severityBeyond: .warning
      ) { expected, actual, diff in
        "text at line \(amount.sourceLine) quotes \(amount.subject) \(amount.sourceValue) \(amount.sourceUnit) = \(yuan(actual)) but \(table.displayName) has \(yuan(expected)) (diff \(yuan(diff)) 元)"
      }
    }
  }

  /// Code → the position of the first item with that code that is a total of the whole table
  /// (a total measure of one level): `items.first { code($0) == c && $0.measureKind == .total
  /// && !$0.measure.contains("/") }` for every code at once.
  static func firstTotals(_ items: ArraySlice<LineItem>, code: (LineItem) -> String?) -> [String: Int] {
    var first: [String: Int] = [:]
    for i in items.indices where items[i].measureKind == .total {
      guard let c = code(items[i]), first[c] == nil, !items[i].measure.contains("/") else { continue }
      first[c] = i
    }
    return first
  }
}

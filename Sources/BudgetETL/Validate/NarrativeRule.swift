/// Amounts the narrative quotes for a code (卫生健康支出（210）, 医疗保障经办事务（2101506）,
/// 工资福利支出（301）) against the tables: the general expenditure table's 合计 for that code.
/// A difference beyond the rounding of the quoted figure is a warning — which also catches a
/// text that names the wrong unit.
enum NarrativeRule {
  static func check(_ result: DocumentResult, byTable: [String: [LineItem]], into collector: inout FindingCollector) {
    guard !result.textAmounts.isEmpty else { return }
    let function = result.tables.first { $0.type == .generalByFunction }
    let economic = result.tables.first { $0.type == .generalByEconomic }
    func total(in table: TableInfo?, code: String, keyPath: KeyPath<LineItem, String?>) -> LineItem? {
      guard let table, let items = byTable[table.tableID] else { return nil }
      return items.first { $0[keyPath: keyPath] == code && $0.measureKind == .total && !$0.measure.contains("/") }
    }
    for amount in result.textAmounts where amount.kind == .level {
      var target: (LineItem, TableInfo)?
      if let c = amount.functionCode, let item = total(in: function, code: c, keyPath: \.functionCode) {
        target = (item, function!)
      } else if let c = amount.econCode, let item = total(in: economic, code: c, keyPath: \.econCode) {
        target = (item, economic!)
      }
      guard let (item, table) = target else { continue }
      let unit = MoneyUnit(rawValue: amount.sourceUnit) ?? .yuan
      let quoted = Figure(fen: amount.amountFen, halfUnitFen: Figure.halfUnit(decimals: TableGrid.decimals(amount.sourceValue), unit: unit))
      let tableFigure = Figure(fen: item.amountFen, halfUnitFen: 0)
      collector.identity(
        rule: "narrative_amount", tableID: table.tableID, subject: item.subject, expected: [tableFigure], actual: quoted,
        line: amount.sourceLine, page: amount.sourcePage, severityBeyond: .warning
      ) { expected, actual, diff in
        "text at line \(amount.sourceLine) quotes \(amount.subject) \(amount.sourceValue) \(amount.sourceUnit) = \(yuan(actual)) but \(table.displayName) has \(yuan(expected)) (diff \(yuan(diff)) 元)"
      }
    }
  }
}

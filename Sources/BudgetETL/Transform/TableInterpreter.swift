/// Chooses how to read a table from its type.
public enum TableInterpreter {
  public static func read(_ table: RawTable, context: TableContext) -> TableReading {
    switch context.tableType {
    case .catalog:
      var reading = TableReading()
      reading.rowCount = max(0, table.rows.count - 1)
      reading.columns = table.rows.first?.cells ?? []
      return reading
    case .performance:
      let form = PerformanceFormReader.read(
        table, context: context, declaredUnit: table.declaredUnit.flatMap(MoneyUnit.init(rawValue:)))
      var reading = TableReading()
      reading.rowCount = table.rows.count
      reading.lineItems = form.lineItems
      reading.indicators = form.indicators
      reading.columns = Array(Set(form.lineItems.map(\.measure))).sorted()
      reading.warnings = form.warnings.map {
        ReadWarning(rule: "performance_form", subject: form.project ?? "", message: "\(context.tableID): \($0.message)",
          line: $0.line, page: nil)
      }
      return reading
    default:
      return GridTableReader().read(table, context: context)
    }
  }
}

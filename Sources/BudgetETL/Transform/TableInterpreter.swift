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
      var reading = TableReading()
      reading.rowCount = table.rows.count
      return reading
    default:
      return GridTableReader().read(table, context: context)
    }
  }
}

/// Checks a document's numbers and reports what does not add up (the `checks` dataset):
/// hierarchy sums, column sums the header declares, total rows, the same quantity across
/// tables, and the amounts the narrative quotes against the tables.
public struct Validator: Sendable {
  public init() {}

  /// The findings for one document, in rule order, numbered from 1 after any `existing` ones.
  public func validate(_ result: DocumentResult) -> [Check] {
    var collector = FindingCollector(docID: result.document.docID)
    let tables = Dictionary(uniqueKeysWithValues: result.tables.map { ($0.tableID, $0) })
    let byTable = Dictionary(grouping: result.lineItems, by: \.tableID)
    for table in result.tables {
      guard let items = byTable[table.tableID], table.type != .catalog else { continue }
      let grid = TableGrid(items: items)
      HierarchyRule.check(grid, table: table, into: &collector)
      ColumnSumRule.check(grid, table: table, into: &collector)
      TotalRowRule.check(grid, table: table, into: &collector)
    }
    CrossTableRule.check(result, tables: tables, byTable: byTable, into: &collector)
    NarrativeRule.check(result, byTable: byTable, into: &collector)
    return collector.checks
  }
}

extension TableInfo {
  /// How a message names the table: its printed number, else its id.
  var displayName: String { tableNo ?? tableID }
}

extension LineItem {
  /// How a message names the row: its code, else its label.
  var subject: String { functionCode ?? econCode ?? govEconCode ?? agencyCode ?? projectCode ?? label }
}

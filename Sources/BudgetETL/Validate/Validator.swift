/// Checks a document's numbers and reports what does not add up (the `checks` dataset):
/// hierarchy sums, column sums the header declares, total rows, the same quantity across
/// tables, and the amounts the narrative quotes against the tables.
public struct Validator: Sendable {
  public init() {}

  /// The findings for one document, in rule order, numbered from 1 after any `existing` ones.
  public func validate(_ result: DocumentResult) -> [Check] {
    var collector = FindingCollector(docID: result.document.docID)
    let byTable = Self.itemsByTable(result.lineItems)
    // Each table's grid, built once for the rules of the table and those across tables.
    var grids: [String: TableGrid] = [:]
    for table in result.tables {
      guard let items = byTable[table.tableID], table.type != .catalog else { continue }
      let grid = TableGrid(items: items)
      grids[table.tableID] = grid
      HierarchyRule.check(grid, table: table, into: &collector)
      ColumnSumRule.check(grid, table: table, into: &collector)
      TotalRowRule.check(grid, table: table, into: &collector)
    }
    CrossTableRule.check(result, byTable: byTable, grids: grids, into: &collector)
    NarrativeRule.check(result, byTable: byTable, into: &collector)
    return collector.checks
  }

  /// `Dictionary(grouping: items, by: \.tableID)`, a run at a time, each table's items a slice
  /// of `items`: a table's items follow each other, so its id is hashed once per run instead of
  /// once per item (through a key path), and its slice shares the array's storage (copying
  /// the items into an array per table retained a dozen strings per item, and released them
  /// again). A table whose items come in several runs has them copied, in order.
  ///
  /// A slice keeps the positions the items have in `items`: positions in it (a ``TableGrid``'s)
  /// run from its `startIndex`.
  static func itemsByTable(_ items: [LineItem]) -> [String: ArraySlice<LineItem>] {
    var byTable: [String: ArraySlice<LineItem>] = [:]
    // The tables met in more than one run, their items gathered in order.
    var gathered: [String: [LineItem]] = [:]
    var start = 0
    while start < items.count {
      let tableID = items[start].tableID
      var end = start + 1
      while end < items.count, items[end].tableID == tableID { end += 1 }
      if let first = byTable[tableID] {
        gathered[tableID, default: Array(first)].append(contentsOf: items[start..<end])
      } else {
        byTable[tableID] = items[start..<end]
      }
      start = end
    }
    for (tableID, all) in gathered { byTable[tableID] = all[...] }
    return byTable
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

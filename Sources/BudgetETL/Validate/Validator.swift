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

/// A table's line items indexed by row, column and section, with each column's printed precision.
struct TableGrid {
  let items: [LineItem]
  /// (section, row) → column → item.
  var cells: [String: [Int: [Int: LineItem]]] = [:]
  /// Column → the most decimals printed in it.
  var decimals: [Int: Int] = [:]
  var sections: [String] = []
  /// section → rows in order.
  var rows: [String: [Int]] = [:]
  /// section → row → its first item (row-level facts: kind, parent, label, codes).
  var rowInfo: [String: [Int: LineItem]] = [:]

  init(items: [LineItem]) {
    self.items = items
    for item in items {
      let s = item.section ?? ""
      if cells[s] == nil { sections.append(s) }
      cells[s, default: [:]][item.rowNo, default: [:]][item.colNo] = item
      if rowInfo[s]?[item.rowNo] == nil {
        rowInfo[s, default: [:]][item.rowNo] = item
        rows[s, default: []].append(item.rowNo)
      }
      decimals[item.colNo] = max(decimals[item.colNo] ?? 0, Self.decimals(item.sourceValue))
    }
    for s in sections { rows[s]!.sort() }
  }

  /// Digits printed after the last `.` (a printed amount: ASCII or full-width forms only).
  static func decimals(_ printed: String) -> Int {
    let utf8 = printed.utf8
    guard let dot = utf8.lastIndex(of: 0x2E) else { return 0 }
    return utf8[utf8.index(after: dot)...].prefix { $0 >= 0x30 && $0 <= 0x39 }.count
  }

  func figure(_ item: LineItem) -> Figure {
    Figure(
      fen: item.amountFen,
      halfUnitFen: Figure.halfUnit(
        decimals: decimals[item.colNo] ?? 0, unit: MoneyUnit(rawValue: item.sourceUnit) ?? .yuan))
  }

  /// A zero figure standing for a blank cell in a column.
  func blank(column: Int, unit: MoneyUnit) -> Figure { Figure(fen: 0, halfUnitFen: 0) }
}

extension TableInfo {
  /// How a message names the table: its printed number, else its id.
  var displayName: String { tableNo ?? tableID }
}

extension LineItem {
  /// How a message names the row: its code, else its label.
  var subject: String { functionCode ?? econCode ?? govEconCode ?? agencyCode ?? projectCode ?? label }
}

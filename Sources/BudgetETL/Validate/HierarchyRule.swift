/// Within a table, a row with children equals the sum of its children, column by column
/// (类 = Σ 款, 款 = Σ 项 for function and economic codes; agencies; numbered rows).
enum HierarchyRule {
  static func check(_ grid: TableGrid, table: TableInfo, into collector: inout FindingCollector) {
    let items = grid.items
    for section in grid.sections.indices {
      let rows = grid.rows[section]
      let info = grid.rowInfo[section]
      let cells = grid.cells[section]
      var children: [Int: [Int]] = [:]
      for r in rows {
        guard let i = info[r], let p = items[i].parentRowNo, items[i].rowKind != .memo else { continue }
        children[p, default: []].append(r)
      }
      for parent in rows {
        guard let kids = children[parent], let parentCells = cells[parent], let parentInfo = info[parent],
          items[parentInfo].rowKind != .total
        else { continue }
        for col in parentCells.keys.sorted() {
          let parentItem = parentCells[col]!
          let childItems = kids.compactMap { cells[$0]?[col] }
          guard !childItems.isEmpty else { continue }
          let level = levelName(firstRow: kids.lazy.compactMap { info[$0] }.first.map { items[$0] })
          let subject = items[parentItem].subject
          collector.identity(
            rule: "hierarchy_sum", tableID: table.tableID, subject: subject,
            expected: childItems.map(grid.figure(at:)), actual: grid.figure(at: parentItem),
            line: items[parentItem].sourceLine, page: items[parentItem].sourcePage
          ) { expected, actual, diff in
            "\(table.displayName) row \(subject) (\(items[parentItem].measure)): \(yuan(actual)) ≠ sum of its \(level) \(yuan(expected)) (diff \(yuan(diff)) 元)"
          }
        }
      }
    }
  }

  /// How a message names the children: by the first child row's code (项, 款), else "parts".
  static func levelName(firstRow: LineItem?) -> String {
    if let code = firstRow?.functionCode {
      switch code.count {
      case 7: return "项"
      case 5: return "款"
      default: return "parts"
      }
    }
    if let code = firstRow?.econCode, code.count == 5 { return "款" }
    return "parts"
  }
}

/// Within a table, a row with children equals the sum of its children, column by column
/// (类 = Σ 款, 款 = Σ 项 for function and economic codes; agencies; numbered rows).
enum HierarchyRule {
  static func check(_ grid: TableGrid, table: TableInfo, into collector: inout FindingCollector) {
    let items = grid.items
    for section in grid.sections.indices {
      let rows = grid.rows[section]
      let first = grid.firstItems[section]
      // Parent row number → the positions of its child rows.
      var children: [Int: [Int]] = [:]
      for position in rows.indices {
        let i = first[position]
        guard let p = items[i].parentRowNo, items[i].rowKind != .memo else { continue }
        children[p, default: []].append(position)
      }
      for (position, parent) in rows.enumerated() {
        guard let kids = children[parent], items[first[position]].rowKind != .total else { continue }
        // Of the first child row, read in place (a `LineItem` copied out retains a dozen strings).
        let firstChild = first[kids[0]]
        let level = levelName(functionCode: items[firstChild].functionCode, econCode: items[firstChild].econCode)
        for cell in grid.cells(section: section, position: position) {
          let col = cell.column
          let parentItem = cell.item
          let childItems = kids.compactMap { kid in grid.cells(section: section, position: kid).first { $0.column == col }?.item }
          guard !childItems.isEmpty else { continue }
          let subject = items[parentItem].subject
          collector.identity(
            rule: "hierarchy_sum", tableID: table.tableID, subject: subject,
            expected: childItems.map { grid.figure(at: $0) }, actual: grid.figure(at: parentItem),
            line: items[parentItem].sourceLine, page: items[parentItem].sourcePage
          ) { expected, actual, diff in
            "\(table.displayName) row \(subject) (\(items[parentItem].measure)): \(yuan(actual)) ≠ sum of its \(level) \(yuan(expected)) (diff \(yuan(diff)) 元)"
          }
        }
      }
    }
  }

  /// How a message names the children: by the first child row's code (项, 款), else "parts".
  static func levelName(functionCode: String?, econCode: String?) -> String {
    if let code = functionCode {
      switch code.count {
      case 7: return "项"
      case 5: return "款"
      default: return "parts"
      }
    }
    if let code = econCode, code.count == 5 { return "款" }
    return "parts"
  }
}

/// Within a table, a row with children equals the sum of its children, column by column
/// (类 = Σ 款, 款 = Σ 项 for function and economic codes; agencies; numbered rows).
enum HierarchyRule {
  static func check(_ grid: TableGrid, table: TableInfo, into collector: inout FindingCollector) {
    for section in grid.sections {
      guard let rows = grid.rows[section], let info = grid.rowInfo[section], let cells = grid.cells[section] else {
        continue
      }
      var children: [Int: [Int]] = [:]
      for r in rows {
        guard let item = info[r], let p = item.parentRowNo, item.rowKind != .memo else { continue }
        children[p, default: []].append(r)
      }
      for parent in rows {
        guard let kids = children[parent], let parentCells = cells[parent], let parentInfo = info[parent],
          parentInfo.rowKind != .total
        else { continue }
        for col in parentCells.keys.sorted() {
          let parentItem = parentCells[col]!
          let childItems = kids.compactMap { cells[$0]?[col] }
          guard !childItems.isEmpty else { continue }
          let level = levelName(kids.compactMap { info[$0] })
          collector.identity(
            rule: "hierarchy_sum", tableID: table.tableID, subject: parentItem.subject,
            expected: childItems.map(grid.figure), actual: grid.figure(parentItem), line: parentItem.sourceLine,
            page: parentItem.sourcePage
          ) { expected, actual, diff in
            "\(table.displayName) row \(parentItem.subject) (\(parentItem.measure)): \(yuan(actual)) ≠ sum of its \(level) \(yuan(expected)) (diff \(yuan(diff)) 元)"
          }
        }
      }
    }
  }

  static func levelName(_ rows: [LineItem]) -> String {
    if let code = rows.first?.functionCode {
      switch code.count {
      case 7: return "项"
      case 5: return "款"
      default: return "parts"
      }
    }
    if let code = rows.first?.econCode, code.count == 5 { return "款" }
    return "parts"
  }
}

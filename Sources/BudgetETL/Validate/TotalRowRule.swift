/// A 合计/总计 row equals the sum of the top-level rows it closes: the rows above it (a total
/// in the middle, 本年收入合计), or the rows below it when it is printed first (S0 表5).
enum TotalRowRule {
  static func check(_ grid: TableGrid, table: TableInfo, into collector: inout FindingCollector) {
    let items = grid.items
    for section in grid.sections.indices {
      let rows = grid.rows[section]
      let info = grid.rowInfo[section]
      let cells = grid.cells[section]
      let isTop: (Int) -> Bool = { r in
        guard let i = info[r] else { return false }
        return items[i].parentRowNo == nil && items[i].rowKind != .total && items[i].rowKind != .memo
      }
      let isTotal: (Int) -> Bool = { r in info[r].map { items[$0].rowKind == .total } ?? false }
      for (position, r) in rows.enumerated() where isTotal(r) {
        let above = rows[..<position].filter(isTop)
        var closes = above
        if above.isEmpty {
          var after: [Int] = []
          for next in rows[(position + 1)...] {
            if isTotal(next) { break }
            if isTop(next) { after.append(next) }
          }
          closes = after
        }
        guard !closes.isEmpty, let totalCells = cells[r] else { continue }
        for col in totalCells.keys.sorted() {
          let total = totalCells[col]!
          let parts = closes.compactMap { cells[$0]?[col] }
          guard !parts.isEmpty else { continue }
          collector.identity(
            rule: "total_row", tableID: table.tableID, subject: items[total].label,
            expected: parts.map(grid.figure(at:)), actual: grid.figure(at: total), line: items[total].sourceLine,
            page: items[total].sourcePage
          ) { expected, actual, diff in
            "\(table.displayName) \(items[total].label) (\(items[total].measure)): \(yuan(actual)) ≠ sum of the rows it totals \(yuan(expected)) (diff \(yuan(diff)) 元)"
          }
        }
      }
    }
  }
}

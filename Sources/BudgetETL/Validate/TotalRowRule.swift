/// A 合计/总计 row equals the sum of the top-level rows it closes: the rows above it (a total
/// in the middle, 本年收入合计), or the rows below it when it is printed first (S0 表5).
enum TotalRowRule {
  static func check(_ grid: TableGrid, table: TableInfo, into collector: inout FindingCollector) {
    let items = grid.items
    for section in grid.sections.indices {
      let first = grid.firstItems[section]
      // By the rows' positions in `grid.rows[section]`.
      let isTop: (Int) -> Bool = { p in
        let i = first[p]
        return items[i].parentRowNo == nil && items[i].rowKind != .total && items[i].rowKind != .memo
      }
      let isTotal: (Int) -> Bool = { p in items[first[p]].rowKind == .total }
      for position in first.indices where isTotal(position) {
        let above = first.indices[..<position].filter(isTop)
        var closes = above
        if above.isEmpty {
          var after: [Int] = []
          for next in (position + 1)..<first.count {
            if isTotal(next) { break }
            if isTop(next) { after.append(next) }
          }
          closes = after
        }
        guard !closes.isEmpty else { continue }
        for cell in grid.cells(section: section, position: position) {
          let col = cell.column
          let total = cell.item
          let parts = closes.compactMap { p in grid.cells(section: section, position: p).first { $0.column == col }?.item }
          guard !parts.isEmpty else { continue }
          collector.identity(
            rule: "total_row", tableID: table.tableID, subject: items[total].label,
            expected: parts.map { grid.figure(at: $0) }, actual: grid.figure(at: total), line: items[total].sourceLine,
            page: items[total].sourcePage
          ) { expected, actual, diff in
            "\(table.displayName) \(items[total].label) (\(items[total].measure)): \(yuan(actual)) ≠ sum of the rows it totals \(yuan(expected)) (diff \(yuan(diff)) 元)"
          }
        }
      }
    }
  }
}

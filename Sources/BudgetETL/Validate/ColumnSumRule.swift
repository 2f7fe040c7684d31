/// Within a row, a total column (合计, 小计, 总计) equals the sum of the columns its header
/// groups with it (合计 = 基本支出 + 项目支出; 合计 = 人员经费 + 公用经费 (+ 专项业务经费)).
enum ColumnSumRule {
  static func check(_ grid: TableGrid, table: TableInfo, into collector: inout FindingCollector) {
    let tally = self.tally(grid, table: table, docID: collector.docID)
    // When most rows fail, the header is out of line with the data, not the arithmetic.
    if tally.isMisaligned {
      let first = tally.checks.first { $0.severity == .error }
      collector.append(
        Check(
          docID: collector.docID, tableID: table.tableID, rule: "misaligned_header", subject: table.title ?? table.tableID,
          expectedFen: nil, actualFen: nil, toleranceFen: nil, severity: .warning,
          message: "\(table.displayName): the column sums fail on \(tally.rowsFailing) of \(tally.rowsChecked) rows: the header is printed out of line with the amounts, so its measures may be shifted",
          sourceLine: first?.sourceLine, sourcePage: first?.sourcePage))
    } else {
      for c in tally.checks { collector.append(c) }
    }
  }

  /// What the rule finds in one table: the findings, and how many rows had a column sum to
  /// check and how many of those failed.
  struct Tally {
    var checks: [Check] = []
    var rowsChecked = 0
    var rowsFailing = 0
    /// Most rows fail: the header is out of line with the data.
    var isMisaligned: Bool { rowsChecked >= 3 && rowsFailing * 2 > rowsChecked }
  }

  /// - Parameter keepingChecks: false when only the counts are wanted (the readings the header
  ///   alignment tries): the findings, and their messages, are not made.
  static func tally(_ grid: TableGrid, table: TableInfo, docID: String, keepingChecks: Bool = true) -> Tally {
    var local = FindingCollector(docID: docID)
    var rowsChecked = 0
    var rowsFailing = 0
    let items = grid.items
    let paths = MeasurePaths(items)
    let precedes = paths.order
    var groups = RowGroups(count: paths.idCount)
    for section in grid.sections.indices {
      for position in grid.rows[section].indices {
        groups.clear()
        var rowChecked = false
        var rowFails = false
        for cell in grid.cells(section: section, position: position) where items[cell.item].measureKind != .memo {
          let i = cell.item
          let info = paths.info(at: i)
          if items[i].measureKind == .total { groups.addTotal(i, to: info.parent) } else { groups.addPart(i, to: info.parent) }
          // Register the chain of subgroups up to the root.
          for link in info.chain { groups.addSubgroup(link.name, to: link.up) }
        }
        groups.sortPresent(by: precedes)
        for k in groups.present.indices {
          let key = groups.present[k]
          guard groups.totals[key].count == 1, let totalIndex = groups.totals[key].first else { continue }
          var figures = groups.parts[key].map { grid.figure(at: $0) }
          groups.sortSubgroups(of: key, by: precedes)
          for sub in groups.subgroups[key] {
            if paths.endsInTotalWord[sub] { continue }  // an alternative breakdown of the same total
            if let f = value(of: sub, groups: groups, grid: grid) { figures.append(f) }
          }
          guard !figures.isEmpty else { continue }
          let actual = grid.figure(at: totalIndex)
          guard keepingChecks else {
            if FindingCollector.severity(expected: figures, actual: actual) == .error { rowFails = true }
            rowChecked = true
            continue
          }
          // The total's fields read in place: copying the `LineItem` out retains a dozen strings.
          let subject = items[totalIndex].subject
          let before = local.checks.count
          local.identity(
            rule: "column_sum", tableID: table.tableID, subject: subject, expected: figures,
            actual: actual, line: items[totalIndex].sourceLine, page: items[totalIndex].sourcePage
          ) { expected, actual, diff in
            "\(table.displayName) row \(subject): \(items[totalIndex].measure) \(yuan(actual)) ≠ sum of its parts \(yuan(expected)) (diff \(yuan(diff)) 元)"
          }
          if local.checks.count > before, local.checks[before].severity == .error {
            rowFails = true
          }
          rowChecked = true
        }
        if rowChecked { rowsChecked += 1 }
        if rowFails { rowsFailing += 1 }
      }
    }
    return Tally(checks: local.checks, rowsChecked: rowsChecked, rowsFailing: rowsFailing)
  }

  /// A subgroup's value: its total column, else the sum of its parts and of its subgroups'
  /// values; nil when it has none.
  static func value(of name: Int, groups: RowGroups, grid: TableGrid) -> Figure? {
    guard groups.has(name) else { return nil }
    let totals = groups.totals[name]
    if totals.count == 1 { return grid.figure(at: totals[0]) }
    if !totals.isEmpty { return nil }
    var fen: Int64 = 0
    var half: Int64 = 0
    var any = false
    for p in groups.parts[name] {
      let f = grid.figure(at: p)
      fen = fen.saturatingAdd(f.fen)
      half = half.saturatingAdd(f.halfUnitFen)
      any = true
    }
    for sub in groups.subgroups[name] {
      if let f = value(of: sub, groups: groups, grid: grid) {
        fen = fen.saturatingAdd(f.fen)
        half = half.saturatingAdd(f.halfUnitFen)
        any = true
      }
    }
    return any ? Figure(fen: fen, halfUnitFen: half) : nil
  }

  static func isTotalWord(_ s: String) -> Bool { s == "合计" || s == "小计" || s == "总计" }
}

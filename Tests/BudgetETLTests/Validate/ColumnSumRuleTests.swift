import Testing

@testable import BudgetETL

/// The counting tally the header alignment asks for every reading it tries, against the full
/// tally the validator records findings from.
@Suite struct ColumnSumRuleTests {
  static func counts(_ items: [LineItem], table: TableInfo, keepingChecks: Bool) -> (checked: Int, failing: Int) {
    let tally = ColumnSumRule.tally(
      TableGrid(items: items), table: table, docID: table.docID, keepingChecks: keepingChecks)
    if !keepingChecks { #expect(tally.checks.isEmpty) }
    return (tally.rowsChecked, tally.rowsFailing)
  }

  @Test(arguments: Seed.allCases)
  func countingAloneCountsWhatTheFindingsDo(_ seed: Seed) {
    let result = seed.result
    var rng = SplitMix64(seed: 314)
    var failing = 0
    for table in result.tables where table.type != .catalog {
      let items = result.lineItems.filter { $0.tableID == table.tableID }
      let full = Self.counts(items, table: table, keepingChecks: true)
      let counted = Self.counts(items, table: table, keepingChecks: false)
      #expect(full == counted, "\(seed) \(table.tableID)")
      // Measures moved between the cells of a row, as a misread header moves them: rows fail.
      for _ in 0..<5 {
        var moved = items
        for i in moved.indices {
          let j = rng.below(moved.count)
          guard moved[j].rowNo == moved[i].rowNo else { continue }
          (moved[i].measure, moved[j].measure) = (moved[j].measure, moved[i].measure)
          (moved[i].measureKind, moved[j].measureKind) = (moved[j].measureKind, moved[i].measureKind)
        }
        let full = Self.counts(moved, table: table, keepingChecks: true)
        #expect(full == Self.counts(moved, table: table, keepingChecks: false), "\(seed) \(table.tableID)")
        failing += full.failing
      }
    }
    #expect(failing > 0)
  }

  /// What lets the header alignment try a probe's first row alone: a row that fails, or is
  /// not checked, among no other rows fails or is not checked among others too (their printed
  /// decimals only shrink the tolerance; a row's groups are its own).
  @Test func aRowFailingAloneFailsAmongOthers() {
    var rng = SplitMix64(seed: 271)
    var failedAlone = 0
    for seed in Seed.allCases {
      let result = seed.result
      for table in result.tables where table.type != .catalog {
        var items = result.lineItems.filter { $0.tableID == table.tableID }
        // One section, as the alignment reads: a row number is one row of the grid.
        guard items.allSatisfy({ $0.section == nil }) else { continue }
        // Measures moved between the cells of a row, as a misread header moves them.
        for i in items.indices {
          let j = rng.below(items.count)
          guard rng.below(2) == 0, items[j].rowNo == items[i].rowNo else { continue }
          (items[i].measure, items[j].measure) = (items[j].measure, items[i].measure)
          (items[i].measureKind, items[j].measureKind) = (items[j].measureKind, items[i].measureKind)
        }
        let rows = Array(Set(items.map(\.rowNo))).sorted()
        guard !rows.isEmpty else { continue }
        for _ in 0..<20 {
          let row = rows[rng.below(rows.count)]
          let others = Set((0..<rng.below(3)).map { _ in rows[rng.below(rows.count)] }).subtracting([row])
          let alone = Self.counts(items.filter { $0.rowNo == row }, table: table, keepingChecks: false)
          guard alone.failing == 1 || alone.checked == 0 else { continue }
          if alone.failing == 1 { failedAlone += 1 }
          let among = Self.counts(items.filter { $0.rowNo == row || others.contains($0.rowNo) }, table: table, keepingChecks: false)
          // Every row of the set checked and none failing would contradict the row's own reading.
          let rowsInSet = others.count + 1
          #expect(among.failing > 0 || among.checked < rowsInSet, "\(seed) \(table.tableID) row \(row) with \(others)")
        }
      }
    }
    #expect(failedAlone > 10)
  }
}

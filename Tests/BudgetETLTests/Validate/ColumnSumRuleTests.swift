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
}

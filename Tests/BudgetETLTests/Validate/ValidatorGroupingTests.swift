import Testing

@testable import BudgetETL

/// The validator's one-pass groupings against the searches they replace, on random items:
/// tables in runs and interleaved, codes repeated, totals of one and two levels.
@Suite struct ValidatorGroupingTests {
  static func randomItems(_ rng: inout SplitMix64) -> [LineItem] {
    let tables = ["t001", "t002", "t010"]
    let codes: [String?] = [nil, "201", "20101", "2010101", "301", "30101"]
    let measures = ["合计", "基本支出/合计", "人员经费", "项目支出", "合计/小计"]
    var items: [LineItem] = []
    var table = tables[0]
    for _ in 0..<rng.below(30) {
      if rng.below(5) == 0 { table = tables[rng.below(tables.count)] }
      var item = MeasurePathsTests.item(column: 1 + rng.below(4), measure: measures[rng.below(measures.count)])
      item.tableID = table
      item.rowNo = items.count + 1
      item.functionCode = codes[rng.below(codes.count)]
      item.econCode = codes[rng.below(codes.count)]
      item.measureKind = rng.below(2) == 0 ? .total : .part
      items.append(item)
    }
    return items
  }

  @Test func itemsAreGroupedByTableAsDictionaryGroupingDoes() {
    var rng = SplitMix64(seed: 31_2026)
    for _ in 0..<2_000 {
      let items = Self.randomItems(&rng)
      #expect(Validator.itemsByTable(items).mapValues(Array.init) == Dictionary(grouping: items, by: \.tableID))
    }
  }

  @Test func firstTotalsAreTheFirstMatches() {
    var rng = SplitMix64(seed: 37_2026)
    var found = 0
    for _ in 0..<2_000 {
      let items = Self.randomItems(&rng)
      for byFunction in [true, false] {
        let code: (LineItem) -> String? = byFunction ? { $0.functionCode } : { $0.econCode }
        let totals = NarrativeRule.firstTotals(items[...], code: code)
        for c in ["201", "20101", "2010101", "301", "30101", "999"] {
          let expected = items.firstIndex { code($0) == c && $0.measureKind == .total && !$0.measure.contains("/") }
          #expect(totals[c] == expected, "\(c)")
          if expected != nil { found += 1 }
        }
      }
    }
    #expect(found > 1_000)
  }
}

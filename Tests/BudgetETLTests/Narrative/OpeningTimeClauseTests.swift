import Testing

@testable import BudgetETL

/// ``TextAmountParser/openingTimeClause(_:)``, which reads the first nine scalars of the lead
/// in place, against the reading that copied the whole lead first
/// (``TextAmountParser/openingTimeClauseCopyingTheLead(_:)``), on slices that start inside
/// their array (as the parser's leads do), with clause breaks at every offset.
@Suite struct OpeningTimeClauseTests {
  @Test func slicesGiveTheClauseTheCopiesGave() {
    let pieces = ["2022", "年", "度", "，", "：", "；", "。", "上年", "预算", "收入", "1", " ", ",", ";"]
    var rng = SplitMix64(seed: 2022_1124)
    var clauses = 0
    for _ in 0..<30_000 {
      let before = NarrativeText.scalars(rng.text(from: pieces, fewerThan: 4))
      let lead = NarrativeText.scalars(rng.text(from: pieces, fewerThan: 9))
      let all = before + lead
      let slice = all[before.count...]
      let expected = TextAmountParser.openingTimeClauseCopyingTheLead(lead)
      #expect(TextAmountParser.openingTimeClause(slice) == expected, "\(NarrativeText.string(lead).debugDescription)")
      if !expected.isEmpty { clauses += 1 }
    }
    #expect(clauses > 1_000)
    let lead = NarrativeText.scalars("前文。2022年，机关运行经费")
    #expect(NarrativeText.string(TextAmountParser.openingTimeClause(lead[3...])) == "2022年")
    // Eight scalars before the break are an opening clause; nine are not.
    #expect(TextAmountParser.openingTimeClause(NarrativeText.scalars("一二三四五六七八年，")[...]).isEmpty)
    #expect(NarrativeText.string(TextAmountParser.openingTimeClause(NarrativeText.scalars("一二三四五六七年，")[...])) == "一二三四五六七年")
  }
}

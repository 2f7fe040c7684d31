import Testing

@testable import BudgetETL

/// ``IndicatorVocabulary/termOfInertText(_:)`` against the string comparisons it replaces
/// (``IndicatorVocabulary/termComparingStrings(compacted:)``), on every cell of the seed
/// documents and on random cells made of the names' characters, cut names, ASCII, spaces,
/// combining marks and compatibility ideographs.
@Suite struct IndicatorVocabularyFastPathTests {
  @Test func everySeedCellHasTheSameTerm() throws {
    var cells = 0
    var terms = 0
    for cell in try SeedTable.cells() {
      let c = PerformanceText.compact(PerformanceText.clean(cell))
      cells += 1
      let slow = IndicatorVocabulary.termComparingStrings(compacted: c)
      #expect(IndicatorVocabulary.term(cell) == IndicatorVocabulary.termComparingStrings(compacted: PerformanceText.compact(cell)), "\(cell.debugDescription)")
      if let fast = IndicatorVocabulary.termOfInertText(c) { #expect(fast == slow, "\(c.debugDescription)") }
      if slow != nil { terms += 1 }
    }
    #expect(cells > 5_000)
    #expect(terms > 50)
  }

  @Test func randomCellsHaveTheSameTerm() {
    let pieces = [
      "产出", "指标", "效益", "满意度", "投入管理", "数量", "质量", "时效", "经济", "社会", "生态", "可持续影响", "服务对象", "成本", "环境",
      "指", "标", "一", "级", "a", "1", " ", "\u{301}", "\u{F9FA}", "\r", "\n", "（", "）",
    ]
    var rng = SplitMix64(seed: 1_124_2026)
    var kinds: [String: Int] = [:]
    var inert = 0
    for _ in 0..<40_000 {
      let c = rng.text(from: pieces, fewerThan: 7)
      let slow = IndicatorVocabulary.termComparingStrings(compacted: c)
      if let fast = IndicatorVocabulary.termOfInertText(c) {
        inert += 1
        #expect(fast == slow, "\(c.debugDescription)")
      }
      switch slow {
      case .level1: kinds["level1", default: 0] += 1
      case .level2(let name): kinds[name == c ? "level2" : "cut", default: 0] += 1
      case .cost: kinds["cost", default: 0] += 1
      case nil: kinds["none", default: 0] += 1
      }
    }
    #expect(inert > 20_000)
    #expect(kinds["level1", default: 0] > 10)
    #expect(kinds["level2", default: 0] > 10)
    #expect(kinds["cut", default: 0] > 10)
    #expect(kinds["cost", default: 0] > 3)
  }

  /// No two level-2 names share their first five characters, so a cut name of five or more
  /// names one of them whatever order the names are tried in (the fast path relies on it).
  @Test func noTwoLevel2NamesShareTheirFirstFiveCharacters() {
    let prefixes = IndicatorVocabulary.level2Names.filter { $0.count >= 5 }.map { String($0.prefix(5)) }
    #expect(Set(prefixes).count == prefixes.count, "\(prefixes)")
    #expect(prefixes.contains("服务对象满"))
    #expect(IndicatorVocabulary.level2Names == IndicatorVocabulary.level2Parents.keys.sorted())
  }

  @Test func namesAndCutNamesReadExactly() {
    #expect(IndicatorVocabulary.termOfInertText("成本指标") == .some(.cost))
    #expect(IndicatorVocabulary.termOfInertText("满意度指标") == .some(.level1("满意度指标")))
    #expect(IndicatorVocabulary.termOfInertText("服务对象满意度指") == .some(.level2("服务对象满意度指标")))
    #expect(IndicatorVocabulary.termOfInertText("服务对象满意度") == .some(.level2("服务对象满意度指标")))
    #expect(IndicatorVocabulary.termOfInertText("数量指") == .some(nil))  // three characters
    #expect(IndicatorVocabulary.termOfInertText("质量指") == .some(nil))
    #expect(IndicatorVocabulary.termOfInertText("经济效益") == .some(nil))  // four characters cut no name
    #expect(IndicatorVocabulary.termOfInertText("社会效益指标") == .some(.level2("社会效益指标")))
    #expect(IndicatorVocabulary.termOfInertText("服务对象满意度指标率达到") == .some(nil))
    #expect(IndicatorVocabulary.termOfInertText("成本指标\u{301}") == nil)
  }
}

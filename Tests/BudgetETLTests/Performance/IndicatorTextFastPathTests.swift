import Testing

@testable import BudgetETL

/// ``PerformanceText/indicatorTextOfInertText(_:)`` against the `Substring` reading it replaces
/// (``PerformanceText/indicatorText(cleaned:)``), on every seed cell and on random cells with
/// `指标` prefixes, numbers of every kind `Character.isNumber` takes (1, １, 一, 万, ①, ½),
/// colons, separators, spaces, placeholders, combining marks and CR.
@Suite struct IndicatorTextFastPathTests {
  static func expectSame(_ cleaned: String) {
    let slow = PerformanceText.indicatorText(cleaned: cleaned)
    if let fast = PerformanceText.indicatorTextOfInertText(cleaned) {
      #expect(fast.map { Array($0.utf8) } == slow.map { Array($0.utf8) }, "\(cleaned.debugDescription)")
    }
    #expect(PerformanceText.indicatorText(cleaned) == PerformanceText.indicatorText(cleaned: PerformanceText.clean(cleaned)))
  }

  @Test func randomCellsGiveTheSameName() {
    let pieces = [
      "指标", "指标1：", "指标二:", "指标①", "指标½:", "指", "标", "1", "2", "１", "一", "万", "①", "½", "a", ":", "：", "；", ";", "、", ",", "，", " ", "\u{3000}", "\u{A0}",
      ".", "…", "。", "·", "\u{387}", "合格率", "\u{301}", "\r", "\n",
    ]
    var rng = SplitMix64(seed: 11_24)
    var named = 0
    var placeholders = 0
    var prefixed = 0
    for _ in 0..<40_000 {
      let s = rng.text(from: pieces, fewerThan: 8)
      Self.expectSame(s)
      let slow = PerformanceText.indicatorText(cleaned: s)
      if slow == nil { placeholders += 1 } else { named += 1 }
      if s.hasPrefix("指标"), let slow, !slow.hasPrefix("指标") { prefixed += 1 }
    }
    #expect(named > 10_000)
    #expect(placeholders > 1_000)
    #expect(prefixed > 1_000)
  }

  @Test func everySeedCellGivesTheSameName() throws {
    var cells = 0
    for cell in try SeedTable.cells() {
      cells += 1
      Self.expectSame(PerformanceText.clean(cell))
    }
    #expect(cells > 5_000)
  }

  @Test func inertCellsReadExactly() {
    #expect(PerformanceText.indicatorTextOfInertText("指标1：培训人次；") == .some("培训人次"))
    #expect(PerformanceText.indicatorTextOfInertText("指标十二:合格率") == .some("合格率"))
    #expect(PerformanceText.indicatorTextOfInertText("指标1：") == .some(nil))
    #expect(PerformanceText.indicatorTextOfInertText("指标：合格率") == .some("指标：合格率"))
    #expect(PerformanceText.indicatorTextOfInertText("……") == .some(nil))
    #expect(PerformanceText.indicatorTextOfInertText("1.") == .some("1."))
    #expect(PerformanceText.indicatorTextOfInertText("合格\u{301}") == nil)
  }
}

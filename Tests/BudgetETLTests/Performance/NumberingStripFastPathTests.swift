import Testing

@testable import BudgetETL

/// ``PerformanceText/stripNumberingOfInertText(_:)`` against the `Character` reading it
/// replaces (``PerformanceText/stripNumberingByCharacters(_:)``), on random labels with every
/// numbering, the circled numbers' neighbours (⑯), full-width digits, unclosed parentheses,
/// spaces, marks and compatibility ideographs, and on every seed cell.
@Suite struct NumberingStripFastPathTests {
  @Test func randomLabelsLoseTheSameNumbering() {
    let pieces = [
      "一", "二", "十", "百", "、", "，", ",", "（", "）", "(", ")", "1", "2", "0", "１", ".", "．", "①", "⑮", "⑯", " ", "\u{3000}",
      "\u{A0}", "\t", "\u{301}", "\u{F9D1}", "项目", "a", "其中", ":",
    ]
    var rng = SplitMix64(seed: 24_1126)
    var stripped = 0
    var inert = 0
    for _ in 0..<40_000 {
      let s = rng.text(from: pieces, fewerThan: 9)
      let slow = PerformanceText.stripNumberingByCharacters(s)
      if let fast = PerformanceText.stripNumberingOfInertText(s) {
        inert += 1
        #expect(Array(fast.utf8) == Array(slow.utf8), "\(s.debugDescription)")
      }
      #expect(PerformanceText.stripNumbering(s) == slow)
      if slow != s { stripped += 1 }
    }
    #expect(inert > 20_000)
    #expect(stripped > 5_000)
  }

  @Test func everySeedCellLosesTheSameNumbering() throws {
    var stripped = 0
    for cell in try SeedTable.cells() {
      let slow = PerformanceText.stripNumberingByCharacters(cell)
      #expect(Array(PerformanceText.stripNumbering(cell).utf8) == Array(slow.utf8), "\(cell.debugDescription)")
      if slow != cell { stripped += 1 }
    }
    #expect(stripped > 100)
  }

  @Test func inertLabelsReadExactly() {
    #expect(PerformanceText.stripNumberingOfInertText("（一） 1、①项目") == "项目")
    #expect(PerformanceText.stripNumberingOfInertText("1.5万元") == "1.5万元")
    #expect(PerformanceText.stripNumberingOfInertText("1.项目") == "项目")
    #expect(PerformanceText.stripNumberingOfInertText("(1234)项目") == "(1234)项目")
    #expect(PerformanceText.stripNumberingOfInertText("(12项目") == "(12项目")
    #expect(PerformanceText.stripNumberingOfInertText("⑯项目") == "⑯项目")
    #expect(PerformanceText.stripNumberingOfInertText("一\u{301}、项目") == nil)
  }
}

import Testing

@testable import BudgetETL

/// ``PerformanceText/stripMarkup(_:)``'s shortcut for inert text without `<` or `*`, and
/// ``PerformanceForm/isNoName(_:)``, against the readings they shortcut
/// (``PerformanceText/stripMarkupSearchingTags(_:)``, `Set.contains`), on random cells with
/// tags, spaces, dashes, Chinese, combining marks, CR and compatibility ideographs, and on
/// every seed cell.
@Suite struct PerformanceTextMarkupFastPathTests {
  static let noNames: Set<String> = ["无", "/", "-", "—", "－", "无此项", "略"]

  @Test func randomCellsReadAsBefore() {
    let pieces = [
      "<b>", "</b>", "<br>", "<br/>", "<br />", "<td>", "</td>", "**", "*", "<", ">", "b", " ", "\u{3000}", "\u{A0}", "\t", "无", "此项",
      "略", "/", "-", "—", "－", "项目", "1", "\u{301}", "\u{F9FA}", "\r",
    ]
    var rng = SplitMix64(seed: 1_123_2026)
    var changed = 0
    var noNames = 0
    for _ in 0..<40_000 {
      let s = rng.text(from: pieces, fewerThan: 7)
      let slow = PerformanceText.stripMarkupSearchingTags(s)
      #expect(Array(PerformanceText.stripMarkup(s).utf8) == Array(slow.utf8), "\(s.debugDescription)")
      if slow != s { changed += 1 }
      let expected = Self.noNames.contains(s)
      #expect(PerformanceForm.isNoName(s) == expected, "\(s.debugDescription)")
      if expected { noNames += 1 }
    }
    #expect(changed > 10_000)
    #expect(noNames > 1_000)
    #expect(PerformanceText.stripMarkup(" 培训 人次\u{3000}") == "培训 人次")
    #expect(PerformanceText.stripMarkup(" <b>培训</b> ") == "培训")
    #expect(PerformanceForm.isNoName("无此项"))
    #expect(!PerformanceForm.isNoName("无此"))
  }

  @Test func everySeedCellReadsAsBefore() throws {
    var cells = 0
    for cell in try SeedTable.cells() {
      cells += 1
      #expect(Array(PerformanceText.stripMarkup(cell).utf8) == Array(PerformanceText.stripMarkupSearchingTags(cell).utf8))
      let c = PerformanceText.compact(cell)
      #expect(PerformanceForm.isNoName(c) == Self.noNames.contains(c), "\(c.debugDescription)")
    }
    #expect(cells > 5_000)
  }
}

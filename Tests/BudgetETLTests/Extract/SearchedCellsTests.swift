import Foundation
import Testing

@testable import BudgetETL

/// `SearchedCells` against Foundation's search of the cells joined by `|`, which it replaces in
/// the table classifier: words split across two cells, words holding `|`, cells that are not
/// inert (a combining mark after the separator, a compatibility ideograph, CR LF), empty cells.
@Suite struct SearchedCellsTests {
  @Test func cellsSearchAsJoined() {
    let words = [
      "是否空表", "一级指标", "绩效指标", "功能科目", "功能分类", "经济科目", "经济分类", "科目|", "|", "目|功", "狀", "\u{F9FA}", "a\u{301}", "",
    ]
    let pieces = ["功能", "科目", "经济", "分类", "是否", "空表", "一级", "指标", "|", "\u{301}", "\u{F9FA}", "狀", "\r", "\n", "a", " ", "绩效"]
    var rng = SplitMix64(seed: 7_1124)
    var found = 0
    for _ in 0..<5_000 {
      let cells = (0..<rng.below(5)).map { _ in rng.text(from: pieces, fewerThan: 4) }
      let joined = cells.joined(separator: "|")
      let searched = SearchedCells(cells)
      for word in words {
        let expected = joined[...].contains(word)
        #expect(searched.contains(word) == expected, "\(cells.debugDescription) \(word.debugDescription)")
        #expect(searched.contains(word) == SearchedText(joined).contains(word))
        if expected { found += 1 }
      }
    }
    #expect(found > 5_000)
    // Exact answers: a word across two cells is not in either, but is in the joined text.
    #expect(!SearchedCells(["功能", "科目"]).contains("功能科目"))
    #expect(SearchedCells(["功能", "科目"]).contains("能|科"))
    #expect(SearchedCells(["支出", "功能科目编码"]).contains("功能科目"))
    #expect(!SearchedCells([]).contains("功能"))
    // A combining mark after the separator joins it: the joined text is searched.
    #expect(SearchedCells(["功能科目", "\u{301}x"]).contains("功能科目"))
    #expect(SearchedCells(["\u{F9FA}"]).contains("\u{72C0}") == "\u{F9FA}"[...].contains("\u{72C0}"))
  }
}

import Testing

@testable import BudgetETL

/// ``PerformanceForm/cleanedAndCompacted(_:)`` against the two maps it replaces
/// (`clean` of every cell, then `removingSpaces` of every cleaned cell), on the rows of every
/// seed document and on random rows with markup, spaces of every kind, combining marks, CR
/// and compatibility ideographs.
@Suite struct PerformanceFormCellsTests {
  static func expectSame(_ rows: [RawRow]) {
    let old = rows.map { $0.cells.map(PerformanceText.clean) }
    let oldCompact = old.map { $0.map(PerformanceText.removingSpaces) }
    let (cells, compact, isPlain) = PerformanceForm.cleanedAndCompacted(rows)
    #expect(cells.map { $0.map { Array($0.utf8) } } == old.map { $0.map { Array($0.utf8) } })
    #expect(compact.map { $0.map { Array($0.utf8) } } == oldCompact.map { $0.map { Array($0.utf8) } })
    // A plain cell is its own cleaned, compacted and printed text.
    for (r, row) in rows.enumerated() {
      for (c, raw) in row.cells.enumerated() where isPlain[r][c] {
        #expect(Array(raw.utf8) == Array(old[r][c].utf8), "\(raw.debugDescription)")
        #expect(Array(raw.utf8) == Array(oldCompact[r][c].utf8), "\(raw.debugDescription)")
        #expect(Array(PerformanceText.stripMarkup(raw).utf8) == Array(raw.utf8), "\(raw.debugDescription)")
      }
    }
  }

  @Test func seedRowsCleanAsBefore() throws {
    var rows = 0
    for seed in 0..<Seed.allCases.count {
      let lines = try SeedTable.lines(seed: seed)
      let table = lines.enumerated().map { n, line in
        RawRow(cells: line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), line: n + 1, page: nil)
      }
      rows += table.count
      Self.expectSame(table)
    }
    #expect(rows > 2_000)
  }

  /// ``PerformanceText/isOwnCleanedText(_:)`` only for text that cleaning, compacting and
  /// stripping markup leave as it is, on every seed cell and on random cells.
  @Test func ownCleanedTextIsLeftAsItIs() throws {
    func expectLeft(_ s: String) -> Bool {
      guard PerformanceText.isOwnCleanedText(s) else { return false }
      #expect(Array(PerformanceText.clean(s).utf8) == Array(s.utf8), "\(s.debugDescription)")
      #expect(Array(PerformanceText.removingSpaces(s).utf8) == Array(s.utf8), "\(s.debugDescription)")
      #expect(Array(PerformanceText.stripMarkup(s).utf8) == Array(s.utf8), "\(s.debugDescription)")
      return true
    }
    var left = 0
    var notClean = 0
    for cell in try SeedTable.cells() where expectLeft(cell) {
      left += 1
      if !TextCleaner.isAlreadyClean(cell) { notClean += 1 }
    }
    #expect(left > 5_000)
    #expect(notClean > 500)
    let pieces = ["<b>", "**", " ", "\u{3000}", "\u{A0}", "\t", "培训", "DRG", "1", "（", "：", "\u{301}", "\u{F9FA}", "\r", "#", "-", "_", "|", ">"]
    var rng = SplitMix64(seed: 11_24_6)
    var randomLeft = 0
    for _ in 0..<5_000 where expectLeft(rng.text(from: pieces, fewerThan: 5)) { randomLeft += 1 }
    #expect(randomLeft > 300)
    #expect(PerformanceText.isOwnCleanedText("指标1：培训人次（万元）"))
    #expect(!PerformanceText.isOwnCleanedText("培训 人次"))
    #expect(!PerformanceText.isOwnCleanedText("培训\u{3000}人次"))
    #expect(!PerformanceText.isOwnCleanedText("**培训**"))
    #expect(!PerformanceText.isOwnCleanedText("合格\u{301}"))
  }

  @Test func randomRowsCleanAsBefore() {
    let pieces = ["<b>", "**", " ", "\u{3000}", "\u{A0}", "\t", "培训", "DRG", "1", "（", "\u{301}", "\u{F9FA}", "\r", "#", "-", "*<b>*"]
    var rng = SplitMix64(seed: 11_24_0)
    var changed = 0
    for _ in 0..<2_000 {
      let row = (0..<(1 + rng.below(6))).map { _ in rng.text(from: pieces, fewerThan: 6) }
      Self.expectSame([RawRow(cells: row, line: 1, page: nil)])
      if PerformanceForm.cleanedAndCompacted([RawRow(cells: row, line: 1, page: nil)]).cells[0] != row { changed += 1 }
    }
    #expect(changed > 1_000)
    let (cells, compact, _) = PerformanceForm.cleanedAndCompacted([RawRow(cells: [" **培训 人次** ", "DRG  试点"], line: 1, page: nil)])
    #expect(cells == [["培训人次", "DRG试点"]])
    #expect(compact == [["培训人次", "DRG试点"]])
    #expect(
      PerformanceForm.cleanedAndCompacted([RawRow(cells: ["指标1：培训人次", "DRG 试点", "培训 人次", "1\t\u{301}"], line: 1, page: nil)])
        .isPlain == [[true, false, false, false]])
  }
}

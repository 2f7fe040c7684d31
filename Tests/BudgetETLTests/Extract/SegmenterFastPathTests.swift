import Testing

@testable import BudgetETL

/// The segmenter's byte readings against the `String` operations they replace.
@Suite struct SegmenterFastPathTests {
  /// `isOnlySpaces` is `trimmingASCIIAndIdeographicSpaces().isEmpty`: on traps (a space a
  /// combining mark follows, U+00A0 and U+3000 cut short, U+2003, CR LF) and on random text.
  @Test func onlySpacesIsTrimmedEmpty() {
    let traps = [
      "", " ", "\t", "\u{A0}", "\u{3000}", " \t\u{3000}\u{A0} ", " \u{301}", "\u{3000}\u{301}", "\u{2003}", "\r\n", "\n",
      " a ", "\u{3001}", "\u{C2}", "合计", "\u{A0}\u{A0}", "\u{3000}x",
    ]
    for s in traps {
      #expect(s.isOnlySpaces == s.trimmingASCIIAndIdeographicSpaces().isEmpty, "\(s.debugDescription)")
    }
    #expect(" \t\u{3000}\u{A0} ".isOnlySpaces)
    #expect(!" \u{301}".isOnlySpaces)
    #expect(!"\u{2003}".isOnlySpaces)
    let pieces = [" ", "\t", "\u{A0}", "\u{3000}", "\u{301}", "\u{2003}", "\u{3001}", "\u{80}", "a", "合", "\r", "\n"]
    var rng = SplitMix64(seed: 2_026_1124)
    var blank = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 6)
      let expected = s.trimmingASCIIAndIdeographicSpaces().isEmpty
      #expect(s.isOnlySpaces == expected, "\(s.debugDescription)")
      if expected { blank += 1 }
    }
    #expect(blank > 1_000)
    // Every line of the seeds.
    var seedBlank = 0
    for seed in Seed.allCases {
      for line in seed.lines {
        let expected = line.text.trimmingASCIIAndIdeographicSpaces().isEmpty
        #expect(line.text.isOnlySpaces == expected, "\(seed) line \(line.number)")
        if expected { seedBlank += 1 }
      }
    }
    #expect(seedBlank > 0)
  }

  /// The word-at-a-time tab count is the byte count, on every length around the word size and
  /// on bytes next to a tab's (08, 0A, 89, 49, 00, FF) at every position in the word.
  @Test func tabCountCountsTheTabBytes() {
    var rng = SplitMix64(seed: 11_24)
    let alphabet: [UInt8] = [0x09, 0x09, 0x08, 0x0A, 0x89, 0x49, 0x00, 0xFF, 0x80, 0x7F, 0x41, 0xE5]
    var tabs = 0
    for length in 0..<40 {
      for _ in 0..<200 {
        let bytes = (0..<length).map { _ in alphabet[rng.below(alphabet.count)] }
        let expected = bytes.filter { $0 == 0x09 }.count
        #expect(bytes.withUnsafeBufferPointer(String.tabCount) == expected, "\(bytes)")
        tabs += expected
      }
    }
    #expect(tabs > 10_000)
    #expect([UInt8](repeating: 0x09, count: 17).withUnsafeBufferPointer(String.tabCount) == 17)
    #expect(Array("合计\t12.00\t\t3.50\t".utf8).withUnsafeBufferPointer(String.tabCount) == 4)
  }

  /// `tableField` repeats the byte rules of ``TextCleaner/isAlreadyClean(bytes:)`` to decide a
  /// field's cleanness in the pass that finds its end: on a field without a tab the two must
  /// agree, and the ASCII flag of a clean field must be the bytes'. Random fields of every byte
  /// either looks for (and their neighbours: E3 80 81, EF BB, C2 A1) keep the copies in step.
  @Test func tableFieldIsCleanExactlyWhenTextCleanerSaysSo() {
    let pieces = [
      "合计", "a", "1", ".", "<", "*", "#", "_", "-", ">", "|", " ", "\u{A0}", "\u{A1}", "\u{3000}", "\u{3001}",
      "（", "）", "Ａ", "\u{FEFF}", "\u{301}", "😀", "é", "\r",
    ]
    var rng = SplitMix64(seed: 11_24_6)
    var clean = 0
    var dirty = 0
    for _ in 0..<20_000 {
      let field = rng.text(from: pieces, fewerThan: 6)
      let bytes = Array(field.utf8)
      bytes.withUnsafeBufferPointer { b in
        let (end, isClean, ascii) = String.tableField(b, from: 0)
        #expect(end == b.count)
        #expect(isClean == TextCleaner.isAlreadyClean(bytes: b), "\(field.debugDescription)")
        if isClean { #expect(ascii == b.allSatisfy { $0 < 0x80 }, "\(field.debugDescription)") }
        if isClean { clean += 1 } else { dirty += 1 }
      }
    }
    #expect(clean > 1_000)
    #expect(dirty > 1_000)
  }

  /// `tableCells()` is the row the segmenter made before: `tabFields().map(TextCleaner.cell)`
  /// with blank cells dropped off the end. On every seed line, on traps and on random lines of
  /// markup, spaces of every kind, full-width forms and combining marks.
  @Test func tableCellsAreCleanedFieldsTrimmed() {
    func before(_ text: String) -> [String] {
      var cells = text.tabFields().map(TextCleaner.cell)
      while let l = cells.last, l.isEmpty { cells.removeLast() }
      return cells
    }
    #expect("支出\t\t12.00\t".tableCells() == ["支出", "", "12.00"])
    #expect("**合计**\t 1,234.00 \t\u{3000}\t".tableCells() == ["合计", "1,234.00"])
    #expect("".tableCells() == [])
    #expect("\t\t".tableCells() == [])
    #expect("\t\u{301}x".tableCells() == ["", "\u{301}x"])
    let traps = ["a\u{301}\tb", "\t", " \t ", "<b>合计</b>\t1", "- 项目\t\t", "１２\t＃", "\r\n\t1", "合计\t\u{A0}"]
    for s in traps { #expect(s.tableCells() == before(s), "\(s.debugDescription)") }
    let pieces = ["\t", "\t", "合计", "12.00", " ", "\u{3000}", "\u{A0}", "**", "<b>", "</b>", "#", "-", "１", "\u{301}", "|", "_", "a"]
    var rng = SplitMix64(seed: 9_1124)
    var cleaned = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 9)
      let expected = before(s)
      #expect(s.tableCells() == expected, "\(s.debugDescription)")
      if expected != s.tabFields() { cleaned += 1 }
    }
    #expect(cleaned > 5_000)
    var lines = 0
    for seed in Seed.allCases {
      for line in seed.lines where line.text.containsTab() {
        #expect(line.text.tableCells() == before(line.text), "\(seed) line \(line.number)")
        lines += 1
      }
    }
    #expect(lines > 500)
  }
}

import Testing

@testable import BudgetETL

/// ``TextCleaner/stripMarkupOfInertText(_:)`` (through ``TextCleaner/stripMarkup(notClean:)``)
/// against the `Character` reading it replaces (``TextCleaner/stripMarkupByCharacters(notClean:)``),
/// on every seed line and on random text made of tags known and unknown, tags followed by a
/// letter that is not ASCII (`<b中>`, `<bª>`) or by punctuation (`<b，>`), `**`, `__`, `#`,
/// bullets, quotes, spaces, Chinese, combining marks and CR.
@Suite struct StripMarkupFastPathTests {
  @Test func randomTextLosesTheSameMarkup() {
    let pieces = [
      "<", ">", "/", "b", "B", "br", "TD", "span", "x", " ", "**", "*", "_", "__", "#", "- ", "+ ", "> ", "|", "中", "①", "ª",
      "，", "\u{301}", "\r", "\u{3000}", "<b>", "</td>", "<br/>", "<br />", "<p class=x>", "<b中>", "<bª>", "<b，>", "<2>",
      "</>", "<>", "-", "+",
    ]
    var rng = SplitMix64(seed: 2026_1123)
    var changed = 0
    var inert = 0
    for _ in 0..<40_000 {
      let s = rng.text(from: pieces, fewerThan: 9)
      let slow = TextCleaner.stripMarkupByCharacters(notClean: s)
      let fast = TextCleaner.stripMarkup(notClean: s)
      #expect(Array(fast.utf8) == Array(slow.utf8), "\(s.debugDescription)")
      if LiteralSearch.mayHoldMarkup(s) != nil { inert += 1 }
      if slow != s { changed += 1 }
    }
    #expect(inert > 20_000)
    #expect(changed > 20_000)
  }

  @Test func everySeedLineLosesTheSameMarkup() throws {
    var changed = 0
    for seed in 0..<Seed.allCases.count {
      for line in try SeedTable.lines(seed: seed) {
        let slow = TextCleaner.stripMarkupByCharacters(notClean: line)
        #expect(Array(TextCleaner.stripMarkup(notClean: line).utf8) == Array(slow.utf8), "\(line.debugDescription)")
        for cell in line.split(separator: "\t").map(String.init) {
          #expect(TextCleaner.stripMarkup(notClean: cell) == TextCleaner.stripMarkupByCharacters(notClean: cell))
        }
        if slow != line { changed += 1 }
      }
    }
    // 99 seed lines hold markup (`**`, `<b>`, `#` headings).
    #expect(changed == 99)
  }

  @Test func inertTextReadsExactly() {
    #expect(TextCleaner.stripMarkupOfInertText("## **<b>一、</B>收入**<br/>") == "一、收入")
    #expect(TextCleaner.stripMarkupOfInertText("<b中>和<bª>与<b，>") == "<b中>和<bª>与<b，>")
    #expect(TextCleaner.stripMarkupOfInertText("<b 中>和<SPAN>与</p>") == "和与")
    #expect(TextCleaner.stripMarkupOfInertText("\u{3000} - 项目<td class=x>") == "项目")
    #expect(TextCleaner.stripMarkupOfInertText("> 《关于<2022年>》_**_") == "《关于<2022年>》")
    #expect(TextCleaner.stripMarkupOfInertText("|a|") == "|a|")
  }

  /// What the byte reading of a tag's name rests on: no inert scalar beyond ASCII lowercases to
  /// text holding ASCII, so a name followed by such a letter is never a known tag. (The Kelvin
  /// sign U+212A lowercases to `k` and is not inert.)
  @Test func noInertScalarBeyondASCIILowercasesToASCII() {
    var inert = 0
    for value in UInt32(0x80)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      var bytes = Array(String(scalar).utf8)
      guard bytes.withUnsafeMutableBufferPointer({ LiteralSearch.isInert(UnsafeBufferPointer($0)) }) else { continue }
      inert += 1
      #expect(!String(scalar).lowercased().utf8.contains { $0 < 0x80 }, "U+\(String(value, radix: 16))")
    }
    #expect(inert > 90_000)
    var kelvin = Array("\u{212A}".utf8)
    #expect(!kelvin.withUnsafeMutableBufferPointer { LiteralSearch.isInert(UnsafeBufferPointer($0)) })
  }
}

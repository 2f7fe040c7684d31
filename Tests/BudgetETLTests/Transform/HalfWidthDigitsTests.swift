import Testing

@testable import BudgetETL

/// ``TextCleaner/halfWidthDigitsOnBytes(_:)`` against the scalar reading it replaces, on random
/// text with the first and last form of each folded range and their neighbours (U+FF04,
/// U+FF06, U+FF0F, U+FF1A, U+FF20, U+FF3B, U+FF40, U+FF5B), other EF-led scalars (U+F9FA,
/// U+FFE5, U+FF9E), Chinese, ASCII and combining marks.
@Suite struct HalfWidthDigitsTests {
  @Test func bytesFoldWhatTheScalarsFold() {
    let pieces = [
      "０", "９", "５", "Ａ", "Ｚ", "ａ", "ｚ", "．", "％", "＄", "＆", "／", "：", "＠", "［", "｀", "｛", "～", "｟", "（", "），",
      "\u{F9FA}", "￥", "\u{FF9E}", "\u{FFEF}", "补", "助", "2023", "年", "a", ".", "%", "\u{301}", " ", "\u{3000}",
    ]
    var rng = SplitMix64(seed: 1_124)
    var changed = 0
    for _ in 0..<30_000 {
      let s = rng.text(from: pieces, fewerThan: 9)
      let bytes = TextCleaner.halfWidthDigitsOnBytes(s)
      let scalars = TextCleaner.halfWidthDigitsByScalars(s)
      #expect(Array(bytes.utf8) == Array(scalars.utf8), "\(s.debugDescription)")
      #expect(Array(TextCleaner.halfWidthDigits(s).utf8) == Array(scalars.utf8), "\(s.debugDescription)")
      if bytes != s { changed += 1 }
    }
    #expect(changed > 10_000)
    #expect(TextCleaner.halfWidthDigits("２０２３年１２．５％ＡＢｃ（一）＄") == "2023年12.5%ABc（一）＄")
    #expect(TextCleaner.halfWidthDigits("\u{F9FA}￥") == "\u{F9FA}￥")
  }

  @Test func everySeedLineFoldsAsTheScalarsFoldIt() throws {
    // The seeds print no full-width digit or letter, but many lines hold other full-width
    // forms (，（）：), which reach the byte walk and must come back unchanged.
    var walked = 0
    for seed in 0..<Seed.allCases.count {
      for line in try SeedTable.lines(seed: seed) {
        let scalars = TextCleaner.halfWidthDigitsByScalars(line)
        #expect(Array(TextCleaner.halfWidthDigits(line).utf8) == Array(scalars.utf8), "\(line.debugDescription)")
        if line.utf8.contains(0xEF) { walked += 1 }
        #expect(scalars == line)
      }
    }
    #expect(walked > 500)
  }
}

import Testing

@testable import BudgetETL

/// Watermark phrases matched on bytes, with the length gate, against `String`'s `==`: lines
/// that are a phrase in another spelling (a compatibility ideograph, a precomposed letter
/// against a mark), lines just over and under a phrase's length, and configured phrases that
/// are not inert.
@Suite struct WatermarkMatcherTests {
  @Test func matchesAgreeWithStringEquality() {
    // U+2F800 (four bytes) is canonically 丽 U+4E3D (three): the gate allows four per scalar.
    let phrases = NoiseFilter().watermarks + ["\u{72C0}态", "e\u{301}稿", "é", "\u{4E3D}"]
    let matcher = WatermarkMatcher(phrases)
    let pieces = [
      "仅供", "内部", "审核", "资料", "征求意见稿", "样稿", "草稿", "\u{72C0}", "\u{F9FA}", "态", "e", "\u{301}", "é", "稿", " ", "\r\n",
      "𠀀", "a", "\u{2F800}", "\u{4E3D}",
    ]
    var rng = SplitMix64(seed: 34_2026)
    var matched = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 5)
      let expected = phrases.contains(s)
      #expect(matcher.matches(s) == expected, "\(s.debugDescription)")
      if expected { matched += 1 }
    }
    #expect(matched > 500)
    #expect(matcher.matches("\u{F9FA}态"))  // canonically 狀态
    #expect(matcher.matches("e\u{301}"))  // canonically é
    #expect(!matcher.matches("草稿草稿"))
    #expect(matcher.matches("\u{2F800}"))
  }
}

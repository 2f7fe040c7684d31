import Testing

@testable import BudgetETL

/// The narrative readers' scalars decoded from the UTF-8 against the standard library's
/// `unicodeScalars`, for scalars of one to four bytes, CR LF, combining marks, compatibility
/// ideographs, full-width digits and U+3000.
@Suite struct NarrativeScalarsTests {
  @Test func scalarsAgreeWithTheUnicodeScalarView() {
    let pieces = [
      "预算", "a", "1", " ", "\r\n", "\n", "\u{A0}", "é", "e\u{301}", "\u{F9FA}", "１２", "\u{3000}", "。", "\u{20000}", "\u{1F600}",
      "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10FFFF}", "\t",
    ]
    var rng = SplitMix64(seed: 23_2026)
    for _ in 0..<10_000 {
      let s = rng.text(from: pieces, fewerThan: 12)
      #expect(NarrativeText.scalars(s) == Array(s.unicodeScalars), "\(s.debugDescription)")
    }
    #expect(NarrativeText.scalars("").isEmpty)
    #expect(NarrativeText.scalars("元\u{10FFFF}") == ["元", "\u{10FFFF}"])
  }
}

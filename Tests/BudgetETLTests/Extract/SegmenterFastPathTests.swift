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
}

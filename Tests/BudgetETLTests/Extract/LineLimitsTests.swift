import Testing

@testable import BudgetETL

@Suite struct LineLimitsTests {
  /// Tabs counted with `memchr` are the tabs of the bytes.
  @Test func tabCountCountsTheTabBytes() {
    var rng = SplitMix64(seed: 15_2026)
    let pieces = ["\t", "合计", "12.00", "\t\t", "", "a"]
    for _ in 0..<5_000 {
      let s = rng.text(from: pieces, fewerThan: 10)
      #expect(LineLimits.tabCount(s) == s.utf8.filter { $0 == 0x09 }.count, "\(s.debugDescription)")
    }
  }

  /// A row at the limit is cut after its 256th cell; a row below it and other lines stay.
  @Test func wideRowsAreCutAtTheCellLimit() {
    let wide = (1...300).map(String.init).joined(separator: "\t")
    let atLimit = (1...256).map(String.init).joined(separator: "\t")
    let lines = [
      SourceLine(number: 1, page: nil, text: "合计\t12.00"),
      SourceLine(number: 2, page: nil, text: wide),
      SourceLine(number: 3, page: nil, text: atLimit),
    ]
    let (out, problems) = LineLimits().apply(lines)
    #expect(out[0].text == "合计\t12.00")
    #expect(out[1].text == (1...256).map(String.init).joined(separator: "\t"))
    #expect(out[2].text == atLimit)
    #expect(problems == ["line 2 has 300 cells (limit 256): cells past 256 not read"])
  }
}

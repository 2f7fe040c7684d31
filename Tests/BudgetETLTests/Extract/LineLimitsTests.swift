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

  /// Lines made mostly of tabs, around small cell limits, against cutting each line at its
  /// limit-th tab without the byte-count gate: a line exactly as many bytes long as the limit,
  /// all tabs, is the gate's edge.
  @Test func byteCountGateKeepsEveryLineAtTheLimit() {
    var rng = SplitMix64(seed: 16_2026)
    let pieces = ["\t", "\t\t", "合", "1", ""]
    var cut = 0
    for round in 0..<5_000 {
      var limits = LineLimits()
      limits.maxCells = 1 + round % 6
      let texts = (0..<4).map { _ in rng.text(from: pieces, fewerThan: 8) } + [String(repeating: "\t", count: limits.maxCells)]
      let lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, page: nil, text: $0.element) }
      let (out, _) = limits.apply(lines)
      for (line, text) in zip(out, texts) {
        let bytes = Array(text.utf8)
        let tabs = bytes.indices.filter { bytes[$0] == 0x09 }
        let expected = tabs.count >= limits.maxCells ? String(decoding: bytes[..<tabs[limits.maxCells - 1]], as: UTF8.self) : text
        #expect(line.text == expected, "\(text.debugDescription) limit \(limits.maxCells)")
        if expected != text { cut += 1 }
      }
    }
    #expect(cut >= 5_000)  // at least the all-tab line of every round
  }
}

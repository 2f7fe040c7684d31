import Testing

@testable import BudgetETL

/// `GridTableReader.trailingCode`, whose last-byte gate settles most labels, against the
/// suffix comparison alone on the seeds' cells and on labels made to end near a parenthesis.
@Suite struct TrailingCodeTests {
  /// The reading without the last-byte gate.
  static func bySuffix(_ label: String) -> (String, String)? {
    guard label.hasSuffix("）") || label.hasSuffix(")") else { return nil }
    guard let open = label.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return nil }
    let inner = label[label.index(after: open)..<label.index(before: label.endIndex)]
    guard (3...7).contains(inner.count), inner.allSatisfy(\.isASCIIDigit) else { return nil }
    return (String(inner), String(label[..<open]).trimmingASCIIAndIdeographicSpaces())
  }

  @Test func exactAnswers() {
    #expect(GridTableReader.trailingCode("医疗保障经办事务（2101506）")! == ("2101506", "医疗保障经办事务"))
    #expect(GridTableReader.trailingCode("行政运行 (2010101)")! == ("2010101", "行政运行"))
    #expect(GridTableReader.trailingCode("行政运行（2010101）\u{301}") == nil)
    #expect(GridTableReader.trailingCode("行政运行（20）") == nil)
    #expect(GridTableReader.trailingCode("行政运行") == nil)
    #expect(GridTableReader.trailingCode("") == nil)
  }

  @Test func agreesWithSuffixComparison() {
    var labels: [String] = []
    for seed in Seed.allCases {
      for line in seed.lines {
        labels += line.text.split(whereSeparator: { $0 == "|" || $0 == "\t" || $0 == " " }).map(String.init)
      }
    }
    let pieces = ["（", "）", "(", ")", "201", "5", "\u{301}", "\u{200D}", " ", "款", "\u{FF09}"]
    var rng = SplitMix64(seed: 11_24_2)
    for _ in 0..<5_000 { labels.append("支出" + rng.text(from: pieces, fewerThan: 6)) }
    for open in ["（", "("] {
      for close in ["）", ")"] {
        for digits in ["20", "201", "2010101", "20101011"] {
          for tail in ["", "\u{301}", " ", "\u{200D}"] { labels.append("行政运行" + open + digits + close + tail) }
        }
      }
    }
    var differing: [String] = []
    var codes = 0
    for label in labels {
      let fast = GridTableReader.trailingCode(label)
      let slow = Self.bySuffix(label)
      if fast?.0 != slow?.0 || fast?.1 != slow?.1 { differing.append(label) }
      if fast != nil { codes += 1 }
    }
    #expect(differing.isEmpty, "\(differing.prefix(5))")
    #expect(codes > 25)
  }
}

import Testing

@testable import BudgetETL

/// `TableCaption.tableNumberFromTitle` behind the 表 gate and `hasAtMostCharacters`, against the
/// version that counted characters first (kept here as the oracle).
@Suite struct TableNumberGateTests {
  static func oracle(_ titled: String) -> String? {
    let t = titled.replacingOccurrences(of: " ", with: "")
    guard !t.isEmpty, t.count <= 14 else { return nil }
    let scalars = Array(t)
    func digitsOrDash(_ s: ArraySlice<Character>) -> Bool {
      !s.isEmpty && s.first!.isASCIIDigit && s.allSatisfy { $0.isASCIIDigit || $0 == "-" || $0 == "—" || $0 == "－" }
    }
    if let biao = scalars.lastIndex(of: "表"), biao + 1 < scalars.count, digitsOrDash(scalars[(biao + 1)...]) {
      let head = String(scalars[..<biao])
      if head.isEmpty || head == "附" || head.hasSuffix("公开") || head.hasSuffix("预算") || head.hasSuffix("决算") {
        return t
      }
    }
    if scalars.last == "表", scalars.count >= 4 {
      let body = scalars.dropLast()
      if let firstDigit = body.firstIndex(where: \.isASCIIDigit), digitsOrDash(body[firstDigit...]) {
        let head = String(body[..<firstDigit])
        if ["预算", "公开", "决算", "部门预算", "单位预算", "附"].contains(head) { return t }
      }
    }
    return nil
  }

  static let pieces = [
    "表", "附", "预算", "公开", "决算", "部门", "单位", "1", "01", "-", "—", "－", " ", "表\u{301}", "\u{301}", "\r\n",
    "\u{3000}", "\u{A0}", "\u{F9FA}", "\u{FAAE}", "１", "\u{FFFD}", "a", "收支总表", "e\u{301}",
  ]

  @Test func gateAgreesWithTheOracle() {
    var rng = SplitMix64(seed: 45_2026)
    var found = 0
    for _ in 0..<30_000 {
      let heads = ["", "附", "预算", "部门预算", "单位预算", "公开", "决算", "收支总", " 附 ", "附\u{301}", "\u{F9FA}", "一二三四五六七八九十"]
      let numbers = ["1", "01", "1-2", "3—4", "2－1", "１", "1a", "-1", "1 2"]
      let traps = ["", "", "", "\u{301}", "\r\n", "\u{3000}", "\u{A0}", "\u{FFFD}", " "]
      let s: String
      switch rng.below(3) {
      case 0: s = heads[rng.below(heads.count)] + "表" + numbers[rng.below(numbers.count)] + traps[rng.below(traps.count)]
      case 1: s = heads[rng.below(heads.count)] + numbers[rng.below(numbers.count)] + "表" + traps[rng.below(traps.count)]
      default: s = rng.text(from: Self.pieces, fewerThan: 8)
      }
      let expected = Self.oracle(s)
      #expect(TableCaption.tableNumberFromTitle(s) == expected, "\(s.debugDescription)")
      if expected != nil { found += 1 }
    }
    #expect(found > 1_000)
    for seed in Seed.allCases {
      for line in seed.lines {
        let title = TextCleaner.title(line.text)
        #expect(TableCaption.tableNumberFromTitle(title) == Self.oracle(title), "\(line.text.debugDescription)")
      }
    }
  }

  @Test func exactValues() {
    #expect(TableCaption.tableNumberFromTitle("附表 1-2") == "附表1-2")
    #expect(TableCaption.tableNumberFromTitle("预算01表") == "预算01表")
    #expect(TableCaption.tableNumberFromTitle("部门预算表3") == "部门预算表3")
    #expect(TableCaption.tableNumberFromTitle("收支总表") == nil)
    #expect(TableCaption.tableNumberFromTitle("表\u{301}1") == nil)
    #expect(TableCaption.tableNumberFromTitle("\u{F9FA}表1") == nil)
    #expect(TableCaption.tableNumberFromTitle("一二三四五六七八九十一二三表1") == nil)
    // The limit counts characters, not scalars: four characters in fifteen scalars pass, and
    // fifteen characters do not.
    let marked = "附表1" + String(repeating: "\u{301}", count: 12)
    #expect(TableCaption.tableNumberFromTitle(marked) == Self.oracle(marked))
    #expect(TableCaption.tableNumberFromTitle(marked) != nil)
    #expect(TableCaption.tableNumberFromTitle("一二三四五六七八九十一二三附表1") == nil)
  }
}

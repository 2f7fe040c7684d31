import Testing

@testable import BudgetETL

/// A text checked once for inert scalars and then searched on bytes finds what Foundation's
/// search finds, on random text with combining marks, CJK compatibility ideographs, CR LF and
/// full-width forms, and with literals that are not inert.
@Suite struct SearchedTextTests {
  @Test func searchesFindWhatFoundationFinds() {
    let pieces = [
      "合", "计", "合计", "编码", "代码", "序号", "功能", "经济", "\u{301}", "\u{F9FA}", "\u{72C0}", "\r\n", "\r", "\n", "１", "1",
      " ", "\u{3000}", "|", "/", "是否空表", "表", "a", "é", "e", "－",
    ]
    let literals = ["合计", "编码", "\u{72C0}", "\u{F9FA}", "1", "１", "e\u{301}", "é", "\r", "\n", "表", "是否空表", "", "|"]
    var rng = SplitMix64(seed: 17_2026)
    var inert = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 8)
      let searched = SearchedText(s)
      if s.allScalarsInert { inert += 1 }
      for literal in literals {
        #expect(searched.contains(literal) == s[...].contains(literal), "\(s.debugDescription) contains \(literal.debugDescription)")
      }
      let marks = Array(literals.shuffled(using: &rng).prefix(3))
      #expect(searched.containsNone(of: marks) == !marks.contains { s[...].contains($0) }, "\(s.debugDescription) \(marks)")
    }
    #expect(inert > 3_000)
    #expect(SearchedText("一般公共预算支出表").contains("预算"))
    #expect(!SearchedText("合计\u{301}").contains("合计"))
  }

  /// The seeds' tables are classified as the `String` searches classified them.
  @Test(arguments: Seed.allCases)
  func tablesAreClassifiedAsBefore(_ seed: Seed) {
    for table in DocumentSegmenter().segment(seed.lines).tables {
      let title = (table.title ?? "").replacingOccurrences(of: " ", with: "")
      let header = table.headerRows.flatMap(\.cells).joined(separator: "|")
      let firstRows = table.rows.prefix(6).flatMap(\.cells).joined(separator: "|")
      // TableClassifier.classify as it read before, with Foundation's searches.
      let expected: TableType
      if header[...].contains("是否空表") || firstRows[...].contains("是否空表") || title == "目录" || title == "报表目录" {
        expected = .catalog
      } else if title[...].contains("绩效") || firstRows[...].contains("一级指标") || firstRows[...].contains("绩效指标") {
        expected = .performance
      } else if let t = TableClassifier.byTitle(SearchedText(title)) {
        expected = t
      } else if header[...].contains("功能科目") || header[...].contains("功能分类") {
        expected = .generalByFunction
      } else if header[...].contains("经济科目") || header[...].contains("经济分类") {
        expected = .generalByEconomic
      } else {
        expected = .other
      }
      #expect(TableClassifier.classify(table) == expected, "\(seed) \(table.title ?? "")")
    }
  }
}

@Suite struct DeclaredUnitTests {
  /// Units read from a text searched once (`SearchedText`) against Foundation's searches, with
  /// spaces (removed first; a space a mark follows is another character and stays), full-width
  /// parentheses and colons, marks after 元 and compatibility ideographs.
  @Test func unitsAgreeWithFoundationsSearches() {
    let pieces = [
      "元", "万元", "亿元", "万", "亿", "单位", "：", ":", "(", ")", "（", "）", " ", " \u{301}", "\u{301}", "\u{F9FA}", "金额", "合计", "\u{3000}",
    ]
    func byFoundation(_ text: String) -> MoneyUnit? {
      let t = text[...].replacingOccurrences(of: " ", with: "")[...]
      if t.contains("亿元") { return .yiYuan }
      if t.contains("万元") { return .wanYuan }
      if t.contains("(元)") || t.contains("（元）") || t.contains("：元") || t.contains(":元") || t.hasSuffix("元") && t.contains("单位") {
        return .yuan
      }
      return nil
    }
    var rng = SplitMix64(seed: 25_2026)
    var units = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 7)
      let expected = byFoundation(s)
      #expect(MoneyUnit.declared(in: s) == expected, "\(s.debugDescription)")
      #expect(MoneyUnit.declared(in: SearchedText(s)) == expected, "searched \(s.debugDescription)")
      if expected != nil { units += 1 }
    }
    #expect(units > 2_000)
    #expect(MoneyUnit.declared(in: SearchedText("金额单位：万元")) == .wanYuan)
    #expect(MoneyUnit.declared(in: SearchedText("单位 ：元")) == .yuan)
    #expect(MoneyUnit.declared(in: SearchedText("元\u{301}单位")) == nil)
  }
}

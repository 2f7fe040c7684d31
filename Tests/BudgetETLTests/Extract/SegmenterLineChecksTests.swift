import Testing

@testable import BudgetETL

/// The segmenter's checks of single lines (a title printed as a one-cell row, a stray cell, a
/// caption's title) against the `Character`-counting code they replace, kept here as oracles.
@Suite struct SegmenterLineChecksTests {
  static func oracleIsTitleInTableLine(_ text: String) -> Bool {
    if DocumentSegmenter.holdsTwoCells(text) { return false }
    let cells = text.tabFields().map(TextCleaner.title).filter { !$0.isEmpty }
    guard cells.count == 1, let t = cells.first else { return false }
    return t.hasSuffix("表") && oracleIsTitleCandidateFromTitle(TextCleaner.title(t)) && oracleLooksLikeTableTitle(t)
      && t.count >= 6
  }

  static func oracleIsStrayCandidate(_ text: String) -> Bool {
    let t = TextCleaner.title(text)
    return t.count <= 20 && !t.hasSuffix("。") && !t.contains("表") && !t.hasPrefix("注")
      && TableCaption.unit(t) == nil && TableCaption.agency(t) == nil && !TableCaption.isYearLine(t)
  }

  static func oracleIsTitleCandidateFromTitle(_ t: String) -> Bool {
    guard !t.isEmpty, t.count <= 70 else { return false }
    if t.hasSuffix("。") || t.hasPrefix("注") || t.contains("：") || t.contains(":") { return false }
    if t.contains("，") || t.contains("；") { return false }
    return true
  }

  static func oracleLooksLikeTableTitle(_ t: String) -> Bool {
    if t == "目录" || t == "目 录" || t == "报表目录" { return true }
    if NumberingPrefix.match(t) != nil && !t.contains("表") { return false }
    return t.contains("表") || t.hasSuffix("经费") || t.contains("预算") || t.contains("决算") || t.contains("绩效目标")
  }

  static let pieces = [
    "\t", "\t", "\t", "表", "收支总表", "部门预算", "2023年", "决算", "经费", "绩效目标", "目录", "目 录", "报表目录", "注", "注：",
    "。", "，", "；", ":", "：", "一、", "（一）", "合计", "12.00", "１２", "ｘ", " ", "\u{3000}", "\u{A0}", "**", "<b>", "</b>",
    "#", "- ", "单位：万元", "单位名称：", "（2023年度）", "表\u{301}", "\u{301}", "e\u{301}", "\u{F9FA}", "\r\n", "\u{FFFD}",
    String(repeating: "部门", count: 20), String(repeating: "表", count: 9),
  ]

  /// Every line of the seeds and of generated documents, each once as a line and once as a
  /// caption's title, and random lines of the pieces above: the same answers as the oracles.
  @Test func lineChecksAgreeWithTheOracles() {
    let segmenter = DocumentSegmenter()
    var titles = 0
    var stray = 0
    var candidates = 0
    var tableTitles = 0
    func check(_ text: String) {
      let title = segmenter.isTitleInTableLine(text)
      #expect(title == Self.oracleIsTitleInTableLine(text), "\(text.debugDescription)")
      let isStray = segmenter.isStrayCandidate(text)
      #expect(isStray == Self.oracleIsStrayCandidate(text), "\(text.debugDescription)")
      let t = TextCleaner.title(text)
      let candidate = TableCaption.isTitleCandidateFromTitle(t)
      #expect(candidate == Self.oracleIsTitleCandidateFromTitle(t), "\(text.debugDescription)")
      let tableTitle = segmenter.looksLikeTableTitle(t)
      #expect(tableTitle == Self.oracleLooksLikeTableTitle(t), "\(text.debugDescription)")
      if title { titles += 1 }
      if isStray { stray += 1 }
      if candidate { candidates += 1 }
      if tableTitle { tableTitles += 1 }
    }
    var lines = Seed.allCases.flatMap(\.lines)
    let generator = ArchiveGenerator(templates: ArchiveGeneratorTests.templates, seed: 1)
    for i in 0..<12 {
      lines += NormalizedText(decoded: generator.document(i).bytes).lines()
    }
    for line in lines { check(line.text) }
    #expect(titles > 0)
    var rng = SplitMix64(seed: 11_24_2026)
    for _ in 0..<30_000 {
      check(rng.text(from: Self.pieces, fewerThan: 7))
    }
    #expect(titles > 200)
    #expect(stray > 2_000)
    #expect(candidates > 5_000)
    #expect(tableTitles > 5_000)
  }

  @Test func lineChecksExactValues() {
    let segmenter = DocumentSegmenter()
    #expect(segmenter.isTitleInTableLine("\t2023年部门收支总表\t\t"))
    #expect(segmenter.isTitleInTableLine("**部门收支总表**\t"))
    #expect(!segmenter.isTitleInTableLine("\t收支总表\t"))  // five characters
    #expect(!segmenter.isTitleInTableLine("\t\t其他资金\t\t\t"))  // no 表
    #expect(!segmenter.isTitleInTableLine("部门收支总表\t12.00"))  // two cells
    #expect(!segmenter.isTitleInTableLine("\t部门收支总表\u{301}\t"))  // its last character is no 表
    #expect(!segmenter.isTitleInTableLine("\t注：部门收支总表\t"))
    #expect(segmenter.isStrayCandidate("其他资金"))
    #expect(!segmenter.isStrayCandidate("说明。"))
    #expect(!segmenter.isStrayCandidate("注1"))
    #expect(!segmenter.isStrayCandidate(String(repeating: "部", count: 21)))
    #expect(segmenter.isStrayCandidate(String(repeating: "部", count: 20)))
    #expect(segmenter.isStrayCandidate(String(repeating: "e\u{301}", count: 20)))  // 20 characters, 40 scalars
    #expect(TableCaption.isTitleCandidateFromTitle(String(repeating: "部", count: 70)))
    #expect(!TableCaption.isTitleCandidateFromTitle(String(repeating: "部", count: 71)))
    #expect(TableCaption.isTitleCandidateFromTitle(String(repeating: "e\u{301}", count: 70)))
    #expect(!TableCaption.isTitleCandidateFromTitle("部门。"))
    #expect(TableCaption.isTitleCandidateFromTitle("部门。\u{301}"))  // ends in another character
    #expect(segmenter.looksLikeTableTitle("目 录"))
    #expect(segmenter.looksLikeTableTitle("公用经费"))
    #expect(!segmenter.looksLikeTableTitle("公用经费\u{301}"))
  }
}

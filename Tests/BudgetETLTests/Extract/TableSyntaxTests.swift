import Foundation
import Testing

@testable import BudgetETL

/// Markdown pipe tables and HTML tables are read exactly like tab-separated ones.
@Suite struct TableSyntaxTests {
  static let cases: [(Seed, Retabling)] = [Seed.s0, .s1, .s2, .s3, .s4].flatMap { seed in
    Retabling.allCases.map { (seed, $0) }
  }

  /// The seeds re-tabled give the same line items, apart from doc_id, source_line and
  /// source_page (DATA-CONTRACT), and the same tables and narrative.
  @Test(arguments: cases)
  func retabledSeedGivesTheSameLineItems(seed: Seed, syntax: Retabling) throws {
    let original = seed.result
    let text = syntax.apply(String(decoding: seed.bytes, as: UTF8.self))
    #expect(!text.contains("\t"), "every tab table rewritten")
    if syntax == .html { #expect(text.contains("rowspan") && text.contains("colspan=\"") && text.contains("<th")) }
    let processed = DocumentProcessor().process(relativePath: "\(seed.rawValue).txt", bytes: Array(text.utf8))
    #expect(processed.source.status == .ok)
    let result = try #require(processed.result)
    #expect(result.document.docID != original.document.docID)
    #expect(result.lineItems.count == original.lineItems.count, "\(syntax)")
    let got = result.lineItems.placementFree
    let want = original.lineItems.placementFree
    for (a, b) in zip(got, want) where a != b {
      Issue.record("\(syntax) \(seed): \(a) != \(b)")
      break
    }
    #expect(got == want)
    func tables(_ r: DocumentResult) -> [TableInfo] {
      r.tables.map {
        var t = $0
        t.docID = ""
        t.sourceLine = 0
        t.sourcePage = nil
        return t
      }
    }
    #expect(tables(result) == tables(original))
    #expect(result.textBlocks.map(\.text) == original.textBlocks.map(\.text))
    #expect(result.indicators.count == original.indicators.count)
  }

  @Test func markdownRowsBecomeTabLines() {
    let lines = [
      "单位：元", "| 项目 | 金额 |", "|:---|---:|", "| 收入\\|合计 | 12.00 |", "|  | - |", "| 表头 |", "正文 | 不是表格",
    ].enumerated().map { SourceLine(number: $0.offset + 1, page: nil, text: $0.element) }
    let out = TableSyntax.tabSeparated(lines)
    #expect(out.map(\.text) == ["单位：元", "项目\t金额", "", "收入|合计\t12.00", "\t-", "表头\t", "正文 | 不是表格"])
    #expect(out.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
    // A row of dashes is a separator only as the second row of a block or when long.
    #expect(MarkdownPipeTable.isSeparatorRow("| - | - |", secondRowOfBlock: true))
    #expect(!MarkdownPipeTable.isSeparatorRow("| - | - |", secondRowOfBlock: false))
    #expect(!MarkdownPipeTable.isSeparatorRow("| 合计 | --- |", secondRowOfBlock: true))
  }

  @Test func htmlSpansLayOutLikeTabs() {
    let html = """
      前言
      <table border="1"><caption>表1 收支总表</caption>
      <tr><th colspan="2">收 入</th><th colspan=2>支 出</th></tr>
      <tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>
      <TR><TD ROWSPAN="2">一、财政拨款</TD><td>1,239.00</td><td>
      一般公共服务
      支出</td><td>&nbsp;12.00</td></tr>
      <tr><td>(5.00)</td><td>A&amp;B<br>合计</td><td class='x'>0</td></tr>
      </table>后记
      """
    let lines = html.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      SourceLine(number: $0.offset + 1, page: nil, text: String($0.element))
    }
    let out = TableSyntax.tabSeparated(lines)
    #expect(
      out.map(\.text) == [
        "前言", "表1 收支总表", "收 入\t\t支 出\t", "项目\t预算数\t项目\t预算数", "一、财政拨款\t1,239.00\t一般公共服务 支出\t12.00",
        "", "", "\t(5.00)\tA&B 合计\t0", "后记",
      ])
    // Each row keeps the line it starts on; lines inside the table stay as blank lines.
    #expect(out.map(\.number) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
  }

  @Test func htmlEdgeCases() {
    func convert(_ text: String) -> [String] {
      TableSyntax.tabSeparated(
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
          SourceLine(number: $0.offset + 1, page: nil, text: String($0.element))
        }
      ).map(\.text)
    }
    // Two tables on one line; text that only looks like a tag stays text.
    #expect(
      convert("<table><tr><td>a</td><td>1</td></tr></table><table><tr><td>《关于印发<2022年要点>》</td><td>2</td></tr></table>")
        == ["a\t1", "《关于印发<2022年要点>》\t2"])
    // A tag broken over lines, a cell without its closing tags, a table cut off at the end.
    #expect(convert("<table><tr><td\ncolspan=\"3\">x</td></tr>\n<tr><td>y<td>3") == ["x\t\t", "", "y\t3"])
    // Absurd spans are capped, not allocated.
    let wide = convert("<table><tr><td colspan=\"99999999\" rowspan=\"99999999\">x</td><td>1</td></tr></table>")
    #expect(wide.count == 1 && wide[0].split(separator: "\t", omittingEmptySubsequences: false).count == 257)
    // A nested table is text of its cell.
    #expect(convert("<table><tr><td>a<table><tr><td>b</td></tr></table></td><td>1</td></tr></table>") == ["a b\t1"])
  }

  /// `isPipeRow` as it read: the first and last bytes that are no space, found through the
  /// UTF-8 view's indices.
  static func oracleIsPipeRow(_ text: String) -> Bool {
    let utf8 = text.utf8
    let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 }
    guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) })
    else { return false }
    return utf8[first] == UInt8(ascii: "|") && utf8[last] == UInt8(ascii: "|") && first < last
  }

  /// Every text of up to six of space, tab, `|`, `a` and 合 against the reading on indices.
  @Test func pipeRowsOnBytesAgreeWithTheIndexReading() {
    let alphabet = [" ", "\t", "|", "a", "合"]
    var texts = [""]
    var frontier = [""]
    for _ in 0..<6 {
      frontier = frontier.flatMap { t in alphabet.map { t + $0 } }
      texts += frontier
    }
    var rows = 0
    for text in texts {
      let expected = Self.oracleIsPipeRow(text)
      #expect(MarkdownPipeTable.isPipeRow(text) == expected, "\(text.debugDescription)")
      if expected { rows += 1 }
    }
    #expect(texts.count == 19_531)
    #expect(rows == 2_049)  // counted independently (Python: strip spaces and tabs, `|` at both ends, two or more bytes)
  }
}

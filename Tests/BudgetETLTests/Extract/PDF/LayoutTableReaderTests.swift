import Testing

@testable import BudgetETL

/// Space-aligned tables as `pdftotext -layout` prints them, turned into TAB-separated lines.
@Suite struct LayoutTableReaderTests {
  /// A layout line with each text starting at its character column.
  static func line(_ cells: [(Int, String)]) -> String {
    var out = ""
    for (column, text) in cells {
      if out.count < column {
        out += String(repeating: " ", count: column - out.count)
      } else if !out.isEmpty {
        out += " "
      }
      out += text
    }
    return out
  }

  /// A right-aligned number ending at a column.
  static func number(_ text: String, endingAt end: Int) -> (Int, String) { (end - text.count, text) }

  static func lines(_ texts: [String], page: Int? = nil, from start: Int = 1) -> [SourceLine] {
    texts.enumerated().map { SourceLine(number: start + $0.offset, page: page, text: $0.element) }
  }

  /// 2025年部门收入预算总表 in miniature: a header over four lines with a wrapped cell
  /// (`事业单位` / `经营收入`) and 类 款 项 under 功能分类科目编码, a label wrapped below its amounts.
  static let incomeTable: [String] = [
    line([(20, "2025年部门收入预算总表")]),
    line([(0, "编制部门：上海市某某局"), (60, "单位：元")]),
    "",
    line([(20, "项目"), (54, "收入预算")]),
    "",
    line([(0, "功能分类科目编码"), (64, "事业单位")]),
    line([(20, "功能分类科目名称"), (41, "合计"), (50, "财政拨款收入"), (75, "其他收入")]),
    line([(0, "类"), (6, "款"), (11, "项"), (64, "经营收入")]),
    "",
    line([(0, "201"), (16, "一般公共服务支出"), number("1,000.00", endingAt: 49), number("1,000.00", endingAt: 60)]),
    line([
      (0, "201"), (6, "03"), (11, "01"), (16, "行政运行"), number("600.00", endingAt: 49), number("600.00", endingAt: 60),
    ]),
    line([
      (0, "201"), (6, "03"), (11, "99"), (16, "其他政府办公厅（室）及相关机构事"), number("400.00", endingAt: 49),
      number("400.00", endingAt: 60),
    ]),
    line([(16, "务支出")]),
    line([(23, "合计"), number("1,000.00", endingAt: 49), number("1,000.00", endingAt: 60)]),
  ]

  @Test func cellsSplitAtTwoSpacesAndAroundNumbers() {
    let cells = LayoutLine.cells("一、财政拨款收入                  91,016,775.35 一、一般公共服务支出")
    #expect(cells.map(\.text) == ["一、财政拨款收入", "91,016,775.35", "一、一般公共服务支出"])
    #expect(cells.map(\.kind) == [.text, .amount, .text])
    #expect(cells[1].start == 26 && cells[1].end == 39)
    #expect(LayoutLine.cells("1. 一般公共预算资金   2.85 0.39").map(\.text) == ["1. 一般公共预算资金", "2.85", "0.39"])
    #expect(LayoutLine.cells("   合   计     12").map(\.text) == ["合计", "12"])
    var codes = LayoutLine.cells("201   03   01   行政运行    12,029,501.84")
    LayoutLine.resolveCodes(&codes)
    #expect(codes.map(\.kind) == [.code, .code, .code, .text, .amount])
    var zeros = LayoutLine.cells("204  公共安全支出  1,633,000   0   0")
    LayoutLine.resolveCodes(&zeros)
    #expect(zeros.map(\.kind) == [.code, .text, .amount, .amount, .amount])
  }

  @Test func aTableBecomesTabSeparatedLines() {
    let out = LayoutTableReader().read(Self.lines(Self.incomeTable))
    #expect(out.count == Self.incomeTable.count)
    #expect(out[0].text == Self.incomeTable[0])  // the title and the 编制部门 line stay as they are
    #expect(out[1].text == Self.incomeTable[1])
    #expect(out[3].text == "项目\t\t\t\t收入预算\t\t\t")
    #expect(out[5].text == "功能分类科目编码\t\t\t功能分类科目名称\t合计\t财政拨款收入\t事业单位经营收入\t其他收入")
    #expect(out[6].text == "类\t款\t项\t\t\t\t\t")
    #expect(out[7].text == "")
    #expect(out[9].text == "201\t\t\t一般公共服务支出\t1,000.00\t1,000.00\t\t")
    #expect(out[11].text == "201\t03\t99\t其他政府办公厅（室）及相关机构事务支出\t400.00\t400.00\t\t")
    #expect(out[12].text == "")
    #expect(out[13].text == "\t\t\t合计\t1,000.00\t1,000.00\t\t")
  }

  @Test func theTableReadsLikeATextTable() throws {
    let lines = LayoutTableReader().read(Self.lines(Self.incomeTable))
    let result = DocumentProcessor().processText(lines, docID: "layout", sourcePath: "layout.pdf")
    let table = try #require(result.tables.first)
    #expect(table.type == .income)
    #expect(table.title == "2025年部门收入预算总表")
    #expect(table.unit == "元")
    let other = try #require(result.lineItems.first { $0.functionCode == "2010399" && $0.measure == "收入预算/合计" })
    #expect(other.label == "其他政府办公厅（室）及相关机构事务支出")
    #expect(other.amountFen == 40_000)
    #expect(other.sourceLine == 12)
    #expect(result.lineItems.first { $0.functionCode == "2010301" }?.parentRowNo == 1)
    #expect(result.checks.filter { $0.severity == .error }.isEmpty)
  }

  /// Page 2 goes on with rows and no header; its page number and the form feed are not rows.
  @Test func aTableContinuesOnTheNextPage() throws {
    var page1 = Array(Self.incomeTable.dropLast(2))
    page1 += ["", Self.line([(30, "- 1 -")])]
    let page2 = [
      Self.line([
        (0, "208"), (16, "社会保障和就业支出"), Self.number("500.00", endingAt: 40), Self.number("500.00", endingAt: 52),
      ]),
      Self.line([(23, "合计"), Self.number("1,500.00", endingAt: 40), Self.number("1,500.00", endingAt: 52)]),
    ]
    var lines = Self.lines(page1, page: 1)
    lines += Self.lines(page2, page: 2, from: lines.count + 1)
    let result = DocumentProcessor().processText(
      LayoutTableReader().read(lines), docID: "pages", sourcePath: "pages.pdf")
    #expect(result.tables.count == 1)
    let table = try #require(result.tables.first)
    #expect(table.fragments == 2)
    let social = try #require(result.lineItems.first { $0.functionCode == "208" && $0.measure == "收入预算/财政拨款收入" })
    #expect(social.amountFen == 50_000)
    #expect(social.sourcePage == 2)
    let total = try #require(result.lineItems.first { $0.label == "合计" && $0.measure == "收入预算/合计" })
    #expect(total.amountFen == 150_000)
  }
}

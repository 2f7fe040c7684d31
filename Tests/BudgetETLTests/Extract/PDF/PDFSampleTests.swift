import Foundation
import Testing

@testable import BudgetETL

/// Facts read by hand from the sample PDFs (`pdftotext -layout -enc UTF-8 FILE -`, line and
/// page numbers of that text), checked against what the pipeline reads from them.
@Suite(.enabled(if: PDFSample.converterAvailable, "needs pdftotext (Debian package poppler-utils) on PATH"))
struct PDFSampleTests {
  /// 元 → fen.
  static func fen(_ yuan: Decimal) -> Int64 { NSDecimalNumber(decimal: yuan * 100).int64Value }

  // MARK: - Sources and documents

  @Test(arguments: PDFSample.allCases)
  func sourcesRecordThePDFAndItsConverter(_ sample: PDFSample) throws {
    let source = sample.processed.source
    #expect(source.format == .pdf)
    #expect(source.converter?.hasPrefix("pdftotext ") == true, "\(source.converter ?? "nil")")
    #expect(source.encoding == "")
    // doc_id: the first 16 hex characters of the SHA-256 of the PDF's raw bytes.
    #expect(source.docID == String(SHA256.hex(sample.bytes).prefix(16)))
    #expect(source.status != .rejected, "\(source.error ?? "")")
  }

  @Test(arguments: [
    (PDFSample.office, "上海市普陀区人民政府办公室", "上海市普陀区", 2025, DocumentInfo.Kind.budget, DocumentInfo.Scope.department),
    (.officeUnit, "上海市普陀区人民政府办公室", "上海市普陀区", 2025, .budget, .unit),
    (.wanli, "上海市普陀区人民政府万里街道办事处", "上海市普陀区", 2024, .budget, .department),
    (.finance, "上海市普陀区财政局", "上海市普陀区", 2025, .budget, .department),
    (.justice, "上海市普陀区司法局", "上海市普陀区", 2026, .budget, .department),
    (.planningFinalAccount, "上海市普陀区规划和自然资源局", "上海市普陀区", 2024, .finalAccount, .department),
    (.provincialCommittee, "江苏省委办公厅", "江苏省", 2019, .budget, .department),
    (.cppcc, "江苏省政协办公厅", "江苏省", 2018, .budget, .department),
    (.npc, "江苏省人大常委会办公厅", "江苏省", 2018, .budget, .department),
  ])
  func documentsNameAgencyRegionYearKindScope(
    _ sample: PDFSample, _ agency: String, _ region: String, _ year: Int, _ kind: DocumentInfo.Kind,
    _ scope: DocumentInfo.Scope
  ) {
    let doc = sample.result.document
    #expect(doc.agency == agency)
    #expect(doc.region == region)
    #expect(doc.fiscalYear == year)
    #expect(doc.kind == kind)
    #expect(doc.scope == scope)
  }

  /// The 2018/2019 江苏 PDFs publish their narrative only (the tables were attached separately).
  @Test func narrativeOnlyPDFsArePartial() {
    for sample in [PDFSample.provincialCommittee, .cppcc] {
      #expect(sample.processed.source.status == .partial)
      #expect(sample.result.tables.isEmpty)
      #expect(!sample.result.textBlocks.isEmpty)
    }
  }

  /// Validation runs on PDFs as on text; the clean samples raise no error.
  @Test(arguments: PDFSample.allCases)
  func cleanSamplesRaiseNoError(_ sample: PDFSample) {
    let errors = sample.result.checks.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.message))")
  }

  // MARK: - 2025 上海市普陀区人民政府办公室 部门预算

  @Test func officeTablesTypesAndUnits() throws {
    let r = PDFSample.office.result
    let expected: [(String, TableType, String)] = [
      ("t001", .summary, "元"), ("t002", .income, "元"), ("t003", .expenditure, "元"),
      ("t004", .fiscalAppropriation, "元"), ("t005", .generalByFunction, "元"), ("t006", .governmentFund, "元"),
      ("t007", .stateCapital, "元"), ("t008", .basicByEconomic, "元"), ("t009", .threePublic, "万元"),
    ]
    #expect(r.tables.count == expected.count)
    for (id, type, unit) in expected {
      let t = try #require(r.table(id))
      #expect(t.type == type, "\(id) \(t.title ?? "")")
      #expect(t.unit == unit, "\(id)")
    }
    // The empty 政府性基金 table says so in its note (line 289).
    #expect(r.table("t006")?.isEmpty == true)
  }

  /// 2025年部门财务收支预算总表, page 8: 收入 and 支出 side by side.
  @Test func officeSummary() throws {
    let r = PDFSample.office.result
    let income = try #require(r.item("t001", label: "财政拨款收入", measure: "预算数", section: "本年收入"))
    #expect(income.amountFen == Self.fen(91_016_775.35))
    #expect(income.sourceValue == "91,016,775.35")
    #expect(income.sourceLine == 111)
    #expect(income.sourcePage == 8)
    let housing = try #require(r.item("t001", label: "住房保障支出", measure: "预算数", section: "本年支出"))
    #expect(housing.amountFen == Self.fen(3_609_125.22))
    #expect(housing.sourceLine == 116)
    let total = try #require(r.item("t001", label: "支出总计", measure: "预算数", section: "本年支出"))
    #expect(total.rowKind == .total)
    #expect(total.amountFen == Self.fen(91_016_775.35))
  }

  /// 2025年部门收入预算总表, line 140: `201   03   01   行政运行` — 类 款 项 in three columns.
  @Test func officeCodeJoinedFromThreeColumns() throws {
    let r = PDFSample.office.result
    let row = r.items("t002", line: 140)
    let total = try #require(row["收入预算/合计"])
    #expect(total.functionCode == "2010301")
    #expect(total.label == "行政运行")
    #expect(total.amountFen == Self.fen(12_029_501.84))
    #expect(row["收入预算/财政拨款收入"]?.amountFen == Self.fen(12_029_501.84))
    // The 类 and 款 rows above it are its ancestors.
    let parent = try #require(r.lineItems.first { $0.tableID == "t002" && $0.rowNo == total.parentRowNo })
    #expect(parent.functionCode == "20103")
  }

  /// 2025年部门一般公共预算支出功能分类预算表: pages 14 and 15, the header printed again on 15.
  @Test func officeFunctionTableMergedAcrossPages() throws {
    let r = PDFSample.office.result
    let t = try #require(r.table("t005"))
    #expect(t.fragments == 2)
    #expect(t.sourcePage == 14)
    #expect(t.columns.contains("一般公共预算支出/基本支出"))
    let operation = try #require(r.item("t005", code: "2010301", measure: "一般公共预算支出/基本支出"))
    #expect(operation.amountFen == Self.fen(11_919_501.84))
    #expect(operation.sourceLine == 242)
    #expect(operation.sourcePage == 14)
    // After the page break (line 272, page 15): 住房公积金, under 住房改革支出 on the same page.
    let fund = try #require(r.item("t005", code: "2210201", measure: "一般公共预算支出/合计"))
    #expect(fund.amountFen == Self.fen(1_741_445.22))
    #expect(fund.sourcePage == 15)
    #expect(fund.measureKind == .total)
    // The repeated header is not a row: 21 rows, 201 … 合计.
    #expect(t.rows == 21)
    let total = try #require(r.item("t005", label: "合计", measure: "一般公共预算支出/项目支出"))
    #expect(total.amountFen == Self.fen(66_410_000.00))
    #expect(total.sourceLine == 275)
  }

  /// 2025年部门一般公共预算基本支出部门预算经济分类预算表 (pages 18–19).
  @Test func officeBasicEconomic() throws {
    let r = PDFSample.office.result
    let wages = try #require(r.item("t008", code: "30101", measure: "一般公共预算基本支出/人员经费"))
    #expect(wages.amountFen == Self.fen(2_540_192.00))
    #expect(wages.label == "基本工资")
    let goods = try #require(r.item("t008", code: "302", measure: "一般公共预算基本支出/公用经费"))
    #expect(goods.amountFen == Self.fen(1_932_777.54))
    #expect(goods.rowKind == .subtotal)
    #expect(goods.sourcePage == 18)
    let reception = try #require(r.item("t008", code: "30217", measure: "一般公共预算基本支出/公用经费"))
    #expect(reception.amountFen == Self.fen(185_000.00))
    #expect(reception.sourceLine == 340)
    #expect(reception.sourcePage == 19)
  }

  /// 2025年部门“三公”经费和机关运行经费预算表, page 20: 单位:万元 in a document in 元.
  @Test func officeThreePublicInWan() throws {
    let r = PDFSample.office.result
    #expect(r.table("t001")?.unit == "元")
    #expect(r.table("t009")?.unit == "万元")
    let row = r.items("t009", line: 371)
    let total = try #require(row["“三公”经费预算数/合计"])
    #expect(total.amountFen == Self.fen(8_675_000.00))
    #expect(total.sourceValue == "867.50")
    #expect(total.sourceUnit == "万元")
    #expect(total.measureKind == .total)
    #expect(total.sourcePage == 20)
    #expect(row["“三公”经费预算数/因公出国(境)费"]?.amountFen == Self.fen(8_390_000.00))
    #expect(row["“三公”经费预算数/公务接待费"]?.amountFen == Self.fen(285_000.00))
    #expect(row["机关运行经费预算数"]?.amountFen == Self.fen(2_132_800.00))
    #expect(row.count == 4)
  }

  // MARK: - 2025 上海市普陀区人民政府办公室 单位预算

  /// Lines 171–172: `201 03 99 其他政府办公厅（室）及相关机构事` / `务支出`, amounts on 171.
  @Test func officeUnitWrappedLabel() throws {
    let r = PDFSample.officeUnit.result
    let other = try #require(r.item("t002", code: "2010399", measure: "收入预算/合计"))
    #expect(other.label == "其他政府办公厅（室）及相关机构事务支出")
    #expect(other.amountFen == Self.fen(20_120_000.00))
    #expect(other.sourceLine == 171)
    #expect(other.sourcePage == 9)
  }

  /// Page 8: the 支出 side splits 预算数 into 合计, 基本支出 (人员经费, 公用经费) and 项目支出.
  @Test func officeUnitSummaryHeaderLevels() throws {
    let r = PDFSample.officeUnit.result
    let row = r.items("t001", line: 137)
    #expect(row["预算数/基本支出/人员经费"]?.amountFen == Self.fen(13_819_399.88))
    #expect(row["预算数/基本支出/公用经费"]?.amountFen == Self.fen(1_867_397.54))
    #expect(row["预算数/项目支出"]?.amountFen == Self.fen(66_410_000.00))
    #expect(row["预算数/合计"]?.section == "本年支出")
  }

  // MARK: - 2024 上海市普陀区万里街道办事处 部门预算 (whole 元)

  @Test func wanliWholeYuanAndTwoPartCodes() throws {
    let r = PDFSample.wanli.result
    // Line 720: `301   2     津贴补贴` — 款 printed without its leading zero.
    let allowance = try #require(r.item("t008", code: "30102", measure: "一般公共预算基本支出/人员经费"))
    #expect(allowance.label == "津贴补贴")
    #expect(allowance.amountFen == Self.fen(16_623_810))
    #expect(allowance.sourceValue == "16,623,810")
    #expect(allowance.sourceLine == 720)
    #expect(allowance.sourcePage == 29)
    // `维修(护)费` with its parentheses made full width.
    #expect(r.item("t008", code: "30213", measure: "一般公共预算基本支出/公用经费")?.label == "维修（护）费")
  }

  /// 2024年部门收入预算总表 runs over pages 11–15 without repeating its header; 合计 alone on page 15.
  @Test func wanliIncomeTableOverFivePages() throws {
    let r = PDFSample.wanli.result
    let t = try #require(r.table("t002"))
    #expect(t.type == .income)
    #expect(t.fragments == 5)
    let total = try #require(r.item("t002", label: "合计", measure: "收入预算/合计"))
    #expect(total.amountFen == Self.fen(156_211_123))
    #expect(total.sourceLine == 350)
    #expect(total.sourcePage == 15)
    #expect(r.item("t002", label: "合计", measure: "收入预算/其他收入")?.amountFen == 0)
  }

  /// Page 31: the 三公 table has amounts although its note says it is empty — a real finding.
  @Test func wanliThreePublicContradictsItsNote() throws {
    let r = PDFSample.wanli.result
    let car = try #require(r.item("t009", label: "", measure: "2024年“三公”经费预算数/公务用车购置及运行费/购置费"))
    #expect(car.amountFen == Self.fen(250_000))
    #expect(car.sourceValue == "25")
    let finding = try #require(r.checks.first { $0.rule == "empty_note_contradicted" })
    #expect(finding.tableID == "t009")
    #expect(finding.severity == .warning)
    #expect(finding.sourcePage == 31)
  }

  // MARK: - 2025 上海市普陀区财政局, 2026 上海市普陀区司法局

  /// 一般公共预算基本支出 table over pages 19–20, the header repeated on page 20.
  @Test func financeBasicEconomicMergedAcrossPages() throws {
    let r = PDFSample.finance.result
    let t = try #require(r.table("t008"))
    #expect(t.fragments == 2)
    let travel = try #require(r.item("t008", code: "30211", measure: "一般公共预算基本支出/公用经费"))
    #expect(travel.amountFen == Self.fen(20_000.00))
    #expect(travel.sourceLine == 357)
    #expect(travel.sourcePage == 20)
    let total = try #require(r.item("t008", label: "合计", measure: "一般公共预算基本支出/人员经费"))
    #expect(total.amountFen == Self.fen(22_826_756.00))
  }

  /// Amounts printed without thousands separators: `87267272.44`.
  @Test func justiceAmountsWithoutSeparators() throws {
    let r = PDFSample.justice.result
    let security = try #require(r.item("t002", code: "204", measure: "收入预算/合计"))
    #expect(security.label == "公共安全支出")
    #expect(security.amountFen == Self.fen(87_267_272.44))
    #expect(security.sourceLine == 164)
    #expect(r.item("t009", label: "", measure: "“三公”经费预算数/合计")?.amountFen == Self.fen(108_100))
  }

  // MARK: - 2024 上海市普陀区规划和自然资源局 部门决算

  @Test func finalAccountTablesTakeTheContractTypes() throws {
    let r = PDFSample.planningFinalAccount.result
    let expected: [(String, String, TableType)] = [
      ("t001", "收入支出决算总表", .summary), ("t002", "收入决算表", .income), ("t003", "支出决算表", .expenditure),
      ("t004", "财政拨款收入支出决算总表", .fiscalAppropriation),
      ("t005", "一般公共预算财政拨款支出决算表", .generalByFunction),
      ("t006", "一般公共预算财政拨款基本支出决算表", .basicByEconomic),
      ("t007", "财政拨款“三公”经费支出决算表", .threePublic),
      ("t008", "政府性基金预算财政拨款收入支出决算表", .governmentFund),
      ("t009", "国有资本经营预算财政拨款收入支出决算表", .stateCapital),
    ]
    #expect(r.tables.count == expected.count)
    for (id, title, type) in expected {
      let t = try #require(r.table(id))
      #expect(t.title == title)
      #expect(t.type == type)
      #expect(t.unit == "万元")
    }
  }

  /// 收入支出决算总表, page 7: 决算数 on both sides.
  @Test func finalAccountSummary() throws {
    let r = PDFSample.planningFinalAccount.result
    let income = try #require(r.item("t001", label: "一般公共预算财政拨款收入", measure: "决算数", section: "收入"))
    #expect(income.amountFen == Self.fen(97_465_000))
    #expect(income.sourceValue == "9746.50")
    #expect(income.sourceUnit == "万元")
    #expect(income.sourceLine == 193)
    #expect(income.sourcePage == 7)
    let spent = try #require(r.item("t001", label: "本年支出合计", measure: "决算数", section: "支出"))
    #expect(spent.amountFen == Self.fen(97_593_800))
    #expect(spent.rowKind == .total)
  }

  /// 一般公共预算财政拨款支出决算表, page 14: labels centred on their rows, pieces above and below
  /// (`社会保障和就` / `208  754.75 …` / `业支出`).
  @Test func finalAccountCentredLabels() throws {
    let r = PDFSample.planningFinalAccount.result
    let social = try #require(r.item("t005", code: "208", measure: "合计"))
    #expect(social.label == "社会保障和就业支出")
    #expect(social.amountFen == Self.fen(7_547_500))
    #expect(social.sourceLine == 403)
    #expect(social.sourcePage == 14)
    let pension = try #require(r.item("t005", code: "2080505", measure: "基本支出"))
    #expect(pension.label == "机关事业单位基本养老保险缴费支出")
    #expect(pension.amountFen == Self.fen(4_461_100))
    #expect(pension.sourceLine == 415)
    let planning = try #require(r.item("t005", code: "21202", measure: "合计"))
    #expect(planning.label == "城乡社区规划与管理")
  }

  /// 一般公共预算财政拨款基本支出决算表, page 16: 301/303 left, 302/310 right; on the right the
  /// code sits on the line above its name and amount (`30207` / `邮电费  8.05`).
  @Test func finalAccountBasicTwoBlocks() throws {
    let r = PDFSample.planningFinalAccount.result
    let wages = try #require(r.item("t006", code: "30101", measure: "决算数"))
    #expect(wages.amountFen == Self.fen(5_376_400))
    let post = try #require(r.item("t006", code: "30207", measure: "决算数"))
    #expect(post.label == "邮电费")
    #expect(post.amountFen == Self.fen(80_500))
    #expect(post.sourceLine == 476)
    #expect(post.sourcePage == 16)
    #expect(post.colNo > wages.colNo)
    let software = try #require(r.item("t006", code: "31007", measure: "决算数"))
    #expect(software.label == "信息网络及软件购置更新")
  }

  /// 财政拨款“三公”经费支出决算表, page 17: 预算数 and 决算数 under each heading.
  @Test func finalAccountThreePublic() throws {
    let r = PDFSample.planningFinalAccount.result
    let row = r.items("t007", line: 546)
    #expect(row["财政拨款“三公”经费/合计/预算数"]?.amountFen == Self.fen(28_500))
    #expect(row["财政拨款“三公”经费/合计/决算数"]?.amountFen == Self.fen(3_900))
    #expect(row["财政拨款“三公”经费/公务接待费/决算数"]?.amountFen == Self.fen(3_900))
    #expect(row["财政拨款“三公”经费/公务用车购置及运行维护费/公务用车运行维护费/预算数"]?.amountFen == 0)
    #expect(row.count == 12)
  }

  /// This copy was kept among "defective" samples. Its tables add up within the rounding of
  /// two-decimal 万元 figures; what validation finds is such rounding, e.g. 302 商品和服务支出
  /// 440.90 against its 款 adding up to 440.88 (page 16) — info, not error.
  @Test func finalAccountFindings() throws {
    let r = PDFSample.planningFinalAccount.result
    let goods = try #require(r.checks.first { $0.rule == "hierarchy_sum" && $0.tableID == "t006" })
    #expect(goods.severity == .info)
    #expect(goods.sourcePage == 16)
    #expect(goods.actualFen == Self.fen(4_409_000))
    #expect(goods.expectedFen == Self.fen(4_408_800))
    #expect(!r.checks.contains { $0.severity == .error })
  }

  // MARK: - 2018 江苏省人大常委会办公厅 部门预算

  /// 公开09表: 合计 beside “三公”经费 (its own 小计 and parts), 会议费 and 培训费.
  @Test func npcThreePublicHeader() throws {
    let r = PDFSample.npc.result
    let t = try #require(r.table(no: "公开09表"))
    let row = r.items(t.tableID, line: 539)
    #expect(row["合计"]?.amountFen == Self.fen(25_426_000))
    #expect(row["“三公”经费/小计"]?.amountFen == Self.fen(8_336_000))
    #expect(row["“三公”经费/公务用车购置及运行维护费/公务用车运行维护费"]?.amountFen == Self.fen(1_836_000))
    #expect(row["会议费"]?.amountFen == Self.fen(13_052_500))
  }
}

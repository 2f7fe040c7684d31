import Foundation
import Testing

@testable import BudgetETL

/// Facts read by hand from the five sample documents (S0–S4, line numbers as in the data contract).
@Suite struct SeedDocumentTests {
  @Test(arguments: [
    (Seed.s0, "2ff0101f1bd1b3d1", "西乡县医疗保险基金管理中心", "西乡县", 2023, DocumentInfo.Scope.unit),
    (Seed.s1, "b6154e1e7edf91e4", "阳城县医疗保障局", "阳城县", 2023, .unit),
    (Seed.s2, "888c15e9b2b9fc31", "温县医疗保障局", "温县", 2024, .department),
    (Seed.s3, "8ac1120edb49a443", "西安市长安区医疗保险经办机构", "西安市长安区", 2024, .unit),
    (Seed.s4, "cbdf21d4ba4f69b6", "麟游县医疗保障局", "麟游县", 2023, .unit),
  ])
  func documentIdentity(seed: Seed, docID: String, agency: String, region: String, year: Int, scope: DocumentInfo.Scope) {
    let d = seed.result.document
    #expect(d.docID == docID)
    #expect(d.agency == agency)
    #expect(d.region == region)
    #expect(d.fiscalYear == year)
    #expect(d.kind == .budget)
    #expect(d.scope == scope)
  }

  /// `source_sha256` is the SHA-256 of the file's bytes as coreutils' `sha256sum` prints it
  /// (the hash runs on the CPU's SHA extensions where it has them, in Swift elsewhere).
  @Test(arguments: [
    (Seed.s0, "426c8b99a6531851b17175ce94e8371d76ceb99a4a0d72656e7d1f0ea6a12671"),
    (Seed.s1, "289e0360ff04f12c5e4525a0567ef3bffb0963b43c1171037d8178493af324d6"),
    (Seed.s2, "caa1c9d62af89113847ee6220e16d6765ac8087de25f07452fb8aca342b690e7"),
    (Seed.s3, "091ee8577cf3884527fe80f5bdf308104c26332efd0e51a4ccc81f0be15ca65f"),
    (Seed.s4, "5db85d4628c3e265e8d8a7a5f555c66d4340cc51cfaae9ae87015be0fc4bcb8f"),
  ])
  func sourceHashIsTheFilesSHA256(seed: Seed, sha256: String) {
    let processed = DocumentProcessor().process(relativePath: "\(seed.rawValue).txt", bytes: seed.bytes)
    #expect(processed.source.sha256 == sha256)
  }

  @Test func tableIdsFollowDocumentOrder() throws {
    // S0: t001 is the list of tables (S0:202), t002 表1, t003 表4, t004 表5 … t009 表10.
    let s0 = Seed.s0.result
    #expect(s0.table("t001")?.type == .catalog)
    #expect(s0.table("t002")?.tableNo == "表1")
    #expect(s0.table("t002")?.type == .summary)
    #expect(s0.table("t003")?.type == .fiscalAppropriation)
    #expect(s0.table("t004")?.tableNo == "表5")
    #expect(s0.table("t004")?.type == .generalByFunction)
    #expect(s0.table("t005")?.type == .generalByEconomic)
    #expect(s0.table("t006")?.type == .basicByFunction)
    #expect(s0.table("t007")?.type == .basicByEconomic)
    #expect(s0.table("t008")?.type == .governmentFund)
    #expect(s0.table("t009")?.tableNo == "表10")
    #expect(s0.table("t009")?.type == .projects)
    // S1: the 目录 with dot leaders (S1:25-58) is not a table, so the 收支总表 is t001.
    let s1 = Seed.s1.result
    #expect(s1.table("t001")?.tableNo == "预算公开表1")
    #expect(s1.table("t001")?.title == "2023年预算收支总表")
    #expect(s1.table("t001")?.unit == "万元")
    #expect(s1.table(titled: "三公")?.type == .threePublic)
    #expect(s1.table(titled: "机关运行经费")?.type == .operatingCosts)
    #expect(Seed.s2.result.table(titled: "支出经济分类汇总表")?.type == .economicSummary)
    #expect(Seed.s2.result.table(titled: "基本支出明细表")?.type == .basicDetail)
    #expect(Seed.s3.result.table(no: "表14-7")?.type == .performance)
    #expect(Seed.s3.result.table(no: "表14-7")?.title == "单位专项业务经费绩效目标表")
  }

  @Test func pageSplitTablesAreMerged() throws {
    // S0 表8 continues after a repeated header and 合计 row at S0:397-398.
    let s0 = Seed.s0.result
    let t = try #require(s0.table(no: "表8"))
    #expect(t.fragments == 2)
    #expect(t.rows == 25)
    let union = try #require(s0.item(line: 399, col: 5))
    #expect(union.label == "工会经费")
    #expect(union.econCode == "30228")
    #expect(union.govEconCode == "50502")
    #expect(union.amountFen == 1_600_000)
    #expect(union.rowNo == 22)
    #expect(s0.items(t.tableID).filter { $0.sourceLine == 398 }.isEmpty)
    // S4 表5 is printed again with its title, header and 合计 row at S4:241-248.
    let s4 = Seed.s4.result
    let t5 = try #require(s4.table(no: "表5"))
    #expect(t5.fragments == 2)
    #expect(t5.rows == 19)
    #expect(s4.tables.filter { $0.tableNo == "表5" }.count == 1)
    let other = try #require(s4.item(line: 249, col: 4))
    #expect(other.functionCode == "2101599")
    #expect(other.amountFen == 27_510_000)
    #expect(other.printedNo == "16")
    #expect(other.rowNo == 16)
    #expect(other.parentRowNo == 14)
  }

  @Test func aSerialNumberColumnIsNotAnAmount() {
    // S4 表5's 序号 column (S4:224) gives printed_no, never a line item.
    let s4 = Seed.s4.result
    let t5 = s4.table(no: "表5")!
    #expect(!s4.items(t5.tableID).contains { $0.colNo == 1 || $0.colNo == 2 })
    let total = s4.item(line: 225, col: 4)
    #expect(total?.rowKind == .total)
    #expect(total?.amountFen == 93_676_000)
    #expect(total?.printedNo == "1")
  }

  @Test func wanYuanTablesGiveExactYuan() throws {
    // S1 收支总表 is in 万元: 6,651.28 万元 = 66,512,800.00 元 (S1:126).
    let s1 = Seed.s1.result
    let income = try #require(s1.item(line: 126, col: 2, section: "收入"))
    #expect(income.amountFen == 6_651_280_000)
    #expect(income.sourceValue == "6,651.28")
    #expect(income.sourceUnit == "万元")
    // S1:184 公务员医疗补助 2,421.14 万元 in the 收入总表.
    let t = try #require(s1.table(titled: "2023年预算收入总表"))
    let civil = try #require(s1.items(t.tableID).first { $0.functionCode == "2101103" && $0.colNo == 3 })
    #expect(civil.amountFen == 2_421_140_000)
    #expect(civil.measure == "本年收入/合计")
    #expect(civil.measureKind == .total)
    #expect(civil.parentRowNo == s1.items(t.tableID).first { $0.functionCode == "21011" }?.rowNo)
  }

  @Test func leiKuanXiangColumnsAreJoined() throws {
    // S2:245 `208 05 05` → 2080505, 43.71 万元 in the 部门支出预算表.
    let s2 = Seed.s2.result
    let pension = try #require(s2.item(line: 245, col: 6))
    #expect(pension.functionCode == "2080505")
    #expect(pension.functionLevel == 3)
    #expect(pension.label == "机关事业单位基本养老保险缴费支出")
    #expect(pension.amountFen == 43_710_000)
    #expect(pension.agencyCode == nil)
    // S2:431 `301 01` → 30101 with government code `501 01` → 50101.
    let salary = try #require(s2.item(line: 431, col: 7))
    #expect(salary.econCode == "30101")
    #expect(salary.econLevel == 2)
    #expect(salary.govEconCode == "50101")
    #expect(salary.label == "基本工资")
    #expect(salary.amountFen == 27_020_000)
    // S2:430: 614 in the 类 column is an agency, not an economic 类.
    let agency = try #require(s2.item(line: 430, col: 7))
    #expect(agency.agencyCode == "614")
    #expect(agency.econCode == nil)
  }

  @Test func codesInsideNamesAreTakenOut() {
    let reading = GridTableReader.trailingCode("医疗保障经办事务（2101506）")
    #expect(reading?.0 == "2101506")
    #expect(reading?.1 == "医疗保障经办事务")
    #expect(GridTableReader.trailingCode("维修（护）费") == nil)
  }

  @Test func memoRowsAndCategoryRows() throws {
    // S2:184 其中：财政拨款 is a memo of 一、一般公共预算 (S2:183).
    let s2 = Seed.s2.result
    let memo = try #require(s2.item(line: 184, col: 2, section: "收入"))
    #expect(memo.rowKind == .memo)
    #expect(memo.label == "财政拨款")
    #expect(memo.amountFen == 7_856_450_000)
    #expect(memo.parentRowNo == s2.item(line: 183, col: 2, section: "收入")?.rowNo)
    #expect(s2.item(line: 183, col: 2, section: "收入")?.rowKind == .detail)
    // S3:518-519: 专用项目 > 其他履职专项业务经费 > ten projects.
    let s3 = Seed.s3.result
    let special = try #require(s3.item(line: 518, col: 3))
    let other = try #require(s3.item(line: 519, col: 3))
    let checkup = try #require(s3.item(line: 520, col: 3))
    #expect(special.rowKind == .subtotal)
    #expect(special.parentRowNo == s3.item(line: 517, col: 3)?.rowNo)
    #expect(special.agencyCode == nil)
    #expect(other.parentRowNo == special.rowNo)
    #expect(checkup.parentRowNo == other.rowNo)
    #expect(checkup.rowKind == .detail)
    #expect(checkup.amountFen == 434_730_000)
    #expect(s3.item(line: 517, col: 3)?.agencyCode == "133002")
  }

  @Test func numberedRowsNestByRank() throws {
    // S1 三公 (S1:403-408): 公务用车购置及运行费 is the parent of ① and ② rows.
    let s1 = Seed.s1.result
    let car = try #require(s1.item(line: 405, col: 2))
    let upkeep = try #require(s1.item(line: 407, col: 2))
    #expect(car.rowKind == .subtotal)
    #expect(upkeep.parentRowNo == car.rowNo)
    #expect(upkeep.label == "公务用车运行维护费")
    #expect(upkeep.amountFen == 3_000_000)
    #expect(s1.item(line: 408, col: 2)?.rowKind == .total)
    // S0:234: 1、财政拨款 is a subtotal on the 收入 side, 1、一般公共服务支出 a detail on the function side.
    let s0 = Seed.s0.result
    #expect(s0.item(line: 234, col: 2, section: "收入")?.rowKind == .subtotal)
    #expect(s0.item(line: 234, col: 4, section: "支出功能分类科目")?.rowKind == .detail)
    #expect(s0.item(line: 234, col: 4, section: "支出功能分类科目")?.parentRowNo == 1)
    #expect(s0.item(line: 235, col: 6, section: "部门预算支出经济分类科目")?.label == "工资福利支出")
    #expect(s0.item(line: 235, col: 6, section: "部门预算支出经济分类科目")?.amountFen == 108_011_400)
  }

  @Test func aTotalTitleBesideOtherTitlesIsAHeader() throws {
    // S2 三公 (S2:479-487): `“三公”经费合计 | 因公出国（境）费 | 公务用车购置及运行费 …` heads one
    // row of amounts in 万元: 6.00, blank, 5.00, blank, 5.00, 1.00.
    let s2 = Seed.s2.result
    let t = try #require(s2.table(titled: "三公"))
    #expect(t.type == .threePublic)
    #expect(!t.isEmpty)
    let items = s2.items(t.tableID)
    #expect(items.map(\.sourceLine) == [487, 487, 487, 487])
    #expect(items.map(\.colNo) == [1, 3, 5, 6])
    #expect(items.map(\.measure) == ["“三公”经费合计", "公务用车购置及运行费/小计", "公务用车购置及运行费/公务用车运行费", "公务接待费"])
    #expect(items.map(\.amountFen) == [6_000_000, 5_000_000, 5_000_000, 1_000_000])
    #expect(items.map(\.measureKind) == [.total, .total, .part, .part])
  }

  @Test func columnNumberRowsAndDatesAreNotAmounts() throws {
    // S1:429 `1 2 3 4 5 6 7` under the header is not a row; the first project is row 1.
    let s1 = Seed.s1.result
    let t = try #require(s1.table(titled: "2023年项目支出预算表（本年预算）"))
    let first = try #require(s1.items(t.tableID).first)
    #expect(first.sourceLine == 430)
    #expect(first.rowNo == 1)
    #expect(first.amountFen == 393_530_000)
    #expect(!s1.items(t.tableID).contains { $0.sourceLine == 429 })
    // No amount anywhere is a phone number or a date (S1:614).
    #expect(!s1.lineItems.contains { $0.sourceValue.contains("18835626427") || $0.sourceValue.contains("20230202105009") })
  }

  @Test func emptyTables() throws {
    // Declared empty by a note (S1:369), or all zero (S0 政府性基金收支表, S0:404-429).
    let s1 = Seed.s1.result
    #expect(s1.table(titled: "政府性基金预算收入表")?.isEmpty == true)
    #expect(s1.table(titled: "政府性基金预算支出表")?.isEmpty == true)
    #expect(s1.table(titled: "收支总表")?.isEmpty == false)
    #expect(Seed.s0.result.table(titled: "政府性基金收支表")?.isEmpty == true)
    #expect(Seed.s0.result.table(no: "表5")?.isEmpty == false)
  }

  @Test func noiseNeverReachesAnyOutput() {
    for seed in Seed.allCases {
      let r = seed.result
      let texts =
        r.lineItems.flatMap { [$0.label, $0.measure, $0.sourceValue, $0.section ?? ""] }
        + r.tables.flatMap { [$0.title ?? "", $0.columns] } + r.textBlocks.map(\.text)
        + r.indicators.flatMap { [$0.indicator, $0.targetRaw] }
      for t in texts {
        #expect(!t.contains("仅供内部审核"), "\(seed): \(t)")
        #expect(!t.contains("<b>") && !t.contains("</b>") && !t.contains("**"), "\(seed): \(t)")
      }
    }
  }

  @Test func labelsAreCleaned() {
    #expect(TextCleaner.label("(1)一般公共预算拨款") == "一般公共预算拨款")
    #expect(TextCleaner.label("二十、住房保障支出") == "住房保障支出")
    #expect(TextCleaner.label("维修(护)费") == "维修（护）费")
    #expect(TextCleaner.label("其中：财政拨款") == "财政拨款")
    #expect(TextCleaner.label("②公务用车运行维护费") == "公务用车运行维护费")
    #expect(TextCleaner.label("<b>本年收入合计</b>") == "本年收入合计")
    #expect(TextCleaner.label("收 入") == "收入")
  }
}

import Foundation
import Testing

@testable import BudgetETL

/// Errors planted in copies of the sample documents, and the findings they must raise.
@Suite struct ValidatorTests {
  /// The seed with one line replaced (1-based), processed through every stage.
  func planted(_ seed: Seed, line: Int, _ transform: (String) -> String) -> DocumentResult {
    var lines = String(decoding: seed.bytes, as: UTF8.self).components(separatedBy: "\n")
    let before = lines[line - 1]
    lines[line - 1] = transform(before)
    precondition(lines[line - 1] != before, "the plant changed nothing at line \(line)")
    let bytes = Array(lines.joined(separator: "\n").utf8)
    return DocumentProcessor().process(relativePath: "planted.txt", bytes: bytes).result!
  }

  @Test func aChangedXiangInAYuanTable() throws {
    // S0:315 2101506 合计 1,150,441.00 → 1,150,451.00: 21015 no longer equals the sum of its 项.
    let r = planted(.s0, line: 315) { $0.replacingOccurrences(of: "1,150,441.00\t990,891.00", with: "1,150,451.00\t990,891.00") }
    let finding = try #require(r.checks.first { $0.rule == "hierarchy_sum" && $0.subject == "21015" })
    #expect(finding.severity == .error)
    #expect(finding.expectedFen == 115_045_100)
    #expect(finding.actualFen == 115_044_100)
    #expect(finding.diffFen == -1_000)
    #expect(finding.toleranceFen == 0)
    #expect(finding.sourceLine == 314)
    #expect(finding.tableID == "t004")
    #expect(finding.message == "表5 row 21015 (合计): 1,150,441.00 ≠ sum of its 项 1,150,451.00 (diff -10.00 元)")
    // The same row's 合计 no longer equals its parts either.
    let column = try #require(r.checks.first { $0.rule == "column_sum" && $0.subject == "2101506" })
    #expect(column.diffFen == 1_000)
    #expect(column.severity == .error)
    #expect(r.document.warnings == r.checks.filter { $0.severity != .info }.count)
  }

  @Test func aChangedTotalInAWanYuanTable() throws {
    // S1:169 收入总表 合计 6,651.28 → 6,651.38 万元: 1,000 元 beyond the rounding of 4 figures (200 元).
    let r = planted(.s1, line: 169) { $0.replacingOccurrences(of: "合计\t\t6,651.28\t6,651.28", with: "合计\t\t6,651.38\t6,651.28") }
    let finding = try #require(r.checks.first { $0.rule == "total_row" && $0.sourceLine == 169 && $0.actualFen == 6_651_380_000 })
    #expect(finding.expectedFen == 6_651_280_000)
    #expect(finding.diffFen == 100_000)
    #expect(finding.toleranceFen == 20_000)
    #expect(finding.severity == .error)
  }

  @Test func aCrossTableTotal() throws {
    // S1:157 收支总表 本年支出合计 6,651.28 → 6,661.28 万元; 支出总表 (S1:207) still says 6,651.28.
    let r = planted(.s1, line: 157) { $0.replacingOccurrences(of: "本年支出合计\t6,651.28", with: "本年支出合计\t6,661.28") }
    let finding = try #require(r.checks.first { $0.rule == "cross_table" })
    #expect(finding.expectedFen == 6_661_280_000)
    #expect(finding.actualFen == 6_651_280_000)
    #expect(finding.diffFen == -10_000_000)
    #expect(finding.toleranceFen == 10_000)
    #expect(finding.severity == .error)
    #expect(finding.sourceLine == 207)
  }

  @Test func aNarrativeAmountThatDisagreesWithTheTables() throws {
    // S0:104 医疗保障经办事务（2101506）115.04 万元 → 125.04 万元; 表5 says 1,150,441.00 元.
    let r = planted(.s0, line: 104) { $0.replacingOccurrences(of: "115.04 万元", with: "125.04 万元") }
    let finding = try #require(r.checks.first { $0.rule == "narrative_amount" && $0.subject == "2101506" })
    #expect(finding.severity == .warning)
    #expect(finding.actualFen == 125_040_000)
    #expect(finding.expectedFen == 115_044_100)
    #expect(finding.diffFen == 9_995_900)
    #expect(finding.toleranceFen == 5_000)
    #expect(finding.sourceLine == 104)
  }

  @Test func theCleanSamplesRaiseNoFalseError() {
    for seed in [Seed.s0, .s1, .s2, .s4] {
      let errors = seed.result.checks.filter { $0.severity == .error }
      #expect(errors.isEmpty, "\(seed): \(errors.map(\.message))")
    }
    // Rounding of 万元 figures stays info: S1 支出总表 合计 6,651.28 vs 1,627.18 + 5,024.11 (S1:207).
    let rounding = Seed.s1.result.checks.first { $0.rule == "column_sum" && $0.sourceLine == 207 }
    #expect(rounding?.severity == .info)
    #expect(rounding?.diffFen == -10_000)
    #expect(rounding?.toleranceFen == 15_000)
    // The narrative's 万元 figure is rounding too: 115.04 万元 against 1,150,441.00 元 (S0:104).
    let quoted = Seed.s0.result.checks.first { $0.rule == "narrative_amount" && $0.sourceLine == 104 }
    #expect(quoted?.severity == .info)
    #expect(quoted?.diffFen == -4_100)
  }

  @Test func aRealInconsistencyInASample() throws {
    // S3:694 表15 金额合计 prints 总额 1061.97 but 财政拨款 1061.79 (万元): the document itself disagrees.
    let errors = Seed.s3.result.checks.filter { $0.severity == .error }
    let column = try #require(errors.first { $0.rule == "column_sum" })
    #expect(column.sourceLine == 694)
    #expect(column.actualFen == 1_061_970_000)
    #expect(column.expectedFen == 1_061_790_000)
    #expect(column.diffFen == 180_000)
    let total = try #require(errors.first { $0.rule == "total_row" })
    #expect(total.sourceLine == 694)
    #expect(total.diffFen == -180_000)
    #expect(errors.count == 2)
  }

  @Test func misalignedHeadersAreAlignedByTheColumnSumsOrWarned() throws {
    // S2:314-317: the data lack the empty 资本性支出 column, so the header of columns 11-13 sits
    // one column right of their amounts: aligned by the column sums, with a warning. S2:240-243
    // is garbled beyond one shift (资本性支出 printed last): a warning, and no column_sum error.
    let s2 = Seed.s2.result
    let warnings = s2.checks.filter { $0.rule == "misaligned_header" }
    #expect(warnings.map(\.tableID) == ["t005", "t003"])
    #expect(warnings.map(\.sourceLine) == [314, 243])
    #expect(warnings.first?.message.contains("aligned by the column sums") == true)
    let projects = try #require(s2.item(line: 318, col: 11))
    #expect(projects.measure == "项目支出/小计")
    #expect(projects.amountFen == 7_453_940_000)
    #expect(s2.item(line: 318, col: 12)?.measure == "项目支出/其他运转类")
    #expect(s2.item(line: 318, col: 12)?.amountFen == 23_780_000)
    #expect(s2.item(line: 318, col: 13)?.measure == "项目支出/特定目标类")
    #expect(s2.item(line: 318, col: 13)?.amountFen == 7_430_160_000)
    #expect(!s2.checks.contains { $0.rule == "column_sum" && $0.severity == .error })
  }

  @Test(arguments: [(2, MoneyUnit.wanYuan, Int64(5_000)), (0, .yuan, 50), (2, .yuan, 0), (4, .wanYuan, 50), (1, .yuan, 5)])
  func toleranceIsHalfTheLastPrintedDigit(decimals: Int, unit: MoneyUnit, fen: Int64) {
    #expect(Figure.halfUnit(decimals: decimals, unit: unit) == fen)
  }

  @Test func yuanFormatting() {
    #expect(yuan(115_044_100) == "1,150,441.00")
    #expect(yuan(-1_000) == "-10.00")
    #expect(yuan(5) == "0.05")
  }
}

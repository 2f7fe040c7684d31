import Foundation
import Testing

@testable import BudgetETL

/// Amount cells as archives print them, read through a table of a small document.
@Suite struct AmountCellTableTests {
  static let document = """
    测试县医疗保障局2024年部门预算

    表1 部门收入预算表
    单位：元
    项目\t合计\t一般公共预算\t其他收入
    一、财政拨款收入\t１２，３４５．６７\t12,345.67\t
    二、事业收入\t-12.00\t(12.00)\t－12
    三、上级补助收入\t0\t-\t
    四、附属单位上缴收入\t7.2万\t28万元\t—
    五、其他收入\t1,2345.00\t12abc\t0.00
    六、用事业基金弥补收支差额\t99999999999999999999\t（3.50）\t－
    """

  static let result: DocumentResult = {
    let processed = DocumentProcessor().process(relativePath: "numbers.txt", bytes: Array(document.utf8))
    return processed.result!
  }()

  /// (row label, column measure) → (amount in fen, source_value, source_unit); nil: no line item.
  static let expected: [(String, String, Int64?, String, String)] = [
    ("财政拨款收入", "合计", 1_234_567, "１２，３４５．６７", "元"),
    ("财政拨款收入", "一般公共预算", 1_234_567, "12,345.67", "元"),
    ("财政拨款收入", "其他收入", nil, "", ""),  // blank: no row
    ("事业收入", "合计", -1_200, "-12.00", "元"),
    ("事业收入", "一般公共预算", -1_200, "(12.00)", "元"),
    ("事业收入", "其他收入", -1_200, "－12", "元"),
    ("上级补助收入", "合计", 0, "0", "元"),
    ("上级补助收入", "一般公共预算", 0, "-", "元"),
    ("附属单位上缴收入", "合计", 7_200_000, "7.2万", "万元"),
    ("附属单位上缴收入", "一般公共预算", 28_000_000, "28万元", "万元"),
    ("附属单位上缴收入", "其他收入", 0, "—", "元"),
    ("其他收入", "合计", nil, "", ""),  // bad thousands grouping: not an amount
    ("其他收入", "一般公共预算", nil, "", ""),  // a valid prefix is not a number
    ("其他收入", "其他收入", 0, "0.00", "元"),
    ("用事业基金弥补收支差额", "合计", nil, "", ""),  // too large for any budget: not an amount
    ("用事业基金弥补收支差额", "一般公共预算", -350, "（3.50）", "元"),
    ("用事业基金弥补收支差额", "其他收入", 0, "－", "元"),
  ]

  @Test(arguments: expected)
  func amountCell(label: String, measure: String, fen: Int64?, printed: String, unit: String) throws {
    let items = Self.result.lineItems.filter { $0.label == label && $0.measure == measure }
    guard let fen else {
      #expect(items.isEmpty, "\(label)/\(measure) gives no line item")
      return
    }
    let item = try #require(items.first, "\(label)/\(measure)")
    #expect(items.count == 1)
    #expect(item.amountFen == fen)
    #expect(item.sourceValue == printed)
    #expect(item.sourceUnit == unit)
  }

  @Test func cellsThatAreNoAmountAreWarnings() {
    let messages = Self.result.checks.filter { $0.severity == .warning }.map(\.message).joined(separator: "\n")
    for printed in ["1,2345.00", "12abc", "99999999999999999999"] {
      #expect(messages.contains(printed), "a warning names \(printed)")
    }
  }

  @Test(arguments: [
    ("１２３．４５", 12_345 as Int64?), ("1,234,567.89", 123_456_789), ("-0.01", -1), ("(1,000)", -100_000),
    ("－１２", -1_200), ("+5", 500), ("1,23", nil), ("12.", nil), (".5", nil), ("1.2.3", nil), ("--1", nil), ("()", nil),
    ("9223372036854775807", nil), ("92233720368547758.07", nil), ("", nil), ("1 234", nil),
  ])
  func printedNumbers(text: String, fen: Int64?) {
    #expect(PrintedNumber(text).flatMap { $0.fen(unitMultiplier: 1)?.fen } == fen, "\(text)")
  }
}

import Testing

@testable import BudgetETL

/// ``PerformanceForm/moneyLabel(_:)`` (unit suffixes searched through one `SearchedText`, and
/// the numbering stripped on bytes) against the reading it had before, kept here: `contains`
/// per suffix and `stripNumberingByCharacters`. On every seed cell and on random labels.
@Suite struct MoneyLabelFastPathTests {
  static let unitSuffixes: [(String, MoneyUnit)] = [
    ("(万元)", .wanYuan), ("（万元）", .wanYuan), ("(亿元)", .yiYuan), ("（亿元）", .yiYuan), ("(元)", .yuan), ("（元）", .yuan),
  ]

  /// `moneyLabel` as it read before.
  static func oldMoneyLabel(_ cell: String) -> PerformanceForm.MoneyLabel {
    var t = PerformanceText.clean(cell)
    var unit: MoneyUnit?
    for (suffix, u) in unitSuffixes where t.contains(suffix) {
      unit = u
      t = t.replacingOccurrences(of: suffix, with: "")
      break
    }
    t = t.trimmingScalars([":", "：", " "])
    var group: String?
    var isQizhong = false
    if let colon = t.firstIndex(where: { $0 == ":" || $0 == "：" }) {
      let head = PerformanceText.stripNumberingByCharacters(String(t[..<colon]))
      let rest = String(t[t.index(after: colon)...])
      if head == "其中" { isQizhong = true } else { group = head }
      t = rest
    } else if t.hasPrefix("其中") {
      isQizhong = true
      t = String(t.dropFirst(2))
    }
    t = PerformanceText.stripNumberingByCharacters(t.trimmingScalars([":", "：", " "]))
    return PerformanceForm.MoneyLabel(
      group: group, text: PerformanceText.fullWidthParentheses(t), unit: unit, isQizhong: isQizhong)
  }

  static func expectSame(_ cell: String) {
    let new = PerformanceForm.moneyLabel(cell)
    let old = oldMoneyLabel(cell)
    #expect(new.group.map { Array($0.utf8) } == old.group.map { Array($0.utf8) }, "\(cell.debugDescription)")
    #expect(Array(new.text.utf8) == Array(old.text.utf8), "\(cell.debugDescription)")
    #expect(new.unit == old.unit, "\(cell.debugDescription)")
    #expect(new.isQizhong == old.isQizhong, "\(cell.debugDescription)")
  }

  @Test func randomLabelsReadAsBefore() {
    let pieces = [
      "(万元)", "（万元）", "(亿元)", "（元）", "(元", "万元", "其中", ":", "：", " ", "1、", "（一）", "①", "资金来源", "财政拨款", "(", ")",
      "\u{301}", "\u{F9FA}", "\r",
    ]
    var rng = SplitMix64(seed: 20_261_124)
    var units = 0
    var qizhong = 0
    var groups = 0
    for _ in 0..<30_000 {
      let s = rng.text(from: pieces, fewerThan: 7)
      Self.expectSame(s)
      let label = PerformanceForm.moneyLabel(s)
      if label.unit != nil { units += 1 }
      if label.isQizhong { qizhong += 1 }
      if label.group != nil { groups += 1 }
    }
    #expect(units > 5_000)
    #expect(qizhong > 1_000)
    #expect(groups > 1_000)
  }

  @Test func everySeedCellReadsAsBefore() throws {
    var cells = 0
    for cell in try SeedTable.cells() {
      cells += 1
      Self.expectSame(cell)
    }
    #expect(cells > 5_000)
    let label = PerformanceForm.moneyLabel("1、资金来源：（1）财政拨款（万元）")
    #expect(label.group == "资金来源")
    #expect(label.text == "财政拨款")
    #expect(label.unit == .wanYuan)
    #expect(!label.isQizhong)
  }
}

import Testing

@testable import BudgetETL

/// ``PerformanceForm/moneyLabelOfOwnCleanedText(_:)`` (the label read on the bytes of a cell
/// that is its own cleaned text) against ``PerformanceForm/moneyLabelComparingStrings(_:)``, on
/// every cell of the seed documents and of generated archive documents, raw and cleaned, and on
/// random labels with unit suffixes, colons, 其中, numbering, parentheses, spaces, markup,
/// combining marks and CR.
@Suite struct MoneyLabelBytesTests {
  /// Compares both readings byte for byte; true when the bytes read the cell.
  @discardableResult
  static func expectSame(_ cell: String) -> Bool {
    guard let fast = PerformanceForm.moneyLabelOfOwnCleanedText(cell) else { return false }
    // What the byte reading rests on: cleaning leaves such a cell as it is.
    #expect(Array(PerformanceText.clean(cell).utf8) == Array(cell.utf8), "\(cell.debugDescription)")
    let slow = PerformanceForm.moneyLabelComparingStrings(cell)
    // `==` on strings is canonical equivalence: the published label must match byte for byte.
    #expect(fast.group.map { Array($0.utf8) } == slow.group.map { Array($0.utf8) }, "\(cell.debugDescription)")
    #expect(Array(fast.text.utf8) == Array(slow.text.utf8), "\(cell.debugDescription)")
    #expect(fast.unit == slow.unit, "\(cell.debugDescription)")
    #expect(fast.isQizhong == slow.isQizhong, "\(cell.debugDescription)")
    return true
  }

  @Test func everySeedAndArchiveCellReadsAsWithStrings() throws {
    var cells = try SeedTable.cells()
    let generator = ArchiveGenerator(templates: ArchiveGeneratorTests.templates, seed: 1)
    for i in 0..<20 {
      let text = String(decoding: generator.document(i).bytes, as: UTF8.self)
      for line in text.split(separator: "\n") {
        cells += line.split(separator: "\t").map(String.init)
      }
    }
    var read = 0
    var units = 0
    var groups = 0
    var qizhong = 0
    for cell in cells {
      for text in [cell, PerformanceText.clean(cell)] where Self.expectSame(text) {
        read += 1
        let label = PerformanceForm.moneyLabel(text)
        if label.unit != nil { units += 1 }
        if label.group != nil { groups += 1 }
        if label.isQizhong { qizhong += 1 }
      }
    }
    #expect(cells.count > 40_000)
    #expect(read > 70_000)
    #expect(units > 150)
    #expect(groups > 1_500)
    #expect(qizhong > 400)
  }

  @Test func randomLabelsReadAsWithStrings() {
    let pieces = [
      "(万元)", "（万元）", "(亿元)", "（亿元）", "(元)", "（元）", "(元", "万元)", "元", "其中", "其", "中", ":", "：", "1、",
      "一，", "（一）", "(12)", "①", "1.", "2．", "资金来源", "财政拨款", "(", ")", "（", "）", " ", "\u{3000}", "*", "<b>",
      "\u{301}", "\u{F9FA}", "\r",
    ]
    var rng = SplitMix64(seed: 2026_11_24)
    var read = 0
    var units = 0
    var groups = 0
    var qizhong = 0
    for _ in 0..<30_000 {
      let cell = rng.text(from: pieces, fewerThan: 7)
      guard Self.expectSame(cell) else { continue }
      read += 1
      let label = PerformanceForm.moneyLabel(cell)
      if label.unit != nil { units += 1 }
      if label.group != nil { groups += 1 }
      if label.isQizhong { qizhong += 1 }
    }
    #expect(read > 10_000)
    #expect(read < 25_000)
    #expect(units > 4_000)
    #expect(groups > 500)
    #expect(qizhong > 400)
  }

  @Test func readsLabelsOnTheirBytes() throws {
    let label = try #require(PerformanceForm.moneyLabelOfOwnCleanedText("1、资金来源：（1）财政拨款（万元）"))
    #expect(label.group == "资金来源")
    #expect(label.text == "财政拨款")
    #expect(label.unit == .wanYuan)
    #expect(!label.isQizhong)
    let qizhong = try #require(PerformanceForm.moneyLabelOfOwnCleanedText("其中：中央(补助)资金(亿元)："))
    #expect(qizhong.group == nil)
    #expect(Array(qizhong.text.utf8) == Array("中央（补助）资金".utf8))
    #expect(qizhong.unit == .yiYuan)
    #expect(qizhong.isQizhong)
    // The suffix is removed once, left to right: what closes around it stays.
    let nested = try #require(PerformanceForm.moneyLabelOfOwnCleanedText("((万元)万元)"))
    #expect(Array(nested.text.utf8) == Array("（万元）".utf8))
    #expect(nested.unit == .wanYuan)
    let leading = try #require(PerformanceForm.moneyLabelOfOwnCleanedText("其中自筹"))
    #expect(leading.isQizhong)
    #expect(leading.text == "自筹")
    // Spaces, markup and combining marks go through the strings.
    #expect(PerformanceForm.moneyLabelOfOwnCleanedText("财政 拨款") == nil)
    #expect(PerformanceForm.moneyLabelOfOwnCleanedText("**财政拨款") == nil)
    #expect(PerformanceForm.moneyLabelOfOwnCleanedText("e\u{301}") == nil)
  }
}

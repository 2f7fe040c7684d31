import Testing

@testable import BudgetETL

/// `TextAmountParser.parse(_:fiscalYear:)` behind the digit gate against the scalar reading it
/// used on every block (`parseScalars`, unchanged), on the seeds' blocks and random text.
@Suite struct TextAmountParserDigitGateTests {
  static let pieces = [
    "收入", "支出", "0", "12", "3.5", "1,234", "万元", "亿元", "元", "，", "。", "；", "较上年增加", "减少", "2023年", "本年",
    "一般公共预算", "１２", "\u{301}", "\r\n", "\u{3000}", "\u{A0}", " ", "\u{F9FA}", "\u{FAAE}", "\u{FFFD}", "a", "e\u{301}",
    "（2101506）", "万", "。\n", "7", "8", "9",
  ]

  static func blocks(_ texts: [String]) -> [NarrativeBlock] {
    let lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, page: nil, text: $0.element) }
    return NarrativeParser.parseLocated(lines: lines, docID: "d")
  }

  @Test func gateAgreesWithTheScalarReading() throws {
    var checked = 0
    var gated = 0
    var amounts = 0
    func check(_ block: NarrativeBlock, _ year: Int?) {
      let expected = TextAmountParser.parseScalars(block, fiscalYear: year)
      #expect(TextAmountParser.parse(block, fiscalYear: year) == expected, "\(block.textBlock.text.debugDescription)")
      if !TextAmountParser.holdsASCIIDigit(block.textBlock.text) { gated += 1 }
      amounts += expected.count
      checked += 1
    }
    for seed in Seed.allCases {
      let blocks = NarrativeParser.parseLocated(lines: try seed.narrativeLines(), docID: seed.docID)
      let year = TextAmountParser.fiscalYear(in: blocks.map(\.textBlock))
      for block in blocks { check(block, year) }
    }
    var rng = SplitMix64(seed: 44_2026)
    for _ in 0..<3_000 {
      let texts = (0..<(1 + rng.below(4))).map { _ in rng.text(from: Self.pieces, fewerThan: 10) }
      for block in Self.blocks(texts) { check(block, rng.below(2) == 0 ? nil : 2023) }
    }
    #expect(checked > 3_000)
    #expect(gated > 500)
    #expect(amounts > 600)
  }

  @Test func exactValues() {
    #expect(TextAmountParser.holdsASCIIDigit("收入0万元"))
    #expect(TextAmountParser.holdsASCIIDigit("9"))
    for digit in "0123456789" { #expect(TextAmountParser.holdsASCIIDigit("收入\(digit)万元"), "\(digit)") }
    #expect(!TextAmountParser.holdsASCIIDigit("/:"), "the bytes either side of the digits")
    #expect(!TextAmountParser.holdsASCIIDigit("收入１２万元\u{3000}"))
    #expect(!TextAmountParser.holdsASCIIDigit(""))
    let zero = Self.blocks(["政府性基金拨款收入0万元。"])
    #expect(zero.flatMap { TextAmountParser.parse($0, fiscalYear: nil) }.map(\.amountFen) == [0])
    let none = Self.blocks(["主要职责：负责全县医疗保障工作。"])
    #expect(none.flatMap { TextAmountParser.parse($0, fiscalYear: nil) }.isEmpty)
  }
}

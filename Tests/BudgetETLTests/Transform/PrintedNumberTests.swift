import Testing

@testable import BudgetETL

@Suite struct PrintedNumberTests {
  @Test(arguments: [
    ("1,239,844.00", 123_984_400, 2), ("6,651.28", 665_128, 2), ("0", 0, 0), ("-12.00", -1200, 2),
    ("－12", -12, 0), ("(12.00)", -1200, 2), ("123.9844", 1_239_844, 4), ("１，２３４．５", 12345, 1),
  ])
  func parsesPrintedNumbers(text: String, unscaled: Int64, scale: Int) {
    #expect(PrintedNumber(text) == PrintedNumber(unscaled: unscaled, scale: scale))
  }

  @Test(arguments: ["1,239.0.0", "12abc", "1,23", "1,2345.00", "", "-", ".5", "12.", "2023年", "100%", "1,2,3"])
  func rejectsWhatIsNotANumber(text: String) {
    #expect(PrintedNumber(text) == nil)
  }

  @Test func convertsWanYuanToExactFen() {
    // 123.9844 万元 = 1,239,844.00 元 exactly (S0:480).
    let n = PrintedNumber("123.9844")!
    #expect(n.fen(unitMultiplier: MoneyUnit.wanYuan.multiplier)! == (123_984_400, true))
    // 6,651.28 万元 = 66,512,800.00 元 (S1:126).
    #expect(PrintedNumber("6,651.28")!.fen(unitMultiplier: 10_000)! == (6_651_280_000, true))
  }

  @Test func roundsFractionsOfAFenHalfAwayFromZero() {
    #expect(PrintedNumber("0.005")!.fen(unitMultiplier: 1)! == (1, false))
    #expect(PrintedNumber("-0.005")!.fen(unitMultiplier: 1)! == (-1, false))
    #expect(PrintedNumber("0.004")!.fen(unitMultiplier: 1)! == (0, false))
  }

  @Test func amountCellsCarryTheirUnit() {
    let c = AmountCell.parse("7.2万")!
    #expect(c.unitInCell == .wanYuan)
    #expect(c.number == PrintedNumber(unscaled: 72, scale: 1))
    #expect(AmountCell.parse("28万元")?.unitInCell == .wanYuan)
    #expect(AmountCell.parse("—")?.number.unscaled == 0)
    #expect(AmountCell.parse("≥90%") == nil)
  }
}

import Testing

@testable import BudgetETL

/// The amount parser's byte comparisons (dashes, units) and its in-place number reading against
/// the `Character` reading they replace, on random cells with combining marks, compatibility
/// ideographs (U+F9FA is canonically 狀), full-width forms and spaces.
@Suite struct AmountCellFastPathTests {
  /// The parser as it read before the byte comparisons: `==` and `Substring.hasSuffix`.
  static func characterParse(_ trimmed: String) -> AmountCell? {
    if ["-", "—", "－", "--", "——"].contains(where: { trimmed == $0 }) {
      return AmountCell(number: PrintedNumber(unscaled: 0, scale: 0), unitInCell: nil, printed: trimmed)
    }
    var body = Substring(trimmed)
    var unit: MoneyUnit?
    for (suffix, u) in [("万元", MoneyUnit.wanYuan), ("亿元", .yiYuan), ("万", .wanYuan), ("元", .yuan)]
    where body.hasSuffix(suffix) {
      body = body.dropLast(suffix.count)
      unit = u
      break
    }
    guard let n = PrintedNumber(String(body)) else { return nil }
    return AmountCell(number: n, unitInCell: unit, printed: trimmed)
  }

  @Test func unitsAndDashesAgreeWithTheCharacterReading() {
    let pieces = [
      "1", "2", "0", "9", ".", ",", "(", ")", "-", "+", "—", "－", "--", "万", "元", "万元", "亿元", "亿", "\u{301}",
      "\u{F9FA}", "\u{72C0}", "１", "２", "．", "，", "（", "）", " ", "\u{3000}", "a", "%", "\r", "\n",
    ]
    var rng = SplitMix64(seed: 6_2026)
    var amounts = 0
    var withUnit = 0
    for _ in 0..<30_000 {
      var s = ""
      for _ in 0..<(1 + rng.below(7)) { s += pieces[rng.below(pieces.count)] }
      let fast = AmountCell.parse(trimmed: s)
      #expect(fast == Self.characterParse(s), "\(s.debugDescription)")
      if fast != nil { amounts += 1 }
      if fast?.unitInCell != nil { withUnit += 1 }
    }
    // The random cells reach every branch.
    #expect(amounts > 1_000)
    #expect(withUnit > 100)
  }

  /// The byte reading of inert cells against the string comparisons it replaced
  /// (`parseComparingStrings`), on random cells and on every cell of the seed documents.
  @Test func inertBytesAgreeWithTheStringComparisons() throws {
    let pieces = [
      "1", "2", "0", "9", ".", ",", "(", ")", "-", "+", "—", "－", "--", "——", "万", "元", "万元", "亿元", "亿", "\u{301}",
      "\u{F9FA}", "１", "．", "（", " ", "\u{3000}", "a", "%", "\r", "\n", "千", "\u{2015}",
    ]
    var rng = SplitMix64(seed: 2026_11_24)
    var amounts = 0
    var dashes = 0
    var units: Set<String> = []
    for _ in 0..<40_000 {
      let s = rng.text(from: pieces, fewerThan: 7)
      let fast = AmountCell.parse(trimmed: s)
      #expect(fast == AmountCell.parseComparingStrings(trimmed: s), "\(s.debugDescription)")
      #expect(fast.map { Array($0.printed.utf8) } == AmountCell.parseComparingStrings(trimmed: s).map { Array($0.printed.utf8) })
      if let fast {
        amounts += 1
        if fast.number == PrintedNumber(unscaled: 0, scale: 0), fast.unitInCell == nil { dashes += 1 }
        if let u = fast.unitInCell { units.insert(u.rawValue) }
      }
    }
    #expect(amounts > 2_000)
    #expect(dashes > 100)
    #expect(units == ["元", "万元", "亿元"])
    var cells = 0
    var seedAmounts = 0
    for cell in try SeedTable.cells().map({ $0.trimmingASCIIAndIdeographicSpaces() }) where !cell.isEmpty {
      cells += 1
      let fast = AmountCell.parse(trimmed: cell)
      #expect(fast == AmountCell.parseComparingStrings(trimmed: cell), "\(cell.debugDescription)")
      if fast != nil { seedAmounts += 1 }
    }
    #expect(cells > 5_000)
    #expect(seedAmounts > 1_000)
    #expect(AmountCell.parse(trimmed: "1,234.5亿元") == AmountCell(number: PrintedNumber(unscaled: 12_345, scale: 1), unitInCell: .yiYuan, printed: "1,234.5亿元"))
    #expect(AmountCell.parse(trimmed: "－") == AmountCell(number: PrintedNumber(unscaled: 0, scale: 0), unitInCell: nil, printed: "－"))
    #expect(AmountCell.parse(trimmed: "万元") == nil)
    #expect(AmountCell.parse(trimmed: "12千元") == nil)
  }

  @Test func marksAfterAUnitOrADashKeepTheCellFromBeingAnAmount() {
    #expect(AmountCell.parse(trimmed: "12万\u{301}") == nil)  // 万 with an accent is no unit
    #expect(AmountCell.parse(trimmed: "-\u{301}") == nil)
    #expect(AmountCell.parse(trimmed: "12\u{301}万") == nil)
    #expect(AmountCell.parse(trimmed: "12万元")?.unitInCell == .wanYuan)
    #expect(AmountCell.parse(trimmed: "12万元")?.number == PrintedNumber(unscaled: 12, scale: 0))
    #expect(AmountCell.parse(trimmed: "3.5亿元")?.number.fen(unitMultiplier: MoneyUnit.yiYuan.multiplier)?.fen == 35_000_000_000)
    #expect(AmountCell.parse(trimmed: "——")?.number == PrintedNumber(unscaled: 0, scale: 0))
  }

  /// A number read in place (ASCII) equals the same number printed in full-width forms (read
  /// from a folded copy), and a slice reads only its own bytes.
  @Test func inPlaceAndFoldedReadingsAgree() {
    let pieces = ["1", "2", "0", "7", ".", ",", "(", ")", "-", "+", " "]
    var rng = SplitMix64(seed: 11_23)
    var numbers = 0
    for _ in 0..<20_000 {
      var s = ""
      for _ in 0..<(1 + rng.below(9)) { s += pieces[rng.below(pieces.count)] }
      let fullWidth = String(
        String.UnicodeScalarView(
          s.unicodeScalars.map { $0 == " " ? "\u{3000}" : Unicode.Scalar($0.value + 0xFEE0)! }))
      let ascii = PrintedNumber(s)
      #expect(PrintedNumber(fullWidth) == ascii, "\(s.debugDescription) / \(fullWidth)")
      if ascii != nil { numbers += 1 }
    }
    #expect(numbers > 1_000)
    let cell = "1,234.50万元"
    #expect(PrintedNumber(cell.dropLast(2)) == PrintedNumber(unscaled: 123_450, scale: 2))
    #expect(PrintedNumber(cell.dropFirst(6)) == nil)  // "50万元"
    #expect(PrintedNumber("（1,234.50）".dropLast(0)) == PrintedNumber(unscaled: -123_450, scale: 2))
  }
}

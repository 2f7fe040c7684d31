import Testing

@testable import BudgetETL

/// ``IndicatorTarget/parseInertText(_:)`` and the single parse of listed targets against the
/// string readings they replace, on every cell of the seed documents and on random cells with
/// comparators, full-width forms, every space, separators, units, combining marks, CR and
/// compatibility ideographs (U+F9FA is canonically 狀).
@Suite struct IndicatorTargetFastPathTests {
  /// `targets(in:)` as it read before: every listed part parsed to test it, then again.
  static func targetsParsingTwice(_ cell: String) -> [IndicatorTarget] {
    let trimmed = PerformanceText.trimSeparators(PerformanceText.stripMarkup(cell))
    if trimmed.isEmpty { return [] }
    var parts = PerformanceText.split(trimmed, at: IndicatorTarget.targetSeparators)
    if parts.count == 1 {
      let listed = PerformanceText.split(trimmed, at: IndicatorTarget.listSeparators)
      if listed.count > 1, listed.allSatisfy({ IndicatorTarget.parseComparingStrings($0).value != nil }) {
        parts = listed
      }
    }
    if parts.isEmpty { parts = [trimmed] }
    return parts.map { IndicatorTarget.parseComparingStrings($0) }
  }

  static func expectSame(_ fast: IndicatorTarget, _ slow: IndicatorTarget, _ s: String) {
    #expect(fast == slow, "\(s.debugDescription)")
    #expect(Array(fast.raw.utf8) == Array(slow.raw.utf8), "raw bytes of \(s.debugDescription)")
    #expect(fast.unit.map { Array($0.utf8) } == slow.unit.map { Array($0.utf8) }, "unit bytes of \(s.debugDescription)")
  }

  @Test func everySeedCellReadsAsTheStringsReadIt() throws {
    var cells = 0
    var inert = 0
    var valued = 0
    for cell in try SeedTable.cells(keepingEmpty: true) {
      cells += 1
      let slow = IndicatorTarget.parseComparingStrings(cell)
      if let fast = IndicatorTarget.parseInertText(cell) {
        inert += 1
        Self.expectSame(fast, slow, cell)
      }
      let parsed = IndicatorTarget.parse(cell)
      Self.expectSame(parsed, slow, cell)
      if parsed.value != nil { valued += 1 }
      #expect(IndicatorTarget.targets(in: cell) == Self.targetsParsingTwice(cell), "\(cell.debugDescription)")
    }
    // The seeds reach both readings and numbers.
    #expect(cells > 5_000)
    #expect(inert > cells * 9 / 10)
    #expect(valued > 500)
  }

  @Test func randomCellsReadAsTheStringsReadThem() {
    let pieces = [
      "≥", "≤", "≧", "≦", ">=", "<=", ">", "<", "=", "＞", "＜", "＝", "＞＝", "大于", "大于或等于", "不低于", "不超过", "低于",
      "1", "2", "0", "9", "１", "５", ".", "．", ",", "，", "%", "％", "人", "万人", "个月", "m2", "km", "m²", "m³", "元", "次",
      " ", "\u{3000}", "\t", "\u{A0}", ";", "；", "、", "有所提升", "\u{301}", "\u{F9FA}", "\r", "\n", "ａ", "(", ")", "-",
      // The ends of the full-width block (U+FF01–FF5E fold; U+FF00, U+FF5F, U+FF60 do not) and
      // digit runs long enough to overflow once scaled to four decimals.
      "\u{FF00}", "\u{FF5F}", "\u{FF60}", "99999999",
      // U+037E is canonically `;`: a separator as a `Character`.
      "\u{37E}",
    ]
    var rng = SplitMix64(seed: 2026_1124)
    var inert = 0
    var valued = 0
    var compared = 0
    var listed = 0
    for _ in 0..<40_000 {
      let s = rng.text(from: pieces, fewerThan: 8)
      let slow = IndicatorTarget.parseComparingStrings(s)
      if let fast = IndicatorTarget.parseInertText(s) {
        inert += 1
        Self.expectSame(fast, slow, s)
      }
      let parsed = IndicatorTarget.parse(s)
      Self.expectSame(parsed, slow, s)
      if parsed.value != nil { valued += 1 }
      if parsed.comparator != nil { compared += 1 }
      let targets = IndicatorTarget.targets(in: s)
      #expect(targets == Self.targetsParsingTwice(s), "\(s.debugDescription)")
      if targets.count > 1 { listed += 1 }
    }
    // Every branch is reached: inert and not, numbers, comparators, several targets.
    #expect(inert > 10_000)
    #expect(inert < 38_000)
    #expect(valued > 2_000)
    #expect(compared > 2_000)
    #expect(listed > 1_000)
  }

  @Test func inertTextReadsExactly() {
    let t = IndicatorTarget.parseInertText(" ＞＝ ９０．５ ％；")
    #expect(t == IndicatorTarget(raw: "＞＝ ９０．５ ％", comparator: ">=", value: 905_000, unit: "%"))
    #expect(
      IndicatorTarget.parseInertText("不少于12个月") == IndicatorTarget(raw: "不少于12个月", comparator: ">=", value: 120_000, unit: "个月"))
    #expect(IndicatorTarget.parseInertText("不少于一年") == IndicatorTarget(raw: "不少于一年", comparator: nil, value: nil, unit: nil))
    #expect(IndicatorTarget.parseInertText("3km2") == IndicatorTarget(raw: "3km2", comparator: nil, value: 30_000, unit: "km2"))
    #expect(IndicatorTarget.parseInertText("3k2") == IndicatorTarget(raw: "3k2", comparator: nil, value: nil, unit: nil))
    #expect(IndicatorTarget.parseInertText("1.23456") == IndicatorTarget(raw: "1.23456", comparator: nil, value: nil, unit: nil))
    #expect(IndicatorTarget.parseInertText("≧5") == nil)  // U+2267 is not inert: the strings read it
    #expect(IndicatorTarget.parse("≧5") == IndicatorTarget(raw: "≧5", comparator: ">=", value: 50_000, unit: nil))
    #expect(IndicatorTarget.parseInertText("5\u{301}") == nil)
    // Ten thousandths: 10^15 overflows Int64 once scaled, 922337203685477 does not.
    for s in ["1000000000000000人", "922337203685477人", "5｟", "5｠", "5～"] {
      Self.expectSame(try! #require(IndicatorTarget.parseInertText(s)), IndicatorTarget.parseComparingStrings(s), s)
    }
    #expect(IndicatorTarget.parseInertText("1000000000000000人")?.value == .some(nil))
    #expect(IndicatorTarget.parseInertText("922337203685477人")?.value == 9_223_372_036_854_770_000)
    #expect(IndicatorTarget.parseInertText("5｟") == IndicatorTarget(raw: "5｟", comparator: nil, value: 50_000, unit: "｟"))
    #expect(IndicatorTarget.parseInertText("5｠") == IndicatorTarget(raw: "5｠", comparator: nil, value: 50_000, unit: "｠"))
    #expect(IndicatorTarget.parseInertText("5～") == IndicatorTarget(raw: "5～", comparator: nil, value: 50_000, unit: "~"))
    #expect(IndicatorTarget.targets(in: "100%、95%、90") .map(\.value) == [1_000_000, 950_000, 900_000])
    #expect(IndicatorTarget.targets(in: "100%、良好").map(\.raw) == ["100%、良好"])
    #expect(IndicatorTarget.targets(in: "4853家\u{37E}910家").map(\.raw) == ["4853家", "910家"])
    #expect(IndicatorTarget.targets(in: " ≥90% ；").map(\.raw) == ["≥90%"])
    #expect(!IndicatorTarget.mayHoldSeparator("≥90%（含）"))
    #expect(IndicatorTarget.mayHoldSeparator("4853家；910家"))
    #expect(IndicatorTarget.mayHoldSeparator("100%、95%"))
    #expect(IndicatorTarget.mayHoldSeparator("1;2"))
  }
}

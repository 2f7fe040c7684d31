import Testing

@testable import BudgetETL

/// ``PerformanceForm/tokenOfPlainCell(_:column:)`` against the readings it replaces
/// (``PerformanceForm/tokenComparingStrings(_:_:)``: block label, indicator name, printed text
/// and term, each from its own cleaned cell), on every cell of the seed documents and on random
/// cells with level names, cut names, `指标1：` prefixes, placeholders, block labels, combining
/// marks and CR.
@Suite struct IndicatorTokenFastPathTests {
  static func form(_ rows: [RawRow]) -> PerformanceForm {
    let table = RawTable(
      tableNo: nil, title: nil, declaredUnit: nil, agencyLine: nil, sourceLine: 1, sourcePage: nil, rows: rows,
      headerRowCount: 0, fragments: 1, notes: [])
    let context = TableContext(docID: "d", tableID: "t1", tableType: .performance, fiscalYear: 2023, agency: nil)
    return PerformanceForm(table: table, context: context, declaredUnit: nil)
  }

  /// Compares both readings on every plain cell the bytes read; returns how many they read.
  @discardableResult
  static func expectSame(_ form: PerformanceForm) -> (read: Int, tokens: Int, terms: Int) {
    var read = 0
    var tokens = 0
    var terms = 0
    for r in 0..<form.rowCount {
      for c in form.cells[r].indices where !form.cells[r][c].isEmpty && form.isPlain[r][c] {
        guard let fast = PerformanceForm.tokenOfPlainCell(form.cells[r][c], column: c) else { continue }
        let slow = form.tokenComparingStrings(r, c)
        #expect(fast == slow, "\(form.cells[r][c].debugDescription)")
        // `==` on strings is canonical equivalence: the published text must match byte for byte.
        #expect(Array((fast?.text ?? "").utf8) == Array((slow?.text ?? "").utf8))
        #expect(Array((fast?.name ?? "").utf8) == Array((slow?.name ?? "").utf8))
        // The slow reading's printed text comes through `isPlain` too (``printedCell``): a plain
        // cell must be what `stripMarkup` makes of the raw cell, as `printedCell` did before.
        #expect(
          Array(PerformanceText.stripMarkup(form.table.rows[r][c]).utf8) == Array(form.cells[r][c].utf8),
          "\(form.table.rows[r][c].debugDescription)")
        read += 1
        if fast != nil { tokens += 1 }
        if fast?.term != nil { terms += 1 }
      }
    }
    return (read, tokens, terms)
  }

  @Test func everySeedCellGivesTheSameToken() throws {
    var total = (read: 0, tokens: 0, terms: 0)
    for seed in 0..<Seed.allCases.count {
      let lines = try SeedTable.lines(seed: seed)
      let table = try SeedTable.table(seed: seed, title: nil, rows: 1...lines.count)
      let counts = Self.expectSame(Self.form(table.rows))
      total = (total.read + counts.read, total.tokens + counts.tokens, total.terms + counts.terms)
    }
    #expect(total.read > 5_000)
    #expect(total.tokens > 5_000)
    #expect(total.terms > 100)
  }

  @Test func randomCellsGiveTheSameToken() {
    let pieces = [
      "产出指标", "数量指标", "服务对象满意度", "成本指标", "经济成本指标", "绩效指标", "年度绩效目标", "指标", "指标1：", "指标二:",
      "合格率", "1", "①", "；", "、", ".", "…", "。", "·", "(", "（", "）", "\u{301}", "\r", "\u{F9FA}", "a",
      // Markup and spaces, which a plain cell must not hold: `stripMarkup` would change it.
      "**", "*", "<b>", "# ", "__", "_", " ", "\t", "\u{A0}", "\u{3000}",
    ]
    var rng = SplitMix64(seed: 11_24_5)
    var read = 0
    var skipped = 0
    var terms = 0
    for _ in 0..<2_000 {
      let row = (0..<(1 + rng.below(6))).map { _ in rng.text(from: pieces, fewerThan: 4) }
      let counts = Self.expectSame(Self.form([RawRow(cells: row, line: 1, page: nil)]))
      read += counts.read
      skipped += counts.read - counts.tokens
      terms += counts.terms
    }
    #expect(read > 2_000)
    #expect(skipped > 100)
    #expect(terms > 100)
  }

  @Test func readsARowOfAForm() {
    let form = Self.form([
      RawRow(cells: ["绩效指标", "产出指标", "服务对象满意度", "指标1：培训人次；", "≥500人", ".....", "", "合格 率"], line: 1, page: nil)
    ])
    #expect(form.isPlain[0] == [true, true, true, true, true, true, true, false])
    #expect(
      form.indicatorTokens(0) == [
        .init(column: 1, text: "产出指标", name: "产出指标", term: .level1("产出指标")),
        .init(column: 2, text: "服务对象满意度", name: "服务对象满意度", term: .level2("服务对象满意度指标")),
        .init(column: 3, text: "指标1：培训人次；", name: "培训人次", term: nil),
        .init(column: 4, text: "≥500人", name: "≥500人", term: nil),
        .init(column: 7, text: "合格 率", name: "合格率", term: nil),
      ])
  }
}

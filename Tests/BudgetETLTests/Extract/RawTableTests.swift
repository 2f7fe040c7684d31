import Testing

@testable import BudgetETL

@Suite struct RawTableTests {
  /// The widest row's cell count, on the seeds' tables and on none.
  @Test func columnCountIsTheWidestRow() {
    let segmenter = DocumentSegmenter()
    for seed in Seed.allCases {
      for table in segmenter.segment(seed.lines).tables {
        #expect(table.columnCount == table.rows.map { $0.cells.count }.max())
      }
    }
    let row = RawRow(cells: ["a", "", "b"], line: 1, page: nil)
    var table = RawTable(
      tableNo: nil, title: nil, declaredUnit: nil, agencyLine: nil, sourceLine: 1, sourcePage: nil, rows: [],
      headerRowCount: 0, fragments: 1, notes: [])
    #expect(table.columnCount == 0)
    table.rows = [RawRow(cells: ["x"], line: 2, page: nil), row]
    #expect(table.columnCount == 3)
  }

  /// A run of table lines is cut where a new page starts and where its header row comes again;
  /// both pieces are merged back into their table as a second fragment.
  @Test func runsSplitAtPageBreaksAndRepeatedHeaders() {
    let text = [
      "表1 收入预算总表", "单位：万元", "项目\t金额", "工资福利支出\t12.00", "\u{0C}商品和服务支出\t3.00", "合计\t15.00", "",
      "表2 支出预算总表", "项目\t金额", "基本支出\t1.00", "项目\t金额", "项目支出\t2.00",
    ].joined(separator: "\n")
    let lines = NormalizedText(decoded: Array(text.utf8)).lines()
    let tables = DocumentSegmenter().segment(lines).tables
    #expect(tables.map(\.title) == ["表1收入预算总表", "表2支出预算总表"])  // OCR spaces next to CJK removed
    #expect(tables.map(\.fragments) == [2, 2])
    #expect(tables[0].rows.map(\.page) == [1, 1, 2, 2])
    #expect(tables[0].rows.map { $0.cells.first ?? "" } == ["项目", "工资福利支出", "商品和服务支出", "合计"])
    // The repeated header opened a fragment without a caption; merged, its header is dropped.
    #expect(tables[1].rows.map { $0.cells.first ?? "" } == ["项目", "基本支出", "项目支出"])
    #expect(tables[1].rows.map(\.line) == [9, 10, 12])
  }

  /// Column numbers `1 2 3 …` under a header, counted without gathering the cells, against the
  /// reading that gathers them.
  @Test func columnNumberRowsAreTheGatheredReading() {
    func gathered(_ row: RawRow) -> Bool {
      let values = row.cells.filter { !$0.isEmpty }
      guard values.count >= 3 else { return false }
      for (i, v) in values.enumerated() where Int(v) != i + 1 { return false }
      return true
    }
    let pieces = ["", "", "1", "2", "3", "4", "5", "x", "+2", "03", "１"]
    var rng = SplitMix64(seed: 23_2026)
    var numbered = 0
    for _ in 0..<20_000 {
      var cells: [String] = []
      var next = 1
      for _ in 0..<rng.below(7) {
        // Mostly the next number or a blank, so that numbered rows come up.
        let r = rng.below(4)
        cells.append(r == 0 ? pieces[rng.below(pieces.count)] : r == 1 ? "" : String(next))
        if r >= 2 { next += 1 }
      }
      let row = RawRow(cells: cells, line: 1, page: nil)
      #expect(HeaderDetector.isColumnNumberRow(row) == gathered(row), "\(cells)")
      if gathered(row) { numbered += 1 }
    }
    #expect(numbered > 1_000)
  }
}

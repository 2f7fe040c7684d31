import Testing

@testable import BudgetETL

/// `HeaderDetector.isDataRow` against the reading before it stopped at rows without an amount
/// (kept here as the oracle), on every row of the seeds' and generated documents' tables and on
/// random rows.
@Suite struct HeaderDetectorTests {
  static func oracleIsDataRow(_ row: RawRow, index: Int) -> Bool {
    guard let firstIndex = row.cells.firstIndex(where: { !$0.isEmpty }) else { return false }
    let first = TextCleaner.title(row.cells[firstIndex])
    let hasAmount = row.cells.contains { AmountCell.parse($0) != nil }
    let alone = row.cells.enumerated().allSatisfy { $0.offset == firstIndex || $0.element.isEmpty }
    let besideTitles = !hasAmount
      && row.cells.enumerated().contains { $0.offset != firstIndex && !$0.element.isEmpty }
    if firstIndex <= 5 && LabelKind.isTotal(first) && (hasAmount || alone || (firstIndex == 0 && !besideTitles)) {
      return true
    }
    if firstIndex <= 1 && NumberingPrefix.match(first) != nil && first.count > 2 { return true }
    if firstIndex <= 1 && CodeValue.isCodeLike(first) { return true }
    if index >= 1, row.cells.enumerated().allSatisfy({ $0.offset == firstIndex || $0.element.isEmpty }),
      firstIndex == 0
    {
      return true
    }
    for cell in row.cells where !cell.isEmpty {
      if let a = AmountCell.parse(cell), a.printed.contains(".") || a.printed.contains(",") || a.unitInCell != nil {
        return true
      }
    }
    return false
  }

  @Test func dataRowsAreTheOraclesReading() {
    let segmenter = DocumentSegmenter()
    var documents = Seed.allCases.map(\.lines)
    let generator = ArchiveGenerator(templates: ArchiveGeneratorTests.templates, seed: 1)
    for i in 0..<8 { documents.append(NormalizedText(decoded: generator.document(i).bytes).lines()) }
    var rows: [RawRow] = []
    for lines in documents {
      for table in segmenter.segment(lines).tables { rows += table.rows }
    }
    let pieces = [
      "", "", "项目", "合计", "小计", "12.00", "1,200", "300", "3万元", "一、工资福利支出", "201", "20101", "（一）", "abc", "-",
      "１２.５", "本年收入合计",
    ]
    var rng = SplitMix64(seed: 24_11_2026)
    for _ in 0..<20_000 {
      rows.append(RawRow(cells: (0..<rng.below(6)).map { _ in pieces[rng.below(pieces.count)] }, line: 1, page: nil))
    }
    var data = 0
    var headers = 0
    for (k, row) in rows.enumerated() {
      for index in [0, 1] {
        let expected = Self.oracleIsDataRow(row, index: index)
        #expect(HeaderDetector.isDataRow(row, index: index) == expected, "row \(k): \(row.cells)")
        if expected { data += 1 } else { headers += 1 }
      }
    }
    #expect(data > 10_000)
    #expect(headers > 10_000)
    #expect(!HeaderDetector.isDataRow(RawRow(cells: ["项目", "金额"], line: 1, page: nil), index: 0))
    #expect(HeaderDetector.isDataRow(RawRow(cells: ["工资", "12.00"], line: 1, page: nil), index: 0))
    #expect(!HeaderDetector.isDataRow(RawRow(cells: ["工资", "12"], line: 1, page: nil), index: 0))
  }
}

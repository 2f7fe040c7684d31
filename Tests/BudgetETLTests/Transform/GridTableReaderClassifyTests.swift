import Testing

@testable import BudgetETL

/// `GridTableReader.classify(paths:dataRows:columnCount:)`, which compares a header's last
/// level with words on its bytes (`isLiteral`), against the classify it replaces, with `==`
/// (kept below as the oracle): on the seeds' tables and on random headers whose last level
/// is 类, 款, 项, 项目, 类型, 项目单位 or one of them with a combining mark, a compatibility
/// ideograph or a space.
@Suite struct GridTableReaderClassifyTests {
  @Test func columnsClassifiedAsWithStringEquality() {
    let reader = GridTableReader()
    var seedColumns = 0
    for seed in Seed.allCases {
      for table in DocumentSegmenter().segment(seed.lines).tables where table.columnCount > 0 {
        let dataRows = table.dataRows.filter { !$0.isBlank }.map(GridTableReader.DataRow.init)
        let paths = GridTableReader.headerPaths(Array(table.headerRows), columnCount: table.columnCount)
        let expected = Self.oracle(paths: paths, dataRows: dataRows, columnCount: table.columnCount)
        #expect(reader.classify(paths: paths, dataRows: dataRows, columnCount: table.columnCount) == expected)
        seedColumns += expected.count
      }
    }
    #expect(seedColumns > 100)
    let levels = [
      "类", "款", "项", "项目", "类型", "项目单位", "类\u{301}", "项目 ", "\u{F9FA}", "\u{72C0}", "\u{FAAE}", "类\u{2F855}", "功能分类科目", "科目编码", "合计", "备注", "序号", "金额（万元）", "",
    ]
    let cells = ["", "201", "12.00", "合计", "abc", "2010301", "1,234.50"]
    var rng = SplitMix64(seed: 17_1124)
    var codeParts = 0
    for _ in 0..<3_000 {
      let count = 1 + rng.below(5)
      let paths = (0..<count).map { _ in (0..<rng.below(3)).map { _ in levels[rng.below(levels.count)] } }
      let rows = (0..<rng.below(4)).map { r in
        GridTableReader.DataRow(RawRow(cells: (0..<count).map { _ in cells[rng.below(cells.count)] }, line: r, page: nil))
      }
      let expected = Self.oracle(paths: paths, dataRows: rows, columnCount: count)
      #expect(reader.classify(paths: paths, dataRows: rows, columnCount: count) == expected, "\(paths)")
      codeParts += expected.filter { $0.codePart != nil }.count
    }
    #expect(codeParts > 500)
    // Exact: 类 | 款 | 项 are the three parts of a split code; 类 with a mark is none of them.
    let columns = reader.classify(paths: [["科目编码", "类"], ["科目编码", "款"], ["科目编码", "项"], ["类\u{301}"]], dataRows: [], columnCount: 4)
    #expect(columns.map(\.codePart) == [0, 1, 2, nil])
    // U+FAAE is canonically 类: not inert, so it is compared with `==`, and is the first part.
    let compatibility = reader.classify(paths: [["科目编码", "\u{FAAE}"], ["科目编码", "款"]], dataRows: [], columnCount: 2)
    #expect(compatibility.map(\.codePart) == [0, 1])
  }

  /// classify as it read before, comparing the last level with `==`.
  static func oracle(paths: [[String]], dataRows: [GridTableReader.DataRow], columnCount: Int) -> [TableColumn] {
    var columns: [TableColumn] = []
    for c in 0..<columnCount {
      let path = paths[c]
      let header = SearchedText(path.joined(separator: "/"))
      let last = path.last ?? ""
      var amounts = 0
      var codes = 0
      var texts = 0
      for r in dataRows.indices {
        switch dataRows[r].kind(c) {
        case .blank: break
        case .code: codes += 1
        case .amount: amounts += 1
        case .text: texts += 1
        }
      }
      let role: ColumnRole
      var codePart: Int?
      if header.contains("序号") {
        role = .ordinal
      } else if !header.containsNone(of: GridTableReader.noteWords) {
        role = .note
      } else if last == "类" || last == "款" || last == "项" {
        role = .code(GridTableReader.codeKind(header))
        codePart = last == "类" ? 0 : last == "款" ? 1 : 2
      } else if header.contains("编码") || header.contains("代码") {
        role = .code(GridTableReader.codeKind(header))
      } else if last.contains("名称") || last == "项目" || last.hasLiteralSuffix("科目") || last.hasLiteralSuffix("（按大类）")
        || last == "类型" || last.hasLiteralPrefix("单位（") || last == "项目单位" || last.hasLiteralSuffix("分类科目")
      {
        role = .label
      } else if texts > 0 && texts >= amounts + codes {
        role = .label
      } else if codes > 0 && amounts == 0 && !GridTableReader.looksLikeMoneyHeader(header) {
        role = .code(GridTableReader.codeKind(header))
      } else {
        role = .amount
      }
      columns.append(
        TableColumn(index: c, path: path, role: role, headerUnit: MoneyUnit.declared(in: header), codePart: codePart))
    }
    return columns
  }
}

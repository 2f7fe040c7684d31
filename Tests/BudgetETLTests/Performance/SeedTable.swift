import Foundation
import Testing

@testable import BudgetETL

/// Builds `RawTable`s from line ranges of the seed documents in the test bundle, the way the
/// extractor would: lines split on tabs, cells trimmed and stripped of `<b>`/`**`, blank lines
/// dropped.
enum SeedTable {
  /// The seed's lines, 1-based: `lines[0]` is line 1.
  static func lines(seed: Int) throws -> [String] {
    let text = try String(contentsOf: Seed.allCases[seed].url, encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// Every tab-separated cell of every line of the five seeds, in order; empty cells too when
  /// `keepingEmpty` (the cells the fast-path tests compare their readings on).
  static func cells(keepingEmpty: Bool = false) throws -> [String] {
    var cells: [String] = []
    for seed in 0..<Seed.allCases.count {
      for line in try lines(seed: seed) {
        cells += line.split(separator: "\t", omittingEmptySubsequences: !keepingEmpty).map(String.init)
      }
    }
    return cells
  }

  /// The rows of `rows` (source line numbers, inclusive) as one table, titled by line `title`.
  static func table(seed: Int, title: Int?, rows: ClosedRange<Int>, declaredUnit: String? = nil) throws
    -> RawTable
  {
    let all = try lines(seed: seed)
    var raw: [RawRow] = []
    for n in rows {
      let cells = all[n - 1].split(separator: "\t", omittingEmptySubsequences: false).map { cell in
        String(cell)
          .replacingOccurrences(of: "<b>", with: "")
          .replacingOccurrences(of: "</b>", with: "")
          .replacingOccurrences(of: "**", with: "")
          .trimmingASCIIAndIdeographicSpaces()
      }
      if cells.allSatisfy(\.isEmpty) { continue }
      raw.append(RawRow(cells: cells, line: n, page: nil))
    }
    let titleText = title.map {
      all[$0 - 1].replacingOccurrences(of: "#", with: "").trimmingASCIIAndIdeographicSpaces()
    }
    return RawTable(
      tableNo: nil, title: titleText, declaredUnit: declaredUnit, agencyLine: nil,
      sourceLine: title ?? rows.lowerBound, sourcePage: nil, rows: raw, headerRowCount: 0, fragments: 1,
      notes: [])
  }

  /// Reads a seed range with `PerformanceFormReader`.
  static func read(
    seed: Int, title: Int?, rows: ClosedRange<Int>, agency: String? = nil, declaredUnit: MoneyUnit? = nil
  ) throws -> PerformanceFormResult {
    let table = try table(seed: seed, title: title, rows: rows)
    let context = TableContext(
      docID: "seed\(seed)", tableID: "t900", tableType: .performance, fiscalYear: 2023, agency: agency)
    return PerformanceFormReader.read(table, context: context, declaredUnit: declaredUnit)
  }
}

import Foundation

/// A sample document prepared for the ``ArchiveGenerator``: its lines, and what the pipeline
/// itself reads from them — which printed figures are amounts (so the generator rescales
/// exactly those), which tables declare 元 (so it can restate them in 万元), where a table can
/// be split by a page break, and the document's region and year.
///
/// Reading the amounts with the pipeline, rather than guessing them from the text, means a
/// code, a 序号, a percentage or a phone number is never rescaled, and every figure that takes
/// part in a sum is.
public struct SeedTemplate: Sendable {
  /// The file the template was read from (its last path component).
  public var name: String
  /// The normalized lines (line ends normalized, trailing tabs of table rows kept).
  public var lines: [String]
  /// Per 0-based line: the amount cells on it, keyed by the cell as the pipeline cleans it.
  var cellAmounts: [Int: [String: CellAmount]] = [:]
  /// Per 0-based line: the digits of the amounts the narrative quotes on it.
  var narrativeAmounts: [Int: Set<String>] = [:]
  /// 0-based indexes of `单位：元` lines of tables that can be restated in 万元.
  var yuanUnitLines: Set<Int> = []
  /// Where a table can be split by a page break: after which line, and its header lines.
  var splitPoints: [SplitPoint] = []
  /// The region the document names (阳城县), replaced by a generated one.
  public var region: String?
  /// The agency the document names.
  public var agency: String?
  public var fiscalYear: Int?
  /// The largest factor amounts can be multiplied by without a sum that holds within its
  /// rounding tolerance failing (1 when a difference already equals the tolerance).
  public var maxFactor: Int64 = 12

  struct CellAmount: Sendable {
    /// The figure's digits as printed (`1,239,844.00`, `7.2`).
    var digits: String
    /// True when the figure is in 元 by its table's `单位：元` line alone.
    var restatable: Bool
  }

  struct SplitPoint: Sendable {
    /// 0-based line after which the page break goes.
    var after: Int
    /// 0-based lines of the table's header rows, repeated after the break.
    var headerLines: [Int]
  }

  /// Errors reading a sample document.
  public enum TemplateError: Error, LocalizedError, Equatable {
    case notADocument(name: String, reason: String)
    public var errorDescription: String? {
      switch self {
      case .notADocument(let name, let reason):
        return "\(name) cannot serve as a sample document (\(reason)); pass a folder of budget texts with --seeds"
      }
    }
  }

  /// Reads a sample document and finds its amounts with the pipeline.
  ///
  /// - Parameters:
  ///   - name: a name for messages and generated paths.
  ///   - bytes: the document's raw bytes (any encoding the pipeline reads).
  /// - Throws: ``TemplateError`` when the pipeline finds no table in it.
  public init(name: String, bytes: [UInt8]) throws {
    self.name = name
    let decoded: DecodedText
    do {
      decoded = try TextDecoder.decode(bytes)
    } catch {
      throw TemplateError.notADocument(name: name, reason: "\(error)")
    }
    let text = NormalizedText(decoded: decoded.utf8)
    let sourceLines = text.lines()
    guard !sourceLines.contains(where: { $0.page != nil }) else {
      throw TemplateError.notADocument(name: name, reason: "it has form feeds; the generator adds its own page breaks")
    }
    lines = sourceLines.map(\.text)
    let processor = DocumentProcessor()
    let extracted = processor.extract(lines: sourceLines, docID: "0000000000000000", sourcePath: name)
    var result = processor.transform(extracted)
    processor.validate(&result)
    guard !result.tables.isEmpty else { throw TemplateError.notADocument(name: name, reason: "no table found") }
    // A sum that holds only within rounding (万元 printed to two decimals) fails once its
    // difference is multiplied past the tolerance: cap the factor so none does.
    for check in result.checks where check.severity == .info && check.tableID != nil && check.rule != "narrative_amount"
    {
      guard let expected = check.expectedFen, let actual = check.actualFen, let tolerance = check.toleranceFen,
        expected != actual
      else { continue }
      maxFactor = max(1, min(maxFactor, tolerance / abs(expected - actual)))
    }
    region = extracted.metadata.region
    agency = extracted.metadata.agency
    fiscalYear = extracted.metadata.fiscalYear

    let tables = extracted.segmented.tables
    var unitLines: [String: Int] = [:]
    for (index, table) in tables.enumerated() {
      let tableID = String(format: "t%03d", index + 1)
      if table.declaredUnit == "元", !Self.namesUnitInside(table), let unitLine = unitLine(of: table) {
        unitLines[tableID] = unitLine
      }
      if let split = splitPoint(of: table, type: result.tables[index].type) { splitPoints.append(split) }
    }
    // A table is restated in 万元 only when each of its figures is in 元 to at most the fen.
    for item in result.lineItems where unitLines[item.tableID] != nil {
      let decimals = Self.digits(of: item.sourceValue).flatMap(PrintedFigure.init)?.decimals ?? 3
      if item.sourceUnit != "元" || decimals > 2 { unitLines[item.tableID] = nil }
    }
    yuanUnitLines = Set(unitLines.values)
    // A continuation's own caption repeats the unit: restate it too.
    for (index, table) in tables.enumerated() where unitLines[String(format: "t%03d", index + 1)] != nil {
      guard let first = table.rows.first?.line, let last = table.rows.last?.line else { continue }
      for k in first..<last where TableCaption.unit(lines[k]) == "元" { yuanUnitLines.insert(k) }
    }
    for item in result.lineItems where item.amountFen != 0 {
      guard let digits = Self.digits(of: item.sourceValue), PrintedFigure(digits) != nil else { continue }
      let restatable = unitLines[item.tableID] != nil
      let line = item.sourceLine - 1
      var cells = cellAmounts[line, default: [:]]
      let known = cells[item.sourceValue]?.restatable ?? true
      cells[item.sourceValue] = CellAmount(digits: digits, restatable: known && restatable)
      cellAmounts[line] = cells
    }
    // Rows the pipeline dropped as repeats after a page break (a repeated total row) must
    // change exactly as the rows they repeat, or they would no longer be recognised as repeats.
    var amountsByCells: [String: [String: CellAmount]] = [:]
    for (line, cells) in cellAmounts.sorted(by: { $0.key < $1.key }) {
      let key = Self.cellKey(lines[line])
      if amountsByCells[key] == nil { amountsByCells[key] = cells }
    }
    for (line, text) in lines.enumerated() where cellAmounts[line] == nil && text.contains("\t") {
      if let cells = amountsByCells[Self.cellKey(text)] { cellAmounts[line] = cells }
    }
    for amount in result.textAmounts where amount.amountFen != 0 {
      guard let digits = Self.digits(of: amount.sourceValue), PrintedFigure(digits) != nil else { continue }
      narrativeAmounts[amount.sourceLine - 1, default: []].insert(digits)
    }
  }

  /// A table line's cells as the pipeline compares rows: cleaned, trailing blanks dropped.
  static func cellKey(_ text: String) -> String {
    var cells = text.split(separator: "\t", omittingEmptySubsequences: false).map { TextCleaner.cell(String($0)) }
    while let l = cells.last, l.isEmpty { cells.removeLast() }
    return cells.joined(separator: "\t")
  }

  /// The `单位：元` line among the caption lines above a table's first row.
  private func unitLine(of table: RawTable) -> Int? {
    guard let first = table.rows.first?.line else { return nil }
    var k = first - 2
    while k >= 0, k >= first - 10 {
      if TableCaption.unit(lines[k]) == "元" { return k }
      k -= 1
    }
    return nil
  }

  /// A table that names a unit in a header or a label (`预算金额（万元）`, `项目资金(元)`):
  /// its figures are not governed by its `单位：` line alone, so it keeps its unit.
  private static func namesUnitInside(_ table: RawTable) -> Bool {
    table.rows.contains { row in
      row.cells.contains {
        $0.contains("万") || $0.contains("元）") || $0.contains("元)") || $0.contains("（元") || $0.contains("(元")
      }
    }
  }

  /// A page break in the middle of a long single-fragment table, between two adjacent rows.
  private func splitPoint(of table: RawTable, type: TableType) -> SplitPoint? {
    guard table.fragments == 1, table.headerRowCount >= 1, type != .performance, type != .catalog else { return nil }
    let data = Array(table.dataRows)
    guard data.count >= 10 else { return nil }
    let mid = data.count / 2
    guard data[mid].line + 1 == data[mid + 1].line else { return nil }
    let header = table.headerRows.map { $0.line - 1 }
    // The header rows must be printed together, right above the data.
    guard let last = header.last, header.first! + header.count - 1 == last, last + 1 == data[0].line - 1 else {
      return nil
    }
    return SplitPoint(after: data[mid].line - 1, headerLines: header)
  }

  /// The figure's digits: the first run of digits, `.` and `,` that holds a digit.
  static func digits(of printed: String) -> String? {
    var run = ""
    var hasDigit = false
    for scalar in printed.unicodeScalars {
      if ("0"..."9").contains(scalar) {
        run.unicodeScalars.append(scalar)
        hasDigit = true
      } else if scalar == "." || scalar == "," {
        run.unicodeScalars.append(scalar)
      } else if hasDigit {
        break
      } else {
        run = ""
      }
    }
    guard hasDigit else { return nil }
    while run.hasSuffix(".") || run.hasSuffix(",") { run.removeLast() }
    return run.hasPrefix(".") || run.hasPrefix(",") ? nil : run
  }
}

import Foundation

/// Reads a 绩效目标 table — a form rather than a grid — into `indicators` and the `line_items`
/// of its money block.
///
/// The caller decides that a table is a performance form (its title contains 绩效目标, or its
/// rows contain 一级指标/二级指标; `looksLikePerformanceForm(_:)` says so) and hands over all
/// of its rows, the title's and note lines excepted. Header row counts are not used: the reader
/// finds the parts of the form by what the cells say, because OCR shifts cells left and right.
public enum PerformanceFormReader {
  /// Reads one performance table.
  ///
  /// - Parameters:
  ///   - table: The table's rows as split on tabs; `title` tells 整体 forms (部门整体支出绩效目标表)
  ///     from project forms when no 名称 row does.
  ///   - context: Document, table id, fiscal year and agency.
  ///   - declaredUnit: The unit the table's `单位：` line declares; nil when it declares none
  ///     (then `RawTable`'s `declaredUnit` is tried, then 元).
  /// - Returns: One indicator per target in a 指标值 cell, one line item per amount of the money
  ///   block (资金金额, 项目资金, 预算金额, 部门预算总额 and their parts), the project, and
  ///   warnings for what looked wrong.
  /// - Complexity: O(rows × columns).
  public static func read(
    _ table: RawTable, context: TableContext, declaredUnit: MoneyUnit? = nil
  ) -> PerformanceFormResult {
    var form = PerformanceForm(table: table, context: context, declaredUnit: declaredUnit)
    return form.read()
  }

  /// True when a table reads as a performance form: its title contains 绩效目标, or a row holds
  /// 一级指标 or 二级指标, or a header holds 三级指标 twice (one row per project, S2:625).
  public static func looksLikePerformanceForm(_ table: RawTable) -> Bool {
    if let title = table.title, PerformanceText.compact(title).contains("绩效目标") { return true }
    for row in table.rows {
      let compact = row.cells.map(PerformanceText.compact)
      if compact.contains("一级指标") || compact.contains("二级指标") { return true }
      if compact.filter({ $0 == "三级指标" }).count >= 2 { return true }
    }
    return false
  }
}

/// One table being read: its cells cleaned once, the context, and the warnings gathered.
struct PerformanceForm {
  let table: RawTable
  let context: TableContext
  /// The unit the table declares, when the caller knows it.
  let declaredUnit: MoneyUnit?
  /// Cells cleaned of markup and OCR spaces.
  let cells: [[String]]
  /// Cells with every space removed, for comparing labels.
  let compact: [[String]]
  /// Whether the cell is its own cleaned, compacted and printed text (``printedCell(_:_:)``);
  /// see ``cleanedAndCompacted(_:)``.
  let isPlain: [[Bool]]
  var warnings: [PerformanceFormWarning] = []

  init(table: RawTable, context: TableContext, declaredUnit: MoneyUnit?) {
    self.table = table
    self.context = context
    self.declaredUnit = declaredUnit
    (self.cells, self.compact, self.isPlain) = Self.cleanedAndCompacted(table.rows)
  }

  /// Each cell cleaned (``PerformanceText/clean(_:)``) and compacted
  /// (``PerformanceText/removingSpaces(_:)`` of the cleaned cell), in one loop: a cell that is
  /// already clean is both, asked once instead of three times (clean, then removingSpaces of
  /// the same text), and no closure is called per cell.
  ///
  /// `isPlain` says which cells are their own cleaned and compacted text, and so their own
  /// printed text: those already clean and those cleaning leaves as they are
  /// (``PerformanceText/isOwnCleanedText(_:)``: full-width punctuation, `指标1：`).
  static func cleanedAndCompacted(_ rows: [RawRow]) -> (cells: [[String]], compact: [[String]], isPlain: [[Bool]]) {
    var cells: [[String]] = []
    var compact: [[String]] = []
    var isPlain: [[Bool]] = []
    cells.reserveCapacity(rows.count)
    compact.reserveCapacity(rows.count)
    isPlain.reserveCapacity(rows.count)
    for row in rows {
      var cleanRow: [String] = []
      var compactRow: [String] = []
      var plainRow: [Bool] = []
      cleanRow.reserveCapacity(row.cells.count)
      compactRow.reserveCapacity(row.cells.count)
      plainRow.reserveCapacity(row.cells.count)
      for raw in row.cells {
        if TextCleaner.isAlreadyClean(raw) || PerformanceText.isOwnCleanedText(raw) {
          cleanRow.append(raw)
          compactRow.append(raw)
          plainRow.append(true)
        } else {
          let cleaned = PerformanceText.clean(raw)
          cleanRow.append(cleaned)
          compactRow.append(PerformanceText.removingSpaces(cleaned))
          plainRow.append(false)
        }
      }
      cells.append(cleanRow)
      compact.append(compactRow)
      isPlain.append(plainRow)
    }
    return (cells, compact, isPlain)
  }

  var rowCount: Int { cells.count }

  func cell(_ row: Int, _ column: Int) -> String {
    column >= 0 && column < cells[row].count ? cells[row][column] : ""
  }

  /// A cell as printed: markup removed and trimmed, inner spaces kept (`56.8 万人`, S3:590).
  func printedCell(_ row: Int, _ column: Int) -> String {
    column < isPlain[row].count && isPlain[row][column]
      ? cells[row][column] : PerformanceText.stripMarkup(table.rows[row][column])
  }

  func compactCell(_ row: Int, _ column: Int) -> String {
    column >= 0 && column < compact[row].count ? compact[row][column] : ""
  }

  /// The first non-blank cell of a row.
  func firstText(_ row: Int) -> (column: Int, text: String)? {
    guard let c = cells[row].firstIndex(where: { !$0.isEmpty }) else { return nil }
    return (c, cells[row][c])
  }

  mutating func warn(_ message: String, row: Int?) {
    warnings.append(PerformanceFormWarning(message: message, line: row.map { table.rows[$0].line }))
  }

  /// The unit when nothing closer declares one: the context's, the table's, else 元.
  var tableUnit: MoneyUnit {
    declaredUnit ?? table.declaredUnit.flatMap { MoneyUnit.declared(in: "单位：" + $0) } ?? .yuan
  }

  // MARK: - The whole form

  mutating func read() -> PerformanceFormResult {
    if let header = projectListHeader() {
      return readProjectList(header: header)
    }
    let names = nameRows()
    let isWhole =
      names.project == nil
      && (names.unit != nil || (table.title.map { PerformanceText.compact($0).contains("整体") } ?? false))
    let project: String? =
      isWhole ? (names.unit?.value ?? context.agency) : names.project?.value
    let indicatorStart = indicatorHeaderRow()
    let end = stopRow(from: indicatorStart?.firstData ?? 0)
    let moneyEnd = indicatorStart?.header ?? indicatorStart?.firstData ?? end

    let grid = readTaskGrid(rows: 0..<moneyEnd)
    var lineItems = grid.items
    readLabelledMoney(rows: 0..<moneyEnd, excluding: grid.rows, into: &lineItems)
    lineItems.sort { ($0.rowNo, $0.colNo) < ($1.rowNo, $1.colNo) }

    var indicators: [Indicator] = []
    if let start = indicatorStart {
      indicators = readIndicators(header: start.header, rows: start.firstData..<end, project: project)
    }
    return PerformanceFormResult(
      kind: isWhole ? .whole : .project, project: project, indicators: indicators,
      lineItems: lineItems, warnings: warnings)
  }

  /// The 项目名称 row's value, and a 整体 form's 部门（单位）名称/单位名称 row's value.
  mutating func nameRows() -> (project: (row: Int, value: String?)?, unit: (row: Int, value: String)?) {
    var project: (row: Int, value: String?)?
    var unit: (row: Int, value: String)?
    for r in 0..<rowCount {
      guard let first = firstText(r) else { continue }
      let compactLabel = compactCell(r, first.column)
      let named = Self.nameLabelOfInertText(compactLabel) ?? Self.nameLabelComparingStrings(compactLabel)
      let value = cells[r][(first.column + 1)...].first { !$0.isEmpty }
      if named == .project {
        if project != nil {
          warn("a second 项目名称 row: two forms in one table?", row: r)
          continue
        }
        project = (r, value)
      } else if unit == nil, named == .unit, let value {
        unit = (r, value)
      }
    }
    return (project, unit)
  }

  /// ``nameLabelOfInertText(_:)`` through `String` operations: for cells that are not inert,
  /// and the reading the byte one is tested against.
  static func nameLabelComparingStrings(_ compact: String) -> NameLabel {
    let label = PerformanceText.halfWidthParentheses(compact).trimmingScalars([":", "："])
    if label.hasLiteralPrefix("项目名称") { return .project }
    if ["部门(单位)名称", "单位名称", "部门名称", "预算单位", "单位(部门)名称"].contains(label) { return .unit }
    return .other
  }

  /// The first row from `start` on that ends the form: 负责人/联系电话/填报日期 (S1:614) or a 注
  /// line; phone numbers and dates there are never amounts or targets. A 填报日期 line above
  /// the form does not end it.
  func stopRow(from start: Int) -> Int {
    for r in start..<max(start, rowCount) {
      for c in compact[r] where !c.isEmpty {
        if Self.endsFormOfInertText(c) ?? Self.endsFormComparingStrings(c) { return r }
      }
    }
    return rowCount
  }

  /// ``endsFormOfInertText(_:)`` through `String` operations: for cells that are not inert,
  /// and the reading the byte one is tested against.
  static func endsFormComparingStrings(_ c: String) -> Bool {
    // The prefixes are inert: compared on bytes when the cell settles it.
    let settled = c.comparesOnBytes
    func starts(_ prefix: String) -> Bool { c.hasLiteralPrefix(prefix, settledOnBytes: settled) }
    return starts("负责人") || c.contains("联系电话") || c.contains("填报日期") || starts("填报人")
      || starts("注:") || starts("注：") || starts("审核人")
  }

  /// The 一级指标 header row, or, without one, the first row naming a level-1 indicator.
  func indicatorHeaderRow() -> (header: Int?, firstData: Int)? {
    for r in 0..<rowCount where compact[r].contains("一级指标") {
      return (r, r + 1)
    }
    for r in 0..<rowCount {
      for c in compact[r] {
        if case .level1 = IndicatorVocabulary.term(c) { return (nil, r) }
      }
    }
    return nil
  }
}

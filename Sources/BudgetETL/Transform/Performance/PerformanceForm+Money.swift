import Foundation

/// The money blocks of a form: a label–amount block (资金金额/项目资金/预算情况, S1:586-591,
/// S2:573-578) or a task grid under 预算金额 (总额/财政拨款/其他资金, S0:478-481).
extension PerformanceForm {
  /// A label of a money block, taken apart: `1、资金来源:(1)政府预算资金`, `其中:中央财政资金`,
  /// `部门预算总额(万元)`.
  struct MoneyLabel {
    /// The breakdown the label opens (资金来源, 资金结构), if it names one.
    var group: String?
    /// Without numbering, 其中, unit and colon; parentheses full width.
    var text: String
    var unit: MoneyUnit?
    var isQizhong: Bool
  }

  static let unitSuffixes: [(String, MoneyUnit)] = [
    ("(万元)", .wanYuan), ("（万元）", .wanYuan), ("(亿元)", .yiYuan), ("（亿元）", .yiYuan),
    ("(元)", .yuan), ("（元）", .yuan),
  ]

  static func moneyLabel(_ cell: String) -> MoneyLabel {
    moneyLabelOfOwnCleanedText(cell) ?? moneyLabelComparingStrings(cell)
  }

  /// ``moneyLabel(_:)`` through `String` operations: for cells that are not their own cleaned
  /// text, and the reading ``moneyLabelOfOwnCleanedText(_:)`` is tested against.
  static func moneyLabelComparingStrings(_ cell: String) -> MoneyLabel {
    var t = PerformanceText.clean(cell)
    var unit: MoneyUnit?
    // Searched for six suffixes: the cell's scalars are checked once, not once per search.
    let searched = SearchedText(t)
    for (suffix, u) in unitSuffixes where searched.contains(suffix) {
      unit = u
      t = t.replacingOccurrences(of: suffix, with: "")
      break
    }
    t = t.trimmingScalars([":", "：", " "])
    var group: String?
    var isQizhong = false
    if let colon = t.firstIndex(where: { $0 == ":" || $0 == "：" }) {
      let head = PerformanceText.stripNumbering(String(t[..<colon]))
      let rest = String(t[t.index(after: colon)...])
      if head == "其中" { isQizhong = true } else { group = head }
      t = rest
    } else if t.hasLiteralPrefix("其中") {
      isQizhong = true
      t = String(t.dropFirst(2))
    }
    t = PerformanceText.stripNumbering(t.trimmingScalars([":", "：", " "]))
    return MoneyLabel(group: group, text: PerformanceText.fullWidthParentheses(t), unit: unit, isQizhong: isQizhong)
  }

  /// Labels that name a whole money block rather than one of its amounts.
  private static let blockNames: Set<String> = ["资金金额", "项目资金", "预算情况", "资金情况"]
  private static let blockStarts = ["资金金额", "项目资金", "预算情况", "资金情况", "部门预算总额"]
  private static let moneyWords = ["资金", "财政", "拨款", "自筹", "总额", "合计", "支出", "预算", "金额", "收入"]
  private static let notMoneyWords = [
    "目标", "指标", "概况", "依据", "计划", "名称", "主管", "属性", "实施单位", "必要性", "措施", "项目期", "期限",
  ]

  static func isMoneyPart(_ compact: String) -> Bool {
    // (`containsNone` checks the cell's scalars once for all the words, not once per word.)
    !compact.containsNone(of: moneyWords) && compact.containsNone(of: notMoneyWords)
  }

  static func isTotalLabel(_ label: String) -> Bool {
    label.contains("总额") || label.contains("合计") || label.contains("总计")
  }

  /// Half the unit of the last printed digit of each figure, in fen, added up: the tolerance of
  /// an identity between printed figures. A figure's precision is its column's, the most
  /// decimals printed among them (a bare `23` beside `485.58` is 23.00, S3:693).
  static func toleranceFen(_ figures: [(AmountCell, MoneyUnit)]) -> Int64 {
    let scale = min(figures.map(\.0.number.scale).max() ?? 0, 8)
    var divisor: Int64 = 2
    for _ in 0..<scale { divisor *= 10 }
    return figures.reduce(Int64(0)) { $0 + $1.1.multiplier * 100 / divisor }
  }

  /// `123984400` → `1239844.00`, for messages.
  static func yuanText(_ fen: Int64) -> String {
    let cents = fen.magnitude % 100
    return "\(fen < 0 ? "-" : "")\(fen.magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
  }

  /// A line item of this table; nil, with a warning, when the amount does not fit in fen.
  mutating func lineItem(
    row r: Int, column c: Int, parent: Int?, kind: LineItem.RowKind, section: String?, label: String,
    measure: String, measureKind: LineItem.MeasureKind, amount: AmountCell, unit: MoneyUnit,
    isTotal: Bool, agencyCode: String? = nil, projectCode: String? = nil
  ) -> LineItem? {
    guard let (fen, exact) = amount.number.fen(unitMultiplier: unit.multiplier) else {
      warn("amount \(amount.printed) is too large", row: r)
      return nil
    }
    if !exact { warn("amount \(amount.printed) \(unit.rawValue) rounded to the fen", row: r) }
    let row = table.rows[r]
    return LineItem(
      docID: context.docID, fiscalYear: context.fiscalYear, agency: context.agency,
      tableID: context.tableID, tableType: .performance, rowNo: r + 1, colNo: c + 1,
      parentRowNo: parent.map { $0 + 1 }, rowKind: kind, section: section, label: label,
      functionCode: nil, econCode: nil, govEconCode: nil, agencyCode: agencyCode,
      projectCode: projectCode, measure: measure, measureKind: measureKind, amountFen: fen,
      sourceValue: amount.printed, sourceUnit: unit.rawValue, isTotal: isTotal,
      sourceLine: row.line, sourcePage: row.page, printedNo: nil)
  }

  // MARK: - Task grid (整体 forms)

  /// The tasks under 预算金额 with their 总额/财政拨款/其他资金 columns, and 金额合计
  /// (S0:478-481, S3:689-694, S4:453-459). Columns are aligned by the data: S4's header sits
  /// one column left of its amounts.
  mutating func readTaskGrid(rows: Range<Int>) -> (items: [LineItem], rows: Set<Int>) {
    guard
      let h1 = rows.first(where: { r in compact[r].contains { $0.hasLiteralPrefix("预算金额") } }),
      h1 + 1 < rows.upperBound,
      compact[h1 + 1].contains(where: { $0 == "总额" || $0 == "合计" || $0 == "小计" }),
      let moneyColumn = compact[h1].firstIndex(where: { $0.hasLiteralPrefix("预算金额") })
    else { return ([], []) }
    let h2 = h1 + 1
    let spanText = compact[h1][moneyColumn]
    let spanEnd = compact[h1].indices.first { $0 > moneyColumn && !compact[h1][$0].isEmpty } ?? Int.max
    let headerUnit = MoneyUnit.declared(in: spanText)
    let amountColumns = compact[h2].indices.filter { !compact[h2][$0].isEmpty }
    let taskColumn = compact[h1].firstIndex { $0.contains("任务名称") }
    let contentColumn = compact[h1].firstIndex { $0.contains("主要内容") }

    var dataRows: [Int] = []
    var r = h2 + 1
    while r < rows.upperBound {
      let hasAmount = cells[r].contains { AmountCell.parse($0) != nil }
      let first = firstText(r).map { PerformanceText.compact($0.text) } ?? ""
      if !hasAmount && !first.isEmpty && !first.hasLiteralPrefix("任务") && !first.hasLiteralPrefix("年度主要任务") { break }
      dataRows.append(r)
      r += 1
    }
    // Align the amounts with their header by the data.
    var shift = 0
    var bestScore = -1
    for s in [0, 1, -1, 2, -2] {
      var score = 0
      for r in dataRows {
        for c in cells[r].indices where AmountCell.parse(cells[r][c]) != nil && amountColumns.contains(c - s) {
          score += 1
        }
      }
      if score > bestScore {
        bestScore = score
        shift = s
      }
    }
    if shift != 0 {
      warn(
        "the 预算金额 header sits \(abs(shift)) column(s) \(shift > 0 ? "left" : "right") of its amounts; aligned by the data",
        row: h2)
    }

    struct Figure {
      var row: Int
      var item: LineItem
      var cell: AmountCell
      var unit: MoneyUnit
    }
    var figures: [Figure] = []
    for r in dataRows {
      var label: String?
      if let tc = taskColumn {
        let t = cell(r, tc + shift)
        if !t.isEmpty, AmountCell.parse(t) == nil, PerformanceText.compact(t) != "年度主要任务" { label = t }
      }
      if label == nil {
        label = cells[r].indices.first { c in
          let t = cells[r][c]
          return !t.isEmpty && AmountCell.parse(t) == nil && PerformanceText.compact(t) != "年度主要任务"
            && c != contentColumn.map({ $0 + shift })
        }.map { cells[r][$0] }
      }
      let amounts = amountColumns.compactMap { a -> (Int, Int, AmountCell)? in
        AmountCell.parse(cell(r, a + shift)).map { (a, a + shift, $0) }
      }
      if amounts.isEmpty { continue }
      guard let label else {
        warn("amounts without a task name", row: r)
        continue
      }
      let text = PerformanceText.fullWidthParentheses(PerformanceText.stripNumbering(label))
      let isTotal = Self.isTotalLabel(text)
      for (headerColumn, c, amount) in amounts {
        let header = compact[h2][headerColumn]
        let measure = headerColumn >= moneyColumn && headerColumn < spanEnd ? spanText + "/" + header : header
        let unit = amount.unitInCell ?? headerUnit ?? tableUnit
        if let item = lineItem(
          row: r, column: c, parent: nil, kind: isTotal ? .total : .detail, section: nil, label: text,
          measure: measure, measureKind: Self.isTotalLabel(header) || header == "小计" ? .total : .part,
          amount: amount, unit: unit, isTotal: isTotal)
        {
          figures.append(Figure(row: r, item: item, cell: amount, unit: unit))
        }
      }
    }
    // 金额合计 against the tasks above it, per column (S3:694 prints 1061.79 for 1061.97).
    for total in figures where total.item.isTotal {
      let parts = figures.filter { !$0.item.isTotal && $0.row < total.row && $0.item.colNo == total.item.colNo }
      if parts.isEmpty { continue }
      let sum = parts.reduce(Int64(0)) { $0 + $1.item.amountFen }
      let tolerance = Self.toleranceFen(([total] + parts).map { ($0.cell, $0.unit) })
      if (sum - total.item.amountFen).magnitude > tolerance.magnitude {
        warn(
          "\(total.item.label) \(total.cell.printed) in \(total.item.measure) differs from the sum of the tasks above it (\(Self.yuanText(sum)) 元)",
          row: total.row)
      }
    }
    return (figures.map(\.item), Set(h1...(dataRows.last ?? h2)))
  }

  // MARK: - Label–amount blocks (project forms, S2's 预算情况)

  /// Every label–amount block in `rows`, outside the rows a task grid took: their line items
  /// appended to `items`.
  mutating func readLabelledMoney(rows: Range<Int>, excluding: Set<Int>, into items: inout [LineItem]) {
    var r = rows.lowerBound
    while r < rows.upperBound {
      // The label compacted once for the five prefixes, not once per prefix.
      guard !excluding.contains(r), let first = firstText(r).map({ PerformanceText.compact($0.text) }),
        Self.blockStarts.contains(where: { first.hasLiteralPrefix($0) })
      else {
        r += 1
        continue
      }
      var end = r + 1
      while end < rows.upperBound, !excluding.contains(end) {
        if let f = firstText(end), !Self.isMoneyPart(PerformanceText.compact(f.text)) { break }
        end += 1
      }
      readLabelledBlock(r..<end, into: &items)
      r = end
    }
  }

  /// One block: a head row (实施期资金总额 and 年度资金总额 side by side, or 部门预算总额) and the
  /// rows of its parts. The parts of a half are the head's children when they add up to it
  /// (S1:586-591); a second breakdown of the same head (资金结构 after 资金来源, S2:577) and
  /// parts that do not add up are memo rows. The line items are appended to `items`.
  mutating func readLabelledBlock(_ block: Range<Int>, into items: inout [LineItem]) {
    struct Entry {
      var row: Int
      var labelColumn: Int
      var label: MoneyLabel
      var amountColumn = 0
      var amount: AmountCell?
      var half = 0
      var group: String?
      var unit = MoneyUnit.yuan
      var fen: Int64 = 0
    }
    var blockName: String?
    var blockUnit: MoneyUnit?
    var rowsEntries: [[Entry]] = []
    for r in block {
      var entries: [Entry] = []
      for c in cells[r].indices where !cells[r][c].isEmpty {
        let text = cells[r][c]
        if let amount = AmountCell.parse(text) {
          if let last = entries.indices.last, entries[last].amount == nil {
            entries[last].amount = amount
            entries[last].amountColumn = c
          } else {
            warn("amount \(text) without a label", row: r)
          }
          continue
        }
        let label = Self.moneyLabel(text)
        if r == block.lowerBound, entries.isEmpty, blockName == nil,
          Self.blockNames.contains(PerformanceText.compact(label.text))
        {
          blockName = PerformanceText.compact(label.text)
          blockUnit = label.unit
          continue
        }
        entries.append(Entry(row: r, labelColumn: c, label: label))
      }
      rowsEntries.append(entries)
    }
    guard let headRow = rowsEntries.firstIndex(where: { !$0.isEmpty }) else { return }
    let heads = rowsEntries[headRow]
    let halfColumns = heads.map(\.labelColumn)
    let halfSections: [String?] = heads.map { e in
      e.label.text.contains("实施期") ? "实施期" : e.label.text.contains("年度") ? "年度" : nil
    }
    var halfUnits = [MoneyUnit?](repeating: nil, count: heads.count)
    var halfGroups = [String?](repeating: nil, count: heads.count)
    var all: [Entry] = []
    for (i, entries) in rowsEntries.enumerated() {
      for (k, var e) in entries.enumerated() {
        if entries.count == heads.count {
          e.half = k
        } else {
          e.half =
            halfColumns.indices.min { abs(halfColumns[$0] - e.labelColumn) < abs(halfColumns[$1] - e.labelColumn) } ?? 0
        }
        if let u = e.label.unit { halfUnits[e.half] = u }
        if i > headRow, let g = e.label.group { halfGroups[e.half] = g }
        e.group = i > headRow ? halfGroups[e.half] : nil
        e.unit = e.amount?.unitInCell ?? halfUnits[e.half] ?? blockUnit ?? tableUnit
        all.append(e)
      }
    }
    let measure = blockName ?? "金额"
    for half in heads.indices {
      let entries = all.filter { $0.half == half }
      let headCandidate = entries.first { $0.row == block.lowerBound + headRow }
      let head = headCandidate.flatMap { Self.isTotalLabel($0.label.text) ? $0 : nil }
      let section = halfSections[half]
      // Runs of parts, one per breakdown (资金来源, 资金结构).
      var runs: [[Entry]] = []
      for e in entries where e.row != head?.row {
        if let last = runs.last?.last, last.group == e.group {
          runs[runs.count - 1].append(e)
        } else {
          runs.append([e])
        }
      }
      var headFen: Int64?
      if let head, let amount = head.amount {
        headFen = amount.number.fen(unitMultiplier: head.unit.multiplier)?.fen
        if let item = lineItem(
          row: head.row, column: head.amountColumn, parent: nil, kind: .total, section: section,
          label: head.label.text, measure: measure, measureKind: .part, amount: amount, unit: head.unit,
          isTotal: true)
        {
          items.append(item)
        }
      }
      var childrenFound = false
      for run in runs {
        let priced: [(entry: Entry, amount: AmountCell)] = run.compactMap { e in e.amount.map { (e, $0) } }
        if priced.isEmpty { continue }
        var kind = LineItem.RowKind.detail
        var parent: Int?
        if let head, let headFen, let headAmount = head.amount {
          parent = head.row
          let sum = priced.reduce(Int64(0)) {
            $0.saturatingAdd($1.amount.number.fen(unitMultiplier: $1.entry.unit.multiplier)?.fen ?? 0)
          }
          let tolerance = Self.toleranceFen([(headAmount, head.unit)] + priced.map { ($0.amount, $0.entry.unit) })
          if sum.saturatingSubtract(headFen).magnitude <= tolerance.magnitude && !childrenFound {
            childrenFound = true
          } else {
            kind = .memo
            if (sum - headFen).magnitude > tolerance.magnitude {
              warn(
                "the parts of \(head.label.text) add up to \(Self.yuanText(sum)) 元, not \(Self.yuanText(headFen)) 元",
                row: run[0].row)
            }
          }
        }
        for (e, amount) in priced {
          if let item = lineItem(
            row: e.row, column: e.amountColumn, parent: parent, kind: kind, section: section ?? e.group,
            label: e.label.text, measure: measure, measureKind: .part, amount: amount, unit: e.unit,
            isTotal: false)
          {
            items.append(item)
          }
        }
      }
    }
  }
}

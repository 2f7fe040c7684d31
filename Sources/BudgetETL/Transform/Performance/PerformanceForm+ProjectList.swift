/// A table with one row per project (S2:621-663): codes and names, money columns under
/// 项目金额, then pairs of 三级指标/指标值 columns under 成本/产出/效益/满意度指标.
extension PerformanceForm {
  struct ProjectListHeader {
    /// The last header row (the one with 三级指标 … 指标值).
    var lastRow: Int
    /// The name and target columns of each pair, and the level-1 name above them.
    var pairs: [(name: Int, target: Int, level1: String?)]
    var moneyColumns: [(column: Int, measure: String, kind: LineItem.MeasureKind, unit: MoneyUnit?)]
    var codeColumn: Int?
    var nameColumn: Int?
  }

  /// The header of a project list: no 一级指标 column, and a header row with 三级指标 twice.
  func projectListHeader() -> ProjectListHeader? {
    if compact.contains(where: { $0.contains("一级指标") }) { return nil }
    guard
      let last = (0..<min(rowCount, 6)).first(where: { r in compact[r].filter { $0 == "三级指标" }.count >= 2 })
    else { return nil }
    var pairs: [(name: Int, target: Int, level1: String?)] = []
    for c in compact[last].indices where compact[last][c] == "三级指标" && compactCell(last, c + 1) == "指标值" {
      let from = (pairs.last?.target ?? -1) + 1
      var level1: String?
      search: for r in (0..<last).reversed() {
        for h in stride(from: c + 1, through: from, by: -1) where !compactCell(r, h).isEmpty {
          switch IndicatorVocabulary.term(compactCell(r, h)) {
          case .level1(let name): level1 = name
          case .cost: level1 = IndicatorVocabulary.costName
          default: level1 = cell(r, h)
          }
          break search
        }
      }
      pairs.append((c, c + 1, level1))
    }
    guard let firstPair = pairs.first else { return nil }
    var header = ProjectListHeader(lastRow: last, pairs: pairs, moneyColumns: [], codeColumn: nil, nameColumn: nil)
    for c in 0..<firstPair.name {
      let path = headerPath(column: c, headerRows: 0...last)
      let joined = path.joined(separator: "/")
      if joined.isEmpty { continue }
      if joined.contains("编码") || joined.contains("代码") {
        if header.codeColumn == nil { header.codeColumn = c }
      } else if joined.contains("名称") || joined.contains("单位") && c == (header.codeColumn ?? -1) + 1 {
        if header.nameColumn == nil { header.nameColumn = c }
      } else if joined.contains("金额") || joined.contains("资金") {
        let leaf = path.last ?? joined
        header.moneyColumns.append(
          (c, joined, Self.isTotalLabel(leaf) || leaf == "小计" ? .total : .part, MoneyUnit.declared(in: joined)))
      }
    }
    return header
  }

  /// A column's header cells top to bottom, spaces removed; a cell spans the blank cells to its
  /// right when the rows below have headers there (`项目金额(万元)` over 资金总额 … 单位资金).
  func headerPath(column c: Int, headerRows: ClosedRange<Int>) -> [String] {
    var path: [String] = []
    for r in headerRows {
      var text = compactCell(r, c)
      if text.isEmpty, let left = (0..<c).last(where: { !compactCell(r, $0).isEmpty }),
        r < headerRows.upperBound,
        ((r + 1)...headerRows.upperBound).contains(where: { !compactCell($0, c).isEmpty })
      {
        text = compactCell(r, left)
      }
      if !text.isEmpty, path.last != text { path.append(text) }
    }
    return path
  }

  mutating func readProjectList(header: ProjectListHeader) -> PerformanceFormResult {
    let end = stopRow(from: header.lastRow + 1)
    let dataRows = Array((header.lastRow + 1)..<max(end, header.lastRow + 1)).filter { !table.rows[$0].isBlank }
    let firstPairColumn = header.pairs[0].name
    let moneyColumnSet = Set(header.moneyColumns.map(\.column))

    // Money columns and target pairs shift separately (S2:628: the blank 单位资金 cell is lost).
    var moneyShift = 0
    var best = -1
    for s in [0, 1, -1] {
      var score = 0
      for r in dataRows {
        for c in 0..<min(firstPairColumn, cells[r].count)
        where AmountCell.parse(cells[r][c]) != nil && moneyColumnSet.contains(c - s) {
          score += 1
        }
      }
      if score > best {
        best = score
        moneyShift = s
      }
    }
    let nameColumns = Set(header.pairs.map(\.name))
    let targetColumns = Set(header.pairs.map(\.target))
    var pairShift = 0
    best = Int.min
    for s in [0, -1, 1, -2, 2] {
      var score = 0
      for r in dataRows {
        for c in cells[r].indices where c >= firstPairColumn - 2 && !cells[r][c].isEmpty {
          if moneyColumnSet.contains(c - moneyShift) && AmountCell.parse(cells[r][c]) != nil { continue }
          let h = c - s
          if nameColumns.contains(h) && !cell(r, c + 1).isEmpty || targetColumns.contains(h) && !cell(r, c - 1).isEmpty
          {
            score += 1
          } else {
            score -= 1
          }
        }
      }
      if score > best {
        best = score
        pairShift = s
      }
    }
    if moneyShift != 0 {
      warn("money columns sit \(abs(moneyShift)) column(s) off their header; aligned by the data", row: header.lastRow)
    }
    if pairShift != 0 {
      warn(
        "target columns sit \(abs(pairShift)) column(s) \(pairShift < 0 ? "left" : "right") of their header; aligned by the data",
        row: header.lastRow)
    }

    var indicators: [Indicator] = []
    var items: [LineItem] = []
    var project: String?
    var agencies: [(code: String, row: Int)] = []
    for r in dataRows {
      let rawCode = header.codeColumn.map { compactCell(r, $0) } ?? ""
      let code = rawCode.allSatisfy({ $0.isASCII && $0.isNumber }) ? rawCode : ""
      let name = header.nameColumn.map { cell(r, $0) } ?? ""
      var parent: Int?
      var agencyCode: String?
      var projectCode: String?
      let isTotal = code.isEmpty && Self.isTotalLabel(name)
      if !code.isEmpty && code.count <= 6 {
        agencyCode = code
        while let last = agencies.last, !(code.hasPrefix(last.code) && code != last.code) { agencies.removeLast() }
        parent = agencies.last?.row
        agencies.append((code, r))
        project = nil
      } else if !name.isEmpty {
        if !code.isEmpty { projectCode = code }
        parent = isTotal ? nil : agencies.last?.row
        project = isTotal ? nil : name
      }
      if !name.isEmpty {
        for m in header.moneyColumns {
          let c = m.column + moneyShift
          guard let amount = AmountCell.parse(cell(r, c)) else { continue }
          if let item = lineItem(
            row: r, column: c, parent: parent, kind: isTotal ? .total : .detail, section: nil,
            label: PerformanceText.fullWidthParentheses(name), measure: m.measure, measureKind: m.kind,
            amount: amount, unit: amount.unitInCell ?? m.unit ?? tableUnit, isTotal: isTotal,
            agencyCode: agencyCode, projectCode: projectCode)
          {
            items.append(item)
          }
        }
      }
      for pair in header.pairs {
        let n = pair.name + pairShift
        let t = pair.target + pairShift
        let nameText = cell(r, n)
        let targetText = printedCell(r, t)
        if nameText.isEmpty && targetText.isEmpty { continue }
        guard let indicatorName = PerformanceText.indicatorText(nameText), !targetText.isEmpty else {
          warn("a \(pair.level1 ?? "target") cell without its \(nameText.isEmpty ? "name" : "target")", row: r)
          continue
        }
        if project == nil { warn("targets in a row of no project", row: r) }
        var levels = Levels()
        levels.level1 = pair.level1
        appendIndicators(
          name: Token(column: n, text: nameText, name: indicatorName, term: nil),
          target: Token(column: t, text: targetText, name: targetText, term: nil), row: r, half: 0,
          section: nil, levels: levels, project: project, to: &indicators)
      }
    }
    // A row that others are part of is a subtotal.
    let parents = Set(items.compactMap(\.parentRowNo))
    for i in items.indices where items[i].rowKind == .detail && parents.contains(items[i].rowNo) {
      items[i].rowKind = .subtotal
    }
    items.sort { ($0.rowNo, $0.colNo) < ($1.rowNo, $1.colNo) }
    return PerformanceFormResult(
      kind: .projectList, project: nil, indicators: indicators, lineItems: items, warnings: warnings)
  }
}

/// The 绩效指标 block of a form: levels carried down, names paired with targets.
extension PerformanceForm {
  /// A non-blank cell of an indicator row.
  struct Token: Equatable {
    var column: Int
    /// The cell as printed (markup removed, trimmed), for targets.
    var text: String
    /// The cell as a name: `指标1：` prefix and trailing `;` removed.
    var name: String
    var term: IndicatorVocabulary.Term?
  }

  /// Names and targets of one half of a row (the 实施期 or the 年度 half in S1's forms).
  struct Group {
    var level2: String?
    /// The name's and the target's places in the row's tokens.
    var name: Int?
    var target: Int?
    var firstColumn: Int

    var isEmpty: Bool { level2 == nil && name == nil && target == nil }
  }

  /// Level names carried down the rows, per half.
  struct Levels {
    var level1: String?
    var level2: [String?] = [nil, nil]
    /// The previous row was a level name alone on its line (S2:587 投入管理指标).
    var previousRowWasLoneLevel1 = false

    mutating func setLevel1(_ name: String) {
      if name != level1 {
        level1 = name
        // Cleared in place: a new array per level-1 name was an allocation.
        level2[0] = nil
        level2[1] = nil
      }
    }

    mutating func setLevel2(_ name: String, half: Int) {
      if let parent = IndicatorVocabulary.parent(ofLevel2: name), parent != level1 {
        setLevel1(parent)
      }
      level2[half] = name
    }
  }

  private static let blockLabels: Set<String> = ["绩效指标", "年度绩效指标", "绩效目标", "年度绩效目标"]
  /// `blockLabels.contains(cell)` compared on bytes (the labels are inert; a cell of another
  /// length is settled by its byte count) instead of hashing every indicator cell.
  static func isBlockLabel(_ cell: String) -> Bool {
    var settled: Bool?
    return blockLabelList.contains { label in
      cell.isLiteral(label, settledOnBytes: settled ?? { settled = cell.comparesOnBytes; return settled! }())
    }
  }
  private static let blockLabelList = Array(blockLabels)
  private static let blockLabelBytes: [[UInt8]] = blockLabelList.map { Array($0.utf8) }

  private static let notHeaders: Set<String> = ["备注", "指标值说明", "说明"]
  private static let noNames: Set<String> = ["无", "/", "-", "—", "－", "无此项", "略"]
  private static let noNameBytes: [[UInt8]] = noNames.map { Array($0.utf8) }

  /// `noNames.contains(compact)`: for inert text (the names are inert) equal bytes, without
  /// hashing the text (which normalizes Chinese text); the set for other text.
  static func isNoName(_ compact: String) -> Bool {
    let onBytes = compact.withUTF8Bytes { b -> Bool? in
      guard LiteralSearch.isInert(b) else { return nil }
      return noNameBytes.contains { $0.elementsEqual(b) }
    }
    return onBytes ?? noNames.contains(compact)
  }

  mutating func readIndicators(header: Int?, rows: Range<Int>, project: String?) -> [Indicator] {
    var secondLevel2Column: Int?
    var noteColumn: Int?
    if let header {
      let level2Columns = compact[header].indices.filter { compact[header][$0] == "二级指标" }
      if level2Columns.count >= 2 { secondLevel2Column = level2Columns[1] }
      noteColumn = compact[header].firstIndex { Self.notHeaders.contains($0) }
    }
    var levels = Levels()
    var out: [Indicator] = []
    for r in rows {
      let tokens = indicatorTokens(r)
      if tokens.isEmpty { continue }
      if let split = secondLevel2Column {
        readHalves(row: r, tokens: tokens, splitColumn: split, levels: &levels, project: project, into: &out)
      } else {
        readSingle(row: r, tokens: tokens, noteColumn: noteColumn, levels: &levels, project: project, into: &out)
      }
    }
    return out
  }

  /// The row's non-blank cells, without block labels and bare placeholders (`指标1：`, `.....`).
  func indicatorTokens(_ r: Int) -> [Token] {
    var tokens: [Token] = []
    for c in cells[r].indices where !cells[r][c].isEmpty {
      let onBytes: Token?? = isPlain[r][c] ? Self.tokenOfPlainCell(cells[r][c], column: c) : nil
      let token: Token? = if let onBytes { onBytes } else { tokenComparingStrings(r, c) }
      if let token { tokens.append(token) }
    }
    return tokens
  }

  /// The token of a non-blank cell (nil for a block label or a placeholder), each reading of
  /// the cell made from its own cleaned text: for cells that are not plain or not inert, and
  /// the reading ``tokenOfPlainCell(_:column:)`` is tested against.
  func tokenComparingStrings(_ r: Int, _ c: Int) -> Token? {
    if Self.isBlockLabel(compact[r][c]) { return nil }
    guard let name = PerformanceText.indicatorText(cells[r][c]) else { return nil }
    return Token(column: c, text: printedCell(r, c), name: name, term: IndicatorVocabulary.term(cells[r][c]))
  }

  /// The token of a plain cell (``isPlain``: its own cleaned, compacted and printed text)
  /// whose bytes are inert, read in one pass over them instead of the five scans and three
  /// `String`s of ``tokenComparingStrings(_:_:)`` (block label, name, printed text, term);
  /// `.some(nil)` for a block label or a placeholder, nil when the cell is not inert.
  static func tokenOfPlainCell(_ cell: String, column: Int) -> Token?? {
    return cell.withUTF8Bytes { b -> Token?? in
      guard LiteralSearch.isInert(b) else { return nil }
      if blockLabelBytes.contains(where: { $0.elementsEqual(b) }) { return .some(nil) }
      guard let name = PerformanceText.indicatorTextOfInertBytes(b, of: cell) else { return .some(nil) }
      return Token(column: column, text: cell, name: name, term: IndicatorVocabulary.termOfInertBytes(b, of: cell))
    }
  }

  /// Whether a 成本指标 cell is a level-1 name here: it is when a cost level-2 name follows it
  /// in the row, or when no level-1 name came before it and the carried one is not 产出指标
  /// (older templates put 成本指标 under 产出指标, S0:461).
  func costIsLevel1(at index: Int, in tokens: [Token], level1: String?) -> Bool {
    for t in tokens[(index + 1)...] {
      if case .level2(let name) = t.term, IndicatorVocabulary.isCostLevel2(name) { return true }
    }
    for t in tokens[..<index] {
      if case .level1 = t.term { return false }
    }
    return level1 != "产出指标"
  }

  /// A form with one 二级指标 column: each row is [一级] [二级] name target [note]; its
  /// indicators are appended to `out`.
  mutating func readSingle(
    row r: Int, tokens: [Token], noteColumn: Int?, levels: inout Levels, project: String?,
    into out: inout [Indicator]
  ) {
    var texts: [Token] = []
    var hadLevel1 = false
    var hadLevel2 = false
    // By index: `enumerated()` copied every token (four strings) to read its term.
    for i in tokens.indices {
      switch tokens[i].term {
      case .level1(let name):
        levels.setLevel1(name)
        hadLevel1 = true
      case .level2(let name):
        levels.setLevel2(name, half: 0)
        hadLevel2 = true
      case .cost:
        if costIsLevel1(at: i, in: tokens, level1: levels.level1) {
          levels.setLevel1(IndicatorVocabulary.costName)
          hadLevel1 = true
        } else {
          levels.setLevel2(IndicatorVocabulary.costName, half: 0)
          hadLevel2 = true
        }
      case nil:
        texts.append(tokens[i])
      }
    }
    // A note column (备注, 指标值说明) after the target: in its column (S2:580), or shifted left
    // with the rest of the row, a long text after a short or numeric target (S2:591).
    if let noteColumn, texts.count >= 3 {
      let last = texts[texts.count - 1]
      let target = texts[texts.count - 2]
      if last.column >= noteColumn
        || last.text.count > 20 && (IndicatorTarget.looksLikeTarget(target.text) || target.text.count <= 8)
      {
        texts.removeLast()
      }
    }
    let wasLoneLevel1 = levels.previousRowWasLoneLevel1
    levels.previousRowWasLoneLevel1 = texts.isEmpty && hadLevel1 && !hadLevel2
    switch texts.count {
    case 0:
      return
    case 1:
      let lone = texts[0]
      if !hadLevel1, !hadLevel2, PerformanceText.compact(lone.name).hasLiteralSuffix("指标") {
        levels.setLevel1(lone.name)
        levels.previousRowWasLoneLevel1 = true
      } else if !hadLevel1, !hadLevel2, wasLoneLevel1 {
        levels.setLevel2(lone.name, half: 0)
      } else if !Self.isNoName(PerformanceText.compact(lone.name)) {
        warn("「\(lone.name)」 has no target beside it", row: r)
      }
      return
    case 2:
      break
    case 3:
      if hadLevel2 && !hadLevel1 {
        levels.setLevel1(texts[0].name)
      } else {
        levels.setLevel2(texts[0].name, half: 0)
      }
    default:
      if texts.count > 4 {
        warn("\(texts.count) cells in an indicator row; read the last two as name and target", row: r)
      }
      levels.setLevel1(texts[texts.count - 4].name)
      levels.setLevel2(texts[texts.count - 3].name, half: 0)
    }
    appendIndicators(
      name: texts[texts.count - 2], target: texts[texts.count - 1], row: r, half: 0, section: nil,
      levels: levels, project: project, to: &out)
  }

  /// A form with 实施期 and 年度 halves side by side (S1:599): each row is [一级] then, per half,
  /// [二级] name target — with cells of either half shifted or missing. Its indicators are
  /// appended to `out`.
  ///
  /// Groups hold the places of their tokens, not copies of them (four strings each).
  mutating func readHalves(
    row r: Int, tokens: [Token], splitColumn: Int, levels: inout Levels, project: String?,
    into out: inout [Indicator]
  ) {
    var groups: [Group] = []
    var current = Group(firstColumn: tokens[0].column)
    func close() {
      if !current.isEmpty { groups.append(current) }
    }
    for i in tokens.indices {
      let column = tokens[i].column
      var term = tokens[i].term
      if term == .cost {
        term =
          costIsLevel1(at: i, in: tokens, level1: levels.level1)
          ? .level1(IndicatorVocabulary.costName) : .level2(IndicatorVocabulary.costName)
      }
      switch term {
      case .level1(let name):
        levels.setLevel1(name)
      case .level2(let name):
        if current.level2 != nil || current.name != nil {
          close()
          current = Group(firstColumn: column)
        }
        if current.isEmpty { current.firstColumn = column }
        current.level2 = name
      case .cost:
        break
      case nil:
        if current.name == nil {
          if current.isEmpty { current.firstColumn = column }
          current.name = i
        } else if current.target == nil {
          let next = tokens[(i + 1)...].firstIndex { $0.term == nil }
          if !IndicatorTarget.looksLikeTarget(tokens[i].text), let next,
            IndicatorTarget.looksLikeTarget(tokens[next].text)
          {
            // A name, then another name with a target: the first lost its target (S1:889).
            close()
            current = Group(name: i, firstColumn: column)
          } else {
            current.target = i
          }
        } else {
          close()
          current = Group(name: i, firstColumn: column)
        }
      }
    }
    close()
    if groups.isEmpty { return }
    if groups.count > 2 {
      warn("\(groups.count) name–target groups in a row of a two-half form; kept the first two", row: r)
      groups.removeLast(groups.count - 2)
    }
    // Which half each group is: in order when there are two, by column when there is one.
    let halves: [Int] =
      groups.count == 2 ? [0, 1] : [groups[0].firstColumn >= splitColumn ? 1 : 0]
    // A level-2 name printed in one half only is the other half's too (S1:606).
    if groups.count == 2, let shared = groups[0].level2 ?? groups[1].level2 {
      for g in groups.indices where groups[g].level2 == nil { groups[g].level2 = shared }
    }
    for g in groups.indices {
      let half = halves[g]
      if let l2 = groups[g].level2 { levels.setLevel2(l2, half: half) }
      guard let name = groups[g].name else { continue }
      guard let target = groups[g].target else {
        if !Self.isNoName(PerformanceText.compact(tokens[name].name)) {
          warn("「\(tokens[name].name)」 has no target beside it", row: r)
        }
        continue
      }
      appendIndicators(
        name: tokens[name], target: tokens[target], row: r, half: half,
        section: half == 0 ? "实施期" : "年度", levels: levels, project: project, to: &out)
    }
  }

  /// The indicators of one name cell and one target cell, one per target the cell lists,
  /// appended to `out` (each row's indicators were an array appended to the form's).
  mutating func appendIndicators(
    name: Token, target: Token, row r: Int, half: Int, section: String?, levels: Levels,
    project: String?, to out: inout [Indicator]
  ) {
    if Self.isNoName(PerformanceText.compact(name.name)) { return }
    let targets = IndicatorTarget.targets(in: target.text)
    if targets.isEmpty { return }
    var names = [name.name]
    if targets.count > 1 {
      let parts = PerformanceText.split(name.name, at: IndicatorTarget.nameSeparators)
      if parts.count == targets.count {
        names = parts
      } else if parts.count > 1 {
        warn("\(parts.count) names for \(targets.count) targets; each target keeps the whole name", row: r)
      }
    }
    let row = table.rows[r]
    for k in targets.indices {
      let t = targets[k]
      out.append(
        Indicator(
          docID: context.docID, tableID: context.tableID, rowNo: r + 1, colNo: target.column + 1,
          targetNo: k + 1, section: section, project: project, level1: levels.level1,
          level2: levels.level2[half], indicator: names.count == targets.count ? names[k] : name.name,
          targetRaw: t.raw, comparator: t.comparator, targetValue: t.value, targetUnit: t.unit,
          sourceLine: row.line, sourcePage: row.page))
    }
  }
}

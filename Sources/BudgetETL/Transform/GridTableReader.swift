import Foundation

/// Reads a grid table (rows of labelled amounts under a header of one or several levels) into
/// line items: finds each column's header path and role, splits side-by-side layouts into
/// sections, joins codes, converts amounts to exact fen and builds each section's hierarchy.
public struct GridTableReader: Sendable {
  public init() {}

  struct Section {
    var labelColumns: [Int] = []
    var codeColumns: [Int] = []
    var amountColumns: [Int] = []
    var name: String?
    var topHeader: String?
  }

  /// One row of one section, as read.
  struct Entry {
    var rowNo: Int
    var line: Int
    var page: Int?
    var rawLabel: String
    /// `TextCleaner.title(rawLabel)`, which the label, the memo flag and the rank all start from.
    var titledLabel = ""
    var label: String
    /// The column the label was read from (rows of a deeper label column are details).
    var labelColumn: Int?
    var functionCode: String?
    var econCode: String?
    var govEconCode: String?
    var agencyCode: String?
    var projectCode: String?
    var printedNo: String?
    /// Amount column index → (fen, printed, unit).
    var amounts: [(column: Int, fen: Int64, printed: String, unit: MoneyUnit)] = []
    var parent: Int?
    var kind: LineItem.RowKind = .detail
    var isMemoLabel = false
    /// `NumberingPrefix.match(titledLabel)`, which the label and the rank both start from.
    var numbering: NumberingPrefix?
  }

  public func read(_ table: RawTable, context: TableContext) -> TableReading {
    var reading = TableReading()
    let columnCount = table.columnCount
    guard columnCount > 0 else { return reading }
    let headerRows = table.headerRows.filter { !HeaderDetector.isColumnNumberRow($0) }
    let dataRows = table.dataRows.filter { !HeaderDetector.isColumnNumberRow($0) && !$0.isBlank }.map(DataRow.init)
    let tableUnit = table.declaredUnit.flatMap(MoneyUnit.init(rawValue:)) ?? .yuan
    let paths = Self.headerPaths(Array(headerRows), columnCount: columnCount)
    var columns = classify(paths: paths, dataRows: dataRows, columnCount: columnCount)
    realign(&columns, dataRows: dataRows, table: table, context: context, warnings: &reading.warnings)
    reading.rowCount = dataRows.count
    var rowWarnings: [ReadWarning] = []
    reading.lineItems = lineItems(columns: columns, dataRows: dataRows, tableUnit: tableUnit, context: context,
      warnings: &rowWarnings)
    if let aligned = alignByColumnSums(columns: columns, items: reading.lineItems, dataRows: dataRows, table: table,
      tableUnit: tableUnit, context: context)
    {
      columns = aligned.columns
      reading.lineItems = aligned.items
      rowWarnings = aligned.rowWarnings
      reading.warnings.append(aligned.warning)
    }
    reading.warnings += rowWarnings
    reading.columns = columns.map { $0.path.joined(separator: "/") }
    return reading
  }

  /// The line items of the data rows under `columns`, section by section, in row then column order.
  ///
  /// - Parameter hierarchy: false for items that only have their column sums tallied (the
  ///   readings the header alignment tries): every row is then a detail without a parent, and
  ///   the hierarchy, which the column sums never read, is not built.
  func lineItems(columns: [TableColumn], dataRows: [DataRow], tableUnit: MoneyUnit, context: TableContext,
    warnings: inout [ReadWarning], hierarchy: Bool = true) -> [LineItem]
  {
    let sections = self.sections(columns)
    var sectionEntries: [[Entry]] = []
    var sectionMeasures: [[(path: String, kind: LineItem.MeasureKind)?]] = []
    var itemCount = 0
    for section in sections {
      var entries: [Entry] = []
      entries.reserveCapacity(dataRows.count)
      let labelOrder = self.labelOrder(section, columns)
      // By index: a `DataRow` copied out of the array retains its cells. Each entry is read
      // in place in the array: an entry read into a variable was copied to be returned.
      for r in dataRows.indices {
        let k = entries.count
        entries.append(Entry(rowNo: r + 1, line: dataRows[r].line, page: dataRows[r].page, rawLabel: "", label: ""))
        if read(row: dataRows[r], into: &entries[k], section: section, labelOrder: labelOrder,
          columns: columns, tableUnit: tableUnit, context: context, warnings: &warnings)
        {
          itemCount += entries[k].amounts.count
        } else {
          entries.removeLast()
        }
      }
      if hierarchy { buildHierarchy(&entries) }
      // Each amount column's measure and its kind, worked out once per section; by column
      // index (looking them up in a dictionary hashed the column of every amount).
      var measures = [(path: String, kind: LineItem.MeasureKind)?](repeating: nil, count: columns.count)
      for c in section.amountColumns {
        let path = measure(column: columns[c], section: section, sectionCount: sections.count)
        measures[c] = (path, Self.measureKind(path))
      }
      sectionEntries.append(entries)
      sectionMeasures.append(measures)
    }
    // Row by row, and within a row section by section: the items come in row then column
    // order (a section's columns are all left of the next one's, and an entry's amounts are in
    // column order), which sorting them afterwards moved every item for.
    var items: [LineItem] = []
    items.reserveCapacity(itemCount)
    var next = [Int](repeating: 0, count: sections.count)
    for rowNo in 1...max(dataRows.count, 1) {
      for s in sections.indices {
        let k = next[s]
        guard k < sectionEntries[s].count, sectionEntries[s][k].rowNo == rowNo else { continue }
        next[s] = k + 1
        // Entries read in place: copying one out retains a dozen strings.
        let entries = sectionEntries[s]
        guard !entries[k].amounts.isEmpty else { continue }
        // The row's fields set once, each amount's in turn, and the item appended a copy, the
        // last amount's moved: a `LineItem` made per amount was copied into the array and then
        // destroyed, every string retained twice and released once.
        var item = LineItem(
          docID: context.docID, fiscalYear: context.fiscalYear, agency: context.agency,
          tableID: context.tableID, tableType: context.tableType, rowNo: entries[k].rowNo, colNo: 0,
          parentRowNo: entries[k].parent.map { entries[$0].rowNo }, rowKind: entries[k].kind,
          section: sections.count > 1 ? sections[s].name : nil, label: entries[k].label,
          functionCode: entries[k].functionCode, econCode: entries[k].econCode,
          govEconCode: entries[k].govEconCode, agencyCode: entries[k].agencyCode,
          projectCode: entries[k].projectCode, measure: "", measureKind: .part, amountFen: 0, sourceValue: "",
          sourceUnit: "", isTotal: entries[k].kind == .total, sourceLine: entries[k].line, sourcePage: entries[k].page,
          printedNo: entries[k].printedNo)
        let amounts = entries[k].amounts
        for n in amounts.indices {
          let a = amounts[n]
          let (measurePath, measureKind) =
            sectionMeasures[s][a.column]
            ?? {
              let path = measure(column: columns[a.column], section: sections[s], sectionCount: sections.count)
              return (path, Self.measureKind(path))
            }()
          item.colNo = a.column + 1
          item.measure = measurePath
          item.measureKind = measureKind
          item.amountFen = a.fen
          item.sourceValue = a.printed
          item.sourceUnit = a.unit.rawValue
          if n < amounts.count - 1 { items.append(item) }
        }
        // The last amount's item, appended after its last use so that the optimizer moves it
        // (`consume item` does not compile here); the guard above leaves out rows without amounts.
        items.append(item)
      }
    }
    // The order rests on how `sections(_:)` cuts the columns: checked in one pass, so that a
    // change there cannot reorder a published dataset unnoticed (sorting is then the answer).
    // By index: zipping the items with themselves copied each item out twice.
    let inOrder = items.indices.dropFirst().allSatisfy {
      (items[$0 - 1].rowNo, items[$0 - 1].colNo) < (items[$0].rowNo, items[$0].colNo)
    }
    assert(inOrder, "\(context.tableID): line items out of row and column order")
    if !inOrder { items.sort { ($0.rowNo, $0.colNo) < ($1.rowNo, $1.colNo) } }
    return items
  }

  // MARK: - Header

  /// Each column's header path: for every header row, the cell that covers the column. A cell
  /// spans right until the next cell of its row, never past the span of the cell above it.
  static func headerPaths(_ rows: [RawRow], columnCount: Int) -> [[String]] {
    var paths = [[String]](repeating: [], count: columnCount)
    var parentEnd = [Int](repeating: columnCount - 1, count: columnCount)
    // Whether a cell of a row above starts at the column.
    var isParentStart = [Bool](repeating: false, count: columnCount)
    for row in rows {
      var cover = [String?](repeating: nil, count: columnCount)
      var spanEnd = parentEnd
      let filled = (0..<columnCount).filter { !row[$0].isEmpty }
      for (k, c) in filled.enumerated() {
        let next = k + 1 < filled.count ? filled[k + 1] - 1 : columnCount - 1
        // Spans nest: never past the end of the cell above, nor into the next cell above.
        var nextParentStart = c + 1
        while nextParentStart < columnCount, !isParentStart[nextParentStart] { nextParentStart += 1 }
        let nextParent = nextParentStart - 1
        let end = max(c, min(next, parentEnd[c], nextParent))
        let text = TextCleaner.title(row[c]).replacingOccurrences(of: " ", with: "")
        for x in c...end where x < columnCount {
          cover[x] = text
          spanEnd[x] = end
        }
      }
      for c in 0..<columnCount {
        if let t = cover[c] { paths[c].append(t) }
      }
      parentEnd = spanEnd
      for c in filled { isParentStart[c] = true }
    }
    return paths
  }

  // MARK: - Columns

  func classify(paths: [[String]], dataRows: [DataRow], columnCount: Int) -> [TableColumn] {
    var columns: [TableColumn] = []
    for c in 0..<columnCount {
      let path = paths[c]
      // Searched for a dozen words: its scalars are checked once (`SearchedText`).
      let header = SearchedText(path.joined(separator: "/"))
      let last = path.last ?? ""
      // The last level compared with a few words: on its bytes when they settle it (`==` on
      // Chinese text compared the strings' normalized scalars).
      let lastOnBytes = last.comparesOnBytes
      func lastIs(_ word: String) -> Bool { last.isLiteral(word, settledOnBytes: lastOnBytes) }
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
      } else if !header.containsNone(of: Self.noteWords) {
        role = .note
      } else if let part = lastIs("类") ? 0 : lastIs("款") ? 1 : lastIs("项") ? 2 : nil {
        role = .code(Self.codeKind(header))
        codePart = part
      } else if header.contains("编码") || header.contains("代码") {
        role = .code(Self.codeKind(header))
      } else if last.contains("名称") || lastIs("项目") || last.hasLiteralSuffix("科目") || last.hasLiteralSuffix("（按大类）")
        || lastIs("类型") || last.hasLiteralPrefix("单位（") || lastIs("项目单位") || last.hasLiteralSuffix("分类科目")
      {
        role = .label
      } else if texts > 0 && texts >= amounts + codes {
        role = .label
      } else if codes > 0 && amounts == 0 && !Self.looksLikeMoneyHeader(header) {
        role = .code(Self.codeKind(header))
      } else {
        role = .amount
      }
      columns.append(
        TableColumn(index: c, path: path, role: role, headerUnit: MoneyUnit.declared(in: header), codePart: codePart))
    }
    return columns
  }

  static func looksLikeMoneyHeader(_ h: SearchedText) -> Bool {
    !h.containsNone(of: moneyWords)
  }

  /// Words of a note column's header. (Searched with `containsNone(of:)`: one scan for scalars
  /// that are not inert per header instead of one per word.)
  static let noteWords = ["备注", "说明", "简介", "理由", "是否", "概况", "依据", "内容"]
  /// Words of a money column's header.
  static let moneyWords = ["合计", "金额", "预算", "支出", "收入", "经费", "资金", "小计", "总计", "拨款", "决算"]

  static func codeKind(_ header: SearchedText) -> CodeKind {
    if header.contains("功能") { return .function }
    if header.contains("政府经济") || header.contains("政府预算支出经济") || header.contains("政府预算经济") {
      return .governmentEconomic
    }
    if header.contains("部门经济") || header.contains("部门预算支出经济") || header.contains("部门预算经济") { return .economic }
    if header.contains("项目编码") || header.contains("项目代码") { return .project }
    if header.contains("单位") || header.contains("部门代码") || header.contains("部门编码") { return .agency }
    return .bySubject
  }

  /// Header cells shifted against the data (S2:550-552): a column with amounts but no header
  /// takes the header of a neighbouring column that has a header but no data.
  func realign(_ columns: inout [TableColumn], dataRows: [DataRow], table: RawTable, context: TableContext,
    warnings: inout [ReadWarning])
  {
    func hasData(_ c: Int) -> Bool { dataRows.contains { !$0.isBlank(c) } }
    for c in columns.indices where columns[c].path.isEmpty && hasData(c) {
      for n in [c - 1, c + 1] where n >= 0 && n < columns.count {
        guard !columns[n].path.isEmpty, !hasData(n), columns[n].role == .amount else { continue }
        columns[c].path = columns[n].path
        columns[c].headerUnit = columns[n].headerUnit
        columns[c].role = .amount
        columns[n].path = []
        warnings.append(
          ReadWarning(
            rule: "misaligned_header", subject: columns[c].path.joined(separator: "/"),
            message: "\(context.tableID): header \(columns[c].path.joined(separator: "/")) printed over column \(n + 1) but its amounts are in column \(c + 1); aligned by the data",
            line: table.rows.first?.line, page: table.rows.first?.page))
        break
      }
    }
  }

  // MARK: - Sections

  /// The table's sections (side-by-side layouts have several), left to right: a new one starts
  /// at a label or code column after amounts, so each section's columns are a run of columns
  /// left of the next section's. ``lineItems(columns:dataRows:tableUnit:context:warnings:hierarchy:)``
  /// relies on that for its row and column order.
  func sections(_ columns: [TableColumn]) -> [Section] {
    var sections: [Section] = []
    var current = Section()
    for column in columns {
      switch column.role {
      case .label, .code:
        if !current.amountColumns.isEmpty {
          sections.append(current)
          current = Section()
        }
        if case .label = column.role { current.labelColumns.append(column.index) } else { current.codeColumns.append(column.index) }
      case .amount:
        current.amountColumns.append(column.index)
      case .ordinal, .note:
        break
      }
    }
    sections.append(current)
    sections = sections.filter { !$0.amountColumns.isEmpty || !$0.labelColumns.isEmpty }
    if sections.count > 1 {
      for i in sections.indices {
        guard let main = mainLabelColumn(sections[i], columns) ?? sections[i].codeColumns.first else { continue }
        let path = columns[main].path
        sections[i].topHeader = path.count > 1 ? path[0] : nil
        let own = Self.stripQualifier(path.last ?? "")
        let generic = ["项目", "项目名称", "名称", "科目名称", "科目", "单位名称"].contains(own) || own.isEmpty
        sections[i].name = generic ? (sections[i].topHeader.map(Self.stripQualifier) ?? own) : own
      }
    }
    return sections
  }

  static func stripQualifier(_ s: String) -> String {
    var t = s
    for q in ["（按大类）", "(按大类)", "（按功能分类）", "（按经济分类）"] { t = t.replacingOccurrences(of: q, with: "") }
    return t
  }

  /// The section's label columns in the order a row's label is looked for: the main one first.
  func labelOrder(_ section: Section, _ columns: [TableColumn]) -> [Int] {
    var order = section.labelColumns
    if let main = mainLabelColumn(section, columns) { order.removeAll { $0 == main }; order.insert(main, at: 0) }
    return order
  }

  func mainLabelColumn(_ section: Section, _ columns: [TableColumn]) -> Int? {
    let labels = section.labelColumns
    if let named = labels.first(where: { c in
      let last = columns[c].path.last ?? ""
      return last.contains("名称") && !last.contains("单位名称") || last == "项目" || last.hasLiteralSuffix("科目")
    }) {
      return named
    }
    return labels.first
  }

  func measure(column: TableColumn, section: Section, sectionCount: Int) -> String {
    var path = column.path
    if sectionCount > 1 {
      if let top = section.topHeader, path.first == top, path.count > 1 { path.removeFirst() }
      if let name = section.name, path.first.map(Self.stripQualifier) == name, path.count > 1 { path.removeFirst() }
    }
    return path.joined(separator: "/")
  }

  static func measureKind(_ measure: String) -> LineItem.MeasureKind {
    let last = lastLevel(measure)
    if last.hasLiteralPrefix("其中") { return .memo }
    if last.contains("合计") || last.contains("小计") || last.contains("总计") || last == "总额" { return .total }
    return .part
  }

  /// The last level of a measure path: `measure.split(separator: "/").last`, or the measure
  /// when it has no level. On the bytes of inert text, where every scalar is a character
  /// (splitting by `Character` was most of the time of `measureKind`).
  static func lastLevel(_ measure: String) -> String {
    guard measure.allScalarsInert else { return measure.split(separator: "/").last.map(String.init) ?? measure }
    return measure.withUTF8Bytes { b in
      // Empty levels are dropped: trailing slashes first.
      var end = b.count
      while end > 0, b[end - 1] == 0x2F { end -= 1 }
      guard end > 0 else { return measure }
      var start = end
      while start > 0, b[start - 1] != 0x2F { start -= 1 }
      if start == 0 && end == b.count { return measure }
      return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    }
  }

  // MARK: - Rows

  /// Reads one row of `section` into `e`, a new entry of the row; `labelOrder` is the
  /// section's label columns, its main one first (``labelOrder(_:_:)``). False when the row has
  /// nothing to read (no label, amount or code).
  func read(row: DataRow, into e: inout Entry, section: Section, labelOrder: [Int], columns: [TableColumn],
    tableUnit: MoneyUnit, context: TableContext, warnings: inout [ReadWarning]) -> Bool
  {
    let rowNo = e.rowNo
    // Label: the main label column, else another label column of the section.
    for c in labelOrder {
      let cell = row[c]
      if cell.isEmpty { continue }
      if row.isCodeLike(c) {
        e.agencyCode = e.agencyCode ?? cell.replacingOccurrences(of: " ", with: "")
        continue
      }
      e.rawLabel = cell
      e.labelColumn = c
      break
    }
    // Codes.
    // Codes printed as 类|款|项 columns are joined group by group, 款 and 项 padded to two digits.
    // The group's 类, 款 and 项 (code parts 0, 1, 2), in three variables: a dictionary per row
    // hashed its keys for every lookup.
    var lei: String?
    var kuan: String?
    var xiang: String?
    var splitKind: CodeKind = .bySubject
    func flushSplit() {
      if let lei {
        var code = lei
        if let kuan { code += kuan.count == 1 ? "0" + kuan : kuan }
        if kuan != nil, let xiang { code += xiang.count == 1 ? "0" + xiang : xiang }
        assign(code: code, kind: splitKind, to: &e)
      }
      lei = nil
      kuan = nil
      xiang = nil
    }
    for c in section.codeColumns {
      guard case .code(let kind) = columns[c].role else { continue }
      if let part = columns[c].codePart {
        if part == 0 || kind != splitKind { flushSplit() }
        splitKind = kind
        let cell = TextCleaner.halfWidthDigits(row[c]).replacingOccurrences(of: " ", with: "")
        if !cell.isEmpty {
          switch part {
          case 0: lei = cell
          case 1: kuan = cell
          case 2: xiang = cell
          default: break  // no part past 项 is ever read
          }
        }
        continue
      }
      flushSplit()
      let cell = TextCleaner.halfWidthDigits(row[c]).replacingOccurrences(of: " ", with: "")
      if cell.isEmpty { continue }
      assign(code: cell, kind: kind, to: &e)
    }
    flushSplit()
    // A label printed in a code column (合计 under 科目编码, S1:169).
    if e.rawLabel.isEmpty {
      for c in section.codeColumns where !row[c].isEmpty && !row.isCodeLike(c) {
        let t = TextCleaner.title(row[c])
        if t.contains(where: { !$0.isASCIIDigit && $0 != " " && $0 != "-" }) {
          e.rawLabel = row[c]
          e.titledLabel = t
          break
        }
      }
    } else {
      e.titledLabel = TextCleaner.title(e.rawLabel)
    }
    // A code printed inside the name: 医疗保障经办事务（2101506）.
    e.numbering = NumberingPrefix.match(e.titledLabel)
    var label = TextCleaner.label(titled: e.titledLabel, numbering: e.numbering)
    if let (code, rest) = Self.trailingCode(label) {
      label = rest
      assign(code: code, kind: .bySubject, to: &e)
    }
    // `907-社保股`: an agency code before a name.
    e.label = label
    e.isMemoLabel = TextCleaner.isMemo(titled: e.titledLabel)
    // Printed 序号.
    if let ordinal = columns.first(where: { $0.role == .ordinal }), !row[ordinal.index].isEmpty {
      e.printedNo = row[ordinal.index]
    }
    // Amounts.
    for c in section.amountColumns {
      let cell = row[c]
      if cell.isEmpty { continue }
      guard let amount = row.amount(c) else {
        warnings.append(
          ReadWarning(
            rule: "not_an_amount", subject: e.label,
            message: "\(context.tableID) row \(rowNo) column \(c + 1): \"\(cell)\" is not an amount", line: row.line,
            page: row.page))
        continue
      }
      let unit = amount.unitInCell ?? columns[c].headerUnit ?? tableUnit
      guard let (fen, exact) = amount.number.fen(unitMultiplier: unit.multiplier) else {
        warnings.append(
          ReadWarning(
            rule: "amount_overflow", subject: e.label,
            message: "\(context.tableID) row \(rowNo) column \(c + 1): \"\(cell)\" is too large", line: row.line,
            page: row.page))
        continue
      }
      if !exact {
        warnings.append(
          ReadWarning(
            rule: "fraction_of_fen", subject: e.label,
            message: "\(context.tableID) row \(rowNo) column \(c + 1): \(cell) \(unit.rawValue) is not a whole number of fen; rounded half away from zero",
            line: row.line, page: row.page))
      }
      // Room for the rest of the section's amounts at the first: growing by appending
      // reallocated a row's amounts up to four times.
      if e.amounts.isEmpty { e.amounts.reserveCapacity(section.amountColumns.count) }
      e.amounts.append((c, fen, amount.printed, unit))
    }
    return !(e.label.isEmpty && e.amounts.isEmpty && e.functionCode == nil && e.econCode == nil
      && e.agencyCode == nil && e.govEconCode == nil)
  }

  func assign(code raw: String, kind: CodeKind, to e: inout Entry) {
    // A code of ASCII digits, letters and dashes (most) keeps every character, and each of its
    // bytes is a character: its length, first character and leading digits are read on the
    // bytes (comparing `Character`s with "0"..."9" was most of the time of this function).
    let plain = raw.utf8.allSatisfy {
      $0 == 0x2D || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A)
    }
    let code: String
    let count: Int
    /// 2, 3 or 5 when the code starts with that digit, else nil.
    let lead: Int?
    let digits: Substring
    if plain {
      code = raw
      let bytes = code.utf8
      count = bytes.count
      lead = bytes.first.flatMap { $0 == 0x32 ? 2 : $0 == 0x33 ? 3 : $0 == 0x35 ? 5 : nil }
      digits = Substring(bytes.prefix { $0 >= 0x30 && $0 <= 0x39 })
    } else {
      code = raw.filter { $0.isASCIIDigit || $0.isLetter || $0 == "-" }
      count = code.count
      let first = code.first
      lead = first == "2" ? 2 : first == "3" ? 3 : first == "5" ? 5 : nil
      digits = code.prefix { $0.isASCIIDigit }
    }
    guard !code.isEmpty else { return }
    switch kind {
    case .function where lead == 2 && (count == 3 || count == 5 || count == 7):
      e.functionCode = code
    case .economic where lead == 3 && (count == 3 || count == 5):
      e.econCode = code
    case .governmentEconomic where lead == 5 && (count == 3 || count == 5):
      e.govEconCode = code
    case .project:
      e.projectCode = code
    case .agency:
      e.agencyCode = String(digits.isEmpty ? Substring(code) : digits)
    default:
      // By subject: 2… function, 3… economic, 5… government economic; else an agency code.
      if lead == 2 && (count == 3 || count == 5 || count == 7) { e.functionCode = e.functionCode ?? code }
      else if lead == 3 && (count == 3 || count == 5) { e.econCode = e.econCode ?? code }
      else if lead == 5 && (count == 3 || count == 5) { e.govEconCode = e.govEconCode ?? code }
      else if count > 9 { e.projectCode = code }
      else if !digits.isEmpty { e.agencyCode = e.agencyCode ?? String(digits) }
    }
  }

  /// `医疗保障经办事务（2101506）` → ("2101506", "医疗保障经办事务").
  static func trailingCode(_ label: String) -> (String, String)? {
    // A last character equal to `）` (U+FF09) or `)` is that one scalar, whose last byte is 89
    // or 29: any other last byte settles it (most labels) without comparing suffixes.
    guard let lastByte = label.utf8.last, lastByte == 0x89 || lastByte == 0x29 else { return nil }
    guard label.hasLiteralSuffix("）") || label.hasLiteralSuffix(")") else { return nil }
    guard let open = label.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return nil }
    let inner = label[label.index(after: open)..<label.index(before: label.endIndex)]
    guard (3...7).contains(inner.count), inner.allSatisfy(\.isASCIIDigit) else { return nil }
    return (String(inner), String(label[..<open]).trimmingASCIIAndIdeographicSpaces())
  }

  // MARK: - Hierarchy

  enum Rank {
    case total
    case ranked(Double, code: String?)
    case memo
    case unranked
  }

  /// Where entry `i` stands in its section's hierarchy. Its fields read in the array one by one:
  /// a function taking the entry, or a property of it, had each entry copied out of the array,
  /// a dozen strings retained.
  static func rank(_ entries: [Entry], _ i: Int) -> Rank {
    let label = entries[i].label
    if LabelKind.isTotal(label) || (label.isEmpty && LabelKind.isTotal(entries[i].titledLabel)) {
      return .total
    }
    if let code = entries[i].functionCode { return .ranked(20 + Double(code.count - 3) / 2, code: code) }
    if let code = entries[i].econCode ?? entries[i].govEconCode {
      return .ranked(20 + Double(code.count - 3) / 2, code: code)
    }
    if let code = entries[i].agencyCode, !code.isEmpty { return .ranked(10 + Double(code.count - 3) / 3, code: code) }
    if let n = entries[i].numbering { return .ranked(30 + Double(n.rank), code: nil) }
    if entries[i].isMemoLabel { return .memo }
    return .unranked
  }

  func buildHierarchy(_ entries: inout [Entry]) {
    // By index: mapping the entries copied each one out, retaining a dozen strings.
    let ranks = entries.indices.map { Self.rank(entries, $0) }
    var stack: [(index: Int, rank: Double, code: String?)] = []
    var lastNonMemo: Int?
    for i in entries.indices {
      switch ranks[i] {
      case .total:
        entries[i].kind = .total
        entries[i].parent = nil
        stack.removeAll()
        lastNonMemo = i
      case .ranked(let r, let code):
        while let top = stack.last {
          if top.rank >= r { stack.removeLast(); continue }
          if let code, let topCode = top.code, code.count > topCode.count, !code.hasPrefix(topCode),
            r >= 20, top.rank >= 20
          {
            stack.removeLast()
            continue
          }
          break
        }
        entries[i].parent = stack.last?.index
        stack.append((i, r, code))
        lastNonMemo = i
      case .memo:
        entries[i].parent = lastNonMemo
        entries[i].kind = .memo
      case .unranked:
        // An unnumbered row directly followed by ① or (1) rows is their parent.
        if i + 1 < entries.count, case .ranked(let nr, nil) = ranks[i + 1], nr >= 33 {
          while let top = stack.last, top.rank >= nr - 0.5 { stack.removeLast() }
          entries[i].parent = stack.last?.index
          stack.append((i, nr - 0.5, nil))
        } else {
          entries[i].parent = stack.last?.index
        }
        lastNonMemo = i
      }
    }
    resolveMemoRuns(&entries, ranks: ranks)
    resolveCategoryRows(&entries, ranks: ranks)
    var hasChildren = [Bool](repeating: false, count: entries.count)
    for i in entries.indices where entries[i].kind != .memo { if let p = entries[i].parent { hasChildren[p] = true } }
    for i in entries.indices where entries[i].kind != .total && entries[i].kind != .memo {
      entries[i].kind = hasChildren[i] ? .subtotal : .detail
    }
  }

  /// A 其中 row and the unnumbered rows after it that add up to the row above are its
  /// children (S1:586-591); a lone 其中 row is a memo (S2:184).
  func resolveMemoRuns(_ entries: inout [Entry], ranks: [Rank]) {
    let width = Self.amountWidth(entries)
    for m in entries.indices {
      guard case .memo = ranks[m], let p = entries[m].parent else { continue }
      var run = [m]
      var k = m + 1
      while k < entries.count, case .unranked = ranks[k] {
        run.append(k)
        k += 1
      }
      guard run.count >= 2, sumsEqual(entries, parent: p, children: run, width: width) else { continue }
      for c in run {
        entries[c].parent = p
        entries[c].kind = .detail
      }
    }
  }

  /// An uncoded category row (专用项目, 工资福利支出 without its code) is the parent of the run
  /// of rows after it that adds up to it in every column (S0:441-442, S3:518-519), within the
  /// rounding the printed figures allow.
  ///
  /// The sums are kept by column index in arrays as wide as the widest row (a column no row
  /// has an amount in sums to 0 on both sides, which never fails): dictionaries per row, and
  /// the set of their keys made for every comparison, were most of the time of this pass.
  ///
  /// - Complexity: O(n · r · w) for n rows, runs of at most r = `maxCategoryRun` rows and w
  ///   amount columns: the run's sums grow row by row.
  func resolveCategoryRows(_ entries: inout [Entry], ranks: [Rank]) {
    let width = Self.amountWidth(entries)
    // Worked out at the first row that can be a category row (most tables, their rows coded or
    // numbered, have none): the amounts it reads are never changed here.
    var halfUnits: [Int64] = []
    var childCount = [Int](repeating: 0, count: entries.count)
    for i in entries.indices { if let p = entries[i].parent, p >= 0, p < entries.count { childCount[p] += 1 } }
    var parentSums = [Int64](repeating: 0, count: width)
    var runSums = [Int64](repeating: 0, count: width)
    var run: [Int] = []
    for i in entries.indices.reversed() {
      guard case .unranked = ranks[i], entries[i].kind != .memo, !entries[i].amounts.isEmpty else { continue }
      for c in 0..<width { parentSums[c] = 0 }
      for a in entries[i].amounts { parentSums[a.column] = a.fen }
      guard parentSums.contains(where: { $0 != 0 }) else { continue }
      if halfUnits.isEmpty { halfUnits = Self.halfUnits(entries, width: width) }
      let parent = entries[i].parent
      run.removeAll(keepingCapacity: true)
      for c in 0..<width { runSums[c] = 0 }
      var k = i + 1
      while k < entries.count, k - i <= Self.maxCategoryRun {
        guard case .unranked = ranks[k], entries[k].kind != .memo else { break }
        if entries[k].parent == parent {
          run.append(k)
          for a in entries[k].amounts { runSums[a.column] = runSums[a.column].saturatingAdd(a.fen) }
          if Self.sumsMatch(parentSums, runSums, children: run.count, halfUnits: halfUnits),
            run.count > 1 || Self.canBeOnlyChild(k, parent: parent, entries: entries, ranks: ranks, childCount: childCount)
              || Self.isDeeper(entries[k], than: entries[i])
          {
            for c in run {
              if let old = entries[c].parent, old >= 0, old < entries.count { childCount[old] -= 1 }
              entries[c].parent = i
              childCount[i] += 1
            }
            break
          }
        }
        k += 1
      }
    }
  }

  /// Longest run of rows looked at under an uncoded category row.
  static let maxCategoryRun = 1_000

  /// One more than the highest amount column of `entries` (0 without amounts): the width of
  /// the per-column sums.
  static func amountWidth(_ entries: [Entry]) -> Int {
    var width = 0
    for i in entries.indices {
      for a in entries[i].amounts where a.column >= width { width = a.column + 1 }
    }
    return width
  }

  /// True when the sums of `children` rows match the parent's amounts in every column, each
  /// within `halfUnits[column]` per printed figure; all three indexed by column.
  static func sumsMatch(_ parent: [Int64], _ children: [Int64], children count: Int, halfUnits: [Int64]) -> Bool {
    for column in parent.indices {
      let tolerance = halfUnits[column] * Int64(count + 1)
      let diff = parent[column].saturatingSubtract(children[column])
      if diff.magnitude > tolerance.magnitude { return false }
    }
    return true
  }

  /// One row equal to the row above it is its only child when it has children of its own
  /// (专用项目 > 专用项目 > …, S0:441-443) or ends the block; otherwise they are siblings
  /// that happen to be equal (印刷费 2.00, 差旅费 2.00, S1:343-344).
  static func canBeOnlyChild(_ k: Int, parent: Int?, entries: [Entry], ranks: [Rank], childCount: [Int]) -> Bool {
    if childCount[k] > 0 { return true }
    let next = k + 1
    guard next < entries.count else { return true }
    if case .unranked = ranks[next], entries[next].parent == parent, entries[next].kind != .memo { return false }
    return true
  }

  /// A row labelled in a label column right of another row's (采购物品名称 under 专项名称).
  static func isDeeper(_ child: Entry, than parent: Entry) -> Bool {
    guard let c = child.labelColumn, let p = parent.labelColumn else { return false }
    return c > p
  }

  /// Half the unit of the last printed digit, in fen, per amount column (by column index, 0
  /// for a column without amounts; `width` from ``amountWidth(_:)``): the most decimals
  /// printed in the column, in the unit of its last amount.
  static func halfUnits(_ entries: [Entry], width: Int) -> [Int64] {
    var decimals = [Int](repeating: -1, count: width)
    var units = [MoneyUnit](repeating: .yuan, count: width)
    for i in entries.indices {
      for a in entries[i].amounts {
        let d = Self.printedDecimals(a.printed)
        decimals[a.column] = max(decimals[a.column], d, 0)
        units[a.column] = a.unit
      }
    }
    var result = [Int64](repeating: 0, count: width)
    for c in 0..<width where decimals[c] >= 0 {
      var unitFen = units[c].multiplier * 100
      for _ in 0..<decimals[c] { unitFen /= 10 }
      result[c] = unitFen / 2
    }
    return result
  }

  /// The decimals a printed amount shows: the ASCII digits that start the second of its
  /// `.`-separated parts (empty parts dropped, so `.5` shows none). On the bytes of ASCII text,
  /// where every byte is a character; `split` and `Character` otherwise.
  static func printedDecimals(_ printed: String) -> Int {
    let onBytes = printed.withUTF8Bytes { b -> Int? in
      var part = -1
      var inPart = false
      var i = 0
      while i < b.count {
        let c = b[i]
        if c >= 0x80 { return nil }
        if c == 0x2E {
          inPart = false
        } else if !inPart {
          part += 1
          inPart = true
          if part == 1 {
            var digits = 0
            while i + digits < b.count, b[i + digits] >= 0x30 && b[i + digits] <= 0x39 { digits += 1 }
            // The rest must be ASCII too for the bytes to be the characters.
            return b[(i + digits)...].allSatisfy { $0 < 0x80 } ? digits : nil
          }
        }
        i += 1
      }
      return 0
    }
    if let onBytes { return onBytes }
    return printed.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isASCIIDigit }.count } ?? 0
  }

  /// True when the children add up to the parent in every column, exactly; `width` from
  /// ``amountWidth(_:)``.
  func sumsEqual(_ entries: [Entry], parent p: Int, children: [Int], width: Int) -> Bool {
    var parentSums = [Int64](repeating: 0, count: width)
    for a in entries[p].amounts { parentSums[a.column] = a.fen }
    guard parentSums.contains(where: { $0 != 0 }) else { return false }
    var childSums = [Int64](repeating: 0, count: width)
    for c in children {
      for a in entries[c].amounts { childSums[a.column] = childSums[a.column].saturatingAdd(a.fen) }
    }
    return parentSums == childSums
  }
}

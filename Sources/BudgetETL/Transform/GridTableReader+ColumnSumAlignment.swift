/// Headers printed out of line with their amounts, aligned by the arithmetic (the data contract:
/// "Align by the data; where a totals row exists, its arithmetic decides which column is
/// whose 合计; record a warning").
///
/// A converter that drops a column nobody filled (S2:314-317: 资本性支出 has no amount, and
/// the amounts after it moved one column left under the header) leaves the header one column
/// right of the data from that column on. When most rows' column sums fail under the header
/// as printed, each way of moving a run of header cells one column against the data is
/// tried: the one under which every checked row adds up, with at least as many rows checked,
/// is taken — only when it is the one such reading, so that an alignment is never a guess.
extension GridTableReader {
  struct ColumnSumAlignment {
    var columns: [TableColumn]
    var items: [LineItem]
    var rowWarnings: [ReadWarning]
    var warning: ReadWarning
  }

  func alignByColumnSums(
    columns: [TableColumn], items: [LineItem], dataRows: [DataRow], table: RawTable, tableUnit: MoneyUnit,
    context: TableContext
  ) -> ColumnSumAlignment? {
    guard sections(columns).count == 1 else { return nil }
    // The columns whose header may move: amount columns, and columns every filled cell of which
    // is an amount (the header of a label column can sit over amounts, S2:240).
    // Whether a column holds data, asked for every candidate reading: worked out once.
    let filled = columns.indices.map { c in dataRows.contains { !$0.isBlank(c) } }
    func hasData(_ c: Int) -> Bool { c < filled.count ? filled[c] : dataRows.contains { !$0.isBlank(c) } }
    func onlyAmounts(_ c: Int) -> Bool {
      hasData(c) && dataRows.allSatisfy { $0.isBlank(c) || $0.amount(c) != nil }
    }
    let movable = columns.indices.filter {
      columns[$0].role == .amount || (columns[$0].role == .label && onlyAmounts($0) && $0 > firstLabel(columns))
    }
    guard movable.count >= 2 else { return nil }
    // Every move needs a column with a header and no amount to take a header from; without one
    // no reading differs, and the table's sums need not be tallied here.
    guard movable.contains(where: { !hasData($0) }) else { return nil }
    let info = TableInfo(
      docID: context.docID, tableID: context.tableID, tableNo: table.tableNo, title: table.title,
      type: context.tableType, unit: tableUnit.rawValue, columns: "", rows: dataRows.count, fragments: 1,
      isEmpty: false, sourceLine: table.sourceLine, sourcePage: table.sourcePage)
    let printed = ColumnSumRule.tally(TableGrid(items: items), table: info, docID: context.docID)
    guard printed.isMisaligned else { return nil }

    // Rows that fail as printed: a reading under which one of them still fails, or is no longer
    // checked, is dropped before all rows are read under it. (A probe row's tolerance comes
    // from its own printed decimals only: a probe can drop a reading, never add one.)
    let failingLines = Set(printed.checks.filter { $0.severity == .error }.compactMap(\.sourceLine))
    let probe = Array(dataRows.filter { failingLines.contains($0.line) }.prefix(3))
    func passes(_ candidate: [TableColumn], rows: [DataRow]) -> Bool {
      var ignored: [ReadWarning] = []
      let items = lineItems(
        columns: candidate, dataRows: rows, tableUnit: tableUnit, context: context, warnings: &ignored,
        hierarchy: false)
      let tally = ColumnSumRule.tally(TableGrid(items: items), table: info, docID: context.docID, keepingChecks: false)
      return tally.rowsFailing == 0 && tally.rowsChecked == rows.count
    }
    // Most readings fail on the first probe row already, and a row that fails (or is not
    // checked) read alone fails among the others too: with more rows a column's printed
    // decimals can only grow, so its rounding tolerance only shrinks, and a row's groups are
    // its own. The first row is tried alone, then all of them.
    func passesProbe(_ candidate: [TableColumn]) -> Bool {
      if probe.count > 1, !passes(candidate, rows: [probe[0]]) { return false }
      return passes(candidate, rows: probe)
    }

    var passing: [(candidate: [TableColumn], moved: ClosedRange<Int>, shift: Int)] = []
    // Two moves that give the filled columns the same headers are one reading. A reading's key
    // is the ids of its filled movable columns' headers, equal headers one id (hashing a
    // dictionary of header paths per reading was a tenth of the alignment's time).
    let (headerIDs, pathsByID) = Self.headerIDs(columns)
    let keyColumns = movable.filter(hasData)
    var seen = Set<[Int]>()
    for shift in [-1, 1] {
      for start in movable.indices {
        for end in start..<movable.count {
          guard let candidate = Self.moving(columns, movable: movable, run: start...end, shift: shift, hasData: hasData)
          else { continue }
          let key = Self.movedHeaderIDs(headerIDs, movable: movable, run: start...end, shift: shift, keyColumns: keyColumns)
          assert(zip(keyColumns, key).allSatisfy { candidate[$0.0].path == pathsByID[$0.1] })
          guard seen.insert(key).inserted, passesProbe(candidate) else { continue }
          var ignored: [ReadWarning] = []
          let candidateItems = lineItems(
            columns: candidate, dataRows: dataRows, tableUnit: tableUnit, context: context, warnings: &ignored,
            hierarchy: false)
          let tally = ColumnSumRule.tally(
            TableGrid(items: candidateItems), table: info, docID: context.docID, keepingChecks: false)
          if tally.rowsFailing == 0, tally.rowsChecked >= max(3, printed.rowsChecked) {
            passing.append((candidate, movable[start]...movable[end], shift))
          }
        }
      }
    }
    guard passing.count == 1, let found = passing.first else { return nil }
    var rowWarnings: [ReadWarning] = []
    let alignedItems = lineItems(
      columns: found.candidate, dataRows: dataRows, tableUnit: tableUnit, context: context, warnings: &rowWarnings)
    let direction = found.shift < 0 ? "right" : "left"
    let warning = ReadWarning(
      rule: "misaligned_header", subject: table.title ?? context.tableID,
      message: "\(context.tableID): the header over columns \(found.moved.lowerBound + 1)–\(found.moved.upperBound + 1) is printed one column \(direction) of its amounts (the column sums failed on \(printed.rowsFailing) of \(printed.rowsChecked) rows); aligned by the column sums, which hold on all of them",
      line: table.rows.first?.line, page: table.rows.first?.page)
    return ColumnSumAlignment(columns: found.candidate, items: alignedItems, rowWarnings: rowWarnings, warning: warning)
  }

  /// The first label column: headers never move onto it or left of it.
  func firstLabel(_ columns: [TableColumn]) -> Int {
    columns.firstIndex { $0.role == .label } ?? -1
  }

  /// Each column's header path as an id, equal paths one id, the empty path 0; and the paths
  /// by id.
  static func headerIDs(_ columns: [TableColumn]) -> (ids: [Int], paths: [[String]]) {
    var idOfPath: [[String]: Int] = [[]: 0]
    var paths: [[String]] = [[]]
    let ids = columns.map { column -> Int in
      if let known = idOfPath[column.path] { return known }
      idOfPath[column.path] = paths.count
      paths.append(column.path)
      return paths.count - 1
    }
    return (ids, paths)
  }

  /// The header ids (``headerIDs(_:)``) of `keyColumns` in the reading ``moving(_:movable:run:shift:hasData:)``
  /// makes with the same `movable`, `run` and `shift`, when it makes one: the same moves, on ids.
  static func movedHeaderIDs(_ ids: [Int], movable: [Int], run: ClosedRange<Int>, shift: Int, keyColumns: [Int])
    -> [Int]
  {
    var moved = ids
    for k in run { moved[movable[k]] = ids[movable[k - shift]] }
    moved[movable[shift < 0 ? run.upperBound + 1 : run.lowerBound - 1]] = 0
    return keyColumns.map { moved[$0] }
  }

  /// `columns` with the headers of the movable columns `run` moved by `shift`. With −1 the
  /// header was printed right of its amounts: each column of the run takes the header of the
  /// movable column after it, the run's first header goes (a column the data lacks), and the
  /// column after the run, whose header the run takes, must hold no amount. With +1, the mirror
  /// image. Nil when that column holds amounts.
  static func moving(
    _ columns: [TableColumn], movable: [Int], run: ClosedRange<Int>, shift: Int, hasData: (Int) -> Bool
  ) -> [TableColumn]? {
    let source = shift < 0 ? run.upperBound + 1 : run.lowerBound - 1
    guard source >= 0, source < movable.count, !hasData(movable[source]) else { return nil }
    var result = columns
    for k in run {
      let from = columns[movable[k - shift]]
      result[movable[k]].path = from.path
      result[movable[k]].headerUnit = from.headerUnit
      result[movable[k]].role = .amount
    }
    result[movable[source]].path = []
    return result
  }
}

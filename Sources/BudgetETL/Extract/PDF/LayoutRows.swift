/// One row of one section of a table, with the line that carries it.
struct LayoutRow {
  /// The line with the row's amounts (else its code, else its label).
  var line: Int
  var codes: [(part: Int, text: String)]
  var labels: [(column: Int, text: String)]
  var amounts: [(column: Int, text: String)]
}

/// Assembles the rows of one section of a table page from its lines: a label wrapped onto the
/// lines below its amounts, or centred on them with pieces above and below, joins its row; a
/// code printed on a line of its own above its label and amount (`30207` / `邮电费  8.05`)
/// joins the row under it.
struct LayoutRowAssembler {
  let grid: LayoutGrid
  let section: Int
  let block: LayoutBlock

  private final class Builder {
    var lines: [Int]
    var codes: [(part: Int, cell: LayoutCell)]
    var own: [(column: Int, cell: LayoutCell)]
    var amounts: [(column: Int, cell: LayoutCell)]
    var above: [(column: Int, cell: LayoutCell)] = []
    var below: [(column: Int, cell: LayoutCell)] = []

    init(line: Int, cells: LayoutGrid.SectionCells) {
      lines = [line]
      codes = cells.codes
      own = cells.labels
      amounts = cells.amounts
    }

    var anchor: Int {
      if !amounts.isEmpty { return lines.last! }
      return lines.first!
    }
  }

  private enum Unit {
    case row(Builder)
    case text(line: Int, labels: [(column: Int, cell: LayoutCell)])
    case blank
  }

  func rows() -> [LayoutRow] {
    var units: [Unit] = []
    var otherOnly = 0
    for line in block.dataLines {
      let all = block.cells[line] ?? []
      if all.isEmpty {
        units.append(.blank)
        otherOnly = 0
        continue
      }
      // Lines with cells of other sections only: two or more of them separate this section's
      // rows like a blank line; one does not (a wrapped label can straddle it).
      guard let cells = grid.place(line: line)[section], !cells.isEmpty else {
        otherOnly += 1
        if otherOnly == 2 { units.append(.blank) }
        continue
      }
      otherOnly = 0
      if cells.codes.isEmpty && cells.amounts.isEmpty {
        units.append(.text(line: line, labels: cells.labels))
      } else {
        units.append(.row(Builder(line: line, cells: cells)))
      }
    }
    units = mergeCodeLines(units)
    units = promoteStandaloneText(units)
    units = assignPieces(units)
    var result: [LayoutRow] = []
    for unit in units {
      guard case .row(let b) = unit else { continue }
      var labels: [Int: String] = [:]
      for (column, cell) in b.above + b.own + b.below { labels[column, default: ""] += cell.text }
      result.append(
        LayoutRow(
          line: b.anchor, codes: b.codes.map { ($0.part, $0.cell.text) },
          labels: labels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
          amounts: b.amounts.map { ($0.column, $0.cell.text) }))
    }
    return result
  }

  /// A line holding only a code, right above a line with a label or amounts but no code: one row.
  private func mergeCodeLines(_ units: [Unit]) -> [Unit] {
    var out: [Unit] = []
    var i = 0
    while i < units.count {
      if case .row(let b) = units[i], b.own.isEmpty, b.amounts.isEmpty, !b.codes.isEmpty, i + 1 < units.count {
        switch units[i + 1] {
        case .row(let next) where next.codes.isEmpty:
          next.codes = b.codes
          next.lines.insert(contentsOf: b.lines, at: 0)
          out.append(.row(next))
          i += 2
          continue
        case .text(let line, let labels):
          let merged = b
          merged.own = labels
          merged.lines.append(line)
          out.append(.row(merged))
          i += 2
          continue
        default: break
        }
      }
      out.append(units[i])
      i += 1
    }
    return out
  }

  /// Text lines that are rows of their own: numbered (`二、事业收入`), totals, `无`, or several
  /// labels side by side — unless they sit right above a row whose label is missing.
  private func promoteStandaloneText(_ units: [Unit]) -> [Unit] {
    var out = units
    for i in units.indices {
      guard case .text(let line, let labels) = units[i], let first = labels.first else { continue }
      let t = TextCleaner.title(first.cell.text)
      let standalone = NumberingPrefix.match(t) != nil || LabelKind.isTotal(t) || t == "无" || labels.count > 1
      guard standalone else { continue }
      if i + 1 < units.count, case .row(let next) = units[i + 1], next.own.isEmpty, labels.count == 1 { continue }
      let cells = LayoutGrid.SectionCells(codes: [], labels: labels, amounts: [])
      out[i] = .row(Builder(line: line, cells: cells))
    }
    return out
  }

  /// Gives the text lines between rows to their rows. Where labels start on their row's line
  /// (most tables), what follows a row is the rest of its label. Where labels are centred on
  /// their rows (pieces above and below the line with the amounts), the text between two rows
  /// is split so that each row has as many pieces above as below.
  private func assignPieces(_ units: [Unit]) -> [Unit] {
    var units = units
    // Labels centred on their rows: a row with no label of its own in a column has text in
    // that column right above and right below it.
    let centred = units.indices.contains { k in
      guard case .row(let b) = units[k], k > 0, k + 1 < units.count,
        case .text(_, let above) = units[k - 1], case .text(_, let below) = units[k + 1]
      else { return false }
      let columns = Set(above.map(\.column)).intersection(below.map(\.column))
      return columns.contains { c in !b.own.contains { $0.column == c } }
    }
    // Runs of text lines, with the rows right before and after them (nil across a blank line).
    struct Run {
      var range: Range<Int>
      var above: Builder?
      var below: Builder?
      var pieces: [[(column: Int, cell: LayoutCell)]]
    }
    var runs: [Run] = []
    var i = 0
    while i < units.count {
      guard case .text = units[i] else {
        i += 1
        continue
      }
      var j = i
      var pieces: [[(column: Int, cell: LayoutCell)]] = []
      while j < units.count, case .text(_, let labels) = units[j] {
        pieces.append(labels)
        j += 1
      }
      var above: Builder?
      if i > 0, case .row(let b) = units[i - 1] { above = b }
      var below: Builder?
      if j < units.count, case .row(let b) = units[j] { below = b }
      runs.append(Run(range: i..<j, above: above, below: below, pieces: pieces))
      i = j
    }
    var longestLabel = 0
    for unit in units {
      if case .row(let b) = unit { longestLabel = max(longestLabel, b.own.map(\.cell.text.count).max() ?? 0) }
    }
    // How many pieces of each run go to the row above it.
    var toAbove = [Int](repeating: 0, count: runs.count)
    for (r, run) in runs.enumerated() {
      let fitsAbove =
        run.above.map { a in run.pieces.map { $0.allSatisfy { fits($0, a) } } } ?? run.pieces.map { _ in false }
      if !centred {
        let ownLength = run.above?.own.map(\.cell.text.count).max() ?? 0
        let ownStart = run.above?.own.map(\.cell.start).min() ?? 0
        let labelLeft = grid.sections[section].labelLefts.first ?? 0
        // An indented label may wrap back to the column's left edge (`2. 政府性基金预` / `算`).
        let outdented = { (piece: (column: Int, cell: LayoutCell)) in
          run.above != nil && abs(piece.cell.start - labelLeft) <= 1 && piece.cell.start <= ownStart
        }
        // Only a label that filled its cell wraps: about as long as the longest in its column,
        // and never a total.
        let fills =
          ownLength >= longestLabel - 3
          && !(run.above?.own.contains { LabelKind.isTotal(TextCleaner.title($0.cell.text)) } ?? false)
        let wraps =
          fills
          && run.pieces.indices.allSatisfy { k in
            run.pieces[k].allSatisfy { (fitsAbove[k] || outdented($0)) && $0.cell.text.count <= ownLength }
          }
        toAbove[r] = wraps ? run.pieces.count : 0
        continue
      }
      // Centred labels: as many pieces up as may go up; `balance` settles the split.
      var maxUp = 0
      while maxUp < run.pieces.count, fitsAbove[maxUp] { maxUp += 1 }
      toAbove[r] = maxUp
    }
    if centred { balance(&toAbove, runs: runs.map { ($0.above, $0.below, $0.pieces.count) }, units: units) }
    for (r, run) in runs.enumerated() {
      let up = toAbove[r]
      var assigned = [Bool](repeating: false, count: run.pieces.count)
      if let a = run.above, up > 0,
        centred ? (0..<up).allSatisfy({ k in run.pieces[k].allSatisfy { fits($0, a) } }) : true
      {
        for k in 0..<up {
          a.below.append(contentsOf: run.pieces[k])
          assigned[k] = true
        }
      }
      if let b = run.below {
        let rest = run.pieces.indices.filter { !assigned[$0] }
        if !rest.isEmpty, rest.allSatisfy({ k in run.pieces[k].allSatisfy { fits($0, b) } }),
          centred || b.own.isEmpty
        {
          b.above = rest.flatMap { run.pieces[$0] }
          for k in rest { assigned[k] = true }
        }
      }
      // What no row takes is a row of its own (a label without amounts).
      for (k, index) in run.range.enumerated() where !assigned[k] {
        if case .text(let line, let labels) = units[index] {
          units[index] = .row(
            Builder(line: line, cells: LayoutGrid.SectionCells(codes: [], labels: labels, amounts: [])))
        }
      }
    }
    return units
  }

  /// Splits each run between the rows around it so that rows have as many pieces above as
  /// below (a row without a label of its own needs at least one); ties give the text to the
  /// row below.
  private func balance(_ toAbove: inout [Int], runs: [(above: Builder?, below: Builder?, count: Int)], units: [Unit]) {
    guard !runs.isEmpty else { return }
    // The rows in order, and for each run the index of the row above and below it.
    var rows: [ObjectIdentifier] = []
    var own: [Bool] = []
    for unit in units {
      if case .row(let b) = unit {
        rows.append(ObjectIdentifier(b))
        own.append(!b.own.isEmpty)
      }
    }
    let index = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
    // above[r], below[r]: row indexes around run r.
    let aboveRow = runs.map { $0.above.flatMap { index[ObjectIdentifier($0)] } }
    let belowRow = runs.map { $0.below.flatMap { index[ObjectIdentifier($0)] } }
    // Runs are few per table: memoised dynamic programming over the runs in order, the state
    // being the row below the last run and how many pieces it has above it.
    var memo: [String: (Double, [Int])] = [:]
    func cost(row: Int, above: Int, below: Int) -> Double {
      var c = Double(abs(above - below))
      if !own[row] && above + below == 0 { c += 2 }
      return c
    }
    func solve(_ r: Int, pendingAbove: Int, pendingRow: Int?) -> (Double, [Int]) {
      let key = "\(r)|\(pendingAbove)|\(pendingRow ?? -1)"
      if let m = memo[key] { return m }
      if r == runs.count {
        let c = pendingRow.map { cost(row: $0, above: pendingAbove, below: 0) } ?? 0
        return (c, [])
      }
      var result: (Double, [Int]) = (.infinity, [])
      let n = runs[r].count
      for up in stride(from: 0, through: n, by: 1) {
        if runs[r].above == nil, up > 0 { continue }
        if runs[r].below == nil, up < n { continue }
        var c = 0.0
        // Close the row above this run.
        if let a = aboveRow[r] {
          let pending = pendingRow == a ? pendingAbove : 0
          c += cost(row: a, above: pending, below: up)
          if let p = pendingRow, p != a { c += cost(row: p, above: pendingAbove, below: 0) }
        } else if let p = pendingRow {
          c += cost(row: p, above: pendingAbove, below: 0)
        }
        let next = solve(r + 1, pendingAbove: n - up, pendingRow: belowRow[r])
        let total = c + next.0
        if total < result.0 - 1e-9 { result = (total, [up] + next.1) }
      }
      memo[key] = result
      return result
    }
    let solved = solve(0, pendingAbove: 0, pendingRow: nil)
    if solved.1.count == runs.count { toAbove = solved.1 }
  }

  /// A piece continues a row's label when it starts where that label (or its column) starts,
  /// or is centred on it.
  private func fits(_ piece: (column: Int, cell: LayoutCell), _ row: Builder) -> Bool {
    let sec = grid.sections[section]
    if let own = row.own.first(where: { $0.column == piece.column }) {
      if abs(own.cell.start - piece.cell.start) <= 2 || abs(own.cell.center - piece.cell.center) <= 2 { return true }
    }
    guard !row.own.contains(where: { $0.column == piece.column }) else { return false }
    if piece.column < sec.labelLefts.count, abs(sec.labelLefts[piece.column] - piece.cell.start) <= 2 { return true }
    return piece.column < max(1, sec.labelCount)
  }
}

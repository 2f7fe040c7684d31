/// Where a cell goes within a section of a table: a code part (类 0, 款 1, 项 2), a label
/// column, or an amount column, each counted from the left.
enum LayoutSlot: Hashable {
  case code(Int)
  case label(Int)
  case amount(Int)
}

/// A node of a rebuilt table header: a header cell's text, and which printed cell it is.
struct HeaderNode: Hashable {
  var text: String
  var id: Int
}

/// The columns of one page of a table, found from the alignment of its cells: amounts by their
/// right edges, codes and labels by their order and left edges, side-by-side blocks as
/// sections (a block starts wherever labels or codes follow amounts), and the header above.
struct LayoutGrid {
  struct AmountColumn {
    /// Extent in character columns, data and header text together.
    var lo: Int
    var hi: Int
    /// The data cluster it holds, if any; the header leaf over it, if any.
    var cluster: Int?
    var leaf: Int?
    var path: [HeaderNode] = []
    var center: Double { Double(lo + hi) / 2 }
  }

  struct Section {
    var codeParts = 0
    var codeLefts: [Int] = []
    var labelCount = 0
    var labelLefts: [Int] = []
    var amounts: [AmountColumn] = []
    /// Extent of the codes and labels of the data lines.
    var stubLo = Int.max
    var stubHi = Int.min
    var codePaths: [[HeaderNode]] = []
    var labelPaths: [[HeaderNode]] = []
    var hasStub: Bool { stubLo <= stubHi }
    var columnCount: Int { codeParts + labelCount + amounts.count }
  }

  /// The cells of one line that fall into one section.
  struct SectionCells {
    var codes: [(part: Int, cell: LayoutCell)] = []
    var labels: [(column: Int, cell: LayoutCell)] = []
    var amounts: [(column: Int, cell: LayoutCell)] = []
    var isEmpty: Bool { codes.isEmpty && labels.isEmpty && amounts.isEmpty }
  }

  var sections: [Section] = []
  /// Body lines' cells with codes decided.
  private(set) var lineCells: [Int: [LayoutCell]] = [:]
  /// Data cluster → (section, amount column).
  private var clusterColumn: [Int: (section: Int, column: Int)] = [:]
  /// Data clusters of amounts, by right edge.
  private var clusters: [(lo: Int, hi: Int)] = []
  /// The gaps between amount clusters where a section's codes and labels stand, in order.
  private var sectionStarts: [Int] = []
  /// Header fragments, after wrapped cells are joined.
  var fragments: [HeaderFragment] = []

  init(block: LayoutBlock) {
    decideCodes(block)
    findClusters(block)
    findSections(block)
    if !block.headerLines.isEmpty { readHeader(block) }
    for s in sections.indices {
      for k in sections[s].amounts.indices {
        if let c = sections[s].amounts[k].cluster { clusterColumn[c] = (s, k) }
      }
    }
  }

  var columnCount: Int { sections.reduce(0) { $0 + $1.columnCount } }

  /// The 0-based output column of a slot of a section, nil when the section has no such slot.
  func column(section s: Int, slot: LayoutSlot) -> Int? {
    guard s < sections.count else { return nil }
    let base = sections[..<s].reduce(0) { $0 + $1.columnCount }
    let sec = sections[s]
    switch slot {
    case .code(let k):
      guard sec.codeParts > 0 else { return nil }
      return base + min(k, sec.codeParts - 1)
    case .label(let k):
      guard sec.labelCount > 0 else { return nil }
      return base + sec.codeParts + min(k, sec.labelCount - 1)
    case .amount(let k):
      guard k < sec.amounts.count else { return nil }
      return base + sec.codeParts + sec.labelCount + k
    }
  }

  // MARK: - Body

  /// Digits alone after a line's amounts are a code when codes start there on other lines
  /// (`225.12   30207` above `30208`), else an amount.
  private mutating func decideCodes(_ block: LayoutBlock) {
    var codeStarts: [Int] = []
    for line in block.dataLines {
      for c in block.cells[line] ?? [] where c.kind == .code { codeStarts.append(c.start) }
    }
    for line in block.dataLines {
      var cells = block.cells[line] ?? []
      for i in cells.indices where cells[i].kind == .undecided {
        let s = cells[i].start
        cells[i].kind = codeStarts.contains { abs($0 - s) <= 4 } ? .code : .amount
      }
      lineCells[line] = cells
    }
  }

  /// Amount cells grouped by right edge (neighbours within two columns join).
  private mutating func findClusters(_ block: LayoutBlock) {
    var amounts: [LayoutCell] = []
    for line in block.dataLines {
      for c in lineCells[line] ?? [] where c.kind == .amount { amounts.append(c) }
    }
    amounts.sort { $0.end < $1.end }
    var result: [(lo: Int, hi: Int, lastEnd: Int)] = []
    for c in amounts {
      if let last = result.last, c.end - last.lastEnd <= 2 {
        result[result.count - 1] = (min(last.lo, c.start), max(last.hi, c.end), c.end)
      } else {
        result.append((c.start, c.end, c.end))
      }
    }
    clusters = result.map { ($0.lo, $0.hi) }
  }

  func cluster(of cell: LayoutCell) -> Int? {
    clusters.firstIndex { cell.end >= $0.lo && cell.end <= $0.hi }
  }

  /// The number of amount clusters wholly left of a code or label: which gap between the
  /// amount columns it stands in.
  func gap(of cell: LayoutCell) -> Int {
    clusters.reduce(0) { $0 + (Double($1.hi) < cell.center ? 1 : 0) }
  }

  private mutating func findSections(_ block: LayoutBlock) {
    var stubGaps = Set<Int>()
    for line in block.dataLines {
      for c in lineCells[line] ?? [] where c.kind != .amount { stubGaps.insert(gap(of: c)) }
    }
    var starts = stubGaps.filter { $0 > 0 }.sorted()
    starts.insert(0, at: 0)
    for (s, g) in starts.enumerated() {
      var section = Section()
      let next = s + 1 < starts.count ? starts[s + 1] : clusters.count
      for k in g..<max(g, next) where k < clusters.count {
        section.amounts.append(AmountColumn(lo: clusters[k].lo, hi: clusters[k].hi, cluster: k))
      }
      sections.append(section)
    }
    sectionStarts = starts
    // Codes and labels, per section.
    var codeLefts: [[Int: [Int]]] = Array(repeating: [:], count: sections.count)
    var labelRows: [[[LayoutCell]]] = Array(repeating: [], count: sections.count)
    for line in block.dataLines {
      var codes: [Int: [LayoutCell]] = [:]
      var labels: [Int: [LayoutCell]] = [:]
      for c in lineCells[line] ?? [] where c.kind != .amount {
        guard let s = section(ofStub: c) else { continue }
        sections[s].stubLo = min(sections[s].stubLo, c.start)
        sections[s].stubHi = max(sections[s].stubHi, c.end)
        if c.kind == .code { codes[s, default: []].append(c) } else { labels[s, default: []].append(c) }
      }
      for (s, list) in codes {
        sections[s].codeParts = max(sections[s].codeParts, list.count)
        for (k, c) in list.enumerated() { codeLefts[s][k, default: []].append(c.start) }
      }
      for (s, list) in labels { labelRows[s].append(list) }
    }
    for s in sections.indices {
      sections[s].codeLefts = (0..<sections[s].codeParts).map { codeLefts[s][$0]?.min() ?? 0 }
      sections[s].labelLefts = Self.labelColumns(labelRows[s])
      sections[s].labelCount = sections[s].labelLefts.count
    }
  }

  /// Label columns from the left edges of the labels: labels on one line are in different
  /// columns; labels starting within three columns of each other are in one column; columns
  /// never used on the same line and close (within eight), or holding only totals (`收入总计`
  /// centred under left-aligned labels), are one column.
  static func labelColumns(_ rows: [[LayoutCell]]) -> [Int] {
    var clusters: [(start: Int, lines: Set<Int>, totalsOnly: Bool)] = []
    let cells = rows.enumerated().flatMap { r, list in list.map { (row: r, cell: $0) } }
      .sorted { $0.cell.start < $1.cell.start }
    for (row, cell) in cells {
      let isTotal = LabelKind.isTotal(TextCleaner.title(cell.text))
      if let k = clusters.lastIndex(where: { abs($0.start - cell.start) <= 3 && !$0.lines.contains(row) }) {
        clusters[k].lines.insert(row)
        clusters[k].totalsOnly = clusters[k].totalsOnly && isTotal
      } else {
        clusters.append((cell.start, [row], isTotal))
      }
    }
    clusters.sort { $0.start < $1.start }
    var merged = true
    while merged && clusters.count > 1 {
      merged = false
      for k in clusters.indices.dropLast() {
        let a = clusters[k]
        let b = clusters[k + 1]
        guard a.lines.isDisjoint(with: b.lines) else { continue }
        if b.start - a.start <= 8 || a.totalsOnly || b.totalsOnly {
          clusters[k] = (min(a.start, b.start), a.lines.union(b.lines), a.totalsOnly && b.totalsOnly)
          clusters.remove(at: k + 1)
          merged = true
          break
        }
      }
    }
    return clusters.map(\.start)
  }

  func section(ofStub cell: LayoutCell) -> Int? {
    let g = gap(of: cell)
    return sectionStarts.lastIndex { $0 <= g }
  }

  /// The cells of a body line, section by section.
  func place(line: Int) -> [Int: SectionCells] {
    var result: [Int: SectionCells] = [:]
    let cells = lineCells[line] ?? []
    var codeCount: [Int: Int] = [:]
    var labelsBySection: [Int: [LayoutCell]] = [:]
    for c in cells {
      switch c.kind {
      case .amount, .undecided:
        guard let k = cluster(of: c), let (s, col) = clusterColumn[k] else { continue }
        result[s, default: SectionCells()].amounts.append((col, c))
      case .code:
        guard let s = section(ofStub: c) else { continue }
        let part = codeCount[s, default: 0]
        codeCount[s] = part + 1
        result[s, default: SectionCells()].codes.append((part, c))
      case .text:
        guard let s = section(ofStub: c) else { continue }
        labelsBySection[s, default: []].append(c)
      }
    }
    for (s, labels) in labelsBySection {
      let sec = sections[s]
      // Each label to the nearest column right of the previous label's.
      var next = 0
      for c in labels {
        var column = min(next, max(0, sec.labelCount - 1))
        let candidates = sec.labelLefts.indices.filter { $0 >= next }
        if let nearest = candidates.min(by: { abs(sec.labelLefts[$0] - c.start) < abs(sec.labelLefts[$1] - c.start) }) {
          column = nearest
        }
        next = column + 1
        result[s, default: SectionCells()].labels.append((column, c))
      }
    }
    return result
  }
}

/// How the slots of one page's grid map onto the columns of the table's first page.
struct LayoutAlignment {
  /// (section, slot) in the page → (section, slot) in the model.
  private var sectionMap: [Int: Int] = [:]
  private var amountMap: [Int: [Int: Int]] = [:]
  /// Label columns the page lacks on the left (it prints a table's inner columns only).
  private var labelShift: [Int: Int] = [:]

  static func identity(_ grid: LayoutGrid) -> LayoutAlignment {
    var a = LayoutAlignment()
    for s in grid.sections.indices {
      a.sectionMap[s] = s
      a.amountMap[s] = Dictionary(uniqueKeysWithValues: grid.sections[s].amounts.indices.map { ($0, $0) })
    }
    return a
  }

  private init() {}

  /// Sections in order; amount columns one to one when the counts agree, else from the left
  /// (a page whose right-hand columns are blank throughout prints fewer of them).
  init(from page: LayoutGrid, to model: LayoutGrid) {
    for s in page.sections.indices {
      let m = min(s, model.sections.count - 1)
      sectionMap[s] = m
      let n = page.sections[s].amounts.count
      let target = model.sections[m].amounts.count
      var map: [Int: Int] = [:]
      for k in 0..<min(n, target) { map[k] = k }
      amountMap[s] = map
      labelShift[s] = max(0, model.sections[m].labelCount - page.sections[s].labelCount)
    }
  }

  func column(section s: Int, slot: LayoutSlot, in model: LayoutGrid) -> Int? {
    guard let m = sectionMap[s] else { return nil }
    switch slot {
    case .amount(let k):
      guard let t = amountMap[s]?[k] else { return nil }
      return model.column(section: m, slot: .amount(t))
    case .label(let k):
      return model.column(section: m, slot: .label(k + (labelShift[s] ?? 0)))
    default:
      return model.column(section: m, slot: slot)
    }
  }
}

/// A header cell as printed: its text (pieces of a wrapped cell joined), the lines it spans
/// and its character columns.
struct HeaderFragment: Hashable {
  var text: String
  var top: Int
  var bottom: Int
  var start: Int
  var end: Int
  var id: Int
  var center: Double { Double(start + end) / 2 }
  var width: Int { end - start }
  var node: HeaderNode { HeaderNode(text: text, id: id) }
}

extension LayoutGrid {
  /// Rebuilds the header above a page's first row: joins the pieces of wrapped cells, tells the
  /// codes' and labels' headers from the amounts', adds the columns only the header shows
  /// (blank throughout the page), and gives every column its header path.
  mutating func readHeader(_ block: LayoutBlock) {
    var raw: [HeaderFragment] = []
    for line in block.headerLines {
      for c in block.cells[line] ?? [] {
        raw.append(HeaderFragment(text: c.text, top: line, bottom: line, start: c.start, end: c.end, id: raw.count))
      }
    }
    // Which section each cell stands over; a side-by-side block's title (`本年收入`, `支出`) is
    // its topmost cell, alone on its line, and never a piece of a wrapped cell.
    let bounds = sectionBounds()
    func section(of f: HeaderFragment) -> Int { bounds.lastIndex { $0 <= f.center } ?? 0 }
    var titles: [Int: HeaderFragment] = [:]
    if sections.count > 1 {
      for s in sections.indices {
        let own = raw.filter { section(of: $0) == s }
        // …standing over the middle of the block, not over one of its columns.
        let lo = Double(sections[s].hasStub ? sections[s].stubLo : (sections[s].amounts.first?.lo ?? 0))
        let hi = Double(max(sections[s].stubHi, sections[s].amounts.last?.hi ?? 0))
        if let top = own.min(by: { ($0.top, $0.start) < ($1.top, $1.start) }),
          own.filter({ $0.top == top.top }).count == 1, own.contains(where: { $0.top > top.bottom }),
          abs(top.center - (lo + hi) / 2) <= max(6, (hi - lo) / 4)
        {
          titles[s] = top
        }
      }
    }
    let titleIDs = Set(titles.values.map(\.id))
    let frags = Self.joinWrapped(raw.filter { !titleIDs.contains($0.id) })
    fragments = frags + Array(titles.values)

    var bySection = [[HeaderFragment]](repeating: [], count: sections.count)
    for f in frags { bySection[section(of: f)].append(f) }
    for s in sections.indices {
      let own = bySection[s]
      let title = titles[s]
      var stub: [HeaderFragment] = []
      var amount: [HeaderFragment] = []
      let sec = sections[s]
      for f in own {
        let t = f.text.replacingOccurrences(of: " ", with: "")
        let namesStub =
          t == "项目" || ["编码", "代码", "名称", "科目", "序号"].contains(where: t.contains) || ["类", "款", "项"].contains(t)
        let isStub: Bool
        if let first = sec.amounts.first(where: { $0.cluster != nil }) {
          // Half-way between the labels' right end and the amounts' left end, or a header
          // that names a code or label column.
          isStub = sec.hasStub && (namesStub || f.center < Double(min(sec.stubHi, first.lo - 2) + first.lo) / 2)
        } else {
          isStub = namesStub
        }
        if isStub { stub.append(f) } else { amount.append(f) }
      }
      readStubHeader(section: s, stub)
      readAmountHeader(section: s, amount, dataLines: block.dataLines)
      if let title {
        let node = title.node
        for k in sections[s].codePaths.indices { sections[s].codePaths[k].insert(node, at: 0) }
        for k in sections[s].labelPaths.indices { sections[s].labelPaths[k].insert(node, at: 0) }
        for k in sections[s].amounts.indices { sections[s].amounts[k].path.insert(node, at: 0) }
      }
    }
  }

  /// Left edge of each section: half-way between a section's last amount and the next one's labels.
  func sectionBounds() -> [Double] {
    var bounds: [Double] = [-Double.infinity]
    for s in sections.indices.dropFirst() {
      let previous = sections[s - 1]
      let prevHi = previous.amounts.last.map(\.hi) ?? previous.stubHi
      let lo = sections[s].hasStub ? sections[s].stubLo : (sections[s].amounts.first?.lo ?? prevHi)
      bounds.append(Double(prevHi + lo) / 2)
    }
    return bounds
  }

  // MARK: - Codes and labels

  private mutating func readStubHeader(section s: Int, _ frags: [HeaderFragment]) {
    var frags = frags.sorted { ($0.top, $0.start) < ($1.top, $1.start) }
    var stubTop: HeaderFragment?
    if let first = frags.first, frags.filter({ $0.top == first.top }).count == 1,
      frags.contains(where: { $0.top > first.bottom })
    {
      stubTop = first
      frags.removeFirst()
    }
    var codeHeader: HeaderFragment?
    var parts: [Int: HeaderFragment] = [:]
    var labels: [HeaderFragment] = []
    for f in frags {
      let t = f.text.replacingOccurrences(of: " ", with: "")
      if let part = ["类", "款", "项"].firstIndex(of: t) {
        parts[part] = f
      } else if codeHeader == nil, t.contains("编码") || t.contains("代码") {
        codeHeader = f
      } else {
        labels.append(f)
      }
    }
    var sec = sections[s]
    if let maxPart = parts.keys.max() {
      sec.codeParts = max(sec.codeParts, maxPart + 1)
    } else if codeHeader != nil, sec.codeParts == 0 {
      sec.codeParts = 1
    }
    while sec.codeLefts.count < sec.codeParts {
      sec.codeLefts.append(parts[sec.codeLefts.count]?.start ?? (sec.codeLefts.last ?? 0) + 4)
    }
    if sec.labelCount == 0, !labels.isEmpty {
      sec.labelCount = 1
      sec.labelLefts = [labels.map(\.start).min()!]
    }
    sec.codePaths = (0..<sec.codeParts).map { k in
      var path: [HeaderNode] = []
      if codeHeader != nil || parts[k] != nil, let top = stubTop { path.append(top.node) }
      if let h = codeHeader { path.append(h.node) }
      if let p = parts[k] { path.append(p.node) }
      return path
    }
    var labelFrags = [[HeaderFragment]](repeating: [], count: sec.labelCount)
    for f in labels where sec.labelCount > 0 {
      let k =
        sec.labelLefts.indices.min {
          abs(Double(sec.labelLefts[$0]) + 4 - f.center) < abs(Double(sec.labelLefts[$1]) + 4 - f.center)
        } ?? 0
      labelFrags[k].append(f)
    }
    sec.labelPaths = labelFrags.map { list in
      (stubTop.map { [$0.node] } ?? []) + list.sorted { $0.top < $1.top }.map(\.node)
    }
    sections[s] = sec
  }

  // MARK: - Amounts

  private mutating func readAmountHeader(section s: Int, _ frags: [HeaderFragment], dataLines: [Int]) {
    guard !frags.isEmpty else { return }
    let parents = frags.filter { Self.isParent($0, among: frags) }
    let parentIDs = Set(parents.map(\.id))
    let leaves = frags.filter { !parentIDs.contains($0.id) }.sorted { $0.center < $1.center }
    var columns = Self.match(data: sections[s].amounts, leaves: leaves)

    // Spanning cells, the lowest first: each covers the run of columns around it whose header
    // cells stand as low as its own children (a tall cell beside it is its sibling), shared
    // with the spanning cells beside it on its line by nearness.
    func headerCenter(_ c: AmountColumn) -> Double {
      if let id = c.leaf, let leaf = leaves.first(where: { $0.id == id }) { return leaf.center }
      return c.center - 2
    }
    func leafMiddle(_ c: AmountColumn) -> Double? {
      guard let id = c.leaf, let leaf = leaves.first(where: { $0.id == id }) else { return nil }
      return Double(leaf.top + leaf.bottom) / 2
    }
    var ranges: [(fragment: HeaderFragment, range: ClosedRange<Int>)] = []
    /// The run as units — the spanning cells already placed, and single columns — with centres.
    func units(_ r: ClosedRange<Int>) -> [(range: ClosedRange<Int>, center: Double, total: Bool)] {
      var result: [(range: ClosedRange<Int>, center: Double, total: Bool)] = []
      var k = r.lowerBound
      while k <= r.upperBound {
        if let inner = ranges.filter({
          $0.range.contains(k) && r.contains($0.range.lowerBound) && r.contains($0.range.upperBound)
        })
        .max(by: { $0.range.count < $1.range.count }) {
          let word = inner.fragment.text.replacingOccurrences(of: " ", with: "")
          result.append((inner.range, inner.fragment.center, ColumnSumRule.isTotalWord(word)))
          k = inner.range.upperBound + 1
        } else {
          let word = columns[k].leaf.flatMap { id in leaves.first { $0.id == id }?.text } ?? ""
          result.append(
            (k...k, headerCenter(columns[k]), ColumnSumRule.isTotalWord(word.replacingOccurrences(of: " ", with: ""))))
          k += 1
        }
      }
      return result
    }
    // The page's amounts per column (in ten-thousandths, with half the last printed digit),
    // to let the arithmetic decide where a spanning cell's run ends.
    var values: [[(value: Int64, half: Int64)?]] = []
    for line in dataLines {
      var row = [(value: Int64, half: Int64)?](repeating: nil, count: columns.count)
      for c in lineCells[line] ?? [] where c.kind == .amount {
        guard let cl = cluster(of: c), let k = columns.firstIndex(where: { $0.cluster == cl }),
          let n = AmountCell.parse(c.text)?.number, n.scale <= 4
        else { continue }
        var factor: Int64 = 1
        for _ in n.scale..<4 { factor *= 10 }
        row[k] = (n.unscaled * factor, factor / 2)
      }
      if row.contains(where: { $0 != nil }) { values.append(row) }
    }
    /// True when, in every row with amounts, the one total among the units equals the others'
    /// sum; nil when there is no single total or no amount to check.
    func addsUp(_ list: ArraySlice<(range: ClosedRange<Int>, center: Double, total: Bool)>) -> Bool? {
      guard list.filter(\.total).count == 1, !values.isEmpty else { return nil }
      func unitValue(_ u: (range: ClosedRange<Int>, center: Double, total: Bool), _ row: [(value: Int64, half: Int64)?])
        -> (value: Int64, half: Int64, any: Bool)
      {
        if u.range.count > 1,
          let t = u.range.first(where: { k in
            let word = columns[k].leaf.flatMap { id in leaves.first { $0.id == id }?.text } ?? ""
            return ColumnSumRule.isTotalWord(word)
          })
        {
          return (row[t]?.value ?? 0, row[t]?.half ?? 0, row[t] != nil)
        }
        var v: Int64 = 0
        var h: Int64 = 0
        var any = false
        for k in u.range {
          if let x = row[k] {
            v += x.value
            h += x.half
            any = true
          }
        }
        return (v, h, any)
      }
      var checked = false
      for row in values {
        let parts = list.map { unitValue($0, row) }
        guard parts.contains(where: \.any) else { continue }
        checked = true
        let total = zip(list, parts).first { $0.0.total }!.1
        let sum = zip(list, parts).filter { !$0.0.total }.reduce(Int64(0)) { $0 + $1.1.value }
        let tolerance = parts.reduce(Int64(0)) { $0 + $1.half }
        if abs(total.value - sum) > tolerance { return false }
      }
      return checked ? true : nil
    }
    /// The run a spanning cell covers: as found from the lines and centres, unless the amounts
    /// do not add up under it and a shorter run around its centre does (a cell printed beside
    /// the spanning one, such as `合计` left of `“三公”经费`, then stays outside it).
    func trimmed(_ r: ClosedRange<Int>, for p: HeaderFragment) -> ClosedRange<Int> {
      let list = units(r)
      guard list.count > 2, addsUp(list[...]) != true else { return r }
      let home = list.indices.min { abs(list[$0].center - p.center) < abs(list[$1].center - p.center) }!
      var best: (count: Int, cost: Double, slice: ArraySlice<(range: ClosedRange<Int>, center: Double, total: Bool)>)?
      for a in 0...home {
        for b in max(home, a + 1)..<list.count where (a, b) != (0, list.count - 1) {
          let slice = list[a...b]
          guard addsUp(slice) == true else { continue }
          let columnsCovered = slice.reduce(0) { $0 + $1.range.count }
          let cost = abs((slice.first!.center + slice.last!.center) / 2 - p.center)
          if best == nil || columnsCovered > best!.count || (columnsCovered == best!.count && cost < best!.cost) {
            best = (columnsCovered, cost, slice)
          }
        }
      }
      guard let chosen = best?.slice else { return r }
      return chosen.first!.range.lowerBound...chosen.last!.range.upperBound
    }
    // Each column's highest cell so far (its leaf, then the spanning cells given to it): its
    // lines, and whether it spans others.
    var highest: [(top: Int, bottom: Int, spans: Bool)?] = columns.map { c in
      guard let id = c.leaf, let leaf = leaves.first(where: { $0.id == id }) else { return nil }
      return (leaf.top, leaf.bottom, false)
    }
    let groups = Dictionary(grouping: parents) { Self.childLine(of: $0, among: frags) }
    for (childLine, group) in groups.sorted(by: { $0.key.middle > $1.key.middle }) {
      // A leaf is under the spanning cell when it stands as low as its children; a cell that
      // spans others, when it starts below the spanning cell and ends above its children (a
      // tall leaf beside the spanning cell is its sibling).
      let allowed = highest.map { h -> Bool in
        guard let h else { return true }
        let middle = Double(h.top + h.bottom) / 2
        if middle >= childLine.middle - 0.5 { return true }
        return h.spans && h.top > group[0].bottom && h.bottom < childLine.top
      }
      var runs: [Int: ClosedRange<Int>] = [:]
      for p in group {
        guard
          let home = columns.indices.filter({ allowed[$0] }).min(by: {
            abs(headerCenter(columns[$0]) - p.center) < abs(headerCenter(columns[$1]) - p.center)
          })
        else { continue }
        var a = home
        var b = home
        while a > 0, allowed[a - 1] { a -= 1 }
        while b + 1 < columns.count, allowed[b + 1] { b += 1 }
        runs[p.id] = a...b
      }
      var owner: [Int: HeaderFragment] = [:]
      for p in group {
        for k in runs[p.id] ?? 0...(-1) {
          if let o = owner[k], abs(headerCenter(columns[k]) - o.center) <= abs(headerCenter(columns[k]) - p.center) {
            continue
          }
          owner[k] = p
        }
      }
      for p in group {
        let ks = owner.filter { $0.value.id == p.id }.map(\.key)
        guard let lo = ks.min(), let hi = ks.max() else { continue }
        var r = lo...hi
        for other in ranges where r.overlaps(other.range) {
          r = min(r.lowerBound, other.range.lowerBound)...max(r.upperBound, other.range.upperBound)
        }
        r = trimmed(r, for: p)
        ranges.append((p, r))
        for k in r { highest[k] = (p.top, p.bottom, true) }
      }
    }
    for k in columns.indices {
      let covering = ranges.filter { $0.range.contains(k) }.map(\.fragment).sorted { $0.top < $1.top }
      var path = covering.map(\.node)
      if let id = columns[k].leaf, let leaf = leaves.first(where: { $0.id == id }) { path.append(leaf.node) }
      columns[k].path = path
    }
    sections[s].amounts = columns
  }

  /// Where the cells a spanning cell spans stand: the top line and the middle line of the
  /// highest cell below it that stands under it, or of cells below it on both sides of its centre.
  static func childLine(of p: HeaderFragment, among frags: [HeaderFragment]) -> ChildLine {
    let below = frags.filter { $0.top > p.bottom }
    var found = below.filter { $0.start < p.end + 1 && $0.end > p.start - 1 }
      .map { ChildLine(top: $0.top, middle: Double($0.top + $0.bottom) / 2) }
    let reach = max(8, 1.5 * Double(p.width))
    for line in Set(below.map(\.top)) {
      let row = below.filter { $0.top == line }
      if row.contains(where: { $0.center < p.center && p.center - $0.center <= reach }),
        row.contains(where: { $0.center > p.center && $0.center - p.center <= reach })
      {
        found.append(ChildLine(top: line, middle: Double(line)))
      }
    }
    return found.min { $0.middle < $1.middle } ?? ChildLine(top: p.bottom + 1, middle: Double(p.bottom + 1))
  }

  struct ChildLine: Hashable {
    var top: Int
    var middle: Double
  }

  /// A cell that spans others: a cell printed under it overlaps it, or cells below it stand on
  /// both sides of its centre close by (`基本支出` over `人员经费  公用经费`).
  static func isParent(_ p: HeaderFragment, among frags: [HeaderFragment]) -> Bool {
    let overlapped = frags.contains { $0.top > p.bottom && $0.start < p.end + 1 && $0.end > p.start - 1 }
    return overlapped || straddled(p, by: frags)
  }

  /// Matches the page's amount columns to the header's leaf cells, in order: numbers stand
  /// right-aligned under centred headers, so a column's right edge is about the same distance
  /// right of its header's centre throughout a table. Columns the header names but the page
  /// leaves blank become columns of their own.
  static func match(data: [AmountColumn], leaves: [HeaderFragment]) -> [AmountColumn] {
    let n = data.count
    let m = leaves.count
    guard m > 0 else { return data }
    if n == m {
      return zip(data, leaves).map { d, l in
        var c = d
        c.leaf = l.id
        c.lo = min(d.lo, l.start)
        c.hi = max(d.hi, l.end)
        return c
      }
    }
    let unmatchedData = 40.0
    var bestPlan: [(Int?, Int?)] = []
    var bestCost = Double.infinity
    for bias in 0...14 {
      // cost[i][j]: data 0..<i and leaves 0..<j placed.
      var cost = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: n + 1)
      var step = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
      cost[0][0] = 0
      for i in 0...n {
        for j in 0...m where cost[i][j] < .infinity {
          if i < n, j < m {
            let c = cost[i][j] + abs(Double(data[i].hi) - leaves[j].center - Double(bias))
            if c < cost[i + 1][j + 1] {
              cost[i + 1][j + 1] = c
              step[i + 1][j + 1] = 1
            }
          }
          if j < m, cost[i][j] < cost[i][j + 1] {
            cost[i][j + 1] = cost[i][j]
            step[i][j + 1] = 2
          }
          if i < n, cost[i][j] + unmatchedData < cost[i + 1][j] {
            cost[i + 1][j] = cost[i][j] + unmatchedData
            step[i + 1][j] = 3
          }
        }
      }
      guard cost[n][m] < bestCost else { continue }
      bestCost = cost[n][m]
      var plan: [(Int?, Int?)] = []
      var i = n
      var j = m
      while i > 0 || j > 0 {
        switch step[i][j] {
        case 1:
          plan.append((i - 1, j - 1))
          i -= 1
          j -= 1
        case 2:
          plan.append((nil, j - 1))
          j -= 1
        default:
          plan.append((i - 1, nil))
          i -= 1
        }
      }
      bestPlan = plan.reversed()
    }
    return bestPlan.map { d, l in
      if let d {
        var c = data[d]
        if let l {
          c.leaf = leaves[l].id
          c.lo = min(c.lo, leaves[l].start)
          c.hi = max(c.hi, leaves[l].end)
        }
        return c
      }
      let leaf = leaves[l!]
      return AmountColumn(lo: leaf.start, hi: leaf.end, cluster: nil, leaf: leaf.id)
    }
  }

  // MARK: - Wrapped cells

  /// Joins the pieces of a header cell wrapped over lines (`事业单位` / `经营收入`,
  /// `一般公共` / `预算财政` / `拨款`): pieces one or two lines apart, centred on each other or
  /// starting at the same column, nothing between them, the lower piece no wider than the upper
  /// one, and neither spanning cells below it.
  static func joinWrapped(_ fragments: [HeaderFragment]) -> [HeaderFragment] {
    var frags = fragments
    var changed = true
    while changed {
      changed = false
      let sorted = frags.sorted { ($0.top, $0.start) < ($1.top, $1.start) }
      outer: for a in sorted {
        for b in sorted where b.top > a.bottom && b.top - a.bottom <= 2 {
          let sameStart = a.start == b.start && abs(a.width - b.width) <= 2
          guard abs(a.center - b.center) <= 1.5 || sameStart, b.width <= a.width + 2,
            !["类", "款", "项"].contains(b.text), !["类", "款", "项"].contains(a.text)
          else { continue }
          let lo = min(a.start, b.start)
          let hi = max(a.end, b.end)
          let between = sorted.contains { c in
            c.id != a.id && c.id != b.id && c.top > a.bottom && c.top < b.top && c.start < hi && c.end > lo
          }
          if between { continue }
          // Neither spans cells below it (cells between the two pieces are beside them).
          // A lower piece that spans cells below it is the tail of a spanning cell only when
          // it is shorter than the piece above (`部门预算经济分类科目` / `编码` over 类 款).
          // Equal pieces with a spanning cell's children below are one wrapped spanning cell
          // when text of other cells stands between them (`因公出国` / `（境）费`); with nothing
          // between, the lower one is a child (`预算数` / `基本支出`).
          if straddled(b, by: sorted), b.width >= a.width,
            b.top - a.bottom == 1 || !sorted.contains(where: { $0.top < b.top && $0.bottom > a.bottom })
          {
            continue
          }
          // Nor is the upper piece a cell spanning the lower one and its neighbours — neighbours
          // that continue cells beside the upper piece (`金预算财` under `政府性基`) do not count.
          let neighbours = sorted.filter { c in
            c.id != b.id && c.top > a.bottom && c.top <= b.top && c.bottom >= b.top
              && !sorted.contains {
                $0.top <= a.bottom && $0.bottom >= a.top && $0.id != a.id && abs($0.center - c.center) <= 1.5
              }
          }
          let reach = max(8, 1.5 * Double(a.width))
          if neighbours.contains(where: { $0.center < a.center && a.center - $0.center <= reach }),
            neighbours.contains(where: { $0.center > a.center && $0.center - a.center <= reach })
          {
            continue
          }
          let joined = HeaderFragment(
            text: a.text + b.text, top: a.top, bottom: b.bottom, start: lo, end: hi, id: a.id)
          frags.removeAll { $0.id == a.id || $0.id == b.id }
          frags.append(joined)
          changed = true
          break outer
        }
      }
    }
    return frags.sorted { ($0.top, $0.start) < ($1.top, $1.start) }
  }

  /// Cells below `p` on one line, close on both sides of its centre: `p` spans them.
  static func straddled(_ p: HeaderFragment, by frags: [HeaderFragment]) -> Bool {
    let reach = max(8, 1.5 * Double(p.width))
    let below = frags.filter { $0.top > p.bottom }
    for line in Set(below.map(\.top)) {
      let row = below.filter { $0.top == line }
      let left = row.contains { $0.center < p.center && p.center - $0.center <= reach }
      let right = row.contains { $0.center > p.center && $0.center - p.center <= reach }
      if left && right { return true }
    }
    return false
  }

  // MARK: - Output

  /// Every column's header path, in output order.
  var columnPaths: [[HeaderNode]] {
    sections.flatMap { $0.codePaths + padded($0.labelPaths, $0.labelCount) + $0.amounts.map(\.path) }
  }

  private func padded(_ paths: [[HeaderNode]], _ count: Int) -> [[HeaderNode]] {
    paths + [[HeaderNode]](repeating: [], count: max(0, count - paths.count))
  }

  /// The header as TAB-separated rows, one per level: each cell over the first column it spans.
  func headerRows() -> [String] {
    var paths = columnPaths
    // A section without code paths still has its code columns.
    if paths.count < columnCount {
      paths = sections.flatMap {
        padded($0.codePaths, $0.codeParts) + padded($0.labelPaths, $0.labelCount) + $0.amounts.map(\.path)
      }
    }
    let depth = paths.map(\.count).max() ?? 0
    var rows: [String] = []
    for level in 0..<depth {
      var cells = [String](repeating: "", count: paths.count)
      for c in paths.indices where paths[c].count > level {
        let node = paths[c][level]
        let continues = c > 0 && paths[c - 1].count > level && paths[c - 1][level].id == node.id
        if !continues { cells[c] = node.text }
      }
      rows.append(cells.joined(separator: "\t") + (cells.count == 1 ? "\t" : ""))
    }
    return rows
  }
}

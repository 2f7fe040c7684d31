extension HTMLTable {
  /// One cell as the markup gives it, before spans are laid out.
  struct Cell {
    var text: String
    var colspan: Int
    var rowspan: Int
  }

  /// Reads a table's markup line by line: tags, cell text, spans.
  struct Reader {
    /// Tables open (nested tables are read as text of the outer cell).
    var depth = 0
    /// A tag cut by a line end, waiting for its `>`.
    var pendingTag: [UInt8]?
    /// The open cell's text and spans.
    var cell: [UInt8]?
    var cellSpans = (colspan: 1, rowspan: 1)
    /// The open caption's text and the line it starts on.
    var caption: [UInt8]?
    var captionLine = 0
    /// The open row's cells and the line it starts on.
    var row: [Cell]?
    var rowLine = 0
    var grid = SpanGrid()
    /// Finished rows (and the caption), tab-separated, with the line they start on, in order.
    var rows: [(lineIndex: Int, text: String)] = []

    /// Longest tag kept across line ends; a longer one is not a tag.
    static let maxTagBytes = 4_096

    /// Reads one line's bytes; the offset just past `</table>` when the table ends on it.
    mutating func read(_ bytes: [UInt8], lineIndex: Int) -> Int? {
      var i = 0
      if var partial = pendingTag {
        pendingTag = nil
        guard let gt = bytes.firstIndex(of: UInt8(ascii: ">")) else {
          partial.append(0x20)
          partial.append(contentsOf: bytes)
          if partial.count <= Self.maxTagBytes { pendingTag = partial }
          return nil
        }
        partial.append(0x20)
        partial.append(contentsOf: bytes[..<gt])
        i = gt + 1
        if let tag = Tag.parseName(partial, at: 0), handle(tag, attributes: partial[tag.nameEnd...], lineIndex: lineIndex) {
          return i
        }
      }
      while i < bytes.count {
        let b = bytes[i]
        if b == UInt8(ascii: "<") {
          if let tag = Tag.parseName(bytes, at: i) {
            guard let gt = bytes[tag.nameEnd...].firstIndex(of: UInt8(ascii: ">")) else {
              if bytes.count - i <= Self.maxTagBytes { pendingTag = Array(bytes[i...]) }
              return nil
            }
            let closed = handle(tag, attributes: bytes[tag.nameEnd..<gt], lineIndex: lineIndex)
            i = gt + 1
            if closed { return i }
            continue
          }
          if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "!") {  // a comment or doctype
            guard let gt = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            i = gt + 1
            continue
          }
        }
        if caption != nil {
          caption!.append(b)
        } else if cell != nil {
          cell!.append(b)
        }
        i += 1
      }
      return nil
    }

    /// A line end inside the table: a space in the open cell or caption.
    mutating func newLine() {
      if caption != nil { caption!.append(0x20) } else if cell != nil { cell!.append(0x20) }
    }

    /// The table ended without `</table>` (a cut file): keeps what was read.
    mutating func finish() {
      closeRow()
    }

    /// Acts on a tag; true when it closes the table.
    mutating func handle(_ tag: Tag, attributes: ArraySlice<UInt8>, lineIndex: Int) -> Bool {
      if tag.name == "table" {
        if tag.isClose {
          depth -= 1
          if depth <= 0 {
            closeRow()
            return true
          }
        } else {
          depth += 1
        }
        return false
      }
      guard depth <= 1 else {
        if cell != nil { cell!.append(0x20) }
        return false
      }
      switch (tag.name, tag.isClose) {
      case ("tr", false):
        closeRow()
        openRow(lineIndex)
      case ("tr", true), ("thead", _), ("tbody", _), ("tfoot", _):
        closeRow()
      case ("td", false), ("th", false):
        closeCell()
        if row == nil { openRow(lineIndex) }
        cell = []
        cellSpans = (
          Self.span(named: "colspan", in: attributes, limit: HTMLTable.maxColspan),
          Self.span(named: "rowspan", in: attributes, limit: HTMLTable.maxRowspan)
        )
      case ("td", true), ("th", true):
        closeCell()
      case ("caption", false):
        closeRow()
        caption = []
        captionLine = lineIndex
      case ("caption", true):
        if let text = caption.map(Self.cellText), !text.isEmpty { rows.append((captionLine, text)) }
        caption = nil
      case ("br", _), ("p", _), ("div", _), ("li", _):
        if caption != nil { caption!.append(0x20) } else if cell != nil { cell!.append(0x20) }
      default:
        break  // inline markup: <b>, <span>, <font>… carries no text of its own
      }
      return false
    }

    mutating func openRow(_ lineIndex: Int) {
      row = []
      rowLine = lineIndex
    }

    mutating func closeCell() {
      guard let bytes = cell else { return }
      cell = nil
      if row == nil { openRow(rowLine) }
      row!.append(Cell(text: Self.cellText(bytes), colspan: cellSpans.colspan, rowspan: cellSpans.rowspan))
    }

    mutating func closeRow() {
      closeCell()
      guard let cells = row else { return }
      row = nil
      let laidOut = grid.place(cells)
      guard !cells.isEmpty else { return }
      rows.append((rowLine, laidOut.count == 1 ? laidOut[0] + "\t" : laidOut.joined(separator: "\t")))
    }

    /// A cell's text: entities decoded, runs of white space (line ends, tabs) one space, trimmed.
    static func cellText(_ bytes: [UInt8]) -> String {
      let decoded = HTMLEntity.decode(bytes)
      var out: [UInt8] = []
      out.reserveCapacity(decoded.count)
      var space = false
      for b in decoded {
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
          space = true
          continue
        }
        if space && !out.isEmpty { out.append(0x20) }
        space = false
        out.append(b)
      }
      return String(decoding: out, as: UTF8.self).trimmingASCIIAndIdeographicSpaces()
    }

    /// The value of a `colspan`/`rowspan` attribute (quoted or not), 1 when absent or bad,
    /// at most `limit`.
    static func span(named name: String, in attributes: ArraySlice<UInt8>, limit: Int) -> Int {
      let lower = attributes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
      let key = Array(name.utf8)
      var i = 0
      while i + key.count <= lower.count {
        if lower[i..<(i + key.count)].elementsEqual(key), i == 0 || !Tag.isLetter(lower[i - 1]) {
          var j = i + key.count
          while j < lower.count, lower[j] == 0x20 { j += 1 }
          guard j < lower.count, lower[j] == UInt8(ascii: "=") else { i += 1; continue }
          j += 1
          while j < lower.count, lower[j] == 0x20 || lower[j] == UInt8(ascii: "\"") || lower[j] == UInt8(ascii: "'") {
            j += 1
          }
          var value = 0
          var digits = 0
          while j < lower.count, lower[j] >= 0x30, lower[j] <= 0x39, digits < 6 {
            value = value * 10 + Int(lower[j] - 0x30)
            digits += 1
            j += 1
          }
          return digits == 0 ? 1 : min(max(value, 1), limit)
        }
        i += 1
      }
      return 1
    }
  }

  /// Lays cells out on the table's columns: a cell takes the first column not covered by a
  /// rowspan from above, then as many as its colspan (empty after its text).
  struct SpanGrid {
    /// Rows still covered below the current row, per column.
    var covered: [Int] = []
    /// Most columns a row is laid out on; cells past it are converter noise and dropped.
    static let maxColumns = 4_096

    mutating func place(_ cells: [Cell]) -> [String] {
      var out: [String] = []
      let coveredHere = covered.map { $0 > 0 }
      func isCovered(_ c: Int) -> Bool { c < coveredHere.count && coveredHere[c] }
      var newSpans: [(column: Int, width: Int, rows: Int)] = []
      for cell in cells {
        while isCovered(out.count), out.count < Self.maxColumns { out.append("") }
        guard out.count + cell.colspan <= Self.maxColumns else { break }
        if cell.rowspan > 1 { newSpans.append((out.count, cell.colspan, cell.rowspan - 1)) }
        out.append(cell.text)
        for _ in 1..<cell.colspan { out.append("") }
      }
      for c in covered.indices where coveredHere[c] { covered[c] -= 1 }
      for span in newSpans {
        let end = span.column + span.width
        if covered.count < end { covered.append(contentsOf: repeatElement(0, count: end - covered.count)) }
        for c in span.column..<end { covered[c] = max(covered[c], span.rows) }
      }
      return out
    }
  }
}

/// One table of a `pdftotext -layout` document: its lines, page by page, read into a column
/// model and written back as TAB-separated lines.
struct LayoutTable {
  /// New text per line index, for the lines this table rewrites.
  private(set) var output: [Int: String] = [:]

  init(page: inout LayoutPage, lines range: Range<Int>) {
    let blocks = Self.blocks(page: &page, range: range)
    var model: LayoutGrid?
    var modelHeader: [String] = []
    var modelSignature = ""
    for var block in blocks {
      if model != nil, !block.headerLines.isEmpty, block.headerSignature != modelSignature {
        // A page that goes on with a table starts with rows, not a header of its own: text
        // above its first amounts is the labels of its first rows.
        block.dataLines = (block.headerLines + block.dataLines).sorted()
        block.headerLines = []
      }
      let grid = LayoutGrid(block: block)
      let signature = block.headerSignature
      var target: LayoutGrid
      var alignment: LayoutAlignment
      if let m = model, block.headerLines.isEmpty || signature == modelSignature {
        target = m
        alignment = LayoutAlignment(from: grid, to: m)
        if !block.headerLines.isEmpty { write(header: modelHeader, on: block.headerLines) }
      } else {
        target = grid
        alignment = .identity(grid)
        modelHeader = grid.headerRows()
        modelSignature = signature
        write(header: modelHeader, on: block.headerLines)
        model = grid
      }
      writeRows(grid: grid, target: target, alignment: alignment, block: block)
    }
  }

  func write(into out: inout [SourceLine]) {
    for (index, text) in output { out[index].text = text }
  }

  /// Header rows go on the first header lines; the rest of the header lines become empty.
  private mutating func write(header rows: [String], on lines: [Int]) {
    for (k, line) in lines.enumerated() { output[line] = k < rows.count ? rows[k] : "" }
    if rows.count > lines.count, let last = lines.last {
      // More header levels than printed lines cannot happen (each level is on a line of its
      // own); keep the deepest rows rather than lose the leaves.
      output[last] = rows[rows.count - 1]
    }
  }

  private mutating func writeRows(grid: LayoutGrid, target: LayoutGrid, alignment: LayoutAlignment, block: LayoutBlock)
  {
    var cellsByLine: [Int: [String]] = [:]
    var rowsBySection = grid.sections.indices.map { LayoutRowAssembler(grid: grid, section: $0, block: block).rows() }
    // A label spanning two side-by-side blocks (`当年支出小计 … 15897.44`): amounts without a
    // label right of a label without amounts, on one line, are that label's.
    for s in rowsBySection.indices.dropFirst() {
      for k in rowsBySection[s].indices {
        let row = rowsBySection[s][k]
        guard row.labels.isEmpty, row.codes.isEmpty, !row.amounts.isEmpty,
          let left = rowsBySection[s - 1].first(where: { $0.line == row.line }),
          left.amounts.isEmpty, left.codes.isEmpty, let label = left.labels.first
        else { continue }
        rowsBySection[s][k].labels = [(0, label.text)]
      }
    }
    for s in grid.sections.indices {
      let rows = rowsBySection[s]
      for row in rows {
        var cells = cellsByLine[row.line] ?? [String](repeating: "", count: target.columnCount)
        for (part, code) in row.codes {
          guard let c = alignment.column(section: s, slot: .code(part), in: target) else { continue }
          cells[c] = code
        }
        for (k, label) in row.labels {
          guard let c = alignment.column(section: s, slot: .label(k), in: target) else { continue }
          cells[c] = cells[c].isEmpty ? label : cells[c] + label
        }
        for (k, amount) in row.amounts {
          guard let c = alignment.column(section: s, slot: .amount(k), in: target) else { continue }
          cells[c] = amount
        }
        cellsByLine[row.line] = cells
      }
    }
    for line in block.dataLines {
      if let cells = cellsByLine[line] {
        output[line] = cells.joined(separator: "\t") + (cells.count == 1 ? "\t" : "")
      } else if !block.keptLines.contains(line) {
        output[line] = ""
      }
    }
  }

  /// Splits a table's lines into pages, each with its header lines (before the first row) and
  /// its body lines.
  static func blocks(page: inout LayoutPage, range: Range<Int>) -> [LayoutBlock] {
    var blocks: [LayoutBlock] = []
    var i = range.lowerBound
    while i < range.upperBound {
      let pageNo = page.lines[i].page
      var block = LayoutBlock()
      var inBody = false
      while i < range.upperBound, page.lines[i].page == pageNo {
        defer { i += 1 }
        if page.isNoise(i) {
          block.keptLines.insert(i)
          continue
        }
        let cells = page.cells(i)
        if !inBody {
          if cells.isEmpty { continue }
          if page.isDataLine(i) {
            inBody = true
            // A label centred on the first row starts right above it (`社会保障和就` over
            // `208   754.75`): those lines belong to the body, not the header.
            if cells.first?.kind == .code, !cells.contains(where: { $0.kind == .text }) {
              var pulled: [Int] = []
              while let last = block.headerLines.last, last == i - 1 - pulled.count, pulled.count < 2,
                block.cells[last]?.count == 1, block.cells[last]?.first?.kind == .text
              {
                pulled.insert(block.headerLines.removeLast(), at: 0)
              }
              block.dataLines.append(contentsOf: pulled)
            }
          } else {
            if LayoutPage.isColumnNumberRow(cells) {
              block.keptLines.insert(i)
              continue
            }
            block.headerLines.append(i)
            block.cells[i] = cells
            continue
          }
        }
        if LayoutPage.isColumnNumberRow(cells) { continue }
        block.dataLines.append(i)
        block.cells[i] = cells
      }
      if !block.headerLines.isEmpty && block.dataLines.isEmpty {
        // A table without rows: its header, and nothing under it.
        blocks.append(block)
      } else if !block.dataLines.isEmpty || !block.headerLines.isEmpty {
        blocks.append(block)
      }
    }
    return blocks
  }
}

/// The lines of one page of a table.
struct LayoutBlock {
  var headerLines: [Int] = []
  /// Lines from the first row on (blank ones included).
  var dataLines: [Int] = []
  /// Lines left as they are (page numbers).
  var keptLines: Set<Int> = []
  var cells: [Int: [LayoutCell]] = [:]

  /// The header's words in reading order, spaces removed: equal on a page that repeats it.
  var headerSignature: String {
    headerLines.flatMap { cells[$0] ?? [] }.map(\.text).joined().replacingOccurrences(of: " ", with: "")
  }
}

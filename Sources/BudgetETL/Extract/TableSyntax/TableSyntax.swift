/// Rewrites the table syntaxes of other PDF and OCR converters as the tab-separated lines the
/// segmenter reads, before segmentation: markdown pipe tables (`| a | b |` with a `|---|`
/// separator row) and HTML tables (`<table><tr><td>…`, with `colspan` and `rowspan`).
///
/// A converted row takes the line number (and page) of the line where it starts; the other
/// lines a table occupies stay as blank lines, so captions above and notes below keep their
/// places. A colspan gives the cell's text followed by empty cells, and a rowspan empty cells
/// in the rows below, which is how tab-separated layouts print spanning headers.
public enum TableSyntax {
  /// The lines with every markdown pipe table and HTML table rewritten as tab-separated rows;
  /// the lines themselves when there is none.
  ///
  /// - Complexity: O(n) in the bytes of the lines.
  public static func tabSeparated(_ lines: [SourceLine]) -> [SourceLine] {
    guard lines.contains(where: { HTMLTable.start(in: $0.text) != nil || MarkdownPipeTable.isPipeRow($0.text) }) else {
      return lines
    }
    var out: [SourceLine] = []
    out.reserveCapacity(lines.count)
    var i = 0
    // The rest of a line after a table that ended inside it, still to be read.
    var pending: SourceLine?
    while i < lines.count || pending != nil {
      let line = pending ?? lines[i]
      let index = i
      pending = nil
      if let start = HTMLTable.start(in: line.text) {
        let converted = HTMLTable.convert(lines, from: index, firstLine: line, at: start)
        out.append(contentsOf: converted.lines)
        i = converted.resumeLine
        if let rest = converted.rest { pending = rest }
        if pending == nil { i += 1 }
        continue
      }
      if MarkdownPipeTable.isPipeRow(line.text) {
        let previous = index > 0 ? lines[index - 1].text : ""
        let beforePrevious = index > 1 ? lines[index - 2].text : ""
        let second = MarkdownPipeTable.isPipeRow(previous) && !MarkdownPipeTable.isPipeRow(beforePrevious)
        let text = MarkdownPipeTable.isSeparatorRow(line.text, secondRowOfBlock: second)
          ? "" : MarkdownPipeTable.tabSeparatedRow(line.text)
        out.append(SourceLine(number: line.number, page: line.page, text: text))
      } else {
        out.append(line)
      }
      i += 1
    }
    return out
  }
}

import Foundation

/// Turns the space-aligned tables of `pdftotext -layout` text into the TAB-separated lines
/// that ``DocumentSegmenter`` and ``GridTableReader`` read, so that a PDF and a text
/// document share every later stage.
///
/// A table starts under its `单位：` line (either colon, often on one line with `编制部门：…`)
/// and runs to its notes, the next table's caption, prose, or a page that does not continue
/// it. On each page, the columns are found from the alignment of the cells across the rows —
/// amounts by their right edges, codes and labels by their left edges — and the header lines
/// above the first row are rebuilt into header rows (cells wrapped over several lines joined,
/// spanning cells placed over their first column). Labels wrapped over several lines join
/// their row, whose line is the one that carries its amounts; 类 款 项 printed as separate
/// columns stay separate cells; side-by-side blocks become sections. A header repeated on a
/// continuation page is printed as the first page's header, so that page-split fragments merge.
///
/// Every line keeps its number and page; lines a table absorbed (wrapped labels, header
/// lines) become empty, and everything else passes through unchanged.
public struct LayoutTableReader: Sendable {
  public init() {}

  /// The document's lines with its tables rewritten as TAB-separated cells.
  /// - Complexity: O(n) in the number of lines, times the cells of a table's lines.
  public func read(_ lines: [SourceLine]) -> [SourceLine] {
    var out = lines
    var page = LayoutPage(lines: lines)
    var i = 0
    while i < lines.count {
      guard page.isUnitLine(i) else {
        i += 1
        continue
      }
      var start = i + 1
      if let agencyLine = page.agencyContinuation(unitLine: i) {
        // `部门名称：江苏省人大` / `单位：万元` / `常委会办公厅`: the name wrapped below the unit.
        out[agencyLine.agency].text =
          lines[agencyLine.agency].text
          + lines[agencyLine.rest].text
          .trimmingASCIIAndIdeographicSpaces()
        out[agencyLine.rest].text = ""
        start = max(start, agencyLine.rest + 1)
      }
      let end = page.regionEnd(from: start)
      if end > start {
        let table = LayoutTable(page: &page, lines: start..<end)
        table.write(into: &out)
      }
      i = max(end, i + 1)
    }
    return out
  }
}

/// The lines of a document with their cells, and the tests that find where tables are.
struct LayoutPage {
  let lines: [SourceLine]
  private var cache: [Int: [LayoutCell]] = [:]

  init(lines: [SourceLine]) {
    self.lines = lines
  }

  /// The cells of line `i` (codes resolved), computed once.
  mutating func cells(_ i: Int) -> [LayoutCell] {
    if let c = cache[i] { return c }
    var c = LayoutLine.cells(lines[i].text)
    LayoutLine.resolveCodes(&c)
    cache[i] = c
    return c
  }

  func trimmed(_ i: Int) -> String { lines[i].text.trimmingASCIIAndIdeographicSpaces() }

  func isBlank(_ i: Int) -> Bool { trimmed(i).isEmpty }

  /// A page number or similar line between pages (`- 7 -`, a bare `8` ending a page).
  func isNoise(_ i: Int) -> Bool {
    let t = trimmed(i)
    guard !t.isEmpty, t.count <= 12 else { return false }
    return NoiseFilter.isPageNumber(t, lines: lines, index: i)
  }

  /// A caption line declaring a table's unit: `单位：元`, `编制部门：…  单位：元`, `单位:万元`.
  func isUnitLine(_ i: Int) -> Bool {
    let t = trimmed(i)
    guard !t.isEmpty, t.count <= 120, !t.contains("。"), !t.contains("，") else { return false }
    return TableCaption.unit(t) != nil
  }

  /// An agency line above the unit line whose name wrapped onto the line below the unit line.
  func agencyContinuation(unitLine u: Int) -> (agency: Int, rest: Int)? {
    guard u >= 1, u + 1 < lines.count, lines[u + 1].page == lines[u].page else { return nil }
    var a = u - 1
    while a >= 0, isBlank(a) { a -= 1 }
    guard a >= 0, lines[a].page == lines[u].page, TableCaption.agency(lines[a].text) != nil,
      TableCaption.unit(lines[a].text) == nil
    else { return nil }
    let rest = trimmed(u + 1)
    guard !rest.isEmpty, rest.count <= 10, !rest.contains(" "), !rest.contains(where: \.isASCIIDigit),
      !rest.hasPrefix("项目"), !rest.hasSuffix("表")
    else { return nil }
    let restStart = lines[u + 1].text.prefix { $0 == " " }.count
    let colon =
      lines[a].text.firstIndex { $0 == "：" || $0 == ":" }.map {
        lines[a].text.distance(from: lines[a].text.startIndex, to: $0)
      } ?? 0
    return abs(restStart - (colon + 1)) <= 3 || restStart <= 2 ? (a, u + 1) : nil
  }

  /// True when line `i` is not part of a table body: a note, another table's caption, or prose.
  mutating func endsTable(_ i: Int) -> Bool {
    let t = trimmed(i)
    if t.isEmpty { return false }
    if t.hasPrefix("注：") || t.hasPrefix("注:") || t.hasPrefix("说明：") || t.hasPrefix("说明:") { return true }
    if isUnitLine(i) || TableCaption.tableNumber(t) != nil { return true }
    let cells = self.cells(i)
    if cells.count == 1, isTableTitle(cells[0].text) { return true }
    return cells.contains { $0.kind == .text && Self.isProse($0.text) }
  }

  /// Sentences, not cells: a full stop, or commas in a long run of text.
  static func isProse(_ text: String) -> Bool {
    if text.contains("。") { return true }
    return text.count >= 20 && (text.contains("，") || text.contains("；"))
  }

  /// `2025年部门收入预算总表`, `收入支出决算总表`, `财政拨款支出预算表（功能科目）`.
  func isTableTitle(_ text: String) -> Bool {
    let t = text.replacingOccurrences(of: " ", with: "")
    guard (4...60).contains(t.count), !t.contains("：") else { return false }
    return t.hasSuffix("表") || t.contains("表（") || t.contains("表(")
  }

  /// A line of a table body: amounts, a code at its start, a total label, or `无`.
  mutating func isDataLine(_ i: Int) -> Bool {
    let cells = self.cells(i)
    guard let first = cells.first else { return false }
    if cells.contains(where: { $0.kind == .text && Self.isProse($0.text) }) { return false }
    if Self.isColumnNumberRow(cells) { return false }
    if cells.contains(where: { $0.kind == .amount || $0.kind == .undecided }) { return true }
    if first.kind == .code { return true }
    let label = TextCleaner.title(first.text)
    return cells.count == 1 && (LabelKind.isTotal(label) || label == "无")
  }

  /// `1 2 3 … N` under a header: column numbers.
  static func isColumnNumberRow(_ cells: [LayoutCell]) -> Bool {
    guard cells.count >= 3 else { return false }
    for (k, c) in cells.enumerated() where c.text != String(k + 1) { return false }
    return true
  }

  /// Where the table that starts at `start` ends (exclusive): at a line that ends tables, or
  /// at a page break after which the next page does not go on with table rows.
  mutating func regionEnd(from start: Int) -> Int {
    var i = start
    var lastContent = start - 1
    while i < lines.count {
      if i > start, lines[i].page != lines[i - 1].page, !continuesOnNewPage(i) { break }
      if isBlank(i) || isNoise(i) {
        i += 1
        continue
      }
      if endsTable(i) { break }
      lastContent = i
      i += 1
    }
    return lastContent + 1
  }

  /// True when the page that starts at `p` goes on with a table: a table row (or the repeated
  /// header, then a row) before any caption, note or prose.
  mutating func continuesOnNewPage(_ p: Int) -> Bool {
    var seen = 0
    var i = p
    while i < lines.count, seen < 10 {
      if i > p, lines[i].page != lines[p].page { return false }
      if isBlank(i) || isNoise(i) {
        i += 1
        continue
      }
      if endsTable(i) { return false }
      if isDataLine(i) { return true }
      seen += 1
      i += 1
    }
    return false
  }
}

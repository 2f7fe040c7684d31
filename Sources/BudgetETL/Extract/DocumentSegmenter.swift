import Foundation

/// A document split into its narrative and its tables.
public struct SegmentedDocument: Sendable, Equatable, Codable {
  /// A flag per line: true when the line belongs to the narrative (not noise, not a table,
  /// caption or table note).
  public var narrativeMask: [Bool]
  public var tables: [RawTable]
  /// A flag per line: true when the line is noise (watermark, page number, TOC leader…).
  public var noise: [Bool]

  /// Every line in order, with noise, tables, captions and table notes blanked out: the
  /// narrative, its paragraph breaks kept, so text on either side of a table never joins.
  public func narrative(_ lines: [SourceLine]) -> [SourceLine] {
    var out: [SourceLine] = []
    out.reserveCapacity(lines.count)
    for (index, line) in lines.enumerated() {
      let keep = index < narrativeMask.count && narrativeMask[index]
      out.append(keep ? line : SourceLine(number: line.number, page: line.page, text: ""))
    }
    return out
  }
}

/// Splits a document's lines into narrative and tables: finds each table's rows (tab-separated
/// lines), its caption (number, title, unit, agency) and notes, and merges the fragments of a
/// table split across pages (repeated title, header and total rows).
public struct DocumentSegmenter: Sendable {
  public var noise = NoiseFilter()
  public init() {}

  struct Fragment {
    var caption: TableCaption
    var rows: [RawRow]
    var headerRowCount: Int
    var notes: [String]
    var firstLine: Int
    var firstPage: Int?
    /// The run of table lines went on from the previous fragment across a page break.
    var continuesRun = false
  }

  public func segment(_ lines: [SourceLine]) -> SegmentedDocument {
    let noiseFlags = noise.noiseFlags(lines)
    var consumed = noiseFlags  // lines that are not narrative
    // `containsTab` settles `contains("\t")` on the line's bytes (the search also scans the
    // line for scalars that are not inert, which neither narrative nor table lines need pay for).
    let isTableLine = lines.indices.map {
      !noiseFlags[$0] && lines[$0].text.containsTab() && !isTitleInTableLine(lines[$0].text)
    }

    // Blank lines (only spaces), asked of most lines by the stray-cell scan and the run walk.
    let blank = lines.map { $0.text.isOnlySpaces }
    let strayCell = strayCells(lines: lines, isTableLine: isTableLine, noise: noiseFlags, blank: blank)
    // Runs of table lines, allowing blank or noise lines inside.
    var runs: [[Int]] = []
    var i = 0
    while i < lines.count {
      guard isTableLine[i] else { i += 1; continue }
      var run = [i]
      var j = i + 1
      var last = i
      while j < lines.count {
        if isTableLine[j] {
          run.append(j)
          last = j
        } else if noiseFlags[j] || blank[j] {
          // a blank or noise line may sit inside a table
        } else if strayCell[j] {
          // a short cell OCR put on a line of its own, between rows of the same table
          run.append(j)
        } else {
          break
        }
        j += 1
      }
      runs.append(run)
      i = last + 1
    }

    var fragments: [Fragment] = []
    var previousRunEnd = -1
    for run in runs {
      for index in run { consumed[index] = true }
      let caption = self.caption(before: run[0], after: previousRunEnd, lines: lines, consumed: consumed)
      for index in caption.lineIndexes { consumed[index] = true }
      let noteLines = self.notes(after: run.last!, lines: lines, isTableLine: isTableLine, noise: noiseFlags)
      for note in noteLines { consumed[note.index] = true }
      let notes = noteLines.map(\.title)
      previousRunEnd = (noteLines.last?.index ?? run.last!)

      let rows = run.map { index -> RawRow in
        let line = lines[index]
        return RawRow(cells: line.text.tableCells(), line: line.number, page: line.page)
      }
      // Split the run where its first row (the header) repeats, or where a new page starts
      // (form feeds): a page break inside the run. Each piece is the rows from its start to the
      // next piece's: sliced once from `rows` (appending them one by one grew every piece's
      // array as it went), and `rows` itself when the run is one piece.
      var starts = [0]
      var pageBreaks = Set<Int>()
      let firstCells = rows.first.map(normalizedCells)
      for k in rows.indices.dropFirst() {
        if let firstCells, Self.cells(of: rows[k], normalizeTo: firstCells) {
          starts.append(k)
        } else if let page = rows[k].page, let before = rows[k - 1].page, page != before {
          pageBreaks.insert(starts.count)
          starts.append(k)
        }
      }
      for (k, start) in starts.enumerated() {
        let end = k + 1 < starts.count ? starts[k + 1] : rows.count
        let piece = starts.count == 1 ? rows : Array(rows[start..<end])
        var cap = k == 0 ? caption : TableCaption()
        if k > 0 { cap.lineIndexes = [] }
        fragments.append(
          Fragment(
            caption: cap, rows: piece, headerRowCount: HeaderDetector.headerRowCount(piece),
            notes: k == starts.count - 1 ? notes : [], firstLine: piece[0].line, firstPage: piece[0].page,
            continuesRun: pageBreaks.contains(k)))
      }
    }

    let tables = merge(fragments)
    return SegmentedDocument(narrativeMask: consumed.map { !$0 }, tables: tables, noise: noiseFlags)
  }

  /// A table title the converter printed as a one-cell row (S3:665): a caption, not a row.
  func isTitleInTableLine(_ text: String) -> Bool {
    if Self.holdsTwoCells(text) { return false }
    // The title must end in 表: an inert line without its bytes has no cell that does (cleaning
    // a cell removes scalars and folds full-width ones to ASCII), and most lines of one cell
    // are row labels without it.
    guard text.mayContain("表") else { return false }
    let cells = text.tabFields().map(TextCleaner.title).filter { !$0.isEmpty }
    guard cells.count == 1, let t = cells.first else { return false }
    return t.hasLiteralSuffix("表") && TableCaption.isTitleCandidate(t) && looksLikeTableTitle(t)
      && !t.hasAtMostCharacters(5)
  }

  /// True when at least two tab-separated cells of `text` keep text once cleaned: each holds
  /// a letter, a digit or a scalar outside U+0080–U+00FF and U+3000–U+3FFF (where the spaces
  /// are), and no `<` (a tag may go). Most table lines are settled by this one pass.
  ///
  /// Read through a pointer, each scalar at its lead byte: its continuation bytes (80–BF)
  /// neither separate cells nor hold content.
  static func holdsTwoCells(_ text: String) -> Bool {
    return text.withUTF8Bytes { bytes in
      var cells = 0
      var content = false
      var tag = false
      var i = 0
      while i < bytes.count {
        let b = bytes[i]
        switch b {
        case 0x09:
          if content && !tag { cells += 1 }
          if cells >= 2 { return true }
          content = false
          tag = false
        case 0x3C: tag = true
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xC3...0xE2, 0xE4...0xF4: content = true
        default: break
        }
        i += b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
      }
      if content && !tag { cells += 1 }
      return cells >= 2
    }
  }

  /// A short line without tabs between two table lines that is no caption: a cell OCR put on
  /// a line of its own (S2:587, S2:589). One flag per line, true for such a line; a run of
  /// them is stray when the first table line after it comes before any other text.
  ///
  /// - Complexity: O(n), from the last line back (a thousand short lines before a table
  ///   would otherwise be walked once per line).
  ///
  /// - Parameter blank: per line, whether it holds only spaces (``String/isOnlySpaces``).
  func strayCells(lines: [SourceLine], isTableLine: [Bool], noise: [Bool], blank blankLines: [Bool]) -> [Bool] {
    var stray = [Bool](repeating: false, count: lines.count)
    var next: Int?  // the next line after `j` that is neither blank nor noise
    for j in lines.indices.reversed() {
      let blank = blankLines[j]
      if !isTableLine[j] && !noise[j] && !blank, let k = next {
        stray[j] = (isTableLine[k] || stray[k]) && isStrayCandidate(lines[j].text)
      }
      if !noise[j] && !blank { next = j }
    }
    return stray
  }

  /// A line short enough to be a cell, and no sentence, note, unit, agency or year line.
  func isStrayCandidate(_ text: String) -> Bool {
    let t = TextCleaner.title(text)
    return t.hasAtMostCharacters(20) && !t.hasLiteralSuffix("。") && !t.contains("表") && !t.hasLiteralPrefix("注")
      && TableCaption.unit(t) == nil && TableCaption.agency(t) == nil && !TableCaption.isYearLine(t)
  }

  private func sameCells(_ a: RawRow, _ b: RawRow) -> Bool {
    Self.cells(of: a, normalizeTo: normalizedCells(b))
  }

  func normalizedCells(_ r: RawRow) -> [String] {
    var cells = r.cells.map(Self.normalizedCell)
    while let l = cells.last, l.isEmpty { cells.removeLast() }
    return cells
  }

  static func normalizedCell(_ cell: String) -> String {
    TextCleaner.isAlreadyClean(cell) ? cell : TextCleaner.title(cell).replacingOccurrences(of: " ", with: "")
  }

  /// `normalizedCells(row) == normalized`, cell by cell, stopping at the first cell that
  /// differs: a data row compared with its table's header row differs in its first cell, and
  /// normalizing all of its cells was most of the time of splitting runs into fragments.
  static func cells(of row: RawRow, normalizeTo normalized: [String]) -> Bool {
    // `normalized` ends in a non-empty cell (`normalizedCells` trims blank cells off the end):
    // a shorter row cannot reach it.
    assert(normalized.last.map { !$0.isEmpty } ?? true, "header cells must be trimmed of blank cells")
    guard row.cells.count >= normalized.count else { return false }
    for (k, cell) in row.cells.enumerated() {
      let n = normalizedCell(cell)
      if k < normalized.count {
        // Equal bytes are equal strings; different bytes are different strings when both are
        // inert (no scalar with another canonically equivalent spelling), else `==` decides.
        if n.utf8.count == normalized[k].utf8.count && n.utf8Matches(normalized[k], at: 0) { continue }
        if n.allScalarsInert && normalized[k].allScalarsInert { return false }
        if n != normalized[k] { return false }
      } else if !n.isEmpty {
        return false  // past the end, only blank cells (trimmed off) may follow
      }
    }
    return true
  }

  /// Walks back from a table's first line over the caption lines above it.
  func caption(before start: Int, after limit: Int, lines: [SourceLine], consumed: [Bool]) -> TableCaption {
    var caption = TableCaption()
    var k = start - 1
    var seen = 0
    while k > limit, seen < 8 {
      defer { k -= 1 }
      if consumed[k] { continue }
      let text = lines[k].text
      let cleaned = TextCleaner.title(text)
      if cleaned.isEmpty { continue }
      seen += 1
      // The caption readers start from the title each: it is worked out once, here.
      let agency = TableCaption.agencyFromTitle(cleaned)
      let unit = TableCaption.unitFromTitle(cleaned)
      if agency != nil || unit != nil {
        if caption.title != nil { break }
        caption.agency = caption.agency ?? agency
        caption.unit = caption.unit ?? unit
        caption.lineIndexes.append(k)
        continue
      }
      if let no = TableCaption.tableNumberFromTitle(cleaned) {
        if caption.tableNo != nil { break }
        caption.tableNo = no
        caption.lineIndexes.append(k)
        if caption.title == nil { caption.titleLine = lines[k].number; caption.titlePage = lines[k].page }
        if caption.title != nil { break }
        continue
      }
      if TableCaption.isYearLine(text), caption.title == nil {
        caption.lineIndexes.append(k)
        continue
      }
      if caption.title == nil, caption.tableNo == nil, TableCaption.isTitleCandidateFromTitle(cleaned),
        looksLikeTableTitle(cleaned)
      {
        caption.title = cleaned
        caption.titleLine = lines[k].number
        caption.titlePage = lines[k].page
        caption.lineIndexes.append(k)
        continue
      }
      break
    }
    return caption
  }

  /// Titles name a table (…表), a statement of 经费, or a 绩效目标 form.
  func looksLikeTableTitle(_ t: String) -> Bool {
    if t.isLiteral("目录") || t.isLiteral("目 录") || t.isLiteral("报表目录") { return true }
    if NumberingPrefix.match(t) != nil && !t.contains("表") { return false }
    return t.contains("表") || t.hasLiteralSuffix("经费") || t.contains("预算") || t.contains("决算") || t.contains("绩效目标")
  }

  /// Notes printed under a table: `注：…` and the numbered or 本表… lines that follow it, each
  /// with its title (worked out here to read the line, and kept as the note's text).
  func notes(after end: Int, lines: [SourceLine], isTableLine: [Bool], noise: [Bool]) -> [(index: Int, title: String)] {
    var result: [(index: Int, title: String)] = []
    var k = end + 1
    var inNote = false
    while k < lines.count {
      defer { k += 1 }
      if noise[k] || isTableLine[k] { if isTableLine[k] { break } else { continue } }
      let t = TextCleaner.title(lines[k].text)
      if t.isEmpty { continue }
      let declaresEmpty = t.contains("本表无数据") || t.contains("故本表无数据") || t.contains("空表")
      if t.hasLiteralPrefix("注") {
        inNote = true
        result.append((k, t))
      } else if inNote, NumberingPrefix.match(t)?.rank == 2, t.count < 120, !t.hasLiteralPrefix("第") {
        result.append((k, t))
      } else if t.hasLiteralPrefix("本表") || (declaresEmpty && t.count < 60) {
        inNote = true
        result.append((k, t))
      } else {
        break
      }
    }
    return result
  }

  /// Merges continuation fragments into the table they continue.
  func merge(_ fragments: [Fragment]) -> [RawTable] {
    var tables: [RawTable] = []
    for fragment in fragments {
      // Whether the fragment repeats the last table's header, asked once for both questions
      // below (each normalized the header's cells again to compare them).
      let last = tables.indices.last
      let repeats = last.map { repeatsHeader(fragment, tables[$0]) } ?? false
      if let last, continues(fragment, tables[last], repeatsHeader: repeats) {
        let rows = continuationRows(fragment, of: tables[last], repeatsHeader: repeats)
        // Edited in place: a copy of the table (`var table = tables.last`) shared its rows with
        // the array, and appending to them copied every row, retaining its cells, once per
        // continuation.
        tables[last].rows.append(contentsOf: rows)
        tables[last].fragments += 1
        tables[last].notes.append(contentsOf: fragment.notes)
        continue
      }
      let cap = fragment.caption
      tables.append(
        RawTable(
          tableNo: cap.tableNo, title: cap.title, declaredUnit: cap.unit, agencyLine: cap.agency,
          sourceLine: cap.titleLine ?? fragment.firstLine, sourcePage: cap.titleLine != nil ? cap.titlePage : fragment.firstPage,
          rows: fragment.rows, headerRowCount: fragment.headerRowCount, fragments: 1, notes: fragment.notes))
    }
    return tables
  }

  /// The rows a continuation adds to `table`: without the header rows it repeats, and without
  /// a repeated total row right after them.
  ///
  /// - Parameter repeats: `repeatsHeader(fragment, table)`.
  func continuationRows(_ fragment: Fragment, of table: RawTable, repeatsHeader repeats: Bool) -> [RawRow] {
    var rows = Array(fragment.rows.dropFirst(repeats ? table.headerRowCount : 0))
    if let firstData = rows.first, table.headerRowCount < table.rows.count,
      sameCells(firstData, table.rows[table.headerRowCount]),
      LabelKind.isTotal(TextCleaner.title(firstData.cells.first(where: { !$0.isEmpty && Int($0) == nil }) ?? ""))
    {
      rows.removeFirst()
    }
    return rows
  }

  /// True when a fragment starts with the table's header rows again.
  func repeatsHeader(_ fragment: Fragment, _ table: RawTable) -> Bool {
    let n = table.headerRowCount
    guard n > 0, fragment.rows.count > n else { return false }
    for r in 0..<n where !sameCells(fragment.rows[r], table.rows[r]) { return false }
    return true
  }

  /// A fragment continues a table when it starts with the table's header rows again (the
  /// fragment's own header count may differ: its first rows can lack the data signals).
  ///
  /// - Parameter repeats: `repeatsHeader(fragment, table)`.
  func continues(_ fragment: Fragment, _ table: RawTable, repeatsHeader repeats: Bool) -> Bool {
    // The same run of table lines on the next page, without the header again.
    if fragment.continuesRun { return true }
    guard repeats else { return false }
    let cap = fragment.caption
    if cap.isEmpty { return true }
    let sameTitle = cap.title == nil || cap.title == table.title
    let sameNo = cap.tableNo == nil || cap.tableNo == table.tableNo
    return sameTitle && sameNo
  }
}

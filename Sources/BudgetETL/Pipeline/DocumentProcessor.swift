import Foundation

/// The outcome of processing one input file.
public struct ProcessedFile: Sendable {
  public var source: SourceFile
  /// Nil when the file was rejected.
  public var result: DocumentResult?
}

/// What the extract stage gives: the decoded document split into narrative and tables.
public struct ExtractedDocument: Sendable, Equatable, Codable {
  public var docID: String
  public var sourcePath: String
  /// Every line, numbered and paged; only the narrative's lines keep their text (the rest are
  /// blank, as ``SegmentedDocument/narrative(_:)`` gives them): a table's text is in its cells.
  public var lines: [SourceLine]
  public var segmented: SegmentedDocument
  public var metadata: DocumentMetadata
  /// What could not be read (over-long lines, over-wide rows): the document is `partial`.
  public var problems: [String] = []
}

/// Runs the per-document stages on one document: extract (decode, normalize, drop noise,
/// split narrative from tables), transform (read every table and the narrative into rows)
/// and validate (check the numbers).
public struct DocumentProcessor: Sendable {
  public var options: ProcessingOptions
  /// Gives PDFs their text (`pdftotext`); text files do not need it.
  public var pdfConverter: PDFTextConverter

  public init(options: ProcessingOptions = ProcessingOptions(), pdfConverter: PDFTextConverter = PDFTextConverter()) {
    self.options = options
    self.pdfConverter = pdfConverter
  }

  /// Runs extract, transform and validate on a file's bytes.
  public func process(relativePath: String, bytes: [UInt8]) -> ProcessedFile {
    var source = SourceFile(
      path: relativePath, sha256: SHA256.hex(bytes), encoding: "", bytes: Int64(bytes.count), docID: nil,
      status: .ok, error: nil, format: .text, converter: nil)
    guard let extracted = extract(relativePath: relativePath, bytes: bytes, source: &source) else {
      return ProcessedFile(source: source, result: nil)
    }
    var result = transform(extracted)
    validate(&result)
    return finish(result, source: source)
  }

  /// Decodes and segments a file (a PDF through ``extractPDF(relativePath:bytes:source:)``);
  /// nil (and the source marked rejected) when it is not text. A file cut inside a character,
  /// or with lines past the `LineLimits`, is marked partial.
  public func extract(relativePath: String, bytes: [UInt8], source: inout SourceFile) -> ExtractedDocument? {
    if PDFTextConverter.isPDF(path: relativePath, bytes: bytes) {
      return extractPDF(relativePath: relativePath, bytes: bytes, source: &source)
    }
    let decoded: DecodedText
    do {
      decoded = try TextDecoder.decode(bytes)
    } catch {
      source.status = .rejected
      source.error = "\(error)"
      return nil
    }
    source.encoding = decoded.encoding
    let text = NormalizedText(decoded: decoded)
    let docID = text.docID
    source.docID = docID
    var extracted = extract(lines: text.lines(), docID: docID, sourcePath: relativePath)
    if let cut = decoded.truncatedAt {
      extracted.problems.insert(
        "truncated: the file ends inside a character at byte \(cut) of \(bytes.count); the text before it was read", at: 0)
    }
    if !extracted.problems.isEmpty {
      source.status = .partial
      source.error = extracted.problems.joined(separator: "; ")
    }
    return extracted
  }

  /// Segments a document's normalized lines and reads its metadata; tables in the syntaxes
  /// of other converters (markdown pipes, HTML) are first rewritten as tab-separated lines.
  public func extract(lines normalized: [SourceLine], docID: String, sourcePath: String) -> ExtractedDocument {
    let (lines, problems) = LineLimits().apply(TableSyntax.tabSeparated(normalized))
    var segmenter = DocumentSegmenter()
    segmenter.noise.watermarks.append(contentsOf: options.watermarks)
    let segmented = segmenter.segment(lines)
    let meta = DocumentMetadata.read(
      lines: lines, noise: segmented.noise, captionAgencies: segmented.tables.compactMap(\.agencyLine))
    // Only the narrative's text is read after this (transform's `narrative`): a table line's
    // text is in its table's cells too, and the extract checkpoint stored it twice.
    return ExtractedDocument(
      docID: docID, sourcePath: sourcePath, lines: segmented.narrative(lines), segmented: segmented, metadata: meta,
      problems: problems)
  }

  /// Marks a document that is no budget document as rejected (no table and no narrative, or
  /// no word of 预算 or 决算 anywhere), one without tables as partial; keeps the problems
  /// extract found (`source.error`) in either case.
  public func finish(_ result: DocumentResult, source: SourceFile) -> ProcessedFile {
    var source = source
    let earlier = source.error.map { "; " + $0 } ?? ""
    if result.tables.isEmpty && result.textBlocks.isEmpty {
      source.status = .rejected
      source.error = "not a budget document: no table and no narrative found" + earlier
      source.docID = nil
      return ProcessedFile(source: source, result: nil)
    }
    if !Self.speaksOfABudget(result) {
      source.status = .rejected
      source.error = "not a budget document: no title, table or paragraph mentions 预算 or 决算" + earlier
      source.docID = nil
      return ProcessedFile(source: source, result: nil)
    }
    if result.tables.isEmpty {
      source.status = .partial
      source.error = "no table found; narrative kept" + earlier
    } else if let ragged = result.checks.first(where: { $0.rule == Self.raggedRowRule }) {
      source.status = .partial
      source.error = ragged.message + earlier
    }
    return ProcessedFile(source: source, result: result)
  }

  /// The finding of a row with cells past its table's header (`RaggedRows`).
  static let raggedRowRule = "ragged_row"

  /// True when the document says what it is: a budget (预算) or a final account (决算), in its
  /// title, a table's title or header, or a paragraph.
  static func speaksOfABudget(_ result: DocumentResult) -> Bool {
    func says(_ text: String?) -> Bool { text.map { $0.contains("预算") || $0.contains("决算") } ?? false }
    return says(result.document.title) || result.tables.contains { says($0.title) || says($0.columns) }
      || result.textBlocks.contains { says($0.text) } || result.lineItems.contains { says($0.label) }
  }

  /// Extracts, transforms and validates a document's normalized lines (for tests and tools).
  public func processText(_ lines: [SourceLine], docID: String, sourcePath: String) -> DocumentResult {
    var result = transform(extract(lines: lines, docID: docID, sourcePath: sourcePath))
    validate(&result)
    return result
  }

  /// Reads every table and the narrative of an extracted document into rows.
  public func transform(_ extracted: ExtractedDocument) -> DocumentResult {
    let docID = extracted.docID
    let segmented = extracted.segmented
    let meta = extracted.metadata
    var document = DocumentInfo(
      docID: docID, sourcePath: extracted.sourcePath, title: meta.title, agency: meta.agency, region: meta.region,
      fiscalYear: meta.fiscalYear, kind: meta.kind, scope: meta.scope)

    var result = DocumentResult(document: document)
    var warnings: [(tableID: String?, ReadWarning)] = []
    let types = segmented.tables.map(TableClassifier.classify)
    let catalog = Self.catalogEmptiness(segmented.tables, types: types)
    for (index, printed) in segmented.tables.enumerated() {
      let tableID = Self.tableID(number: index + 1)
      let type = types[index]
      var table = printed
      if type != .performance && type != .catalog {
        let ragged = RaggedRows.cut(printed)
        table = ragged.table
        if let first = ragged.cuts.first {
          let more = ragged.cuts.count > 1 ? " (and \(ragged.cuts.count - 1) more rows)" : ""
          warnings.append(
            (tableID, ReadWarning(rule: Self.raggedRowRule, subject: table.title ?? tableID,
              message: "\(tableID): the row at line \(first.line) has \(first.cells) cells, the header \(first.headerColumns)"
                + "\(more); cells past the header were not read",
              line: first.line, page: first.page)))
        }
      }
      let context = TableContext(
        docID: docID, tableID: tableID, tableType: type, fiscalYear: meta.fiscalYear, agency: meta.agency)
      var reading = TableInterpreter.read(table, context: context)
      let nonZero = reading.lineItems.contains { $0.amountFen != 0 }
      let declaredEmpty = table.notes.contains(where: Self.declaresEmpty)
        || (table.tableNo.map { catalog[$0] == true } ?? false)
      if declaredEmpty && nonZero {
        warnings.append(
          (tableID, ReadWarning(rule: "empty_note_contradicted", subject: table.title ?? tableID,
            message: "\(tableID) \(table.tableNo ?? "") is declared empty but has non-zero amounts",
            line: table.sourceLine, page: table.sourcePage)))
      }
      result.tables.append(
        TableInfo(
          docID: docID, tableID: tableID, tableNo: table.tableNo, title: table.title, type: type,
          unit: table.declaredUnit ?? "元", columns: reading.columns.filter { !$0.isEmpty }.joined(separator: " | "),
          rows: reading.rowCount, fragments: table.fragments, isEmpty: !nonZero,
          sourceLine: table.sourceLine, sourcePage: table.sourcePage))
      // The items moved, not copied: appending a copy retained every item's dozen strings, and
      // destroying the reading released them again.
      result.lineItems.appendMoving(&reading.lineItems)
      result.indicators.append(contentsOf: reading.indicators)
      warnings.append(contentsOf: reading.warnings.map { (tableID, $0) })
    }
    let blocks = NarrativeParser.parseLocated(
      lines: segmented.narrative(extracted.lines), docID: docID,
      options: NarrativeParser.Options(maskMobileNumbers: options.maskPhoneNumbers))
    result.textBlocks = blocks.map(\.textBlock)
    result.textAmounts = TextAmountParser.parse(blocks: blocks, fiscalYear: meta.fiscalYear)
    result.checks = warnings.map { (tableID, w) in
      Check(
        docID: docID, tableID: tableID, rule: w.rule, subject: w.subject, expectedFen: nil, actualFen: nil,
        toleranceFen: nil, severity: .warning, message: w.message, sourceLine: w.line, sourcePage: w.page)
    }
    document.tables = result.tables.count
    document.lineItems = result.lineItems.count
    result.document = document
    return result
  }

  /// Checks the document's numbers and numbers its findings.
  public func validate(_ result: inout DocumentResult) {
    result.checks.append(contentsOf: Validator().validate(result))
    for i in result.checks.indices { result.checks[i].checkNo = i + 1 }
    result.document.warnings = result.checks.filter { $0.severity >= .warning }.count
  }

  /// A note that says its table is empty: 注：本表无数据, 故本表无数据, 本表为空表 — not a
  /// template's instructions about empty tables (应公开空表并说明).
  static func declaresEmpty(_ note: String) -> Bool {
    note.contains("无数据") || note.contains("本表为空") || note.contains("为空表") || note.contains("此表为空")
  }

  /// A table's id, `t` and its number in the document with at least three digits: `t001`,
  /// `t042`, `t1234` (what `String(format: "t%03d")` gives, without Foundation's formatter,
  /// which cost 0.2–0.4% of a run).
  static func tableID(number: Int) -> String {
    let digits = String(number)
    return "t" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
  }

  /// The catalog's 是否空表 column: table number → declared empty.
  static func catalogEmptiness(_ tables: [RawTable], types: [TableType]) -> [String: Bool] {
    var map: [String: Bool] = [:]
    for (table, type) in zip(tables, types) where type == .catalog {
      guard let header = table.rows.first,
        let flag = header.cells.firstIndex(where: { $0.contains("是否空表") })
      else { continue }
      for row in table.rows.dropFirst() {
        guard let no = row.cells.first.flatMap(TableCaption.tableNumber) else { continue }
        map[no] = row[flag] == "是"
      }
    }
    return map
  }
}

/// Options that change what extract and transform produce (part of every checkpoint key).
public struct ProcessingOptions: Sendable, Hashable, Codable {
  /// Watermark phrases besides the built-in ones (extract).
  public var watermarks: [String] = []
  /// Mask personal mobile numbers in text (`188****6427`) (transform).
  public var maskPhoneNumbers = true
  /// Treat `error` findings as a failed run (validate).
  public var strict = false
  public init() {}
}

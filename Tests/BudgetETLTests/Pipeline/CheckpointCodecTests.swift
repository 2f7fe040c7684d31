import Foundation
import Logging
import Testing

@testable import BudgetETL

/// The binary checkpoint format: every field of the seeds' extract and transform checkpoints
/// round-trips, and truncated, random or old (JSON) checkpoints read as missing, never trap.
@Suite struct CheckpointCodecTests {
  /// The extract stage's checkpoint of a seed, as the pipeline writes it.
  static func extractCheckpoint(_ seed: Seed) -> ExtractCheckpoint {
    let bytes = seed.bytes
    var source = SourceFile(
      path: "\(seed.rawValue).txt", sha256: SHA256.hex(bytes), encoding: "", bytes: Int64(bytes.count), docID: nil,
      status: .ok, error: nil, format: .text, converter: nil)
    let extracted = DocumentProcessor().extract(relativePath: source.path, bytes: bytes, source: &source)
    return ExtractCheckpoint(source: source, extracted: extracted)
  }

  /// The transform stage's checkpoint of a seed (validated, so `checks` has rows too).
  static func resultCheckpoint(_ seed: Seed) -> ResultCheckpoint {
    let processed = DocumentProcessor().process(relativePath: "\(seed.rawValue).txt", bytes: seed.bytes)
    return ResultCheckpoint(source: processed.source, result: processed.result)
  }

  /// The payload of a checkpoint file: after the magic line, its length and its block,
  /// decompressed (the CRC-32 at the end left out).
  static func payload(_ file: [UInt8]) throws -> [UInt8] {
    let body = Array(file[CheckpointFormat.magic.count..<(file.count - 4)])
    var reader = BinaryReader(body)
    let length = Int(try reader.readVarint())
    return try LZBlock.decompress(Array(body[reader.offset...]), count: length)
  }

  /// A checkpoint file of this version around any payload (its CRC-32 right).
  static func file(payload: [UInt8]) -> [UInt8] {
    var out = CheckpointFormat.magic
    Varint.append(UInt64(payload.count), to: &out)
    out += LZBlock.compress(payload)
    ValueCodec.appendU32(DocumentBundle.crc32(out[CheckpointFormat.magic.count...]), &out)
    return out
  }

  static func roundTrip<T: BinaryCodable & Equatable>(_ value: T) throws -> T {
    let bytes = try CheckpointFormat.encode(value)
    #expect(bytes.starts(with: Array("BUDGETETL-CKPT-3\n".utf8)))
    #expect(Self.file(payload: try Self.payload(bytes)) == bytes)
    let decoded = try CheckpointFormat.decode(T.self, from: bytes)
    #expect(decoded == value)
    // Encoding is deterministic: the decoded value gives the same bytes again.
    #expect(try CheckpointFormat.encode(decoded) == bytes)
    return decoded
  }

  @Test(arguments: Seed.allCases) func extractCheckpointsRoundTrip(_ seed: Seed) throws {
    let original = Self.extractCheckpoint(seed)
    let doc = try #require(original.extracted)
    #expect(!doc.lines.isEmpty && !doc.segmented.tables.isEmpty)
    let decoded = try Self.roundTrip(original)
    let back = try #require(decoded.extracted)
    #expect(back.lines.count == doc.lines.count)
    #expect(back.segmented.narrativeMask == doc.segmented.narrativeMask)
    #expect(back.segmented.noise == doc.segmented.noise)
    #expect(back.segmented.tables.flatMap(\.rows) == doc.segmented.tables.flatMap(\.rows))
  }

  @Test(arguments: Seed.allCases) func resultCheckpointsRoundTrip(_ seed: Seed) throws {
    let original = Self.resultCheckpoint(seed)
    let result = try #require(original.result)
    #expect(!result.lineItems.isEmpty && !result.checks.isEmpty)
    let decoded = try Self.roundTrip(original)
    #expect(decoded.result?.lineItems == result.lineItems)
    #expect(decoded.result?.checks == result.checks)
  }

  @Test func decodedCheckpointsKeepExactAmountsAndLabels() throws {
    // S1:126 收入 6,651.28 万元 = 66,512,800.00 元.
    let s1 = try #require(try Self.roundTrip(Self.resultCheckpoint(.s1)).result)
    let income = try #require(s1.item(line: 126, col: 2, section: "收入"))
    #expect(income.amountFen == 6_651_280_000)
    #expect(income.sourceValue == "6,651.28")
    #expect(income.sourceUnit == "万元")
    // S4:250 `221 住房保障支出 44,690.00`.
    let s4 = try #require(try Self.roundTrip(Self.resultCheckpoint(.s4)).result)
    let housing = try #require(s4.lineItems.first { $0.sourceLine == 250 && $0.functionCode == "221" })
    #expect(housing.label == "住房保障支出")
    #expect(housing.amountFen == 4_469_000)
    let extracted = try #require(try Self.roundTrip(Self.extractCheckpoint(.s4)).extracted)
    let row = try #require(extracted.segmented.tables.flatMap(\.rows).first { $0.line == 250 })
    #expect(row.cells.contains("住房保障支出") && row.cells.contains("44,690.00"))
  }

  /// The extract checkpoint keeps only the narrative's text (a table line's is in its cells):
  /// what it decodes to transforms as the document with every line's text did.
  @Test(arguments: Seed.allCases) func extractCheckpointsKeepOnlyTheNarrativesText(_ seed: Seed) throws {
    let processor = DocumentProcessor()
    let decoded = try #require(try Self.roundTrip(Self.extractCheckpoint(seed)).extracted)
    let normalized = try processor.readableLines(relativePath: "\(seed.rawValue).txt", bytes: seed.bytes)
    let full = LineLimits().apply(TableSyntax.tabSeparated(normalized)).lines
    try #require(decoded.lines.count == full.count)
    let narrative = decoded.segmented.narrative(full)
    // The numbers of the lines that differ (none), not the thousand lines, when this fails.
    #expect(decoded.lines.indices.filter { decoded.lines[$0] != narrative[$0] }.map { $0 + 1 } == [])
    #expect(decoded.lines.contains { !$0.text.isEmpty })
    var whole = decoded
    whole.lines = full
    #expect(processor.transform(decoded) == processor.transform(whole))
  }

  @Test func extractCheckpointsBlankTableAndNoiseLines() throws {
    // data/2023/阳城县医疗保障局.txt (S1): line 90 is narrative, line 126 a row of the first
    // table (收入 6,651.28 万元), line 3 a watermark.
    let doc = try #require(try Self.roundTrip(Self.extractCheckpoint(.s1)).extracted)
    #expect(doc.lines[89].number == 90)
    #expect(doc.lines[89].text.hasPrefix("阳城县医疗保障局成立于2019年3月15日，属行政机关"))
    #expect(doc.lines[125] == SourceLine(number: 126, page: nil, text: ""))
    #expect(doc.lines[2] == SourceLine(number: 3, page: nil, text: ""))
    let row = try #require(doc.segmented.tables.flatMap(\.rows).first { $0.line == 126 })
    #expect(row.cells.prefix(2) == ["一、一般公共预算", "6,651.28"])
  }

  @Test func extremeValuesRoundTrip() throws {
    let source = SourceFile(
      path: "目录/a\u{0}b.txt", sha256: "", encoding: "gb18030", bytes: .max, docID: "", status: .partial,
      error: "truncated 🙂", format: .pdf, converter: "pdftotext 24.02")
    var item = Seed.s0.result.lineItems[0]
    for amount in [Int64.min, -1, 0, 1, Int64.max] {
      item.amountFen = amount
      item.rowNo = Int(truncatingIfNeeded: amount)
      item.parentRowNo = amount == 0 ? nil : -7
      item.section = amount < 0 ? "" : nil
      item.tableType = amount < 0 ? .threePublic : .other
      var result = DocumentResult(document: DocumentInfo(docID: "x", sourcePath: "x", scope: .unit), lineItems: [item])
      result.checks = [
        Check(
          docID: "x", tableID: nil, rule: "r", subject: "", expectedFen: amount, actualFen: nil, toleranceFen: 0,
          severity: .error, message: "m", sourceLine: nil, sourcePage: 3)
      ]
      _ = try Self.roundTrip(ResultCheckpoint(source: source, result: result))
    }
    _ = try Self.roundTrip(ResultCheckpoint(source: source, result: nil))
    _ = try Self.roundTrip(ExtractCheckpoint(source: source, extracted: nil))
    // Flags of every length around a byte boundary, and pages.
    for count in [0, 1, 7, 8, 9, 17] {
      let flags = (0..<count).map { $0 % 3 == 0 }
      let lines = (0..<count).map { SourceLine(number: $0 + 1, page: $0 % 2 == 0 ? nil : $0, text: "第\($0)行") }
      let doc = ExtractedDocument(
        docID: "d", sourcePath: "p", lines: lines,
        segmented: SegmentedDocument(narrativeMask: flags, tables: [], noise: flags.map { !$0 }),
        metadata: DocumentMetadata(), problems: count > 8 ? ["a", ""] : [])
      _ = try Self.roundTrip(ExtractCheckpoint(source: source, extracted: doc))
    }
  }

  /// Adding a stored property to a checkpointed type needs its codec (and
  /// ``CheckpointFormat/version``) updated: this lists what the codecs write.
  @Test func theCodecsCoverEveryStoredProperty() throws {
    func fields(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
    let result = Seed.s0.result
    let extracted = try #require(Self.extractCheckpoint(.s0).extracted)
    #expect(fields(Self.resultCheckpoint(.s0)) == ["source", "result"])
    #expect(fields(Self.extractCheckpoint(.s0)) == ["source", "extracted"])
    #expect(
      fields(Self.extractCheckpoint(.s0).source)
        == ["path", "sha256", "encoding", "bytes", "docID", "status", "error", "format", "converter"])
    #expect(
      fields(result) == ["document", "tables", "lineItems", "textBlocks", "textAmounts", "indicators", "checks"])
    #expect(
      fields(result.document)
        == [
          "docID", "sourcePath", "title", "agency", "region", "fiscalYear", "kind", "scope", "tables", "lineItems",
          "warnings",
        ])
    #expect(
      fields(result.tables[0])
        == [
          "docID", "tableID", "tableNo", "title", "type", "unit", "columns", "rows", "fragments", "isEmpty",
          "sourceLine", "sourcePage",
        ])
    #expect(
      fields(result.lineItems[0])
        == [
          "docID", "fiscalYear", "agency", "tableID", "tableType", "rowNo", "colNo", "parentRowNo", "rowKind",
          "section", "label", "functionCode", "econCode", "govEconCode", "agencyCode", "projectCode", "measure",
          "measureKind", "amountFen", "sourceValue", "sourceUnit", "isTotal", "sourceLine", "sourcePage", "printedNo",
        ])
    #expect(
      fields(result.textBlocks[0])
        == ["docID", "blockNo", "sectionPath", "kind", "text", "sourceLine", "sourcePage"])
    #expect(
      fields(result.textAmounts[0])
        == [
          "docID", "blockNo", "amountNo", "subject", "kind", "functionCode", "econCode", "govEconCode", "amountFen",
          "sourceValue", "sourceUnit", "sourceLine", "sourcePage",
        ])
    #expect(
      fields(result.indicators[0])
        == [
          "docID", "tableID", "rowNo", "colNo", "targetNo", "section", "project", "level1", "level2", "indicator",
          "targetRaw", "comparator", "targetValue", "targetUnit", "sourceLine", "sourcePage",
        ])
    #expect(
      fields(result.checks[0])
        == [
          "docID", "checkNo", "tableID", "rule", "subject", "expectedFen", "actualFen", "toleranceFen", "severity",
          "message", "sourceLine", "sourcePage",
        ])
    #expect(fields(extracted) == ["docID", "sourcePath", "lines", "segmented", "metadata", "problems"])
    #expect(fields(extracted.segmented) == ["narrativeMask", "tables", "noise"])
    #expect(fields(extracted.lines[0]) == ["number", "page", "text"])
    #expect(fields(extracted.metadata) == ["title", "agency", "region", "fiscalYear", "kind", "scope"])
    #expect(
      fields(extracted.segmented.tables[0])
        == [
          "tableNo", "title", "declaredUnit", "agencyLine", "sourceLine", "sourcePage", "rows", "headerRowCount",
          "fragments", "notes",
        ])
    #expect(fields(extracted.segmented.tables[0].rows[0]) == ["cells", "line", "page"])
  }

  @Test func truncatedCheckpointsReadAsMissing() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let store = CheckpointStore(root: dir.path)
    let checkpoint = Self.resultCheckpoint(.s2)
    try store.write(checkpoint, .transform, key: "abcd")
    #expect(store.read(ResultCheckpoint.self, .transform, key: "abcd") == checkpoint)
    let path = store.path(.transform, key: "abcd")
    let whole = try FileIO.readAll(path)
    for length in [
      0, 1, CheckpointFormat.magic.count - 1, CheckpointFormat.magic.count, 30, whole.count / 2, whole.count - 1,
    ] {
      try FileIO.writeAtomically(Array(whole.prefix(length)), to: path)
      #expect(store.read(ResultCheckpoint.self, .transform, key: "abcd") == nil, "cut at \(length) bytes")
    }
    // Payloads cut anywhere (a file cut short fails its CRC-32; this is the reader's own
    // check): every prefix throws, none traps.
    for seed in [Seed.s0, .s3] {
      let payload = try Self.payload(try CheckpointFormat.encode(Self.extractCheckpoint(seed)))
      for length in stride(from: 0, to: payload.count, by: max(1, payload.count / 400)) {
        var reader = BinaryReader(Array(payload.prefix(length)))
        #expect(throws: BinaryDecodingError.self) { _ = try ExtractCheckpoint(from: &reader) }
      }
    }
    let small = try Self.payload(
      try CheckpointFormat.encode(
        ResultCheckpoint(
          source: checkpoint.source,
          result: DocumentResult(
            document: checkpoint.result!.document, lineItems: Array(checkpoint.result!.lineItems.prefix(3))))))
    for length in 0..<small.count {
      var reader = BinaryReader(Array(small.prefix(length)))
      #expect(throws: BinaryDecodingError.self) { _ = try ResultCheckpoint(from: &reader) }
    }
    // A checkpoint followed by anything is not one this version wrote.
    var longer = BinaryReader(small + [0])
    _ = try ResultCheckpoint(from: &longer)
    #expect(throws: BinaryDecodingError.trailingBytes(count: 1)) { try longer.expectEnd() }
  }

  @Test func randomBytesReadAsMissing() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let store = CheckpointStore(root: dir.path)
    var rng = SplitMix64(seed: 42)
    func randomBytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) } }
    for round in 0..<200 {
      let noise = randomBytes(Int.random(in: 0...2000, using: &rng))
      // Random files, with and without the magic line, random payloads in a valid file of this
      // version, and in a gzip member after the magic (the container of version 2).
      let files = [
        noise, CheckpointFormat.magic + noise, Self.file(payload: noise),
        CheckpointFormat.magic + (try Deflater.compress(noise, level: 1)),
      ]
      for (n, file) in files.enumerated() {
        let key = "r\(round)-\(n)"
        try FileIO.createDirectory((store.path(.extract, key: key) as NSString).deletingLastPathComponent)
        try FileIO.writeAtomically(file, to: store.path(.extract, key: key))
        #expect(store.read(ExtractCheckpoint.self, .extract, key: key) == nil)
        #expect(store.read(ResultCheckpoint.self, .extract, key: key) == nil)
      }
    }
    // A real payload with one byte changed: it may still decode (to other values; the CRC-32
    // guards files on disk) but must never trap or allocate wildly.
    let payload = try Self.payload(try CheckpointFormat.encode(Self.resultCheckpoint(.s4)))
    var failures = 0
    for _ in 0..<300 {
      var damaged = payload
      damaged[Int.random(in: 0..<damaged.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
      var reader = BinaryReader(damaged)
      do {
        _ = try ResultCheckpoint(from: &reader)
        try reader.expectEnd()
      } catch {
        failures += 1
      }
    }
    #expect(failures > 0)
  }

  /// Any one byte of a checkpoint file changed on disk, or the file of the previous version
  /// (the same binary payload, gzipped), reads as missing.
  @Test func damagedAndVersion2CheckpointsReadAsMissing() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let store = CheckpointStore(root: dir.path)
    let checkpoint = Self.resultCheckpoint(.s1)
    try store.write(checkpoint, .transform, key: "abcd")
    let path = store.path(.transform, key: "abcd")
    let whole = try FileIO.readAll(path)
    var rng = SplitMix64(seed: 7)
    for _ in 0..<200 {
      var damaged = whole
      let at = Int.random(in: CheckpointFormat.magic.count..<whole.count, using: &rng)
      damaged[at] ^= UInt8.random(in: 1...255, using: &rng)
      try FileIO.writeAtomically(damaged, to: path)
      #expect(store.read(ResultCheckpoint.self, .transform, key: "abcd") == nil, "byte \(at) changed")
    }
    let version2 = Array("BUDGETETL-CKPT-2\n".utf8) + (try Deflater.compress(try Self.payload(whole), level: 1))
    try FileIO.writeAtomically(version2, to: path)
    #expect(store.read(ResultCheckpoint.self, .transform, key: "abcd") == nil)
    try FileIO.writeAtomically(whole, to: path)
    #expect(store.read(ResultCheckpoint.self, .transform, key: "abcd") == checkpoint)
  }

  /// The JSON a checkpoint held before the binary format (same tool version, same keys).
  struct LegacyExtractCheckpoint: Encodable {
    var source: SourceFile
    var extracted: ExtractedDocument?
  }

  struct LegacyResultCheckpoint: Encodable {
    var source: SourceFile
    var result: DocumentResult?
  }

  /// Rewrites every checkpoint of `stage` under `state` as the previous version's gzipped JSON.
  static func downgrade(_ stage: StageKind, state: String) throws -> Int {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let files = FileManager.default.enumerator(atPath: state + "/" + stage.rawValue)!.allObjects
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".ckpt") }
    for name in files {
      let path = state + "/" + stage.rawValue + "/" + name
      let bytes = try FileIO.readAll(path)
      let json: Data
      if stage == .extract {
        let c = try CheckpointFormat.decode(ExtractCheckpoint.self, from: bytes)
        json = try encoder.encode(LegacyExtractCheckpoint(source: c.source, extracted: c.extracted))
      } else {
        let c = try CheckpointFormat.decode(ResultCheckpoint.self, from: bytes)
        json = try encoder.encode(LegacyResultCheckpoint(source: c.source, result: c.result))
      }
      try FileIO.writeAtomically(try Deflater.compress(Array(json), level: 1), to: path)
    }
    return files.count
  }

  static func checkpointsAreBinary(_ stage: StageKind, state: String) -> Bool {
    let files = FileManager.default.enumerator(atPath: state + "/" + stage.rawValue)!.allObjects
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".ckpt") }
    return !files.isEmpty
      && files.allSatisfy {
        ((try? FileIO.readAll(state + "/" + stage.rawValue + "/" + $0)) ?? []).starts(with: CheckpointFormat.magic)
      }
  }

  @Test func oldJSONCheckpointsAreRebuilt() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    let out = dir.path + "/out"
    let state = out + "/_state"
    _ = try await PipelineRunnerTests.run(input: input, output: out)
    var config = PipelineConfig()
    config.input = input
    config.output = out
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    var runner = PipelineRunner(config: config, logger: logger)
    runner.from = .validate

    // Old transform checkpoints: transform runs again from the (binary) extract checkpoints.
    #expect(try Self.downgrade(.transform, state: state) == 5)
    let fromExtract = try await runner.run()
    #expect(fromExtract.stageCounts["extract"] == nil)
    #expect(fromExtract.stageCounts["transform"] == 5)
    #expect(Self.checkpointsAreBinary(.transform, state: state))

    // Old checkpoints of both stages: the documents are read again.
    #expect(try Self.downgrade(.extract, state: state) == 5)
    #expect(try Self.downgrade(.transform, state: state) == 5)
    let fromSource = try await runner.run()
    #expect(fromSource.stageCounts["extract"] == 5)
    #expect(fromSource.stageCounts["transform"] == 5)
    #expect(Self.checkpointsAreBinary(.extract, state: state))
    #expect(Self.checkpointsAreBinary(.transform, state: state))

    _ = try await PipelineRunnerTests.run(input: input, output: dir.path + "/fresh")
    #expect(publishedFiles(out) == publishedFiles(dir.path + "/fresh"))
  }
}

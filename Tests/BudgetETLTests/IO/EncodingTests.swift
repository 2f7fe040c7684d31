import Foundation
import Testing

@testable import BudgetETL

/// The seeds re-encoded as archives hold them give the same facts as the originals.
@Suite struct EncodingTests {
  static let cases: [(Seed, Reencoding)] = Seed.allCases.flatMap { seed in Reencoding.allCases.map { (seed, $0) } }

  @Test(arguments: cases)
  func reencodedSeedGivesTheSameFacts(seed: Seed, encoding: Reencoding) throws {
    let original = seed.result
    let bytes = encoding.encode(String(decoding: seed.bytes, as: UTF8.self))
    #expect(bytes != seed.bytes)
    let processed = DocumentProcessor().process(relativePath: "\(seed.rawValue).txt", bytes: bytes)
    #expect(processed.source.encoding == encoding.detected, "\(encoding)")
    #expect(processed.source.status == .ok)
    #expect(processed.source.error == nil)
    #expect(processed.source.docID == original.document.docID, "\(encoding): doc_id")
    let result = try #require(processed.result)
    #expect(result.document == original.document)
    #expect(result.tables == original.tables)
    #expect(result.lineItems == original.lineItems, "\(encoding): line_items")
    #expect(result.textBlocks == original.textBlocks, "\(encoding): text_blocks")
    #expect(result.textAmounts == original.textAmounts)
    #expect(result.indicators == original.indicators)
    #expect(result.checks == original.checks)
  }

  @Test func decoderNamesWhatItDetected() throws {
    let text = "单位：元\n收入\t12.00\n"
    #expect(try TextDecoder.decode(Array(text.utf8)).encoding == "utf-8")
    let crlf = NormalizedText(decoded: try TextDecoder.decode(Array("单位：元 \r\n收入\t12.00\t\r\n".utf8)).utf8)
    #expect(crlf.utf8 == Array(text.utf8))
    for encoding in Reencoding.allCases {
      let decoded = try TextDecoder.decode(encoding.encode(text))
      #expect(decoded.encoding == encoding.detected)
      #expect(NormalizedText(decoded: decoded.utf8).utf8 == Array("单位：元\n收入\t12.00\n".utf8), "\(encoding)")
    }
  }

  /// Zero bytes that do not fall like UTF-16's stay binary data, named by their offset.
  @Test func zerosThatAreNotUTF16AreBinary() {
    // A PNG header: zeros on both sides.
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
    #expect(throws: DecodingError.binary(offset: 8)) { try TextDecoder.decode(png) }
    // Zeros every other byte, but what they decode to is control characters, not text.
    let controls = (0..<64).map { $0 % 2 == 0 ? UInt8(1 + $0 % 7) : 0 }
    #expect(throws: DecodingError.binary(offset: 1)) { try TextDecoder.decode(controls) }
    // UTF-16 LE without a BOM, mostly Chinese: a line of S0 with its digits and tab.
    let line = "一、部门基本情况\t2023年收入预算 1,234.56 万元\n"
    let decoded = try? TextDecoder.decode(Reencoding.utf16LE.encode(line))
    #expect(decoded?.encoding == "utf-16le")
    #expect(decoded?.utf8 == Array(line.utf8))
    // The NUL search (memchr) is `firstIndex(of: 0)`; after a BOM the offset counts the BOM.
    for bytes: [UInt8] in [[], [0], [1, 2, 0, 0], [1, 2, 3], Array(repeating: 0x41, count: 100) + [0], png, controls] {
      #expect(TextDecoder.firstZero(bytes) == bytes.firstIndex(of: 0))
    }
    #expect(throws: DecodingError.binary(offset: 5)) { try TextDecoder.decode([0xEF, 0xBB, 0xBF, 0x41, 0x42, 0x00, 0x43]) }
  }

  /// One content in two encodings in one run is one document; the second file is `duplicate`.
  @Test func sameContentInTwoEncodingsIsOneDocument() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.path + "/in"
    try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
    let text = String(decoding: Seed.s2.bytes, as: UTF8.self)
    try Data(Reencoding.gb18030CRLF.encode(text)).write(to: URL(fileURLWithPath: input + "/a-gb18030.txt"))
    try Data(Reencoding.utf16LEBOM.encode(text)).write(to: URL(fileURLWithPath: input + "/b-utf16.txt"))
    try Data(Seed.s0.bytes).write(to: URL(fileURLWithPath: input + "/c-other.txt"))
    let summary = try await PipelineRunnerTests.run(input: input, output: dir.path + "/out")
    #expect(summary.documents == 2)
    #expect(summary.duplicates == 1)
    #expect(summary.rejected == 0)
    #expect(summary.outcome == "ok")
    let sources = CSVTestReader.parse(try PipelineRunnerTests.gunzipText(dir.path + "/out/sources.csv.gz"))
    let header = sources[0]
    let rows = sources.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    #expect(rows.map { $0["source_path"]! } == ["a-gb18030.txt", "b-utf16.txt", "c-other.txt"])
    #expect(rows.map { $0["source_encoding"]! } == ["gb18030", "utf-16le", "utf-8"])
    #expect(rows.map { $0["status"]! } == ["ok", "duplicate", "ok"])
    #expect(rows[0]["doc_id"] == Seed.s2.result.document.docID)
    #expect(rows[1]["doc_id"] == rows[0]["doc_id"])
    let documents = CSVTestReader.parse(try PipelineRunnerTests.gunzipText(dir.path + "/out/documents.csv.gz"))
    #expect(documents.dropFirst().map { $0[1] } == ["a-gb18030.txt", "c-other.txt"])
  }
}

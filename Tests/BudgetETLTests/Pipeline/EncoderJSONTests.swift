import Foundation
import Testing

@testable import BudgetETL

/// The JSON the state writes by hand is what `JSONEncoder` prints, byte for byte.
@Suite struct EncoderJSONTests {
  /// Every ASCII byte (each control character, quote, backslash, slash), and text past ASCII.
  static let awkward = [
    "", "plain", String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self), "a/b\\c\"d", "2023/阳城县 预算.txt",
    "tab\there\r\nline\u{0C}\u{08}\u{1F}\u{7F}", "emoji 😀 é", "/",
  ]

  static func encoder(escapingSlashes: Bool = true) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = escapingSlashes ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  @Test(arguments: awkward, [true, false])
  func stringsAreEscapedAsTheEncoderEscapesThem(text: String, escapingSlashes: Bool) throws {
    var json = EncoderJSON(escapesSlashes: escapingSlashes)
    json.string(text)
    #expect(json.bytes == Array(try Self.encoder(escapingSlashes: escapingSlashes).encode(text)))
  }

  static func entries() -> [IndexEntry] {
    var entries: [IndexEntry] = []
    for (i, text) in awkward.enumerated() {
      let source = SourceFile(
        path: text, sha256: String(repeating: "ab", count: 32), encoding: i % 2 == 0 ? "utf-8" : "gb18030",
        bytes: Int64(i) * 1_000_003, docID: i % 3 == 0 ? nil : "0123456789abcdef", status: i % 2 == 0 ? .ok : .partial,
        error: i % 2 == 0 ? nil : text, format: i % 4 == 0 ? .pdf : .text, converter: i % 4 == 0 ? "pdftotext 24" : nil)
      let result = DocumentResult(
        document: DocumentInfo(docID: "d\(i)", sourcePath: text, agency: i % 2 == 0 ? nil : text))
      var summary = BundleSummary(result: result)
      summary.checksBySeverityAndRule = i % 3 == 0 ? [:] : ["warning b": i, "error a": -i, "info 中": 2, "info Z": 1]
      summary.tables = i
      entries.append(
        IndexEntry(size: Int64(i) - 3, modified: Int64.max - Int64(i), source: source, summary: i % 5 == 4 ? nil : summary))
    }
    return entries
  }

  @Test func indexEntriesArePrintedAsTheEncoderPrintsThem() throws {
    for entry in Self.entries() {
      var json = EncoderJSON()
      entry.write(to: &json)
      #expect(json.bytes == Array(try Self.encoder().encode(entry)), "\(entry.source.path)")
    }
  }

  @Test func stageKeysArePrintedAsTheEncoderPrintsThem() throws {
    let keys = StageKeys(sha256: "s/1", extract: "e", transform: "t\"", validate: "v", bundle: "b")
    var json = EncoderJSON()
    keys.write(to: &json)
    #expect(json.bytes == Array(try Self.encoder().encode(keys)))
  }

  /// What ``RunManifest/fragment(path:rules:first:)`` printed through the encoder before.
  static func encodedFragment(path: String, rules: [String: Int], first: Bool) throws -> [UInt8] {
    let one = Array(try RunManifest.encoder().encode([path: rules]))
    let lines = one.split(separator: 0x0A, omittingEmptySubsequences: false).dropFirst().dropLast()
    var out: [UInt8] = first ? [] : Array(",\n".utf8)
    for (j, line) in lines.enumerated() {
      if j > 0 { out.append(0x0A) }
      if !line.isEmpty { out += [0x20, 0x20] + line }
    }
    return out
  }

  @Test(arguments: awkward, [true, false])
  func manifestFragmentsArePrintedAsTheEncoderPrintsThem(path: String, first: Bool) throws {
    for rules in [[:], ["warning x": 1], ["warning b/c": 2, "error a": 10, "info \(path)": -1]] {
      #expect(RunManifest.fragment(path: path, rules: rules, first: first)
        == (try Self.encodedFragment(path: path, rules: rules, first: first)))
    }
  }
}

import Foundation
import Testing

@testable import BudgetETL

/// `String(validUTF8:)` skips validation, so nothing but these tests sees a String it made
/// wrong: each is compared with the `String(decoding:as:)` it replaces on its bytes, its
/// ASCII flag (`utf8Span.isKnownASCII`, which the fast paths of comparison and hashing read)
/// and its characters, and so are the lines and cells made with it.
@Suite struct ValidUTF8Tests {
  /// Bytes, flag and characters of `made` equal those of the validated copy of `bytes`.
  static func expectSame(_ made: String, _ bytes: [UInt8], _ note: @autoclosure () -> String = "") {
    let oracle = String(decoding: bytes, as: UTF8.self)
    #expect(Array(made.utf8) == Array(oracle.utf8), "\(note())")
    if #available(macOS 26, *) {
      #expect(made.utf8Span.isKnownASCII == oracle.utf8Span.isKnownASCII, "\(note())")
    }
    #expect(made.count == oracle.count && made == oracle, "\(note())")
  }

  /// One byte of 0x80 or above at each place of texts 0 to 40 bytes long (across the 15-byte
  /// small strings and the eight-byte steps), or none: the ASCII flag for every place.
  @Test func asciiFlagForEveryPlaceOfANonASCIIScalar() {
    for length in 0...40 {
      let ascii = [UInt8](repeating: 0x61, count: length)
      ascii.withUnsafeBufferPointer { Self.expectSame(String(validUTF8: $0), ascii, "\(length)") }
      #expect(ascii.withUnsafeBufferPointer(String.isASCII))
      for place in 0..<max(0, length - 1) {
        var bytes = ascii
        bytes[place] = 0xC2  // U+00A0, two bytes
        bytes[place + 1] = 0xA0
        bytes.withUnsafeBufferPointer { Self.expectSame(String(validUTF8: $0), bytes, "\(length) \(place)") }
        #expect(!bytes.withUnsafeBufferPointer(String.isASCII))
      }
    }
  }

  static let pieces = [
    "合计", "a", "12.00", " ", "\u{3000}", "\u{A0}", "表1", "\u{301}", "\u{F9FA}", "😀", "é", "\r\n", "", "—", "<b>",
  ]

  @Test func randomTextCopiesAsDecodingDoes() {
    var rng = SplitMix64(seed: 6_3_2026)
    for _ in 0..<5_000 {
      let bytes = Array(rng.text(from: Self.pieces, fewerThan: 14).utf8)
      bytes.withUnsafeBufferPointer { Self.expectSame(String(validUTF8: $0), bytes) }
    }
  }

  /// Lines cut from checked text, from text the decoder checked, and from text with invalid
  /// bytes (repaired as before) are those the line-by-line decoding made.
  @Test func linesAreTheDecodedLines() {
    let pieces = Self.pieces + ["\n", "\r", "\t", "\u{0C}", "\n\n"]
    let invalid: [[UInt8]] = [[0xFF], [0xE8, 0xA1], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0x80]]
    var rng = SplitMix64(seed: 70_2026)
    for round in 0..<4_000 {
      var decoded = Array(rng.text(from: pieces, fewerThan: 12).utf8)
      if round % 4 == 3 { decoded.insert(contentsOf: invalid[rng.below(invalid.count)], at: rng.below(decoded.count + 1)) }
      let isValid = TextDecoder.firstInvalidUTF8(decoded) == nil
      let expected = NormalizedTextTests.linesByCopy(NormalizedText(decoded: decoded).layout)
      var readings = [NormalizedText(decoded: decoded).lines()]
      if isValid { readings.append(NormalizedText(decoded: decoded, checkedUTF8: true).lines()) }
      for lines in readings {
        #expect(lines.count == expected.count)
        for (line, old) in zip(lines, expected) {
          #expect(line.number == old.number && line.page == old.page)
          Self.expectSame(line.text, Array(old.text.utf8), decoded.debugDescription)
        }
      }
    }
  }

  /// Only the decoder's own UTF-8 check lets `lines()` skip its check.
  @Test func decoderSaysWhichTextItChecked() throws {
    #expect(try TextDecoder.decode(Array("合计\t12".utf8)).isCheckedUTF8)
    #expect(try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("合计".utf8)).isCheckedUTF8)
    #expect(try TextDecoder.decode(Array("合计".utf8) + [0xE8, 0xA1]).isCheckedUTF8)  // cut in a character
    #expect(try !TextDecoder.decode([0xBA, 0xCF, 0xBC, 0xC6]).isCheckedUTF8)  // 合计 in GB18030, by iconv
    #expect(try !TextDecoder.decode([0xFF, 0xFE, 0x08, 0x54]).isCheckedUTF8)  // UTF-16LE
    // The claim is the decoder's alone: text from elsewhere is unchecked, and text changed
    // after decoding loses it, so its lines are validated (and repaired) again.
    #expect(!DecodedText(utf8: Array("合计".utf8), encoding: "utf-8").isCheckedUTF8)
    var changed = try TextDecoder.decode(Array("合计\t12".utf8))
    changed.utf8 = [0x61, 0xFF, 0x0A, 0x62]
    #expect(!changed.isCheckedUTF8)
    #expect(NormalizedText(decoded: changed).lines().map(\.text) == ["a\u{FFFD}", "b"])
  }

  /// Cells and fields cut at tabs, against splitting the line and decoding each field.
  @Test func cellsAndFieldsAreTheDecodedPieces() {
    let pieces = Self.pieces + ["\t", "\t\t", "**", "１２"]
    var rng = SplitMix64(seed: 9_2026)
    for _ in 0..<5_000 {
      let line = rng.text(from: pieces, fewerThan: 12)
      let fields = Array(line.utf8).split(separator: 0x09, omittingEmptySubsequences: false).map(Array.init)
      let made = line.tabFields()
      #expect(made.count == fields.count)
      for (field, bytes) in zip(made, fields) { Self.expectSame(field, bytes, line.debugDescription) }
      var cells = fields.map { TextCleaner.cell(String(decoding: $0, as: UTF8.self)) }
      while let last = cells.last, last.isEmpty { cells.removeLast() }
      let madeCells = line.tableCells()
      #expect(madeCells.count == cells.count)
      for (cell, old) in zip(madeCells, cells) { Self.expectSame(cell, Array(old.utf8), line.debugDescription) }
    }
  }

  @Test func trimmedSpacesLeaveTheDecodedRest() {
    var rng = SplitMix64(seed: 11_2026)
    for _ in 0..<5_000 {
      let text = rng.text(from: Self.pieces + ["\t"], fewerThan: 10)
      guard let trimmed = LiteralSearch.trimmingSpaces(text) else { continue }
      Self.expectSame(trimmed, Array(text.trimmingASCIIAndIdeographicSpaces().utf8), text.debugDescription)
    }
  }
}

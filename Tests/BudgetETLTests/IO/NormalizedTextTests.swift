import Testing

@testable import BudgetETL

/// The line-by-line normalization and line splitting against the byte-by-byte readings they
/// replace, on random text with every line end (LF, CR, CR LF, LF CR), trailing spaces and
/// tabs, form feeds anywhere, Chinese text and empty lines.
@Suite struct NormalizedTextTests {
  /// The identity bytes and the layout bytes as they were built, byte by byte.
  static func byteByByte(_ decoded: [UInt8]) -> (utf8: [UInt8], layout: [UInt8]) {
    var layout: [UInt8] = []
    var k = 0
    while k < decoded.count {
      let b = decoded[k]
      if b == 0x0D {
        layout.append(0x0A)
        if k + 1 < decoded.count, decoded[k + 1] == 0x0A { k += 1 }
      } else {
        layout.append(b)
      }
      k += 1
    }
    var out: [UInt8] = []
    var lineStart = 0
    var i = 0
    func trimLine() {
      while out.count > lineStart, out[out.count - 1] == 0x20 || out[out.count - 1] == 0x09 { out.removeLast() }
    }
    while i < decoded.count {
      let b = decoded[i]
      if b == 0x0D {
        trimLine()
        out.append(0x0A)
        lineStart = out.count
        if i + 1 < decoded.count, decoded[i + 1] == 0x0A { i += 1 }
      } else if b == 0x0A {
        trimLine()
        out.append(0x0A)
        lineStart = out.count
      } else {
        out.append(b)
      }
      i += 1
    }
    trimLine()
    return (out, layout)
  }

  /// `lines()` as it read: every line copied, then decoded.
  static func linesByCopy(_ layout: [UInt8]) -> [SourceLine] {
    let hasPages = layout.contains(0x0C)
    var result: [SourceLine] = []
    var page = 1
    var number = 0
    var start = 0
    let n = layout.count
    var i = 0
    while i <= n {
      if i == n || layout[i] == 0x0A {
        number += 1
        var slice = Array(layout[start..<i])
        var linePage = page
        if hasPages, slice.contains(0x0C) {
          var leading = 0
          while leading < slice.count, slice[leading] == 0x0C { leading += 1 }
          page += leading
          linePage = page
          let rest = slice[leading...].filter { $0 != 0x0C }
          page += slice[leading...].filter { $0 == 0x0C }.count
          slice = Array(rest)
        }
        if i == n && start == n && number > 1 { break }
        result.append(
          SourceLine(number: number, page: hasPages ? linePage : nil, text: String(decoding: slice, as: UTF8.self)))
        start = i + 1
      }
      i += 1
    }
    return result
  }

  @Test func linesAndIdentityBytesAgreeWithTheByteByByteReading() {
    let pieces = ["\n", "\r", "\r\n", "\n\r", " ", "\t", "\u{0C}", "合计", "a", "12.00", "\u{3000}", "表1", ""]
    var rng = SplitMix64(seed: 14_2026)
    var withCR = 0
    for _ in 0..<10_000 {
      let s = rng.text(from: pieces, fewerThan: 12)
      let decoded = Array(s.utf8)
      let text = NormalizedText(decoded: decoded)
      let expected = Self.byteByByte(decoded)
      #expect(text.utf8 == expected.utf8, "\(s.debugDescription)")
      #expect(text.layout == expected.layout, "\(s.debugDescription)")
      #expect(text.lines() == Self.linesByCopy(expected.layout), "\(s.debugDescription)")
      if decoded.contains(0x0D) { withCR += 1 }
    }
    #expect(withCR > 2_000)
    #expect(NormalizedText(decoded: Array("a \t\r\nb\t\n".utf8)).utf8 == Array("a\nb\n".utf8))
    #expect(NormalizedText(decoded: []).lines() == [SourceLine(number: 1, page: nil, text: "")])
  }
}

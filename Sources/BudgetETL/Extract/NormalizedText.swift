/// A document's text as the data contract normalizes it for identity: decoded to UTF-8, BOM
/// removed, CRLF and CR turned into LF, spaces and tabs at the end of each line removed.
public struct NormalizedText: Sendable {
  /// The normalized UTF-8 bytes; `doc_id` hashes these.
  public let utf8: [UInt8]
  /// The decoded text with only line ends normalized: tables keep the trailing tabs that mark
  /// their empty last cells (identity strips them). Same lines as `utf8`.
  let layout: [UInt8]

  /// Normalizes decoded UTF-8 (any BOM already removed by the decoder).
  public init(decoded: [UInt8]) {
    var layout: [UInt8] = []
    layout.reserveCapacity(decoded.count)
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
    self.layout = layout
    var out: [UInt8] = []
    out.reserveCapacity(decoded.count)
    var lineStart = 0
    var i = 0
    let n = decoded.count
    func trimLine() {
      while out.count > lineStart, out[out.count - 1] == 0x20 || out[out.count - 1] == 0x09 {
        out.removeLast()
      }
    }
    while i < n {
      let b = decoded[i]
      if b == 0x0D {
        trimLine()
        out.append(0x0A)
        lineStart = out.count
        if i + 1 < n, decoded[i + 1] == 0x0A { i += 1 }
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
    utf8 = out
  }

  /// `doc_id`: the first 16 hex characters of the SHA-256 of the normalized text.
  public var docID: String { String(SHA256.hex(utf8).prefix(16)) }

  /// The text's lines, 1-based, with pages counted from form feeds (a form feed starts a new
  /// page and is removed from the line). Pages are nil when the text has no form feed.
  public func lines() -> [SourceLine] {
    let hasPages = layout.contains(0x0C)
    var result: [SourceLine] = []
    var page = 1
    var number = 0
    var start = 0
    layout.withUnsafeBufferPointer { buf in
      let n = buf.count
      var i = 0
      while i <= n {
        if i == n || buf[i] == 0x0A {
          number += 1
          var slice = Array(buf[start..<i])
          var linePage = page
          if hasPages, slice.contains(0x0C) {
            // A form feed at the start of a line begins a new page for that line.
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
    }
    return result
  }
}

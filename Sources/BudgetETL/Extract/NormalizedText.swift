import Foundation

/// A document's text as the data contract normalizes it for identity: decoded to UTF-8, BOM
/// removed, CRLF and CR turned into LF, spaces and tabs at the end of each line removed.
public struct NormalizedText: Sendable {
  /// The normalized UTF-8 bytes; `doc_id` hashes these.
  public let utf8: [UInt8]
  /// The decoded text with only line ends normalized: tables keep the trailing tabs that mark
  /// their empty last cells (identity strips them). Same lines as `utf8`.
  let layout: [UInt8]

  /// The bytes were found valid UTF-8 before (``TextDecoder/firstInvalidUTF8(_:)`` passed
  /// them): `lines()` need not check them again. Normalizing only drops or replaces ASCII bytes
  /// (CR, trailing spaces and tabs), which keeps UTF-8 valid.
  let isCheckedUTF8: Bool

  /// Normalizes decoded UTF-8 (any BOM already removed by the decoder).
  ///
  /// Works line by line on the bytes, copying each line's bytes at once (`memchr` finds the
  /// line ends): appending byte by byte, twice over, was most of the time of reading a file.
  ///
  /// `lines()` validates the text as it makes each line's String.
  public init(decoded: [UInt8]) {
    self.init(decoded: decoded, checkedUTF8: false)
  }

  /// The decoder's text; when the decoder checked it (``DecodedText/isCheckedUTF8``), `lines()`
  /// copies its lines without validating them again.
  public init(decoded: DecodedText) {
    self.init(decoded: decoded.utf8, checkedUTF8: decoded.isCheckedUTF8)
  }

  /// - Parameter checkedUTF8: true only when `decoded` is known to be valid UTF-8 (the
  ///   decoder checked it); `lines()` checks the text itself otherwise. Internal: a wrong
  ///   claim makes invalid Strings.
  init(decoded: [UInt8], checkedUTF8: Bool) {
    self.isCheckedUTF8 = checkedUTF8
    let (layout, utf8) = decoded.withUnsafeBufferPointer { b -> ([UInt8], [UInt8]) in
      let n = b.count
      guard let base = b.baseAddress else { return ([], []) }
      let hasCR = memchr(base, 0x0D, n) != nil
      var layout: [UInt8] = []
      var out: [UInt8] = []
      out.reserveCapacity(n)
      if hasCR { layout.reserveCapacity(n) }
      var start = 0
      while start <= n {
        // The line runs to the next LF, or CR (with its LF when CR LF), or the end.
        var end = start
        if hasCR {
          while end < n, b[end] != 0x0A, b[end] != 0x0D { end += 1 }
        } else if let hit = memchr(base + start, 0x0A, n - start) {
          end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        } else {
          end = n
        }
        let line = UnsafeBufferPointer(rebasing: b[start..<end])
        var trimmed = end
        while trimmed > start, b[trimmed - 1] == 0x20 || b[trimmed - 1] == 0x09 { trimmed -= 1 }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<trimmed]))
        if hasCR { layout.append(contentsOf: line) }
        guard end < n else { break }
        out.append(0x0A)
        if hasCR { layout.append(0x0A) }
        start = end + 1
        if b[end] == 0x0D, start < n, b[start] == 0x0A { start += 1 }
      }
      return (hasCR ? layout : Array(b), out)
    }
    self.layout = layout
    self.utf8 = utf8
  }

  /// `doc_id`: the first 16 hex characters of the SHA-256 of the normalized text.
  public var docID: String { String(SHA256.hex(utf8).prefix(16)) }

  /// The text's lines, 1-based, with pages counted from form feeds (a form feed starts a new
  /// page and is removed from the line). Pages are nil when the text has no form feed.
  ///
  /// Valid UTF-8 (checked once here with the decoder's fast scan, unless the decoder already
  /// did) is cut into lines at ASCII bytes and copied into Strings without validating each
  /// line again: `String(decoding:as:)`'s per-line check was most of the time of this function.
  /// Invalid bytes (from a converter no one checked) are repaired line by line as before.
  public func lines() -> [SourceLine] {
    var result: [SourceLine] = []
    var page = 1
    var number = 0
    var start = 0
    layout.withUnsafeBufferPointer { buf in
      let n = buf.count
      let hasPages = buf.baseAddress.map { memchr($0, 0x0C, n) != nil } ?? false
      let valid = isCheckedUTF8 || TextDecoder.firstInvalidUTF8(buf) == nil
      func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        valid ? String(validUTF8: bytes) : String(decoding: bytes, as: UTF8.self)
      }
      // The line ends, found with `memchr`: walking the text a byte at a time for them was
      // a third of the time of splitting it into lines.
      func lineEnd(from: Int) -> Int {
        guard from < n, let base = buf.baseAddress, let hit = memchr(base + from, 0x0A, n - from) else { return n }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      }
      while true {
        let i = lineEnd(from: start)
        number += 1
        if i == n && start == n && number > 1 { break }
        let line = UnsafeBufferPointer(rebasing: buf[start..<i])
        var linePage = page
        let text: String
        if hasPages && line.contains(0x0C) {
          // A form feed at the start of a line begins a new page for that line.
          var leading = 0
          while leading < line.count, line[leading] == 0x0C { leading += 1 }
          page += leading
          linePage = page
          let rest = line[leading...]
          page += rest.filter { $0 == 0x0C }.count
          text = rest.filter { $0 != 0x0C }.withUnsafeBufferPointer(string)
        } else {
          // Decoded from the buffer: no copy of the line's bytes first.
          text = string(line)
        }
        result.append(SourceLine(number: number, page: hasPages ? linePage : nil, text: text))
        start = i + 1
        if i == n { break }
      }
    }
    return result
  }
}

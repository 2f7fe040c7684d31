/// The space handling of ``PerformanceText`` on the bytes of inert text
/// (``LiteralSearch/isInert(_:)``): there every scalar is a character of its own that no other
/// spelling equals, so walking scalars gives what walking `Character`s gives, without
/// comparing each character with four spaces by canonical equivalence (`Character ==` on a
/// Chinese character normalizes both sides). Each returns nil for other text, which the
/// `Character` readings keep.
extension PerformanceText {
  /// ``isSpace(_:)`` of a scalar: space, tab, U+3000, U+00A0.
  @inline(__always)
  static func isSpace(_ value: UInt32) -> Bool {
    value == 0x20 || value == 0x09 || value == 0x3000 || value == 0xA0
  }

  /// ``clean(_:)``'s spaces after the markup is stripped: runs of spaces dropped, or one space
  /// kept between two characters that are not Chinese.
  static func cleanSpacesOfInertText(_ text: String) -> String? {
    var copy = text
    return copy.withUTF8 { b -> String? in
      guard LiteralSearch.isInert(b) else { return nil }
      var out: [UInt8] = []
      var sawSpace = false
      var pendingSpace = false
      var previous: UInt32?
      var i = 0
      while i < b.count {
        let (value, length) = LiteralSearch.scalar(b, at: i)
        if isSpace(value) {
          if !sawSpace {
            sawSpace = true
            out.reserveCapacity(b.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[0..<i]))
          }
          pendingSpace = true
          i += length
          continue
        }
        if pendingSpace {
          if let p = previous, !isCJK(p), !isCJK(value) { out.append(0x20) }
          pendingSpace = false
        }
        if sawSpace { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + length)])) }
        previous = value
        i += length
      }
      return sawSpace ? String(decoding: out, as: UTF8.self) : text
    }
  }

  /// ``removingSpaces(_:)``: every space scalar dropped.
  static func removingSpacesOfInertText(_ text: String) -> String? {
    var copy = text
    return copy.withUTF8 { b -> String? in
      guard LiteralSearch.isInert(b) else { return nil }
      var out: [UInt8] = []
      out.reserveCapacity(b.count)
      var i = 0
      while i < b.count {
        let (value, length) = LiteralSearch.scalar(b, at: i)
        if !isSpace(value) { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + length)])) }
        i += length
      }
      return out.count == b.count ? text : String(decoding: out, as: UTF8.self)
    }
  }

  /// ``split(_:at:)`` for inert text and separators that are each one inert scalar: split at
  /// the separators' scalars (hashing every `Character` of the text into the set was most of
  /// the time of reading targets).
  static func splitInertText(_ text: String, at separators: Set<Character>) -> [String]? {
    guard let values = separatorScalars(separators) else { return nil }
    return splitInertText(text, atScalars: values)
  }

  /// The scalar values of `separators` when each is one inert scalar (ASCII other than CR, or
  /// ``LiteralSearch/isInert(_:)``); nil otherwise. Callers that split often keep the answer.
  static func separatorScalars(_ separators: Set<Character>) -> [UInt32]? {
    var values: [UInt32] = []
    values.reserveCapacity(separators.count)
    for separator in separators {
      let scalars = separator.unicodeScalars
      guard scalars.count == 1, let v = scalars.first?.value, v < 0x80 ? v != 0x0D : LiteralSearch.isInert(v)
      else { return nil }
      values.append(v)
    }
    return values
  }

  /// ``splitInertText(_:at:)`` with the separators' scalars already worked out
  /// (``separatorScalars(_:)``): nil when `text` is not inert.
  static func splitInertText(_ text: String, atScalars values: [UInt32]) -> [String]? {
    var copy = text
    return copy.withUTF8 { b -> [String]? in
      guard LiteralSearch.isInert(b) else { return nil }
      var parts: [String] = []
      var start = 0
      var i = 0
      func part(to end: Int) {
        guard end > start else { return }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
          .trimmingASCIIAndIdeographicSpaces()
        if !text.isEmpty { parts.append(text) }
      }
      while i < b.count {
        let (value, length) = LiteralSearch.scalar(b, at: i)
        if values.contains(value) {
          part(to: i)
          start = i + length
        }
        i += length
      }
      part(to: b.count)
      return parts
    }
  }

  /// ``trimSeparators(_:)``: trailing spaces, `;` `；` `、` `,` `，` and leading spaces dropped.
  static func trimSeparatorsOfInertText(_ text: String) -> String? {
    var copy = text
    return copy.withUTF8 { b -> String? in
      guard LiteralSearch.isInert(b) else { return nil }
      var end = b.count
      while end > 0 {
        var start = end - 1
        while start > 0, b[start] & 0xC0 == 0x80 { start -= 1 }
        let value = LiteralSearch.scalar(b, at: start).value
        guard isSpace(value) || value == 0x3B || value == 0xFF1B || value == 0x3001 || value == 0x2C || value == 0xFF0C
        else { break }
        end = start
      }
      var start = 0
      while start < end {
        let (value, length) = LiteralSearch.scalar(b, at: start)
        guard isSpace(value) else { break }
        start += length
      }
      if start == 0 && end == b.count { return text }
      return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    }
  }
}

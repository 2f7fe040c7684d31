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
    return text.withUTF8Bytes { b -> String? in
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

  /// True when ``clean(_:)`` and ``removingSpaces(_:)`` leave `text` as it is, told in one pass
  /// over its bytes: inert text (``LiteralSearch/isInert(_:)``) without a space (space, tab,
  /// U+00A0, U+3000) or a byte markup starts with (`<`, `*`, `#`, `_`). Most cells that are not
  /// already clean (``TextCleaner/isAlreadyClean(_:)``) hold only full-width punctuation
  /// (`指标1：`, `（万元）`), which neither changes; cleaning them made two new strings and
  /// scanned each four times to give the cell back.
  static func isOwnCleanedText(_ text: String) -> Bool {
    return text.withUTF8Bytes { b -> Bool in
      let n = b.count
      var i = 0
      while i < n {
        let c = b[i]
        switch c {
        case 0x20, 0x09, 0x3C, 0x2A, 0x23, 0x5F: return false
        case 0xC2 where i + 1 < n && b[i + 1] == 0xA0: return false
        case 0xE3 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80: return false
        default: i += 1
        }
      }
      return LiteralSearch.isInert(b)
    }
  }

  /// ``removingSpaces(_:)``: every space scalar dropped.
  static func removingSpacesOfInertText(_ text: String) -> String? {
    return text.withUTF8Bytes { b -> String? in
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
    return text.withUTF8Bytes { b -> [String]? in
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
    return text.withUTF8Bytes { b -> String? in
      guard LiteralSearch.isInert(b) else { return nil }
      let kept = separatorsTrimmed(b)
      if kept.count == b.count { return text }
      return String(decoding: UnsafeBufferPointer(rebasing: b[kept]), as: UTF8.self)
    }
  }

  /// The bytes of inert text that ``trimSeparators(_:)`` keeps: without its trailing spaces and
  /// separators (`;` `；` `、` `,` `，`), then its leading spaces.
  static func separatorsTrimmed(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
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
    return start..<end
  }

  /// ``indicatorText(_:)`` of an inert cleaned cell, on its bytes: `指标` and a number
  /// (`Character.isNumber`, which an inert scalar answers alone: 1, 一, 万, ①) and a colon
  /// dropped, then ``trimSeparators(_:)``, then a placeholder is none. `.some(nil)` for a
  /// placeholder or an empty cell, nil when `cleaned` is not inert.
  static func indicatorTextOfInertText(_ cleaned: String) -> String?? {
    return cleaned.withUTF8Bytes { b -> String?? in
      guard LiteralSearch.isInert(b) else { return nil }
      return indicatorTextOfInertBytes(b, of: cleaned)
    }
  }

  /// ``indicatorTextOfInertText(_:)`` of a cleaned cell whose bytes `b` are known to be inert:
  /// nil for a placeholder or an empty cell.
  static func indicatorTextOfInertBytes(_ b: UnsafeBufferPointer<UInt8>, of cleaned: String) -> String? {
    var start = 0
    // 指标 is E6 8C 87 E6 A0 87.
    if b.count >= 6, b[0] == 0xE6, b[1] == 0x8C, b[2] == 0x87, b[3] == 0xE6, b[4] == 0xA0, b[5] == 0x87 {
      var i = 6
      while i < b.count {
        let (value, length) = LiteralSearch.scalar(b, at: i)
        guard let scalar = Unicode.Scalar(value), scalar.properties.numericType != nil else { break }
        i += length
      }
      if i > 6, i < b.count {
        // `:` or `：` (EF BC 9A).
        if b[i] == 0x3A {
          start = i + 1
        } else if i + 2 < b.count, b[i] == 0xEF, b[i + 1] == 0xBC, b[i + 2] == 0x9A {
          start = i + 3
        }
      }
    }
    // Trailing spaces and separators, then leading spaces (``trimSeparators(_:)``).
    var end = b.count
    while end > start {
      var last = end - 1
      while last > start, b[last] & 0xC0 == 0x80 { last -= 1 }
      let value = LiteralSearch.scalar(b, at: last).value
      guard isSpace(value) || value == 0x3B || value == 0xFF1B || value == 0x3001 || value == 0x2C || value == 0xFF0C
      else { break }
      end = last
    }
    while start < end {
      let (value, length) = LiteralSearch.scalar(b, at: start)
      guard isSpace(value) else { break }
      start += length
    }
    if start == end { return nil }
    // A placeholder: every scalar `.`, `…`, `。` or `·`.
    var placeholder = true
    var i = start
    while i < end {
      let (value, length) = LiteralSearch.scalar(b, at: i)
      if value != 0x2E && value != 0x2026 && value != 0x3002 && value != 0xB7 {
        placeholder = false
        break
      }
      i += length
    }
    if placeholder { return nil }
    if start == 0 && end == b.count { return cleaned }
    return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
  }

  /// The Chinese numerals ``stripNumbering(_:)`` takes: 一 to 十.
  @inline(__always)
  private static func isChineseNumeral(_ v: UInt32) -> Bool {
    switch v {
    case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: return true
    default: return false
    }
  }

  /// ``stripNumbering(_:)`` on the bytes of inert text (one scalar, one character): leading
  /// ①–⑮, `(一)`/`（12）`, `1、`/`一，`, `1.`/`1．` not before a digit, and the spaces after
  /// each, repeatedly; nil when the text is not inert.
  static func stripNumberingOfInertText(_ text: String) -> String? {
    return text.withUTF8Bytes { b -> String? in
      guard LiteralSearch.isInert(b) else { return nil }
      let s = numberingEnd(b)
      return s == 0 ? text : String(decoding: UnsafeBufferPointer(rebasing: b[s..<b.count]), as: UTF8.self)
    }
  }

  /// Where the text after ``stripNumbering(_:)``'s numbering starts in inert bytes `b`.
  static func numberingEnd(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    let n = b.count
    func isDigitOrNumeral(_ v: UInt32) -> Bool { (v >= 0x30 && v <= 0x39) || isChineseNumeral(v) }
    var s = 0
    while s < n {
      let before = s
      let (first, firstLength) = LiteralSearch.scalar(b, at: s)
      if first >= 0x2460 && first <= 0x246E {
        s += firstLength
      } else if first == 0x28 || first == 0xFF08 {
        // The first `)` or `）` after it; the numbering is what stands between.
        var close = s + firstLength
        var inner = 0
        var innerIsNumber = true
        while close < n {
          let (v, length) = LiteralSearch.scalar(b, at: close)
          if v == 0x29 || v == 0xFF09 { break }
          inner += 1
          if !isDigitOrNumeral(v) { innerIsNumber = false }
          close += length
        }
        if close < n, inner > 0, inner <= 3, innerIsNumber {
          s = close + LiteralSearch.scalar(b, at: close).length
        }
      } else {
        var end = s
        var lead = 0
        while end < n {
          let (v, length) = LiteralSearch.scalar(b, at: end)
          guard isDigitOrNumeral(v) else { break }
          lead += 1
          end += length
        }
        if lead > 0, lead <= 3, end < n {
          let (sep, sepLength) = LiteralSearch.scalar(b, at: end)
          if sep == 0x3001 || sep == 0xFF0C {
            s = end + sepLength
          } else if sep == 0x2E || sep == 0xFF0E, end + sepLength < n {
            let next = b[end + sepLength]
            if !(next >= 0x30 && next <= 0x39) { s = end + sepLength }
          }
        }
      }
      while s < n {
        let (v, length) = LiteralSearch.scalar(b, at: s)
        guard isSpace(v) else { break }
        s += length
      }
      if s == before { break }
    }
    return s
  }
}

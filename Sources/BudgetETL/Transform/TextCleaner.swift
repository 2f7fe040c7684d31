import Foundation

/// Cleaning every text field gets: markup debris, OCR spaces, full-/half-width forms.
public enum TextCleaner {
  /// HTML tags removed wherever they appear; any other `<…>` is text (`《关于印发<2022年…>`).
  static let knownTags: Set<String> = [
    "b", "strong", "i", "em", "u", "s", "br", "p", "span", "div", "td", "th", "tr", "table", "thead",
    "tbody", "tfoot", "font", "sup", "sub", "center", "small", "big", "mark", "del", "ins", "hr", "caption",
    "col", "colgroup",
  ]

  /// True when no cleaner below changes `text`: it holds no markup character (`< * # _ - > |`),
  /// no space (ASCII, tab, U+00A0, U+3000) and no full-width form (U+FF00–U+FF7F). One pass
  /// over the bytes; most cells are such text.
  @inline(__always)
  static func isAlreadyClean(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable(isAlreadyClean(bytes:))
      ?? Array(text.utf8).withUnsafeBufferPointer(isAlreadyClean(bytes:))
  }

  /// ``isAlreadyClean(_:)`` on the (valid UTF-8) bytes: the markup and space bytes, and the
  /// byte pairs that start U+00A0 (C2 A0), U+3000 (E3 80 80) and the full-width forms (EF BC,
  /// EF BD). Read through a pointer: walking the `UTF8View` was most of the time of
  /// `TextCleaner.cell`. A lead byte is read and its scalar's continuation bytes stepped over:
  /// none of them (80–BF) is a byte looked for, and Chinese text is mostly continuation bytes.
  static func isAlreadyClean(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = b.count
    var i = 0
    while i < n {
      let c = b[i]
      if c < 0x80 {
        switch c {
        case 0x3C, 0x2A, 0x23, 0x5F, 0x2D, 0x3E, 0x7C, 0x20, 0x09: return false
        default: i += 1
        }
      } else if c >= 0xE0 {
        if c == 0xE3 {
          if i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80 { return false }
        } else if c == 0xEF {
          if i + 1 < n && (b[i + 1] == 0xBC || b[i + 1] == 0xBD) { return false }
        }
        i += c >= 0xF0 ? 4 : 3
      } else {
        if c == 0xC2 && i + 1 < n && b[i + 1] == 0xA0 { return false }
        // A two-byte scalar's lead (C0–DF); a continuation byte only where a lead was.
        i += c >= 0xC0 ? 2 : 1
      }
    }
    return true
  }

  /// Removes markdown debris (`**`, `__`, leading `#`, `- ` bullets, `>` quotes) and known HTML tags.
  public static func stripMarkup(_ text: String) -> String {
    if isAlreadyClean(text) { return text }
    return stripMarkup(notClean: text)
  }

  /// ``stripMarkup(_:)`` of a text ``isAlreadyClean(_:)`` has said no to (`cell` and `title`
  /// ask first, and the text need not be scanned for it twice).
  static func stripMarkup(notClean text: String) -> String {
    if let markup = LiteralSearch.mayHoldMarkup(text) {
      // Inert text: the first byte settles `>` and `|`, and the bytes can be edited in place.
      let first = text.utf8.first
      guard markup || first == 0x3E || first == 0x7C else { return text }
      return stripMarkupOfInertText(text)
    }
    return stripMarkupByCharacters(notClean: text)
  }

  /// ``stripMarkup(notClean:)`` through `Character`s and `Substring`s: for text that is not
  /// inert, and the reading ``stripMarkupOfInertText(_:)`` is tested against.
  static func stripMarkupByCharacters(notClean text: String) -> String {
    let markup =
      LiteralSearch.mayHoldMarkup(text)
      ?? (text.contains("<") || text.contains("*") || text.contains("#") || text.contains("- ") || text.contains("__"))
    guard markup || text.hasLiteralPrefix(">") || text.hasLiteralPrefix("|") else { return text }
    var s = removeKnownTags(text)
    s = s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
    var t = Substring(s)
    while let f = t.first, f == " " || f == "\u{3000}" { t = t.dropFirst() }
    if t.hasPrefix("#") {
      while t.first == "#" { t = t.dropFirst() }
      while t.first == " " { t = t.dropFirst() }
    }
    if t.hasPrefix("- ") || t.hasPrefix("* ") || t.hasPrefix("+ ") { t = t.dropFirst(2) }
    if t.hasPrefix("> ") { t = t.dropFirst(2) }
    return String(t)
  }

  /// - Complexity: O(n): the search for a tag's `>` stops at the next `<`, which no tag holds.
  static func removeKnownTags(_ text: String) -> String {
    guard text.contains("<") else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var i = text.startIndex
    while i < text.endIndex {
      if text[i] == "<" {
        var j = text.index(after: i)
        while j < text.endIndex, text[j] != ">", text[j] != "<" { j = text.index(after: j) }
        if j < text.endIndex, text[j] == ">" {
          let close = j
          var inner = text[text.index(after: i)..<close]
          if inner.hasPrefix("/") { inner = inner.dropFirst() }
          if inner.hasSuffix("/") { inner = inner.dropLast() }
          let name = inner.prefix { $0.isLetter }.lowercased()
          if knownTags.contains(name), inner.count == name.count || inner.dropFirst(name.count).first == " " {
            i = text.index(after: close)
            continue
          }
        }
      }
      out.append(text[i])
      i = text.index(after: i)
    }
    return out
  }

  /// Removes spaces OCR put next to CJK characters (`补 助` → `补助`, `2023 年` → `2023年`),
  /// keeping spaces between Latin words and numbers.
  public static func removeOCRSpaces(_ text: String) -> String {
    if let onBytes = removeOCRSpacesOnBytes(text) { return onBytes }
    guard text.contains(" ") || text.contains("\u{3000}") else { return text }
    return removeOCRSpacesByCharacters(text)
  }

  /// ``removeOCRSpaces(_:)`` on an array of `Character`s: for text that is not inert, and the
  /// reading the byte path is tested against.
  static func removeOCRSpacesByCharacters(_ text: String) -> String {
    let chars = Array(text)
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == " " || c == "\u{3000}" {
        var j = i
        while j < chars.count, chars[j] == " " || chars[j] == "\u{3000}" { j += 1 }
        let before = out.last
        let after = j < chars.count ? chars[j] : nil
        if before == nil || after == nil || before!.isCJK || after!.isCJK {
          i = j
          continue
        }
        out.append(" ")
        i = j
        continue
      }
      out.append(c)
      i += 1
    }
    return out
  }

  /// ``removeOCRSpaces(_:)`` on the bytes of inert text (``LiteralSearch/isInert(_:)``), where
  /// every scalar is a character of its own; nil for other text. Splitting the text into an
  /// array of `Character`s was a third of the time of `title`.
  static func removeOCRSpacesOnBytes(_ text: String) -> String? {
    return text.withUTF8Bytes { b -> String? in
      guard LiteralSearch.isInert(b) else { return nil }
      let count = b.count
      // The length of the space (U+0020 or U+3000) at `i`, or 0.
      func spaceLength(at i: Int) -> Int {
        if b[i] == 0x20 { return 1 }
        if b[i] == 0xE3, i + 2 < count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        return 0
      }
      var out: [UInt8] = []
      var sawSpace = false
      // The last scalar written to `out`, as its value.
      var last: UInt32?
      var i = 0
      while i < count {
        let n = spaceLength(at: i)
        if n == 0 {
          let (value, length) = LiteralSearch.scalar(b, at: i)
          if sawSpace { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + length)])) }
          last = value
          i += length
          continue
        }
        if !sawSpace {
          sawSpace = true
          out.reserveCapacity(count)
          out.append(contentsOf: UnsafeBufferPointer(rebasing: b[0..<i]))
        }
        var j = i + n
        while j < count {
          let m = spaceLength(at: j)
          if m == 0 { break }
          j += m
        }
        // A run of spaces goes next to CJK and at either end; between others it is one space.
        if let before = last, j < count, !Character.isCJK(before), !Character.isCJK(LiteralSearch.scalar(b, at: j).value) {
          out.append(0x20)
          last = 0x20
        }
        i = j
      }
      return sawSpace ? String(decoding: out, as: UTF8.self) : text
    }
  }

  /// Full-width digits, letters and number punctuation to half-width (`１２３．４` → `123.4`).
  public static func halfWidthDigits(_ text: String) -> String {
    // Every full-width form starts with the byte EF: most text holds none.
    guard text.containsByte(0xEF) else { return text }
    return halfWidthDigitsOnBytes(text)
  }

  /// ``halfWidthDigits(_:)`` on the UTF-8 bytes: the folded forms are U+FF05, U+FF0E,
  /// U+FF10–U+FF19 (EF BC 85, EF BC 8E, EF BC 90–99), U+FF21–U+FF3A (EF BC A1–BA) and
  /// U+FF41–U+FF5A (EF BD 81–9A), each three bytes replaced by one (the scalar − U+FEE0). The
  /// text itself when none is there. Walking and rebuilding a `UnicodeScalarView` was a third
  /// of the time of `title`.
  static func halfWidthDigitsOnBytes(_ text: String) -> String {
    return text.withUTF8Bytes { b -> String in
      let n = b.count
      // The ASCII byte a full-width form at `i` folds to, or 0.
      func folded(at i: Int) -> UInt8 {
        guard b[i] == 0xEF, i + 2 < n else { return 0 }
        let b2 = b[i + 2]
        if b[i + 1] == 0xBC {
          if b2 == 0x85 || b2 == 0x8E || (0x90...0x99).contains(b2) || (0xA1...0xBA).contains(b2) { return b2 - 0x60 }
        } else if b[i + 1] == 0xBD {
          if (0x81...0x9A).contains(b2) { return b2 - 0x20 }
        }
        return 0
      }
      var i = 0
      while i < n, folded(at: i) == 0 { i += 1 }
      if i == n { return text }
      var out: [UInt8] = []
      out.reserveCapacity(n)
      out.append(contentsOf: UnsafeBufferPointer(rebasing: b[0..<i]))
      while i < n {
        let f = folded(at: i)
        if f != 0 {
          out.append(f)
          i += 3
        } else {
          out.append(b[i])
          i += 1
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// ``halfWidthDigits(_:)`` on Unicode scalars: the reading the byte one is tested against.
  static func halfWidthDigitsByScalars(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value >= 0xFF01 && $0.value <= 0xFF5E }) else { return text }
    var scalars = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      if (0xFF10...0xFF19).contains(s.value) || (0xFF21...0xFF3A).contains(s.value)
        || (0xFF41...0xFF5A).contains(s.value) || s.value == 0xFF0E || s.value == 0xFF05
      {
        scalars.append(Unicode.Scalar(s.value - 0xFEE0)!)
      } else {
        scalars.append(s)
      }
    }
    return String(scalars)
  }

  /// Parentheses unified to full width (`维修(护)费` → `维修（护）费`).
  public static func fullWidthParentheses(_ text: String) -> String {
    // Nothing else is canonically `(` or `)`: text without their bytes holds neither.
    guard text.containsByte(0x28) || text.containsByte(0x29) else { return text }
    guard text.contains("(") || text.contains(")") else { return text }
    return text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
  }

  /// A table cell as printed: markup removed, trimmed.
  public static func cell(_ raw: String) -> String {
    if isAlreadyClean(raw) { return raw }
    return stripMarkup(notClean: raw).trimmingASCIIAndIdeographicSpaces()
  }

  /// A title or header: markup and OCR spaces removed.
  public static func title(_ raw: String) -> String {
    if isAlreadyClean(raw) { return raw }
    return halfWidthDigits(removeOCRSpaces(stripMarkup(notClean: raw).trimmingASCIIAndIdeographicSpaces()))
  }

  /// A row label: markup, numbering (一、 1、 (1) ① 其中：), OCR spaces removed; parentheses full width.
  public static func label(_ raw: String) -> String {
    label(titled: title(raw))
  }

  /// ``label(_:)`` of a text whose ``title(_:)`` is `titled`.
  static func label(titled: String) -> String {
    label(titled: titled, numbering: NumberingPrefix.match(titled))
  }

  /// ``label(titled:)`` of a text whose numbering (`NumberingPrefix.match(titled)`) is known.
  static func label(titled: String, numbering: NumberingPrefix?) -> String {
    var t = titled
    if let n = numbering { t = String(t.dropFirst(n.length)) }
    t = stripMemoPrefix(t)
    if let n = NumberingPrefix.match(t) { t = String(t.dropFirst(n.length)) }
    t = t.trimmingASCIIAndIdeographicSpaces()
    // A last character equal to one of these ends in the byte 3A, 3B, 9A (：), 9B (；) or BE
    // (U+037E, canonically `;`): any other last byte settles it without comparing characters.
    while let b = t.utf8.last, b == 0x3A || b == 0x3B || b == 0x9A || b == 0x9B || b == 0xBE, let l = t.last,
      l == ":" || l == "：" || l == ";" || l == "；"
    {
      t.removeLast()
    }
    return fullWidthParentheses(t)
  }

  /// `其中：财政拨款` → `财政拨款`.
  public static func stripMemoPrefix(_ t: String) -> String {
    guard t.hasLiteralPrefix("其中") else { return t }
    var rest = t.dropFirst(2)
    while let f = rest.first, f == ":" || f == "：" || f == " " || f == "," || f == "，" { rest = rest.dropFirst() }
    return String(rest)
  }

  /// True when a label starts with 其中 (a memo row or column).
  public static func isMemo(_ raw: String) -> Bool {
    isMemo(titled: title(raw))
  }

  /// ``isMemo(_:)`` of a text whose ``title(_:)`` is `titled`.
  static func isMemo(titled: String) -> Bool {
    titled.hasLiteralPrefix("其中")
  }
}

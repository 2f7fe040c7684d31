/// Character classes and cleaning steps for narrative text, on Unicode scalars.
///
/// Everything here works on `[Unicode.Scalar]` rather than `Character`: Chinese text has no
/// combining sequences that matter for these rules, and scalars avoid grapheme breaking on the
/// hot path. The helpers live in this namespace instead of extensions on standard types so they
/// cannot collide with other stages' helpers in the same module.
enum NarrativeText {
  typealias Scalars = [Unicode.Scalar]

  // MARK: Character classes

  static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

  static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
    (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
  }

  static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool { isASCIIDigit(s) || isASCIILetter(s) }

  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    s == " " || s == "\t" || s.value == 0x3000 || s.value == 0xA0 || s.value == 0x2002
      || s.value == 0x2003 || s.value == 0x200B || s.value == 0xFEFF
  }

  /// Han ideographs.
  static func isHan(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
      || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3134F) || v == 0x3007  // 〇
  }

  /// Han ideographs and the punctuation Chinese text sets with them: CJK symbols (。、《》【】),
  /// full-width forms (（）：，), curly quotes, dashes and ellipses, circled numbers.
  static func isCJK(_ s: Unicode.Scalar) -> Bool {
    if isHan(s) { return true }
    let v = s.value
    return (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFFEF) || (v >= 0x2014 && v <= 0x2026)
      || (v >= 0x2460 && v <= 0x24FF)
  }

  /// Punctuation that ends a sentence: after it a paragraph may end.
  static func isSentenceFinal(_ s: Unicode.Scalar) -> Bool {
    s == "。" || s == "！" || s == "？" || s == "；" || s == "!" || s == "?" || s == ";" || s == "…"
  }

  /// Closing quotes and brackets that may follow a sentence's final punctuation (`。”`, `。）`).
  static func isClosing(_ s: Unicode.Scalar) -> Bool {
    s == "”" || s == "’" || s == "）" || s == ")" || s == "」" || s == "』" || s == "】" || s == "》"
      || s == "\""
  }

  static func isColon(_ s: Unicode.Scalar) -> Bool { s == "：" || s == ":" }

  static func isComma(_ s: Unicode.Scalar) -> Bool { s == "，" || s == "," }

  // MARK: Matching

  /// Whether `literal` occurs in `text` at `index`.
  static func matches(_ text: Scalars, at index: Int, _ literal: Scalars) -> Bool {
    guard index >= 0, index + literal.count <= text.count else { return false }
    for k in 0..<literal.count where text[index + k] != literal[k] { return false }
    return true
  }

  static func hasPrefix(_ text: Scalars, _ literal: Scalars) -> Bool { matches(text, at: 0, literal) }

  static func hasSuffix(_ text: Scalars, _ literal: Scalars) -> Bool {
    matches(text, at: text.count - literal.count, literal)
  }

  /// The first index at or after `start` where `literal` occurs, if any.
  static func firstIndex(of literal: Scalars, in text: Scalars, from start: Int = 0) -> Int? {
    guard !literal.isEmpty, text.count >= literal.count else { return nil }
    var i = max(0, start)
    while i + literal.count <= text.count {
      if text[i] == literal[0] && matches(text, at: i, literal) { return i }
      i += 1
    }
    return nil
  }

  static func contains(_ text: Scalars, _ literal: Scalars) -> Bool {
    firstIndex(of: literal, in: text) != nil
  }

  /// `Array(string.unicodeScalars)`, decoded from the UTF-8 in one pass into an array as long
  /// as the bytes (no text has more scalars than bytes): the array's initializer walks the
  /// `UnicodeScalarView` twice (to count, then to copy), a scalar at a time, which was a
  /// percent of the parse.
  static func scalars(_ string: String) -> Scalars {
    return string.withUTF8Bytes { b in
      Scalars(unsafeUninitializedCapacity: b.count) { out, initialized in
        var i = 0
        var k = 0
        while i < b.count {
          let (value, length) = LiteralSearch.scalar(b, at: i)
          out[k] = Unicode.Scalar(value) ?? "\u{FFFD}"
          k += 1
          i += length
        }
        initialized = k
      }
    }
  }

  static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
    if let encoded = scalars.withContiguousStorageIfAvailable(Self.encoded) { return encoded }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// The scalars' UTF-8 written straight into a new string's storage: appending them to a
  /// `UnicodeScalarView` one by one was most of the time of assembling the narrative blocks.
  static func encoded(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
    String(unsafeUninitializedCapacity: scalars.count * 4) { out in
      var n = 0
      for scalar in scalars {
        let v = scalar.value
        if v < 0x80 {
          out[n] = UInt8(v)
          n += 1
        } else if v < 0x800 {
          out[n] = UInt8(0xC0 | v >> 6)
          out[n + 1] = UInt8(0x80 | v & 0x3F)
          n += 2
        } else if v < 0x10000 {
          out[n] = UInt8(0xE0 | v >> 12)
          out[n + 1] = UInt8(0x80 | v >> 6 & 0x3F)
          out[n + 2] = UInt8(0x80 | v & 0x3F)
          n += 3
        } else {
          out[n] = UInt8(0xF0 | v >> 18)
          out[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
          out[n + 2] = UInt8(0x80 | v >> 6 & 0x3F)
          out[n + 3] = UInt8(0x80 | v & 0x3F)
          n += 4
        }
      }
      return n
    }
  }

  static func trimmed(_ text: Scalars) -> ArraySlice<Unicode.Scalar> {
    var lo = 0
    var hi = text.count
    while lo < hi, isSpace(text[lo]) { lo += 1 }
    while hi > lo, isSpace(text[hi - 1]) { hi -= 1 }
    return text[lo..<hi]
  }

  // MARK: Line cleaning

  /// HTML tags converters leave in text; only these are removed (`<2022年…要点>` is text).
  /// The HTML tags every text field drops (one list for tables and narrative).
  static var knownTags: Set<String> { TextCleaner.knownTags }

  /// Cleans one source line: known HTML tags and entities, `**`, leading `#` heading marks and a
  /// `- `/`* `/`+ `/`• ` bullet, full-width digits and letters (to half-width), and the spaces OCR
  /// put between Chinese characters. Returns the text and whether it carried a list bullet.
  static func cleanLine(_ line: String) -> (text: Scalars, bulleted: Bool) {
    var s = removeMarkup(scalars(line))
    foldFullWidth(&s)
    // Leading markdown: `#` heading marks, then one bullet.
    var start = 0
    while start < s.count, isSpace(s[start]) { start += 1 }
    var hashes = start
    while hashes < s.count, s[hashes] == "#" { hashes += 1 }
    if hashes > start {
      start = hashes
      while start < s.count, isSpace(s[start]) { start += 1 }
    }
    var bulleted = false
    if start + 1 < s.count,
      s[start] == "-" || s[start] == "*" || s[start] == "+" || s[start] == "•"
        || s[start] == "·",
      isSpace(s[start + 1])
    {
      bulleted = true
      start += 2
    } else if start < s.count, s[start] == "•" {
      bulleted = true
      start += 1
    }
    return (collapseSpaces(s[start...]), bulleted)
  }

  /// Removes known HTML tags, `&nbsp;`-style entities and markdown `**`/`__` emphasis marks.
  static func removeMarkup(_ s: Scalars) -> Scalars {
    guard s.contains(where: { $0 == "<" || $0 == "*" || $0 == "&" || $0 == "_" }) else { return s }
    var out = Scalars()
    out.reserveCapacity(s.count)
    var i = 0
    while i < s.count {
      let c = s[i]
      if c == "<", let end = knownTagEnd(s, from: i) {
        i = end
        continue
      }
      if (c == "*" || c == "_") && i + 1 < s.count && s[i + 1] == c {
        var j = i
        while j < s.count, s[j] == c { j += 1 }
        i = j
        continue
      }
      if c == "&", let (replacement, end) = entity(s, from: i) {
        out.append(replacement)
        i = end
        continue
      }
      out.append(c)
      i += 1
    }
    return out
  }

  /// If a known tag (`<b>`, `</b>`, `<br/>`, `<span class="x">`) starts at `start`, its end.
  private static func knownTagEnd(_ s: Scalars, from start: Int) -> Int? {
    var i = start + 1
    if i < s.count, s[i] == "/" { i += 1 }
    var name = ""
    while i < s.count, isASCIILetter(s[i]) || (isASCIIDigit(s[i]) && !name.isEmpty) {
      name.unicodeScalars.append(s[i])
      i += 1
    }
    guard !name.isEmpty, knownTags.contains(name.lowercased()) else { return nil }
    // Attributes: anything but `<`/`>` up to the closing `>`, within a sane distance.
    let limit = min(s.count, i + 200)
    guard i < limit, s[i] == ">" || s[i] == "/" || s[i] == " " else { return nil }
    while i < limit {
      if s[i] == ">" { return i + 1 }
      if s[i] == "<" { return nil }
      i += 1
    }
    return nil
  }

  private static let entities: [(Scalars, Unicode.Scalar)] = [
    (scalars("&nbsp;"), " "), (scalars("&amp;"), "&"), (scalars("&lt;"), "<"),
    (scalars("&gt;"), ">"), (scalars("&quot;"), "\""), (scalars("&#160;"), " "),
  ]

  private static func entity(_ s: Scalars, from i: Int) -> (Unicode.Scalar, Int)? {
    for (name, value) in entities where matches(s, at: i, name) { return (value, i + name.count) }
    return nil
  }

  /// Full-width digits, Latin letters and `％` become ASCII; so do `．` and `，` between digits
  /// (`１，２３４．５` → `1,234.5`); the ideographic space becomes a space.
  static func foldFullWidth(_ s: inout Scalars) {
    for i in s.indices {
      let v = s[i].value
      if (v >= 0xFF10 && v <= 0xFF19) || (v >= 0xFF21 && v <= 0xFF3A) || (v >= 0xFF41 && v <= 0xFF5A)
        || v == 0xFF05
      {
        s[i] = Unicode.Scalar(v - 0xFF00 + 0x20)!
      } else if v == 0x3000 {
        s[i] = " "
      }
    }
    for i in s.indices where s[i] == "．" || s[i] == "，" {
      if i > 0, i + 1 < s.count, isASCIIDigit(s[i - 1]), isASCIIDigit(s[i + 1]) {
        s[i] = s[i] == "．" ? "." : ","
      }
    }
  }

  /// Trims, turns each run of spaces into one, and drops the run where both neighbours are
  /// Chinese (`补 助` → `补助`, `（1） 医疗` → `（1）医疗`); spaces next to Latin letters or digits
  /// stay (`HIS 系统`, `123.98 万元`).
  static func collapseSpaces(_ s: ArraySlice<Unicode.Scalar>) -> Scalars {
    var out = Scalars()
    out.reserveCapacity(s.count)
    var i = s.startIndex
    while i < s.endIndex {
      let c = s[i]
      if isSpace(c) {
        var j = i
        while j < s.endIndex, isSpace(s[j]) { j += 1 }
        if let before = out.last, j < s.endIndex, !(isCJK(before) && isCJK(s[j])) {
          out.append(" ")
        }
        i = j
        continue
      }
      out.append(c)
      i += 1
    }
    return out
  }

  // MARK: Lines that never belong to the narrative

  private static let watermarks: [Scalars] = [scalars("仅供内部审核")]

  /// Whether a cleaned line is a watermark, a page number (`- 12 -`, `第 3 页`, a bare `8`) or a
  /// dot-leader table-of-contents entry. The caller removes these already; this is a second guard,
  /// because none of them may reach an output.
  static func isNonNarrative(_ s: Scalars) -> Bool {
    if s.isEmpty { return false }
    if mayBeWatermarkOrPageNumber(s) && isWatermarkOrPageNumber(s) { return true }
    // Dot leaders followed by a page number: `第一部分 概况.....1`, `一、职责……3`.
    var end = s.count
    while end > 0, isSpace(s[end - 1]) { end -= 1 }
    var digitsStart = end
    while digitsStart > 0, isASCIIDigit(s[digitsStart - 1]) { digitsStart -= 1 }
    if digitsStart < end {
      var k = digitsStart
      while k > 0, isSpace(s[k - 1]) { k -= 1 }
      var leaders = 0
      while k > 0, s[k - 1] == "." || s[k - 1] == "…" || s[k - 1] == "·" || s[k - 1] == "．" {
        leaders += s[k - 1] == "…" ? 3 : 1
        k -= 1
      }
      if leaders >= 4 { return true }
    }
    return false
  }

  /// False when the line's first scalar that is no space cannot start a watermark or a page
  /// number (a dash, an ASCII digit, 第, a watermark's first scalar): most lines, which are
  /// spared the copy without spaces that every line was given (a quarter of cleaning them).
  static func mayBeWatermarkOrPageNumber(_ s: Scalars) -> Bool {
    var first = 0
    while first < s.count, isSpace(s[first]) { first += 1 }
    guard first < s.count else { return false }
    let f = s[first]
    return f == "-" || f == "—" || f == "－" || isASCIIDigit(f) || f == "第" || watermarks.contains { $0.first == f }
  }

  /// A watermark repeated, or a page number (`- 12 -`, `第 3 页`, a bare `8`), spaces aside.
  static func isWatermarkOrPageNumber(_ s: Scalars) -> Bool {
    var compact = s.filter { !isSpace($0) }
    for mark in watermarks where !compact.isEmpty && compact.count % mark.count == 0 {
      var all = true
      var k = 0
      while k < compact.count {
        if !matches(compact, at: k, mark) {
          all = false
          break
        }
        k += mark.count
      }
      if all { return true }
    }
    // Page numbers.
    while let f = compact.first, f == "-" || f == "—" || f == "－" { compact.removeFirst() }
    while let l = compact.last, l == "-" || l == "—" || l == "－" { compact.removeLast() }
    if !compact.isEmpty, compact.count <= 3, compact.allSatisfy(isASCIIDigit) { return true }
    if compact.first == "第", compact.last == "页", compact.count <= 12,
      compact.allSatisfy({ isASCIIDigit($0) || $0 == "第" || $0 == "页" || $0 == "共" || $0 == "/" })
    {
      return true
    }
    return false
  }

  // MARK: Personal data

  /// Masks mobile numbers — 11 digits starting 1[3-9], not part of a longer digit run, not
  /// followed by a money unit — as `188****6427`. Keeps the scalar count (offsets stay valid).
  static func maskMobileNumbers(_ s: inout Scalars) {
    var i = 0
    while i < s.count {
      guard isASCIIDigit(s[i]) else {
        i += 1
        continue
      }
      var j = i
      while j < s.count, isASCIIDigit(s[j]) { j += 1 }
      if j - i == 11, s[i] == "1", s[i + 1].value >= 0x33, s[i + 1].value <= 0x39,
        i == 0 || !(isASCIILetter(s[i - 1]) || s[i - 1] == "." || s[i - 1] == ","),
        j == s.count || !(s[j] == "." || s[j] == ","),
        !followedByMoneyUnit(s, from: j)
      {
        for k in (i + 3)..<(i + 7) { s[k] = "*" }
      }
      i = j
    }
  }

  private static let yuan = scalars("元")
  private static let wanYuan = scalars("万元")
  private static let yiYuan = scalars("亿元")

  private static func followedByMoneyUnit(_ s: Scalars, from j: Int) -> Bool {
    var k = j
    while k < s.count, isSpace(s[k]) { k += 1 }
    return matches(s, at: k, yuan) || matches(s, at: k, wanYuan) || matches(s, at: k, yiYuan)
  }
}

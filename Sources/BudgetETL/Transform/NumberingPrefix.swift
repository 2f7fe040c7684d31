/// A list numbering printed at the start of a label or heading, and its rank.
///
/// Ranks follow the contract: 第X部分 (0) > 一、 (1) > （一） 1、 1. (2) > (1) （1） (3) > ① (4).
public struct NumberingPrefix: Sendable, Hashable {
  public var rank: Int
  /// Length of the prefix in Characters (including its punctuation and any space after it).
  public var length: Int

  static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "〇", "零"]
  static let circled: Set<Character> = Set("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")

  /// The numbering at the start of `text`, or nil.
  public static func match(_ text: String) -> NumberingPrefix? {
    // The first scalars decoded from the bytes: walking the `UnicodeScalarView` (its index
    // validation) was a third of the time of a label's numbering, which most labels lack.
    let decoded = text.utf8.withContiguousStorageIfAvailable { b -> [Unicode.Scalar]? in
      // A lead scalar that is not inert (a compatibility ideograph such as U+F9D1, canonically
      // 六) is left to the Character reading.
      guard !b.isEmpty, let lead = Unicode.Scalar(LiteralSearch.scalar(b, at: 0).value),
        mayStart(lead) || !LiteralSearch.isInert(lead.value)
      else { return nil }
      var scalars: [Unicode.Scalar] = []
      scalars.reserveCapacity(13)
      var i = 0
      while i < b.count && scalars.count < 13 {
        let (value, length) = LiteralSearch.scalar(b, at: i)
        scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        i += length
      }
      return scalars
    }
    let scalars: [Unicode.Scalar]
    if let decoded {
      guard let decoded else { return nil }
      scalars = decoded
    } else {
      guard let lead = text.unicodeScalars.first, mayStart(lead) || !LiteralSearch.isInert(lead.value) else {
        return nil
      }
      scalars = Array(text.unicodeScalars.prefix(13))
    }
    // Where each of the first 13 scalars is a character of its own, scalars are characters.
    if scalars.allSatisfy({ $0.isASCII ? $0 != "\r" : LiteralSearch.isInert($0.value) }) {
      return match(Array(scalars.prefix(12)))
    }
    return match(Array(text.prefix(12)))
  }

  /// The numbering at the start of `chars` (the first 12 characters of a label).
  static func match<C: NumberingCharacter>(_ chars: [C]) -> NumberingPrefix? {
    guard let first = chars.first else { return nil }
    func withSpace(_ n: Int, rank: Int) -> NumberingPrefix {
      var len = n
      while len < chars.count, chars[len] == " " || chars[len] == "\u{3000}" { len += 1 }
      return NumberingPrefix(rank: rank, length: len)
    }
    if first == "第" {
      var i = 1
      while i < chars.count, chars[i].isChineseNumeral || chars[i].isASCIIDigit { i += 1 }
      if i > 1, i + 1 < chars.count, chars[i] == "部", chars[i + 1] == "分" { return withSpace(i + 2, rank: 0) }
      return nil
    }
    if first.isCircledNumber { return withSpace(1, rank: 4) }
    if first.isChineseNumeral {
      var i = 1
      while i < chars.count, chars[i].isChineseNumeral { i += 1 }
      if i < chars.count, chars[i] == "、" || chars[i] == "．" || chars[i] == "." && !(i + 1 < chars.count && chars[i + 1].isASCIIDigit) {
        return withSpace(i + 1, rank: 1)
      }
      return nil
    }
    if first == "(" || first == "（" {
      var i = 1
      while i < chars.count, chars[i] == " " { i += 1 }
      let start = i
      if i < chars.count, chars[i].isChineseNumeral {
        while i < chars.count, chars[i].isChineseNumeral { i += 1 }
        while i < chars.count, chars[i] == " " { i += 1 }
        if i < chars.count, chars[i] == ")" || chars[i] == "）" { return withSpace(i + 1, rank: 2) }
        return nil
      }
      while i < chars.count, chars[i].isASCIIDigit || chars[i].isFullWidthDigit { i += 1 }
      if i > start {
        while i < chars.count, chars[i] == " " { i += 1 }
        if i < chars.count, chars[i] == ")" || chars[i] == "）" { return withSpace(i + 1, rank: 3) }
      }
      return nil
    }
    if first.isASCIIDigit || first.isFullWidthDigit {
      var i = 1
      while i < chars.count, chars[i].isASCIIDigit || chars[i].isFullWidthDigit { i += 1 }
      guard i <= 2, i < chars.count else { return nil }
      let p = chars[i]
      if p == "、" { return withSpace(i + 1, rank: 2) }
      if p == "." || p == "．" {
        // `1.5万` is a number, not a numbering.
        if i + 1 < chars.count, chars[i + 1].isASCIIDigit || chars[i + 1].isFullWidthDigit { return nil }
        return withSpace(i + 1, rank: 2)
      }
      if p == ")" || p == "）" { return withSpace(i + 1, rank: 3) }
      return nil
    }
    return nil
  }
}

/// What the numbering reader asks of a character: `Character` in general, `Unicode.Scalar`
/// where every scalar is a character of its own (the common case, without cluster breaking).
protocol NumberingCharacter: Equatable, ExpressibleByUnicodeScalarLiteral {
  var isASCIIDigit: Bool { get }
  var isFullWidthDigit: Bool { get }
  var isChineseNumeral: Bool { get }
  var isCircledNumber: Bool { get }
}

extension Character: NumberingCharacter {
  var isChineseNumeral: Bool { NumberingPrefix.chineseNumerals.contains(self) }
  var isCircledNumber: Bool { NumberingPrefix.circled.contains(self) }
}

extension Unicode.Scalar: NumberingCharacter {
  var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
  var isFullWidthDigit: Bool { value >= 0xFF10 && value <= 0xFF19 }
  var isChineseNumeral: Bool {
    switch value {
    case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x3007, 0x96F6: true
    default: false
    }
  }
  var isCircledNumber: Bool { value >= 0x2460 && value <= 0x2473 }
}

extension NumberingPrefix {
  /// Whether a numbering can start with this scalar: most labels are settled by their first
  /// scalar without reading them as `Character`s.
  @inline(__always)
  static func mayStart(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x30...0x39, 0x28, 0xFF08, 0xFF10...0xFF19, 0x2460...0x2473: return true  // digits ( （ ①…⑳
    case 0x7B2C: return true  // 第
    case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x3007, 0x96F6:
      return true  // 一二三四五六七八九十百〇零
    default: return false
    }
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
  var isFullWidthDigit: Bool { ("０"..."９").contains(self) }
  /// CJK ideographs and the CJK/full-width punctuation OCR separates with stray spaces.
  var isCJK: Bool {
    guard let s = unicodeScalars.first else { return false }
    return Self.isCJK(s.value)
  }

  /// ``isCJK`` of a character whose first scalar is `value`.
  @inline(__always)
  static func isCJK(_ value: UInt32) -> Bool {
    switch value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2000...0x206F:
      return value != 0x3000
    default: return false
    }
  }
}

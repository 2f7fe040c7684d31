/// The numbering a narrative line starts with — `第二部分`, `四、`, `（一）`, `1.`, `1、`, `(1)`, `①` —
/// and the heading rank it gives.
struct HeadingNumber: Sendable, Hashable {
  /// Heading ranks, outermost first: 第X部分 > 一、 > （一） > 1./1、 > (1) > ①.
  enum Rank: Int, Sendable, Hashable, Comparable {
    case part = 0
    case chineseItem = 1
    case parenthesizedChinese = 2
    case arabicItem = 3
    case parenthesizedArabic = 4
    case circled = 5

    static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }
  }

  var rank: Rank
  /// The number's value (`十二、` → 12), to tell consecutive siblings.
  var value: Int
  /// The numbering in one canonical spelling: `第二部分`, `四、`, `（一）`, `1.`/`1、`, `（1）`, `①`.
  var canonical: String
  /// Scalars the numbering takes at the start of the line, spaces after it included.
  var length: Int

  /// The numbering at the start of `text`, if it has one followed by something else than a digit
  /// (`1.5万元` and `2023年` are not numbered).
  static func parse(_ text: NarrativeText.Scalars) -> HeadingNumber? {
    guard let first = text.first else { return nil }
    var result: HeadingNumber?
    if first == "第" {
      let (value, end) = chineseNumber(text, from: 1)
      if value > 0, NarrativeText.matches(text, at: end, partWord) {
        result = HeadingNumber(
          rank: .part, value: value, canonical: "第" + NarrativeText.string(text[1..<end]) + "部分",
          length: end + partWord.count)
      }
    } else if first == "（" || first == "(" {
      let (cn, cnEnd) = chineseNumber(text, from: 1)
      if cn > 0, cnEnd < text.count, text[cnEnd] == "）" || text[cnEnd] == ")" {
        result = HeadingNumber(
          rank: .parenthesizedChinese, value: cn,
          canonical: "（" + NarrativeText.string(text[1..<cnEnd]) + "）", length: cnEnd + 1)
      } else {
        var end = 1
        var value = 0
        while end < text.count, end < 3, NarrativeText.isASCIIDigit(text[end]) {
          value = value * 10 + Int(text[end].value - 0x30)
          end += 1
        }
        if end > 1, end < text.count, text[end] == "）" || text[end] == ")" {
          result = HeadingNumber(
            rank: .parenthesizedArabic, value: value, canonical: "（\(value)）", length: end + 1)
        }
      }
    } else if NarrativeText.isASCIIDigit(first) {
      var end = 0
      var value = 0
      while end < text.count, end < 2, NarrativeText.isASCIIDigit(text[end]) {
        value = value * 10 + Int(text[end].value - 0x30)
        end += 1
      }
      if end < text.count, text[end] == "、" || text[end] == "." || text[end] == "．",
        end + 1 == text.count || !NarrativeText.isASCIIDigit(text[end + 1])
      {
        let separator = text[end] == "、" ? "、" : "."
        result = HeadingNumber(
          rank: .arabicItem, value: value, canonical: "\(value)\(separator)", length: end + 1)
      }
    } else if first.value >= 0x2460 && first.value <= 0x2473 {
      result = HeadingNumber(
        rank: .circled, value: Int(first.value - 0x245F), canonical: String(Character(first)),
        length: 1)
    } else {
      let (cn, end) = chineseNumber(text, from: 0)
      if cn > 0, end < text.count, text[end] == "、" || text[end] == "．" {
        result = HeadingNumber(
          rank: .chineseItem, value: cn, canonical: NarrativeText.string(text[0..<end]) + "、",
          length: end + 1)
      }
    }
    guard var number = result else { return nil }
    while number.length < text.count, NarrativeText.isSpace(text[number.length]) { number.length += 1 }
    return number
  }

  private static let partWord = NarrativeText.scalars("部分")

  /// Reads a Chinese numeral (一 … 九十九, with 〇/零) starting at `start`: its value (0 when
  /// there is none) and the index after it.
  static func chineseNumber(_ text: NarrativeText.Scalars, from start: Int) -> (Int, Int) {
    var i = start
    var total = 0
    var digit = -1
    var sawAny = false
    while i < text.count, i - start < 4 {
      let c = text[i]
      if let d = digitValue(c) {
        digit = d
      } else if c == "十" {
        total += (digit < 0 ? 1 : digit) * 10
        digit = -1
      } else {
        break
      }
      sawAny = true
      i += 1
    }
    guard sawAny else { return (0, start) }
    if digit > 0 { total += digit }
    return (total, i)
  }

  private static func digitValue(_ c: Unicode.Scalar) -> Int? {
    switch c {
    case "〇", "零": return 0
    case "一": return 1
    case "二": return 2
    case "三": return 3
    case "四": return 4
    case "五": return 5
    case "六": return 6
    case "七": return 7
    case "八": return 8
    case "九": return 9
    default: return nil
    }
  }
}

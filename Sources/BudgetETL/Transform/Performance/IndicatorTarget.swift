/// One target of an indicator as printed in a 指标值 cell, and what it says.
struct IndicatorTarget: Sendable, Hashable {
  /// As printed, trimmed (trailing `;`/`；` removed): `≥5000人`, `≥90 %`, `有所提升`.
  var raw: String
  /// `>=`, `<=`, `>`, `<`, `=`, or nil.
  var comparator: String?
  /// The printed number scaled by 10^4, when the cell is a number with an optional unit.
  var value: Int64?
  /// What is printed after the number, spaces removed: `人`, `%`, `万人`, `工作日`.
  var unit: String?

  /// Separators between several targets in one cell (`4853家；910家`).
  static let targetSeparators: Set<Character> = ["；", ";"]
  /// Also separate targets, but only when every part is a number (`100%、100%`).
  static let listSeparators: Set<Character> = ["、"]
  /// Separators between several indicator names in one cell (`合同合格率、支出准确率`).
  static let nameSeparators: Set<Character> = ["；", ";", "、", "，", ","]

  /// The targets one cell holds, as printed: several when it lists them (`4853家；910家` → 2).
  static func targets(in cell: String) -> [IndicatorTarget] {
    let trimmed = PerformanceText.trimSeparators(PerformanceText.stripMarkup(cell))
    if trimmed.isEmpty { return [] }
    // Most cells hold one target: without a separator it is the whole text, and the two
    // splits that said so made it anew as a string twice.
    if !mayHoldSeparator(trimmed) { return [parse(trimmed)] }
    var parts = PerformanceText.split(trimmed, at: targetSeparators, scalars: targetSeparatorScalars)
    if parts.count == 1 {
      let listed = PerformanceText.split(trimmed, at: listSeparators, scalars: listSeparatorScalars)
      if listed.count > 1 {
        // Each listed part is parsed once: when all are numbers, they are the targets.
        var parsed: [IndicatorTarget] = []
        parsed.reserveCapacity(listed.count)
        for part in listed {
          let target = parse(part)
          if target.value == nil { break }
          parsed.append(target)
        }
        if parsed.count == listed.count { return parsed }
      }
    }
    if parts.isEmpty { parts = [trimmed] }
    return parts.map { parse($0) }
  }

  /// False when no character of `text` can be one of ``targetSeparators`` or
  /// ``listSeparators``: its bytes hold none of `;` (3B), `；` (EF BC 9B), `、` (E3 80 81), nor
  /// a lead byte CD, which starts U+037E (canonically `;`, so equal to it as a `Character`).
  static func mayHoldSeparator(_ text: String) -> Bool {
    return text.withUTF8Bytes { b -> Bool in
      let n = b.count
      var i = 0
      while i < n {
        switch b[i] {
        case 0x3B, 0xCD: return true
        case 0xEF where i + 2 < n && b[i + 1] == 0xBC && b[i + 2] == 0x9B: return true
        case 0xE3 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x81: return true
        default: i += 1
        }
      }
      return false
    }
  }

  /// ``targetSeparators`` and ``listSeparators`` as scalar values, for splitting inert text.
  private static let targetSeparatorScalars = PerformanceText.separatorScalars(targetSeparators)
  private static let listSeparatorScalars = PerformanceText.separatorScalars(listSeparators)

  private static let symbolComparators: [(String, String)] = [
    (">=", ">="), ("<=", "<="), ("≥", ">="), ("≧", ">="), ("≤", "<="), ("≦", "<="),
    ("＞＝", ">="), ("＜＝", "<="), ("＞", ">"), (">", ">"), ("＜", "<"), ("<", "<"), ("＝", "="),
    ("=", "="),
  ]
  private static let wordComparators: [(String, String)] = [
    ("大于或等于", ">="), ("大于等于", ">="), ("不低于", ">="), ("不少于", ">="), ("不小于", ">="),
    ("小于或等于", "<="), ("小于等于", "<="), ("不高于", "<="), ("不超过", "<="), ("不多于", "<="),
    ("不大于", "<="), ("大于", ">"), ("高于", ">"), ("超过", ">"), ("小于", "<"), ("低于", "<"),
  ]

  /// Reads one printed target: comparator, number and unit. Text targets keep only `raw`.
  static func parse(_ printed: String) -> IndicatorTarget {
    parseInertText(printed) ?? parseComparingStrings(printed)
  }

  /// ``parse(_:)`` through `String` operations: for text that is not inert, and the reading
  /// ``parseInertText(_:)`` is tested against.
  static func parseComparingStrings(_ printed: String) -> IndicatorTarget {
    let raw = PerformanceText.trimSeparators(printed.trimmingASCIIAndIdeographicSpaces())
    var bytes = Array(raw.utf8)
    PrintedNumber.foldFullWidth(&bytes)
    let folded = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "％", with: "%")
    let compact = PerformanceText.removingSpaces(folded)
    var rest = Substring(compact)
    // The comparators are compared on bytes when the text settles it (`comparesOnBytes`):
    // thirty `Character` comparisons per target were most of this function's time.
    let settled = compact.comparesOnBytes
    var comparator: String?
    for (symbol, name) in symbolComparators where compact.hasLiteralPrefix(symbol, settledOnBytes: settled) {
      comparator = name
      rest = rest.dropFirst(symbol.count)
      break
    }
    if comparator == nil {
      // No symbol matched: `rest` is still all of `compact`.
      for (word, name) in wordComparators where compact.hasLiteralPrefix(word, settledOnBytes: settled) {
        let after = rest.dropFirst(word.count)
        if let d = after.first, d.isASCII, d.isNumber {
          comparator = name
          rest = after
        }
        break
      }
    }
    let numberText = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
    var value: Int64?
    var unit: String?
    if !numberText.isEmpty, let number = PrintedNumber(numberText), number.scale <= 4 {
      let unitText = String(rest.dropFirst(numberText.count))
      if isUnit(unitText) {
        if let v = tenThousandths(number) {
          value = v
          unit = unitText.isEmpty ? nil : unitText
        }
      }
    }
    return IndicatorTarget(raw: raw, comparator: comparator, value: value, unit: unit)
  }

  /// A number of at most four decimals in ten thousandths; nil when that overflows.
  static func tenThousandths(_ number: PrintedNumber) -> Int64? {
    var v = number.unscaled
    for _ in number.scale..<4 {
      let (m, overflow) = v.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      v = m
    }
    return v
  }

  /// A unit printed after a number: short and without digits (`个月`, `%`, `万人`), or an area
  /// or volume (`m2`, `m3`).
  private static func isUnit(_ text: String) -> Bool {
    if text.count > 6 { return false }
    if ["m2", "m3", "km2", "m²", "m³"].contains(text) { return true }
    // ASCII digits only: `Character.isNumber` is true for 万 and 三 too.
    return !text.contains { $0.isASCII && $0.isNumber }
  }

  /// True when a cell reads as a target rather than a name: a comparator, a number with a unit,
  /// or a percentage.
  static func looksLikeTarget(_ cell: String) -> Bool {
    let t = parse(cell)
    return t.comparator != nil || t.value != nil || t.raw.hasSuffix("%") || t.raw.hasSuffix("％")
  }
}

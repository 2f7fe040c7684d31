/// ``IndicatorTarget/parse(_:)`` on the bytes of inert text (``LiteralSearch/isInert(_:)``):
/// there every scalar has no canonical decomposition, combines with nothing and is a character
/// of its own, so two such texts are equal exactly when their bytes are, and trimming, folding,
/// dropping spaces and matching comparators on bytes give what the `String` operations give,
/// without the five intermediate strings they made (trimmed, folded, `％` replaced, compacted,
/// the unit) and their `Character` walks. Text that is not inert keeps the string reading.
extension IndicatorTarget {
  /// The comparators as bytes, in ``parse(_:)``'s order (`>=` before `>`, `＞＝` before `＞`).
  private static let symbolComparatorBytes: [([UInt8], String)] = [
    (">=", ">="), ("<=", "<="), ("≥", ">="), ("≧", ">="), ("≤", "<="), ("≦", "<="),
    ("＞＝", ">="), ("＜＝", "<="), ("＞", ">"), (">", ">"), ("＜", "<"), ("<", "<"), ("＝", "="),
    ("=", "="),
  ].map { (Array($0.0.utf8), $0.1) }
  private static let wordComparatorBytes: [([UInt8], String)] = [
    ("大于或等于", ">="), ("大于等于", ">="), ("不低于", ">="), ("不少于", ">="), ("不小于", ">="),
    ("小于或等于", "<="), ("小于等于", "<="), ("不高于", "<="), ("不超过", "<="), ("不多于", "<="),
    ("不大于", "<="), ("大于", ">"), ("高于", ">"), ("超过", ">"), ("小于", "<"), ("低于", "<"),
  ].map { (Array($0.0.utf8), $0.1) }
  /// The units that may hold a digit: m2 m3 km2 m² m³.
  private static let areaUnitBytes: [[UInt8]] = ["m2", "m3", "km2", "m²", "m³"].map { Array($0.utf8) }

  /// ``parse(_:)`` of inert text; nil when `printed` holds a scalar that is not inert.
  static func parseInertText(_ printed: String) -> IndicatorTarget? {
    return printed.withUTF8Bytes { b -> IndicatorTarget? in
      guard LiteralSearch.isInert(b) else { return nil }
      // Trailing spaces and separators (`;` `；` `、` `,` `，`), then leading spaces.
      let kept = PerformanceText.separatorsTrimmed(b)
      let (start, end) = (kept.lowerBound, kept.upperBound)
      let raw =
        start == 0 && end == b.count ? printed : String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
      // Full-width forms folded (U+3000 to a space, then dropped with the other spaces).
      var compact: [UInt8] = []
      compact.reserveCapacity(end - start)
      var i = start
      while i < end {
        let c = b[i]
        if c == 0xEF, i + 2 < end, b[i + 1] == 0xBC || b[i + 1] == 0xBD {
          let scalar = 0xFF00 + (UInt32(b[i + 1] & 0x03) << 6 | UInt32(b[i + 2] & 0x3F))
          if scalar >= 0xFF01 && scalar <= 0xFF5E {
            compact.append(UInt8(scalar - 0xFF00 + 0x20))
            i += 3
            continue
          }
        }
        if c == 0xE3, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x80 {
          i += 3
          continue
        }
        if c == 0x20 || c == 0x09 {
          i += 1
          continue
        }
        if c == 0xC2, i + 1 < end, b[i + 1] == 0xA0 {
          i += 2
          continue
        }
        compact.append(c)
        i += 1
      }
      return compact.withUnsafeBufferPointer { t -> IndicatorTarget in
        func hasPrefix(_ p: [UInt8], at offset: Int) -> Bool {
          guard t.count - offset >= p.count else { return false }
          for k in 0..<p.count where t[offset + k] != p[k] { return false }
          return true
        }
        var rest = 0
        var comparator: String?
        for (symbol, name) in symbolComparatorBytes where hasPrefix(symbol, at: 0) {
          comparator = name
          rest = symbol.count
          break
        }
        if comparator == nil {
          for (word, name) in wordComparatorBytes where hasPrefix(word, at: 0) {
            if word.count < t.count, t[word.count] >= 0x30 && t[word.count] <= 0x39 {
              comparator = name
              rest = word.count
            }
            break
          }
        }
        var numberEnd = rest
        while numberEnd < t.count, t[numberEnd] >= 0x30 && t[numberEnd] <= 0x39 || t[numberEnd] == 0x2E || t[numberEnd] == 0x2C {
          numberEnd += 1
        }
        var value: Int64?
        var unit: String?
        if numberEnd > rest, let number = PrintedNumber(utf8: UnsafeBufferPointer(rebasing: t[rest..<numberEnd])),
          number.scale <= 4
        {
          let unitBytes = UnsafeBufferPointer(rebasing: t[numberEnd..<t.count])
          if isInertUnit(unitBytes) {
            if let v = tenThousandths(number) {
              value = v
              unit = unitBytes.isEmpty ? nil : String(decoding: unitBytes, as: UTF8.self)
            }
          }
        }
        return IndicatorTarget(raw: raw, comparator: comparator, value: value, unit: unit)
      }
    }
  }

  /// `isUnit` of inert bytes: at most six scalars, and an area or volume or no ASCII digit.
  private static func isInertUnit(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
    var scalars = 0
    for c in u where c & 0xC0 != 0x80 { scalars += 1 }
    if scalars > 6 { return false }
    if areaUnitBytes.contains(where: { $0.elementsEqual(u) }) { return true }
    return !u.contains { $0 >= 0x30 && $0 <= 0x39 }
  }
}

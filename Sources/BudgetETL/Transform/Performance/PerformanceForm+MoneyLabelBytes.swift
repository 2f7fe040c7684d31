/// ``PerformanceForm/moneyLabel(_:)`` on the bytes of a cell that is its own cleaned text
/// (``PerformanceText/isOwnCleanedText(_:)``: inert, without a space or markup), as most
/// labels of a money block are (`1、资金来源：（1）财政拨款（万元）`). There a character is a
/// scalar and equal text is equal bytes, so the label is read in one pass and made as a string
/// once, instead of cleaning the cleaned cell again, trimming, splitting, stripping the
/// numbering and widening the parentheses, each a scan and most a new string.
extension PerformanceForm {
  private static let unitSuffixBytes: [([UInt8], MoneyUnit)] = unitSuffixes.map { (Array($0.0.utf8), $0.1) }

  /// 其中 (E5 85 B6 E4 B8 AD).
  private static let qizhongBytes: [UInt8] = Array("其中".utf8)

  /// The label of a cell that is its own cleaned text, read as ``moneyLabelComparingStrings(_:)``
  /// reads it: the first unit suffix the cell holds removed wherever it stands, `:`/`：`
  /// trimmed, a group or 其中 before the first colon (or a leading 其中) split off, the
  /// numbering stripped and the parentheses made full width. Nil for other cells.
  static func moneyLabelOfOwnCleanedText(_ cell: String) -> MoneyLabel? {
    guard PerformanceText.isOwnCleanedText(cell) else { return nil }
    return cell.withUTF8Bytes { b -> MoneyLabel in
      for (suffix, unit) in unitSuffixBytes {
        // Every occurrence removed, left to right (`replacingOccurrences(of:with: "")`).
        let removed = suffix.withUnsafeBufferPointer { LiteralSearch.replacingAll($0, with: [], in: b) }
        guard let kept = removed else { continue }
        return kept.withUnsafeBufferPointer { moneyLabel(ofOwnCleanedBytes: $0, unit: unit, cell: nil) }
      }
      return moneyLabel(ofOwnCleanedBytes: b, unit: nil, cell: cell)
    }
  }

  /// The label of the bytes left once the unit suffix is removed; `cell` is their string when
  /// nothing was removed (given back when the label is the whole cell).
  private static func moneyLabel(ofOwnCleanedBytes t: UnsafeBufferPointer<UInt8>, unit: MoneyUnit?, cell: String?)
    -> MoneyLabel
  {
    var (start, end) = colonsTrimmed(t, 0, t.count)
    var group: String?
    var isQizhong = false
    if let (colon, length) = firstColon(t, start, end) {
      let head = UnsafeBufferPointer(rebasing: t[start..<colon])
      let numbering = PerformanceText.numberingEnd(head)
      if head.count - numbering == qizhongBytes.count, head[numbering...].elementsEqual(qizhongBytes) {
        isQizhong = true
      } else {
        group = String(decoding: UnsafeBufferPointer(rebasing: head[numbering...]), as: UTF8.self)
      }
      start = colon + length
    } else if end - start >= qizhongBytes.count, t[start..<(start + qizhongBytes.count)].elementsEqual(qizhongBytes) {
      isQizhong = true
      start += qizhongBytes.count
    }
    (start, end) = colonsTrimmed(t, start, end)
    start += PerformanceText.numberingEnd(UnsafeBufferPointer(rebasing: t[start..<end]))
    return MoneyLabel(
      group: group, text: fullWidthParentheses(t, start, end, whole: cell), unit: unit, isQizhong: isQizhong)
  }

  /// `start..<end` without the `:` (3A) and `：` (EF BC 9A) at either end.
  private static func colonsTrimmed(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
    var start = start
    var end = end
    while start < end {
      if t[start] == 0x3A {
        start += 1
      } else if end - start >= 3, t[start] == 0xEF, t[start + 1] == 0xBC, t[start + 2] == 0x9A {
        start += 3
      } else {
        break
      }
    }
    while end > start {
      if t[end - 1] == 0x3A {
        end -= 1
      } else if end - start >= 3, t[end - 3] == 0xEF, t[end - 2] == 0xBC, t[end - 1] == 0x9A {
        end -= 3
      } else {
        break
      }
    }
    return (start, end)
  }

  /// The first `:` or `：` in `start..<end`, and its length in bytes.
  private static func firstColon(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int)? {
    var i = start
    while i < end {
      if t[i] == 0x3A { return (i, 1) }
      if t[i] == 0xEF, i + 2 < end, t[i + 1] == 0xBC, t[i + 2] == 0x9A { return (i, 3) }
      i += 1
    }
    return nil
  }

  /// The text of `start..<end` with `(` and `)` made `（` (EF BC 88) and `）` (EF BC 89);
  /// `whole` itself when it is those bytes and they hold neither.
  private static func fullWidthParentheses(
    _ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, whole: String?
  ) -> String {
    let text = UnsafeBufferPointer(rebasing: t[start..<end])
    guard text.contains(where: { $0 == 0x28 || $0 == 0x29 }) else {
      if let whole, start == 0, end == t.count { return whole }
      return String(decoding: text, as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(text.count + 8)
    for byte in text {
      if byte == 0x28 {
        out.append(contentsOf: [0xEF, 0xBC, 0x88])
      } else if byte == 0x29 {
        out.append(contentsOf: [0xEF, 0xBC, 0x89])
      } else {
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// A decimal number exactly as printed: `unscaled / 10^scale`, parsed by hand from its digits.
///
/// Accepts digits with one decimal point, thousands separators in groups of three, and the
/// signs `-12.00`, `－12`, `(12.00)`; full-width digits and punctuation are read as half-width.
/// Anything else is not a number (`Decimal(string:)` would accept a valid prefix instead).
public struct PrintedNumber: Sendable, Hashable, Codable {
  public var unscaled: Int64
  /// Digits after the decimal point, as printed.
  public var scale: Int

  public init(unscaled: Int64, scale: Int) {
    self.unscaled = unscaled
    self.scale = scale
  }

  /// Parses a printed number; nil when `text` is not exactly one.
  public init?(_ text: Substring) {
    // Read in place (no copy of the bytes unless a full-width form has to be folded).
    let read = text.utf8.withContiguousStorageIfAvailable(Self.read) ?? Array(text.utf8).withUnsafeBufferPointer(Self.read)
    guard let read else { return nil }
    self = read
  }

  /// Parses the printed number `bytes` hold (valid UTF-8); nil when they are not exactly one.
  init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    guard let read = Self.read(bytes) else { return nil }
    self = read
  }

  /// The number `bytes` print, full-width forms read as half-width.
  private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> PrintedNumber? {
    guard bytes.contains(where: { $0 >= 0x80 }) else { return PrintedNumber(foldedBytes: bytes) }
    var folded = Array(bytes)
    foldFullWidth(&folded)
    return folded.withUnsafeBufferPointer { PrintedNumber(foldedBytes: $0) }
  }

  /// Parses the bytes of a printed number whose full-width forms are already folded.
  private init?(foldedBytes bytes: UnsafeBufferPointer<UInt8>) {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 { end -= 1 }
    guard start < end else { return nil }
    var negative = false
    if bytes[start] == UInt8(ascii: "(") && bytes[end - 1] == UInt8(ascii: ")") {
      negative = true
      start += 1
      end -= 1
    } else if bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "+") {
      negative = bytes[start] == UInt8(ascii: "-")
      start += 1
    }
    guard start < end else { return nil }
    var value: Int64 = 0
    var scale = 0
    var seenPoint = false
    var digitsInGroup = 0
    var sawSeparator = false
    var intDigits = 0
    for i in start..<end {
      let b = bytes[i]
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let (m, o1) = value.multipliedReportingOverflow(by: 10)
        let (s, o2) = m.addingReportingOverflow(Int64(b - 48))
        if o1 || o2 { return nil }
        value = s
        if seenPoint { scale += 1 } else { intDigits += 1; digitsInGroup += 1 }
      case UInt8(ascii: ","):
        if seenPoint || intDigits == 0 { return nil }
        if sawSeparator ? digitsInGroup != 3 : digitsInGroup > 3 { return nil }
        sawSeparator = true
        digitsInGroup = 0
      case UInt8(ascii: "."):
        if seenPoint || intDigits == 0 { return nil }
        if sawSeparator && digitsInGroup != 3 { return nil }
        seenPoint = true
      default:
        return nil
      }
    }
    if intDigits == 0 { return nil }
    if sawSeparator && !seenPoint && digitsInGroup != 3 { return nil }
    if seenPoint && scale == 0 { return nil }
    self.unscaled = negative ? -value : value
    self.scale = scale
  }

  public init?(_ text: String) { self.init(Substring(text)) }

  /// Converts this number, in `unit`, to integer fen; `exact` is false when a fraction of a
  /// fen had to be rounded (half away from zero).
  public func fen(unitMultiplier: Int64) -> (fen: Int64, exact: Bool)? {
    // fen = unscaled * multiplier * 100 / 10^scale
    var numerator = unscaled
    for factor in [unitMultiplier, 100] {
      let (m, o) = numerator.multipliedReportingOverflow(by: factor)
      if o { return nil }
      numerator = m
    }
    var divisor: Int64 = 1
    for _ in 0..<scale {
      let (m, o) = divisor.multipliedReportingOverflow(by: 10)
      if o { return nil }
      divisor = m
    }
    var q = numerator / divisor
    let r = numerator % divisor
    let exact = r == 0
    if !exact && r.magnitude * 2 >= divisor.magnitude { q += numerator < 0 ? -1 : 1 }
    guard q.magnitude <= Self.maxFen else { return nil }
    return (q, exact)
  }

  /// The largest amount read, in fen: 10 万亿元 (10^13 元), beyond any budget, so that sums of
  /// thousands of amounts stay far from `Int64`'s limits.
  public static let maxFen: UInt64 = 1_000_000_000_000_000

  /// Replaces full-width digits and number punctuation (０-９ ， ． － （ ）) with ASCII, in place.
  static func foldFullWidth(_ bytes: inout [UInt8]) {
    // Full-width forms U+FF01..U+FF5E are EF BC 81..EF BD 9E in UTF-8.
    guard bytes.contains(where: { $0 >= 0x80 }) else { return }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBC || bytes[i + 1] == 0xBD {
        let scalar = 0xFF00 + (UInt32(bytes[i + 1] & 0x03) << 6 | UInt32(bytes[i + 2] & 0x3F))
        if scalar >= 0xFF01 && scalar <= 0xFF5E {
          out.append(UInt8(scalar - 0xFF00 + 0x20))
          i += 3
          continue
        }
      }
      if b == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
        out.append(0x20)  // ideographic space
        i += 3
        continue
      }
      out.append(b)
      i += 1
    }
    bytes = out
  }
}

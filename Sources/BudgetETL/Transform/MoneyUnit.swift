import Foundation

/// A unit money is printed in.
public enum MoneyUnit: String, Sendable, Codable, CaseIterable {
  case yuan = "元"
  case wanYuan = "万元"
  case yiYuan = "亿元"

  /// The unit named exactly `rawValue`. Compares bytes: no other spelling of 元, 万元 or 亿元
  /// is canonically equivalent to them (no compatibility ideograph stands for 元, 万 or 亿), and
  /// this runs for every figure the validator checks.
  public init?(rawValue: String) {
    guard let unit = Self.allCases.first(where: { $0.rawValue.utf8.count == rawValue.utf8.count && $0.rawValue.utf8Matches(rawValue, at: 0) })
    else { return nil }
    self = unit
  }

  /// How many 元 one of this unit is.
  public var multiplier: Int64 {
    switch self {
    case .yuan: return 1
    case .wanYuan: return 10_000
    case .yiYuan: return 100_000_000
    }
  }

  /// The unit a text declares: `单位：万元`, `(元)`, `（万元）`, `金额单位：元`; nil when none.
  public static func declared(in text: String) -> MoneyUnit? {
    unit(in: SearchedText(text.replacingOccurrences(of: " ", with: "")))
  }

  /// ``declared(in:)`` of a text already checked for inert scalars (a grid column's joined
  /// header, searched for a dozen other words): it is not scanned again.
  static func declared(in header: SearchedText) -> MoneyUnit? {
    // Spaces go first: a header with a space byte is read as any text is.
    header.text.containsByte(0x20) ? declared(in: header.text) : unit(in: header)
  }

  /// The unit that a text without spaces declares. Searched for seven literals: its scalars
  /// are checked once (`SearchedText`), not once per search (a tenth of reading a grid's columns).
  private static func unit(in t: SearchedText) -> MoneyUnit? {
    if t.contains("亿元") { return .yiYuan }
    if t.contains("万元") { return .wanYuan }
    if t.contains("(元)") || t.contains("（元）") || t.contains("：元") || t.contains(":元")
      || t.text.hasLiteralSuffix("元") && t.contains("单位")
    {
      return .yuan
    }
    return nil
  }
}

/// An amount cell: a printed number, and the unit written inside the cell (`7.2万`, `28万元`).
public struct AmountCell: Sendable, Hashable {
  public var number: PrintedNumber
  public var unitInCell: MoneyUnit?
  /// The cell as printed (trimmed).
  public var printed: String

  /// Parses an amount cell: a number, optionally with 元/万/万元/亿元 after it; `-`, `—`, `－`
  /// alone are zero. Nil for anything else (text, codes with letters, percentages).
  public static func parse(_ cell: String) -> AmountCell? {
    let trimmed = cell.trimmingASCIIAndIdeographicSpaces()
    // A number or a dash starts with a digit, `(`, `+`, `-`, a full-width form (EF …) or a dash
    // of U+20xx (E2 …): a label is settled by its first byte.
    guard let lead = trimmed.utf8.first else { return nil }
    switch lead {
    case 0x30...0x39, 0x28, 0x2B, 0x2D, 0xE2, 0xEF: return parse(trimmed: trimmed)
    default: return nil
    }
  }

  /// Parses a trimmed, non-empty cell without the first-byte gate (the tests hold the gate to it).
  ///
  /// A cell whose scalars are all inert is read in one pass over its bytes (``readInertBytes(_:)``:
  /// dashes and units compared byte by byte); any other goes to
  /// ``parseComparingStrings(trimmed:)``, which the tests hold the byte reading to.
  static func parse(trimmed: String) -> AmountCell? {
    switch trimmed.withUTF8Bytes(readInertBytes) {
    case .notAmount: return nil
    case .amount(let number, let unit): return AmountCell(number: number, unitInCell: unit, printed: trimmed)
    case .undecided: return parseComparingStrings(trimmed: trimmed)
    }
  }

  /// What ``readInertBytes(_:)`` makes of a cell.
  private enum BytesReading {
    case notAmount
    case amount(PrintedNumber, MoneyUnit?)
    /// The cell holds a scalar that is not inert (or a CR): the string comparisons decide.
    case undecided
  }

  /// ``parseComparingStrings(trimmed:)`` of a cell whose scalars are all inert: there equal
  /// strings are equal bytes and every scalar ends a character, so the dashes and units are
  /// compared byte by byte in place (no `memcmp` call, no `Substring`, the cell scanned once).
  private static func readInertBytes(_ b: UnsafeBufferPointer<UInt8>) -> BytesReading {
    guard LiteralSearch.isInert(b) else { return .undecided }
    let n = b.count
    // The dashes: - — － -- ——
    switch n {
    case 1: if b[0] == 0x2D { return .amount(PrintedNumber(unscaled: 0, scale: 0), nil) }
    case 2: if b[0] == 0x2D && b[1] == 0x2D { return .amount(PrintedNumber(unscaled: 0, scale: 0), nil) }
    case 3:
      if b[0] == 0xE2 && b[1] == 0x80 && b[2] == 0x94 || b[0] == 0xEF && b[1] == 0xBC && b[2] == 0x8D {
        return .amount(PrintedNumber(unscaled: 0, scale: 0), nil)
      }
    case 6:
      if b[0] == 0xE2 && b[1] == 0x80 && b[2] == 0x94 && b[3] == 0xE2 && b[4] == 0x80 && b[5] == 0x94 {
        return .amount(PrintedNumber(unscaled: 0, scale: 0), nil)
      }
    default: break
    }
    // The units, longest first: 万元 (E4 B8 87 E5 85 83), 亿元 (E4 BA BF E5 85 83), 万, 元.
    var end = n
    var unit: MoneyUnit?
    func endsWith(_ x: UInt8, _ y: UInt8, _ z: UInt8, before e: Int) -> Bool {
      e >= 3 && b[e - 3] == x && b[e - 2] == y && b[e - 1] == z
    }
    if endsWith(0xE5, 0x85, 0x83, before: n) {
      if endsWith(0xE4, 0xB8, 0x87, before: n - 3) {
        end = n - 6
        unit = .wanYuan
      } else if endsWith(0xE4, 0xBA, 0xBF, before: n - 3) {
        end = n - 6
        unit = .yiYuan
      } else {
        end = n - 3
        unit = .yuan
      }
    } else if endsWith(0xE4, 0xB8, 0x87, before: n) {
      end = n - 3
      unit = .wanYuan
    }
    guard let number = PrintedNumber(utf8: UnsafeBufferPointer(rebasing: b[0..<end])) else { return .notAmount }
    return .amount(number, unit)
  }

  /// The cell read with string comparisons settled on bytes where the bytes settle them: for
  /// cells with a scalar that is not inert, and the reading the byte one is tested against.
  static func parseComparingStrings(trimmed: String) -> AmountCell? {
    var settledMemo: Bool?
    func settled() -> Bool {
      if let known = settledMemo { return known }
      let known = trimmed.comparesOnBytes
      settledMemo = known
      return known
    }
    for dash in dashes where trimmed.isLiteral(dash, settledOnBytes: settled()) {
      return AmountCell(number: PrintedNumber(unscaled: 0, scale: 0), unitInCell: nil, printed: trimmed)
    }
    var body = Substring(trimmed)
    var unit: MoneyUnit?
    for (suffix, u) in unitSuffixes where trimmed.hasLiteralSuffix(suffix, settledOnBytes: settled()) {
      body = body.dropLast(suffix.count)
      unit = u
      break
    }
    guard let n = PrintedNumber(body) else { return nil }
    return AmountCell(number: n, unitInCell: unit, printed: trimmed)
  }

  /// Cells that read as zero.
  private static let dashes = ["-", "—", "－", "--", "——"]
  /// Units printed after the number, longest first.
  private static let unitSuffixes: [(String, MoneyUnit)] = [("万元", .wanYuan), ("亿元", .yiYuan), ("万", .wanYuan), ("元", .yuan)]
}

extension String {
  /// Trims ASCII whitespace and the ideographic space U+3000.
  public func trimmingASCIIAndIdeographicSpaces() -> String {
    LiteralSearch.trimmingSpaces(self) ?? trimmingSpacesByCharacters()
  }

  /// ``trimmingASCIIAndIdeographicSpaces()`` by `Character`: for text the byte reading
  /// (``LiteralSearch/trimmingSpaces(_:)``) leaves undecided, and the reading it is tested against.
  func trimmingSpacesByCharacters() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\u{3000}" || f == "\u{a0}" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\u{3000}" || l == "\u{a0}" { s = s.dropLast() }
    return String(s)
  }
}

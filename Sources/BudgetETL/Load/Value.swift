/// One cell of a published dataset: the typed value every writer (CSV, JSON Lines, Parquet) renders.
public enum Value: Sendable, Hashable {
  case null
  case string(String)
  case int(Int64)
  /// An exact decimal: `unscaled / 10^scale` (money is `scale` 2, integer fen).
  case decimal(unscaled: Int64, scale: Int)
  case bool(Bool)

  /// Money in integer fen as a two-place decimal.
  public static func fen(_ fen: Int64) -> Value { .decimal(unscaled: fen, scale: 2) }

  /// A string, or null when it is empty.
  public static func text(_ s: String?) -> Value {
    guard let s, !s.isEmpty else { return .null }
    return .string(s)
  }

  /// An integer, or null.
  public static func integer<I: BinaryInteger>(_ i: I?) -> Value {
    guard let i else { return .null }
    return .int(Int64(i))
  }

  public var isNull: Bool { if case .null = self { return true } else { return false } }
}

extension Value {
  /// The text a CSV cell holds for this value (empty for null).
  public var csvText: String {
    switch self {
    case .null: return ""
    case .string(let s): return s
    case .int(let i): return String(i)
    case .decimal(let unscaled, let scale): return Value.formatDecimal(unscaled, scale: scale)
    case .bool(let b): return b ? "true" : "false"
    }
  }

  /// Renders `unscaled / 10^scale` with exactly `scale` decimals, no exponent, no grouping.
  public static func formatDecimal(_ unscaled: Int64, scale: Int) -> String {
    if scale == 0 { return String(unscaled) }
    let negative = unscaled < 0
    let magnitude = unscaled.magnitude
    var pow: UInt64 = 1
    for _ in 0..<scale { pow *= 10 }
    let whole = magnitude / pow
    let frac = magnitude % pow
    var fracText = String(frac)
    if fracText.count < scale { fracText = String(repeating: "0", count: scale - fracText.count) + fracText }
    return (negative ? "-" : "") + String(whole) + "." + fracText
  }
}

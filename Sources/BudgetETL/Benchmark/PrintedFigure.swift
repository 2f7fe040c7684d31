/// A figure as a document prints it — digits, an optional decimal point, optional thousands
/// separators — so the archive generator can print another amount the same way.
struct PrintedFigure: Sendable, Equatable {
  /// The value in units of the last printed digit (`1,239,844.00` → 123984400).
  var units: Int64
  /// Digits after the decimal point.
  var decimals: Int
  /// True when the integer part has thousands separators.
  var grouped: Bool

  /// Reads the digits of a figure; nil for anything but digits, one point and commas.
  init?(_ digits: String) {
    var units: Int64 = 0
    var decimals = 0
    var seenPoint = false
    var grouped = false
    var any = false
    for byte in digits.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let (m, o1) = units.multipliedReportingOverflow(by: 10)
        let (s, o2) = m.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
        guard !o1, !o2 else { return nil }
        units = s
        any = true
        if seenPoint { decimals += 1 }
      case UInt8(ascii: "."):
        guard !seenPoint else { return nil }
        seenPoint = true
      case UInt8(ascii: ","):
        guard !seenPoint else { return nil }
        grouped = true
      default:
        return nil
      }
    }
    guard any else { return nil }
    self.units = units
    self.decimals = decimals
    self.grouped = grouped
  }

  init(units: Int64, decimals: Int, grouped: Bool) {
    self.units = units
    self.decimals = decimals
    self.grouped = grouped
  }

  /// The figure times `factor`, printed alike.
  func scaled(by factor: Int64) -> PrintedFigure {
    PrintedFigure(units: units * factor, decimals: decimals, grouped: grouped)
  }

  /// A figure in 元 (at most two decimals) times `factor`, restated in 万元 to two decimals,
  /// rounded half away from zero — as a disclosure printed in 万元 rounds.
  func restatedInWanYuan(scaledBy factor: Int64) -> PrintedFigure {
    precondition(decimals <= 2, "a figure restated in 万元 has at most two decimals")
    var fen = units * factor
    for _ in decimals..<2 { fen *= 10 }
    let hundredths = (fen + 5_000) / 10_000  // 0.01 万元 = 100 元 = 10,000 fen
    return PrintedFigure(units: hundredths, decimals: 2, grouped: grouped)
  }

  /// The figure's digits.
  var text: String {
    var divisor: Int64 = 1
    for _ in 0..<decimals { divisor *= 10 }
    let integer = String(units / divisor)
    var out = ""
    if grouped {
      for (i, c) in integer.enumerated() {
        if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
      }
    } else {
      out = integer
    }
    if decimals > 0 {
      let fraction = String(units % divisor)
      out += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return out
  }
}

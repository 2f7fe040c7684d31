/// An amount taking part in an identity, with the rounding its printed precision allows.
struct Figure {
  var fen: Int64
  /// Half the unit of the last printed digit, in fen (0 when printed to the fen).
  var halfUnitFen: Int64

  /// Half a unit of the last digit of a figure printed with `decimals` decimals in `unit`.
  static func halfUnit(decimals: Int, unit: MoneyUnit) -> Int64 {
    var unitFen = unit.multiplier * 100
    for _ in 0..<decimals { unitFen /= 10 }
    return unitFen / 2
  }
}

/// Collects findings for one document, numbering them in order.
struct FindingCollector {
  let docID: String
  private(set) var checks: [Check] = []

  init(docID: String) { self.docID = docID }

  /// Records an identity `expected == actual`: nothing when it holds exactly, `info` within
  /// the tolerance, `error` (or the given severity) beyond it.
  mutating func identity(
    rule: String, tableID: String?, subject: String, expected: [Figure], actual: Figure, line: Int?, page: Int?,
    severityBeyond: Check.Severity = .error, message: (Int64, Int64, Int64) -> String
  ) {
    guard let severity = Self.severity(expected: expected, actual: actual, severityBeyond: severityBeyond) else { return }
    let sum = expected.reduce(Int64(0)) { $0.saturatingAdd($1.fen) }
    let diff = actual.fen.saturatingSubtract(sum)
    let tolerance = expected.reduce(actual.halfUnitFen) { $0.saturatingAdd($1.halfUnitFen) }
    checks.append(
      Check(
        docID: docID, tableID: tableID, rule: rule, subject: subject, expectedFen: sum, actualFen: actual.fen,
        toleranceFen: tolerance, severity: severity, message: message(sum, actual.fen, diff), sourceLine: line,
        sourcePage: page))
  }

  /// The severity of the finding ``identity(rule:tableID:subject:expected:actual:line:page:severityBeyond:message:)``
  /// records for `expected == actual`; nil when it holds exactly and nothing is recorded.
  static func severity(expected: [Figure], actual: Figure, severityBeyond: Check.Severity = .error) -> Check.Severity? {
    let sum = expected.reduce(Int64(0)) { $0.saturatingAdd($1.fen) }
    let diff = actual.fen.saturatingSubtract(sum)
    guard diff != 0 else { return nil }
    let tolerance = expected.reduce(actual.halfUnitFen) { $0.saturatingAdd($1.halfUnitFen) }
    return diff.magnitude <= tolerance.magnitude ? .info : severityBeyond
  }

  mutating func append(_ check: Check) { checks.append(check) }
}

/// Formats fen as 元 with thousands separators: 1,150,441.00. (Written as bytes: splitting
/// and joining the digit groups as strings took a tenth of the column-sum rule's time.)
func yuan(_ fen: Int64) -> String {
  let m = fen.magnitude
  let whole = Array(String(m / 100).utf8)
  var out: [UInt8] = []
  out.reserveCapacity(whole.count + whole.count / 3 + 4)
  if fen < 0 { out.append(UInt8(ascii: "-")) }
  for (i, digit) in whole.enumerated() {
    if i > 0 && (whole.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
    out.append(digit)
  }
  let cents = m % 100
  out.append(UInt8(ascii: "."))
  out.append(UInt8(ascii: "0") + UInt8(cents / 10))
  out.append(UInt8(ascii: "0") + UInt8(cents % 10))
  return String(decoding: out, as: UTF8.self)
}

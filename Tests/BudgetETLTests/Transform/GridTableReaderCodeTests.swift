import Testing

@testable import BudgetETL

/// `GridTableReader.assign(code:kind:to:)`, which reads a plain code (ASCII digits, letters and
/// dashes) on its bytes, against the `Character` reading it replaces (kept below as the
/// oracle), for every kind of code column, on random codes with full-width digits, combining
/// marks, CR LF and ideographs, each assigned onto an entry that already holds codes or not.
@Suite struct GridTableReaderCodeTests {
  typealias Entry = GridTableReader.Entry

  @Test func codesAssignedAsByCharacters() {
    let reader = GridTableReader()
    let kinds: [CodeKind] = [.function, .economic, .governmentEconomic, .project, .agency, .bySubject]
    let pieces = ["2", "3", "5", "0", "1", "9", "01", "201", "-", "a", "Z", "\u{301}", "一", "２", "\r\n", " ", "x", "05"]
    var rng = SplitMix64(seed: 3_1124)
    var assigned = 0
    for _ in 0..<20_000 {
      let code = rng.text(from: pieces, fewerThan: 8)
      var start = Entry(rowNo: 1, line: 1, page: nil, rawLabel: "", label: "")
      if rng.below(3) == 0 {
        start.functionCode = "201"
        start.agencyCode = "907"
      }
      for kind in kinds {
        var expected = start
        Self.oracleAssign(code: code, kind: kind, to: &expected)
        var actual = start
        reader.assign(code: code, kind: kind, to: &actual)
        let fields = [
          actual.functionCode, actual.econCode, actual.govEconCode, actual.projectCode, actual.agencyCode,
        ]
        #expect(
          fields == [
            expected.functionCode, expected.econCode, expected.govEconCode, expected.projectCode, expected.agencyCode,
          ], "\(code.debugDescription) \(kind)")
        if fields != [start.functionCode, start.econCode, start.govEconCode, start.projectCode, start.agencyCode] {
          assigned += 1
        }
      }
    }
    #expect(assigned > 20_000)
    // Exact values.
    var e = Entry(rowNo: 1, line: 1, page: nil, rawLabel: "", label: "")
    reader.assign(code: "2010301", kind: .bySubject, to: &e)
    reader.assign(code: "30201", kind: .bySubject, to: &e)
    reader.assign(code: "907-1", kind: .agency, to: &e)
    reader.assign(code: "AB-12", kind: .project, to: &e)
    #expect(e.functionCode == "2010301")
    #expect(e.econCode == "30201")
    #expect(e.agencyCode == "907")
    #expect(e.projectCode == "AB-12")
  }

  /// `assign` as it read before, on `Character`s.
  static func oracleAssign(code raw: String, kind: CodeKind, to e: inout Entry) {
    let code =
      raw.utf8.allSatisfy { $0 == 0x2D || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
      ? raw : raw.filter { $0.isASCIIDigit || $0.isLetter || $0 == "-" }
    guard !code.isEmpty else { return }
    let digits = code.prefix { $0.isASCIIDigit }
    let first = code.first
    switch kind {
    case .function where first == "2" && [3, 5, 7].contains(code.count):
      e.functionCode = code
    case .economic where first == "3" && [3, 5].contains(code.count):
      e.econCode = code
    case .governmentEconomic where first == "5" && [3, 5].contains(code.count):
      e.govEconCode = code
    case .project:
      e.projectCode = code
    case .agency:
      e.agencyCode = String(digits.isEmpty ? Substring(code) : digits)
    default:
      if first == "2" && [3, 5, 7].contains(code.count) { e.functionCode = e.functionCode ?? code }
      else if first == "3" && [3, 5].contains(code.count) { e.econCode = e.econCode ?? code }
      else if first == "5" && [3, 5].contains(code.count) { e.govEconCode = e.govEconCode ?? code }
      else if code.count > 9 { e.projectCode = code }
      else if !digits.isEmpty { e.agencyCode = e.agencyCode ?? String(digits) }
    }
  }
}

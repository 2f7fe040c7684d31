import Foundation
import Testing

@testable import BudgetETL

@Suite struct RunManifestTests {
  static func summary(findings: [String: [String: Int]]) -> RunSummary {
    var s = RunSummary(
      runID: "r", startedAt: "2026-01-01T00:00:00Z", configHash: "abc", input: "/in/a", output: "/out", workers: 2)
    s.findings = ["warning performance_form": 3, "error total_row": 1]
    s.findingsByDocument = findings
    s.rejectedFiles = ["x/坏.txt": "cannot read \"x\"\n"]
    s.stageSeconds = ["extract": 1.25]
    s.compression = ["load": CompressionLedger.Tally()]
    return s
  }

  static func manifest(_ summary: RunSummary) throws -> [UInt8] {
    var out: [UInt8] = []
    try RunManifest.encode(summary) { out += $0 }
    return out
  }

  @Test(arguments: [
    [:],
    ["2023/阳城县.txt": ["warning performance_form": 1]],
    [
      "b/x.txt": ["warning a": 2, "error b": 1], "B.txt": ["warning c": 1], "a10.txt": [:], "a9.txt": ["warning \"q\"": 4],
      "é.md": ["error total_row": 1], "e.md": ["warning performance_form": 7],
    ],
  ])
  func printsWhatJSONEncoderPrints(findings: [String: [String: Int]]) throws {
    let summary = Self.summary(findings: findings)
    let expected = Array(try RunManifest.encoder().encode(summary)) + [0x0A]
    #expect(try Self.manifest(summary) == expected)
  }
}

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
    s.selection = "--from validate"
    s.stageCheckpoints = false
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

  /// The findings spilled to disk as documents are recorded (in path order) give the same
  /// manifest as the findings held in the summary.
  @Test func spilledFindingsPrintTheSame() throws {
    let findings = [
      "b/x.txt": ["warning a": 2, "error b": 1], "B.txt": ["warning c": 1], "a9.txt": ["warning \"q\"": 4],
      "é.md": ["error total_row": 1], "2023/阳城县.txt": ["warning performance_form": 7],
    ]
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let spill = try FindingsSpill(path: dir.path + "/findings")
    for path in findings.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      try spill.add(path: path, rules: findings[path]!)
    }
    #expect(spill.count == 5)
    var kept = Self.summary(findings: ["B.txt": ["warning c": 1]])
    kept.documentsWithFindings = 5
    var full = Self.summary(findings: findings)
    full.documentsWithFindings = 5
    var out: [UInt8] = []
    try RunManifest.encode(kept, findings: spill) { out += $0 }
    #expect(out == Array(try RunManifest.encoder().encode(full)) + [0x0A])
  }
}

import Foundation
import Testing

@testable import BudgetETL

/// `NarrativeText.isNonNarrative` behind the gate on a line's first scalar that is no space,
/// against the version that made every line's copy without spaces (kept here as the oracle).
@Suite struct NarrativeTextNonNarrativeGateTests {
  static func oracle(_ s: NarrativeText.Scalars) -> Bool {
    typealias T = NarrativeText
    if s.isEmpty { return false }
    var compact = s.filter { !T.isSpace($0) }
    for mark in [T.scalars("仅供内部审核")] where !compact.isEmpty && compact.count % mark.count == 0 {
      var all = true
      var k = 0
      while k < compact.count {
        if !T.matches(compact, at: k, mark) {
          all = false
          break
        }
        k += mark.count
      }
      if all { return true }
    }
    while let f = compact.first, f == "-" || f == "—" || f == "－" { compact.removeFirst() }
    while let l = compact.last, l == "-" || l == "—" || l == "－" { compact.removeLast() }
    if !compact.isEmpty, compact.count <= 3, compact.allSatisfy(T.isASCIIDigit) { return true }
    if compact.first == "第", compact.last == "页", compact.count <= 12,
      compact.allSatisfy({ T.isASCIIDigit($0) || $0 == "第" || $0 == "页" || $0 == "共" || $0 == "/" })
    {
      return true
    }
    var end = s.count
    while end > 0, T.isSpace(s[end - 1]) { end -= 1 }
    var digitsStart = end
    while digitsStart > 0, T.isASCIIDigit(s[digitsStart - 1]) { digitsStart -= 1 }
    if digitsStart < end {
      var k = digitsStart
      while k > 0, T.isSpace(s[k - 1]) { k -= 1 }
      var leaders = 0
      while k > 0, s[k - 1] == "." || s[k - 1] == "…" || s[k - 1] == "·" || s[k - 1] == "．" {
        leaders += s[k - 1] == "…" ? 3 : 1
        k -= 1
      }
      if leaders >= 4 { return true }
    }
    return false
  }

  static let pieces = [
    "仅供内部审核", "仅供", "内部审核", "-", "—", "－", "–", "12", "3", "第", "页", "共", "/", " ", "\t", "\u{3000}", "\u{A0}",
    "\u{2002}", "\u{200B}", "\u{FEFF}", "\u{301}", "\r\n", "\u{F9FA}", "\u{FAAE}", "１２", "\u{FFFD}", "....", "……", "·",
    "．", "预算", "a", "e\u{301}", "一、",
  ]

  @Test func gateAgreesWithTheOracle() {
    var rng = SplitMix64(seed: 43_2026)
    var nonNarrative = 0
    var gatedOut = 0
    for _ in 0..<40_000 {
      let s = NarrativeText.scalars(rng.text(from: Self.pieces, fewerThan: 8))
      let expected = Self.oracle(s)
      #expect(NarrativeText.isNonNarrative(s) == expected, "\(NarrativeText.string(s).debugDescription)")
      if expected { nonNarrative += 1 }
      if !NarrativeText.mayBeWatermarkOrPageNumber(s) { gatedOut += 1 }
    }
    #expect(nonNarrative > 800)
    #expect(gatedOut > 10_000)
    var lines = 0
    for seed in Seed.allCases {
      for line in seed.lines {
        let text = NarrativeText.cleanLine(line.text).text
        #expect(NarrativeText.isNonNarrative(text) == Self.oracle(text), "\(line.text.debugDescription)")
        lines += 1
      }
    }
    #expect(lines > 1_000)
  }

  @Test func exactValues() {
    func nonNarrative(_ s: String) -> Bool { NarrativeText.isNonNarrative(NarrativeText.scalars(s)) }
    #expect(nonNarrative(" 仅供内部审核 仅供内部审核"))
    #expect(nonNarrative("\u{3000}- 12 -"))
    #expect(nonNarrative("— 3 —"))
    #expect(nonNarrative("第 3 页 共 40 页"))
    #expect(nonNarrative("\u{FEFF}8"))
    #expect(nonNarrative("一、职责……3"))
    #expect(!nonNarrative("预算 12"))
    #expect(!nonNarrative("–12–"))  // the en dash is no page-number dash here
    #expect(!nonNarrative("第一部分 概况"))
    #expect(!nonNarrative("\u{301}12"))
    #expect(!nonNarrative("仅供内部审核。"))
    #expect(!nonNarrative("   "))
  }
}

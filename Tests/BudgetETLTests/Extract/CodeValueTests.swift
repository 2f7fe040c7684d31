import Foundation
import Testing

@testable import BudgetETL

/// `CodeValue.isCodeLike`, read on the bytes, against the reading it replaces: spaces removed
/// with Foundation, then 3 to 9 bytes, all ASCII digits.
@Suite struct CodeValueTests {
  static func bySpacesRemoved(_ cell: String) -> Bool {
    let t = cell.replacingOccurrences(of: " ", with: "")
    guard (3...9).contains(t.utf8.count) else { return false }
    return t.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
  }

  @Test func exactAnswers() {
    #expect(CodeValue.isCodeLike("201"))
    #expect(CodeValue.isCodeLike("2010301"))
    #expect(CodeValue.isCodeLike("201 03 01"))
    #expect(CodeValue.isCodeLike(" 123456789 "))
    #expect(!CodeValue.isCodeLike("1234567890"))
    #expect(!CodeValue.isCodeLike("12"))
    #expect(!CodeValue.isCodeLike("1 2"))
    #expect(!CodeValue.isCodeLike(""))
    #expect(!CodeValue.isCodeLike("   "))
    #expect(!CodeValue.isCodeLike("201-01"))
    #expect(!CodeValue.isCodeLike("１２３"))  // full-width digits are not ASCII digits
    #expect(!CodeValue.isCodeLike("123\u{3000}"))  // nor is an ideographic space a space
    #expect(!CodeValue.isCodeLike("1,234.00"))
    #expect(!CodeValue.isCodeLike("123 \u{301}"))  // a combining mark on the space stays
  }

  @Test func agreesWithSpacesRemoved() {
    // Every cell of the seed documents' lines (split on `|`, spaces and tabs) and every line.
    var cells: [String] = []
    for seed in Seed.allCases {
      for line in seed.lines {
        cells.append(line.text)
        cells += line.text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        cells += line.text.split(separator: " ").map(String.init)
        cells += line.text.split(separator: "\t").map(String.init)
      }
    }
    var codes = 0
    var differing: [String] = []
    for cell in cells {
      if CodeValue.isCodeLike(cell) != Self.bySpacesRemoved(cell) { differing.append(cell) }
      if CodeValue.isCodeLike(cell) { codes += 1 }
    }
    #expect(differing.isEmpty, "\(differing.prefix(5))")
    #expect(codes > 100)
    // Made-up cells of digits, spaces and what is near them.
    let pieces = ["1", "2", "0", "9", "5", " ", "\u{3000}", "\u{301}", "-", "１", "a", "\u{A0}", "\t", "。"]
    var rng = SplitMix64(seed: 11_24)
    var made = 0
    for _ in 0..<5_000 {
      let cell = rng.text(from: pieces, fewerThan: 8)
      if CodeValue.isCodeLike(cell) != Self.bySpacesRemoved(cell) { differing.append(cell) }
      if Self.bySpacesRemoved(cell) { made += 1 }
    }
    #expect(differing.isEmpty, "\(differing.prefix(5))")
    #expect(made > 50)
  }
}

import Foundation
import Testing

@testable import BudgetETL

/// What the narrative tests need of a seed: its lines as printed and its narrative ranges.
extension Seed: CustomTestStringConvertible {
  var testDescription: String { "S\(Seed.allCases.firstIndex(of: self)!)" }

  /// The document's `doc_id` (its file name carries it).
  var docID: String { String(rawValue.split(separator: "_")[1]) }

  /// The narrative part read by hand: the lines before the tables (and S1's later narrative).
  var narrativeRanges: [ClosedRange<Int>] {
    switch self {
    case .s0: return [1...190]
    case .s1: return [1...114, 456...578, 992...1041]
    case .s2: return [1...171]
    case .s3: return [1...218]
    case .s4: return [1...144]
    }
  }

  /// All lines of the document, normalized as for `doc_id` (LF line ends, trailing spaces and
  /// tabs removed).
  func allLines() throws -> [String] {
    let text = try String(contentsOf: url, encoding: .utf8)
      .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var s = Substring(line)
      while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
      return String(s)
    }
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The narrative lines of `ranges` (1-based, inclusive) as the pipeline hands them over: table
  /// lines (those with a tab) are left out; blank lines, watermarks and markdown debris stay, so
  /// the parser's own handling of them is what the tests see.
  func narrativeLines(_ ranges: [ClosedRange<Int>]? = nil) throws -> [SourceLine] {
    let all = try allLines()
    var out: [SourceLine] = []
    for range in ranges ?? narrativeRanges {
      for number in range where number <= all.count {
        let text = all[number - 1]
        if text.contains("\t") { continue }
        out.append(SourceLine(number: number, page: nil, text: text))
      }
    }
    return out
  }

  func narrativeLines(_ range: ClosedRange<Int>) throws -> [SourceLine] {
    try narrativeLines([range])
  }

  /// The text of line `number` (1-based) as printed.
  func line(_ number: Int) throws -> String { try allLines()[number - 1] }
}

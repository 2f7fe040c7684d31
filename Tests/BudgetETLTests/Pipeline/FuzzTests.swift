import Foundation
import Testing

@testable import BudgetETL

/// A seeded, deterministic mutation fuzzer over the five seeds: each iteration takes a window
/// of a seed, mutates its bytes (bit flips, deletions, insertions of tabs, line ends,
/// full-width characters, huge numbers and table markup, line duplication, truncation) and
/// runs the whole extract/transform/validate path on it. A crash on document data is a defect.
///
/// Run it longer, or from another seed:
///
///     FUZZ_ITERATIONS=200000 FUZZ_SEED=7 swift test --filter FuzzTests
///
/// `FUZZ_VERBOSE=1` writes each input to `$TMPDIR/budget-etl-fuzz-input.txt` (and its number to
/// standard error) before processing it, so that a crash leaves the input that caused it;
/// `FUZZ_START=n` begins at iteration n (each iteration is reproducible on its own).
@Suite struct FuzzTests {
  static let environment = ProcessInfo.processInfo.environment
  /// The default keeps the test under about 20 seconds in a debug build.
  static let iterations = Int(environment["FUZZ_ITERATIONS"] ?? "") ?? 2_500
  static let seed = UInt64(environment["FUZZ_SEED"] ?? "") ?? 20_240_501
  static let start = Int(environment["FUZZ_START"] ?? "") ?? 0
  static let verbose = environment["FUZZ_VERBOSE"] == "1"

  static let seedLines: [[String]] = Seed.allCases.map {
    String(decoding: $0.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// Pieces the mutator inserts: what converters and OCR put where they should not.
  static let insertions: [[UInt8]] = [
    "\t", "\n", "\r", "\r\n", "\u{0C}", "\t\t\t", "\n\n", "０１２３４５６７８９", "，．－（）", "\u{3000}", "（", "）",
    "99999999999999999999", "9223372036854775807", "-9223372036854775808", "1,000,000,000,000,000.00",
    // Amounts that fit in Int64 fen on their own but not summed two by two.
    "50000000000000000", "-50000000000000000", "50,000,000,000,000,000.00", "5000000000000万", "(", ")", "-",
    "—", "－", ".", ",", "万元", "7.2万", "合计", "其中：", "一、", "（1）", "①", "表1 ", "单位：万元", "注：本表无数据",
    "2101506", "<table><tr><td colspan=\"99999\" rowspan=\"99999\">", "</td></tr></table>", "<td>", "<tr>", "<", ">",
    "| a | b |\n|---|---|\n", "|", "&#x10FFFF;", "&amp", "**", "# ", "- 12 -", "第 3 页", "仅供内部审核",
    "\u{FEFF}", "\u{00}", "\u{FFFD}",
  ].map { Array($0.utf8) }

  /// One mutated input, a function of the seed and the iteration alone.
  static func input(_ iteration: Int) -> [UInt8] {
    var rng = SplitMix64(seed: seed ^ (UInt64(iteration) &* 0x9E37_79B9_7F4A_7C15))
    let lines = seedLines[rng.below(seedLines.count)]
    let count = 10 + rng.below(60)
    let first = rng.below(max(1, lines.count - count))
    var window = Array(lines[first..<min(lines.count, first + count)])
    // Keep a cover line now and then, so that more inputs read as budget documents.
    if rng.below(2) == 0 { window.insert(lines.first { !$0.isEmpty } ?? "", at: 0) }
    var bytes = Array(window.joined(separator: "\n").utf8)
    for _ in 0..<(1 + rng.below(6)) { mutate(&bytes, &rng, lines: window) }
    return bytes
  }

  static func mutate(_ bytes: inout [UInt8], _ rng: inout SplitMix64, lines: [String]) {
    let at = rng.below(bytes.count + 1)
    switch rng.below(10) {
    case 9:  // a row whose amounts are all huge: sums that no longer fit in Int64
      let huge = ["50000000000000000", "-50000000000000000", "5000000000000万", "92233720368547758.07"][rng.below(4)]
      var text = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      let rows = text.indices.filter { text[$0].contains("\t") }
      guard !rows.isEmpty else { return }
      let r = rows[rng.below(rows.count)]
      text[r] = Substring(
        text[r].split(separator: "\t", omittingEmptySubsequences: false)
          .map { PrintedNumber($0) != nil ? huge : String($0) }.joined(separator: "\t"))
      bytes = Array(text.joined(separator: "\n").utf8)
    case 0:  // flip a bit
      if at < bytes.count { bytes[at] ^= UInt8(1) << UInt8(rng.below(8)) }
    case 1:  // delete a range
      let end = min(bytes.count, at + 1 + rng.below(40))
      if at < end { bytes.removeSubrange(at..<end) }
    case 2, 3:  // insert a piece
      bytes.insert(contentsOf: insertions[rng.below(insertions.count)], at: at)
    case 4:  // insert random bytes
      bytes.insert(contentsOf: (0..<(1 + rng.below(8))).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
    case 5:  // duplicate a line (a table row, a caption, a paragraph) somewhere else
      let line = Array(lines[rng.below(lines.count)].utf8) + [0x0A]
      for _ in 0..<(1 + rng.below(3)) { bytes.insert(contentsOf: line, at: rng.below(bytes.count + 1)) }
    case 6:  // duplicate a block of bytes in place
      let end = min(bytes.count, at + rng.below(400))
      if at < end { bytes.insert(contentsOf: Array(bytes[at..<end]), at: end) }
    case 7:  // truncate
      bytes.removeSubrange(at...)
    default:  // a digit replaced: amounts that no longer add up, codes of other lengths
      if let d = bytes.indices.dropFirst(at).first(where: { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) {
        bytes[d] = 0x30 + UInt8(rng.below(10))
      }
    }
  }

  @Test func mutatedSeedsNeverCrashThePipeline() {
    let processor = DocumentProcessor()
    let dump = NSTemporaryDirectory() + "budget-etl-fuzz-input.txt"
    var statuses: [SourceFile.Status: Int] = [:]
    var lineItems = 0
    for iteration in Self.start..<(Self.start + Self.iterations) {
      let bytes = Self.input(iteration)
      if Self.verbose {
        _ = FileManager.default.createFile(atPath: dump, contents: Data(bytes))
        FileHandle.standardError.write(Data("fuzz iteration \(iteration) (seed \(Self.seed))\n".utf8))
      }
      let processed = processor.process(relativePath: "fuzz-\(iteration).txt", bytes: bytes)
      statuses[processed.source.status, default: 0] += 1
      Self.checkInvariants(processed, iteration: iteration)
      lineItems += processed.result?.lineItems.count ?? 0
    }
    // The inputs exercise every path: some read as documents, some are rejected.
    #expect((statuses[.ok] ?? 0) + (statuses[.partial] ?? 0) > Self.iterations / 10, "\(statuses)")
    #expect((statuses[.rejected] ?? 0) > 0, "\(statuses)")
    #expect(lineItems > Self.iterations, "line items read: \(lineItems)")
  }

  /// What holds for any input: a rejected file has a reason and no rows; a kept one has rows
  /// whose keys are sound.
  static func checkInvariants(_ processed: ProcessedFile, iteration: Int) {
    let source = processed.source
    guard let result = processed.result else {
      #expect(source.status == .rejected && source.error != nil && source.docID == nil, "iteration \(iteration)")
      return
    }
    #expect(source.status != .rejected && source.docID == result.document.docID, "iteration \(iteration)")
    #expect(source.status == .ok || source.error != nil, "iteration \(iteration): a partial file says why")
    let tableIDs = Set(result.tables.map(\.tableID))
    #expect(tableIDs.count == result.tables.count, "iteration \(iteration): table ids are unique")
    var keys = Set<[Int]>()
    for item in result.lineItems {
      guard tableIDs.contains(item.tableID), item.rowNo >= 1, item.colNo >= 1,
        item.amountFen.magnitude <= PrintedNumber.maxFen,
        keys.insert([Int(item.tableID.dropFirst()) ?? -1, item.rowNo, item.colNo]).inserted
      else {
        Issue.record("iteration \(iteration): unsound line item \(item)")
        return
      }
    }
    #expect(result.checks.enumerated().allSatisfy { $0.element.checkNo == $0.offset + 1 }, "iteration \(iteration)")
  }
}

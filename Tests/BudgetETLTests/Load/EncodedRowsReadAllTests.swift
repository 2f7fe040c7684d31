import Testing

@testable import BudgetETL

/// `EncodedRows.readAllRows(into:widths:)` against what it replaces in the Parquet writer:
/// `nextRow()` for every row, each row's cells appended, then `expectEnd()`. The same cells
/// (ranges, repeat marks, values), widths and errors, on random rows of varying widths with
/// runs of repeats, and on the same bytes damaged (cut short, a byte changed).
@Suite struct EncodedRowsReadAllTests {
  static func byNextRow(_ bytes: [UInt8]) -> (cells: [String], widths: [Int], error: String?) {
    var cells: [String] = []
    var widths: [Int] = []
    do {
      var reader = try EncodedRows(bytes)
      for _ in 0..<reader.count {
        try reader.nextRow()
        cells.append(contentsOf: reader.row.map { "\($0)" })
        widths.append(reader.row.count)
      }
      try reader.expectEnd()
      return (cells, widths, nil)
    } catch {
      return ([], [], "\(error)")
    }
  }

  static func byReadAll(_ bytes: [UInt8]) -> (cells: [String], widths: [Int], error: String?) {
    var cells: [EncodedRows.Cell] = []
    var widths: [Int] = []
    do {
      var reader = try EncodedRows(bytes)
      try reader.readAllRows(into: &cells, widths: &widths)
      return (cells.map { "\($0)" }, widths, nil)
    } catch {
      return ([], [], "\(error)")
    }
  }

  static func rows(_ rng: inout SplitMix64) -> [[Value]] {
    var rows: [[Value]] = []
    let width = 1 + rng.below(6)
    for _ in 0..<rng.below(80) {
      let w = rng.below(10) == 0 ? rng.below(8) : width
      rows.append(
        (0..<w).map { c in
          if let above = rows.last, c < above.count, rng.below(2) == 0 { return above[c] }
          switch rng.below(6) {
          case 0: return .null
          case 1: return .string(["", "单位", "医疗保障", "a"][rng.below(4)])
          case 2: return .int(Int64(bitPattern: rng.next()) >> Int64(rng.below(64)))
          case 3: return .decimal(unscaled: Int64(bitPattern: rng.next()) >> 20, scale: rng.below(19))
          default: return .bool(rng.below(2) == 0)
          }
        })
    }
    return rows
  }

  @Test func sameCellsWidthsAndErrorsAsNextRow() {
    var rng = SplitMix64(seed: 2_026)
    var failures = 0
    var cellsSeen = 0
    for _ in 0..<3_000 {
      var bytes: [UInt8] = []
      ValueCodec.encode(Self.rows(&rng), into: &bytes)
      var variants = [bytes]
      if bytes.count > 1 {
        variants.append(Array(bytes.prefix(rng.below(bytes.count))))
        var changed = bytes
        changed[rng.below(changed.count)] = UInt8(truncatingIfNeeded: rng.next())
        variants.append(changed)
        var extra = bytes
        extra.append(UInt8(truncatingIfNeeded: rng.next()))
        variants.append(extra)
      }
      for variant in variants {
        let old = Self.byNextRow(variant)
        let new = Self.byReadAll(variant)
        #expect(new.error == old.error)
        #expect(new.widths == old.widths)
        #expect(new.cells == old.cells)
        if old.error != nil { failures += 1 }
        cellsSeen += old.cells.count
      }
    }
    // Both whole and damaged bytes are drawn often.
    #expect(failures > 2_000 && failures < 9_000)
    #expect(cellsSeen > 100_000)
  }
}

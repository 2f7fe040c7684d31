import Testing

@testable import BudgetETL

/// `EncodedCellCheck.accepts(_:)` and `ColumnChunkBuffer.append(cell:bytes:)`, the cell path
/// of `ParquetWriter.write(encodedRows:)`, against what they replace: the check the writer made
/// on each cell before (kept below as `oldProblem`) and `ColumnChunkBuffer.append(_:)` on the
/// cell's value.
@Suite struct EncodedCellCheckTests {
  /// The writer's check of a cell before `EncodedCellCheck`: a string by its byte count, any
  /// other cell by the value it stands for.
  static func oldProblem(_ column: ParquetColumn, _ cell: EncodedRows.Cell, _ reader: EncodedRows) -> String? {
    switch cell {
    case .string(let range, _): return column.problem(withStringOfLength: range.count)
    case .null: return column.problem(with: .null)
    case .int, .decimal, .bool: return column.problem(with: reader.value(cell))
    }
  }

  static let types: [ColumnType] = [
    .string, .int32, .int64, .boolean, .decimal(precision: 18, scale: 2), .decimal(precision: 18, scale: 4),
    .decimal(precision: 5, scale: 2), .decimal(precision: 1, scale: 0), .decimal(precision: 18, scale: 18),
    .decimal(precision: 10, scale: 0),
  ]

  /// An integer near the edges that matter: 32 bits, powers of ten, the ends of `Int64`.
  static func integer(_ rng: inout SplitMix64) -> Int64 {
    let edges: [Int64] = [
      0, 1, -1, Int64(Int32.max), Int64(Int32.max) + 1, Int64(Int32.min), Int64(Int32.min) - 1, .max, .min,
      99_999, 100_000, 999_999_999_999_999_999, 1_000_000_000_000_000_000, -999_999_999_999_999_999,
    ]
    switch rng.below(4) {
    case 0: return edges[rng.below(edges.count)] &+ Int64(rng.below(3)) &- 1
    case 1: return Int64(bitPattern: rng.next())
    case 2: return Int64(rng.below(2_000_001)) - 1_000_000
    default: return Int64(bitPattern: rng.next()) >> Int64(rng.below(64))
    }
  }

  /// A cell of any kind; `bytes` holds the strings' bytes (ranges of up to 40 bytes).
  static func cell(_ rng: inout SplitMix64, bytesCount: Int) -> EncodedRows.Cell {
    switch rng.below(5) {
    case 0: return .null
    case 1:
      let start = rng.below(bytesCount)
      return .string(start..<min(bytesCount, start + rng.below(40)), repeated: rng.below(2) == 0)
    case 2: return .int(integer(&rng))
    case 3: return .decimal(unscaled: integer(&rng), scale: rng.below(19))
    default: return .bool(rng.below(2) == 0)
    }
  }


  @Test func acceptsWhatTheOldCheckAccepts() throws {
    var rng = SplitMix64(seed: 41)
    var encoded: [UInt8] = []
    ValueCodec.encode([[.string(String(repeating: "预算", count: 50))]], into: &encoded)
    let reader = try EncodedRows(encoded)
    var refused = 0
    for type in Self.types {
      for nullable in [false, true] {
        let column = try ParquetColumn(ColumnSpec("c", type, nullable: nullable, ""), dataset: "t")
        let check = EncodedCellCheck(column)
        for _ in 0..<20_000 {
          let cell = Self.cell(&rng, bytesCount: encoded.count)
          let old = Self.oldProblem(column, cell, reader)
          #expect(check.accepts(cell) == (old == nil), "\(type) nullable \(nullable) \(cell)")
          if old != nil { refused += 1 }
        }
      }
    }
    // Both answers are drawn often.
    #expect(refused > 50_000 && refused < 350_000)
  }

  /// A value that `column` accepts, as a cell (strings from `pool`, which `bytes` holds).
  static func acceptedCell(
    _ rng: inout SplitMix64, _ column: ParquetColumn, pool: [Range<Int>]
  ) -> EncodedRows.Cell {
    if column.isOptional && rng.below(6) == 0 { return .null }
    switch column.type {
    case .string: return .string(pool[rng.below(pool.count)], repeated: false)
    case .int32: return .int(Int64(Int32(truncatingIfNeeded: integer(&rng))))
    case .int64: return .int(integer(&rng))
    case .boolean: return .bool(rng.below(2) == 0)
    case .decimal(let precision, let scale):
      // A value of scale up to the column's (or one more, with a trailing zero) that fits.
      let valueScale = rng.below(scale + 1)
      let digits = rng.below(precision - (scale - valueScale) + 1)
      var bound: Int64 = 1
      for _ in 0..<digits { bound *= 10 }
      var unscaled = Int64(rng.below(Int(bound))) * (rng.below(2) == 0 ? 1 : -1)
      if rng.below(4) == 0 && unscaled.magnitude < UInt64(Int64.max / 10) {
        unscaled *= 10
        return .decimal(unscaled: unscaled, scale: valueScale + 1)
      }
      return .decimal(unscaled: unscaled, scale: valueScale)
    }
  }

  /// Appending cells leaves a chunk with the buffered values, levels, counts and page sizes
  /// that appending their values does, through the dictionary's switch to PLAIN and pages.
  @Test(arguments: 0..<8) func appendingCellsBuffersWhatAppendingValuesDoes(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(100 + seed))
    var limits = ParquetWriterLimits.standard
    limits.distinctCheckMinValues = 30 + rng.below(100)
    limits.maxDictionaryBytes = 200 + rng.below(2_000)
    // Strings: a few short ones (a dictionary), or many (mostly distinct, then PLAIN).
    var text: [UInt8] = []
    var pool: [Range<Int>] = []
    for k in 0..<(seed % 2 == 0 ? 6 : 400) {
      let start = text.count
      text.append(contentsOf: "科目\(k)-\(rng.below(1_000))".prefix(rng.below(9)).utf8)
      pool.append(start..<text.count)
    }
    var encoded: [UInt8] = []
    ValueCodec.encode([], into: &encoded)
    let reader = try EncodedRows(encoded)
    for type in Self.types {
      for nullable in [false, true] {
        let column = try ParquetColumn(ColumnSpec("c", type, nullable: nullable, ""), dataset: "t")
        var byCell = ColumnChunkBuffer(column: column, limits: limits)
        var byValue = ColumnChunkBuffer(column: column, limits: limits)
        var previous: EncodedRows.Cell? = nil
        for _ in 0..<2_000 {
          var cell = Self.acceptedCell(&rng, column, pool: pool)
          try #require(EncodedCellCheck(column).accepts(cell))
          // Repeat the string above, as the encoding marks it.
          if case .string(let range, _)? = previous, rng.below(3) == 0 { cell = .string(range, repeated: true) }
          previous = cell
          text.withUnsafeBufferPointer { byCell.append(cell: cell, bytes: $0) }
          let value: Value
          if case .string(let range, _) = cell {
            value = .string(String(decoding: text[range], as: UTF8.self))
          } else {
            value = reader.value(cell)
          }
          byValue.append(value)
          #expect(byCell.rowCount == byValue.rowCount)
          #expect(byCell.nullCount == byValue.nullCount)
          #expect(byCell.bufferedRows == byValue.bufferedRows)
          #expect(byCell.bufferedPageBytes == byValue.bufferedPageBytes)
          #expect(byCell.isDictionaryEncoded == byValue.isDictionaryEncoded)
          #expect(byCell.fallbackPending == byValue.fallbackPending)
        }
        #expect(byCell.definitionLevels == byValue.definitionLevels)
        #expect(byCell.int32Values == byValue.int32Values)
        #expect(byCell.int64Values == byValue.int64Values)
        #expect(byCell.booleanValues == byValue.booleanValues)
        #expect(byCell.dictionaryIndices == byValue.dictionaryIndices)
        #expect(byCell.plainBytes == byValue.plainBytes)
        #expect(byCell.dictionary.storage == byValue.dictionary.storage)
        #expect(byCell.dictionary.count == byValue.dictionary.count)
        // The chunk's statistics: integers and decimals after rescaling, flags, PLAIN bounds.
        #expect(byCell.minInteger == byValue.minInteger && byCell.maxInteger == byValue.maxInteger)
        #expect(byCell.sawFalse == byValue.sawFalse && byCell.sawTrue == byValue.sawTrue)
        #expect(byCell.plainBounds?.lo == byValue.plainBounds?.lo && byCell.plainBounds?.hi == byValue.plainBounds?.hi)
      }
    }
  }
}

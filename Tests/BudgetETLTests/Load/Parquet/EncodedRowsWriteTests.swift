import Foundation
import Testing

@testable import BudgetETL

/// `ParquetWriter.write(encodedRows:)` against the behaviour it replaced, kept here as the
/// oracle: decode the bundle's rows (nothing written when that fails), then `write(row:)` each,
/// stopping at the first row refused. Same errors, same file bytes, on random bundles (with
/// refused values, wrong widths and damaged bytes) and on the seed documents' datasets.
@Suite struct EncodedRowsWriteTests {
  static func oracleWrite(_ writer: ParquetWriter, _ bytes: [UInt8]) throws {
    let rows = try ValueCodec.decode(bytes)
    for row in rows { try writer.write(row: row) }
  }

  /// Writes `bundles` through both paths; returns each path's errors (one per bundle, nil
  /// when it was written whole) and file.
  static func writeBoth(
    _ schema: DatasetSchema, _ bundles: [[UInt8]], limits: ParquetWriterLimits, rowGroupRows: Int
  ) throws -> [(errors: [String?], file: [UInt8])] {
    var results: [(errors: [String?], file: [UInt8])] = []
    for useOracle in [true, false] {
      let path = try ParquetWriterTests.temporaryPath()
      defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
      let writer = try ParquetWriter(
        schema: schema, path: path, compressionLevel: 1, rowGroupRows: rowGroupRows, createdBy: "t", limits: limits)
      var errors: [String?] = []
      for bundle in bundles {
        do {
          if useOracle { try oracleWrite(writer, bundle) } else { try writer.write(encodedRows: bundle) }
          errors.append(nil)
        } catch {
          errors.append("\(type(of: error)) \(error)")
        }
      }
      try writer.close()
      results.append((errors, Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
    }
    return results
  }

  static let columns: [ColumnSpec] = [
    ColumnSpec("s", .string, nullable: false, ""), ColumnSpec("so", .string, nullable: true, ""),
    ColumnSpec("i", .int32, nullable: true, ""), ColumnSpec("l", .int64, nullable: false, ""),
    ColumnSpec("m", .decimal(precision: 18, scale: 2), nullable: true, ""),
    ColumnSpec("d", .decimal(precision: 6, scale: 3), nullable: false, ""),
    ColumnSpec("b", .boolean, nullable: true, ""), ColumnSpec("bo", .boolean, nullable: false, ""),
  ]

  /// A value for column `c` of the schema above; now and then one the column refuses.
  static func value(_ rng: inout SplitMix64, column c: Int, words: Int, above: Value?) -> Value {
    if rng.below(400) == 0 {
      let wrong: [Value] = [.null, .string("x"), .int(Int64(Int32.max) + 1), .decimal(unscaled: 1, scale: 5), .bool(true)]
      return wrong[rng.below(wrong.count)]
    }
    if let above, rng.below(3) == 0 { return above }
    if columns[c].nullable && rng.below(7) == 0 { return .null }
    switch c {
    case 0, 1: return .string(rng.below(5) == 0 ? "" : "预算科目\(rng.below(words))")
    case 2: return .int(Int64(rng.below(1 << 20)) - (1 << 19))
    case 3: return .int(Int64(bitPattern: rng.next()) >> Int64(rng.below(64)))
    case 4: return .decimal(unscaled: Int64(rng.below(1 << 40)) - (1 << 39), scale: rng.below(3))
    case 5: return .decimal(unscaled: Int64(rng.below(999_999)), scale: 3)
    default: return .bool(rng.below(2) == 0)
    }
  }

  @Test(arguments: 0..<12) func randomBundlesGiveTheOraclesErrorsAndBytes(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(7_000 + seed))
    var limits = ParquetWriterLimits.standard
    limits.maxPageRows = 20 + rng.below(300)
    limits.targetPageBytes = 256 + rng.below(8_000)
    limits.distinctCheckMinValues = 20 + rng.below(200)
    limits.maxDictionaryBytes = 300 + rng.below(5_000)
    let words = [3, 40, 5_000][seed % 3]
    let schema = ParquetWriterTests.schema(Self.columns)
    var bundles: [[UInt8]] = []
    for _ in 0..<(10 + rng.below(30)) {
      var rows: [[Value]] = []
      for _ in 0..<rng.below(120) {
        var row = (0..<Self.columns.count).map { c in
          Self.value(&rng, column: c, words: words, above: rows.last.flatMap { c < $0.count ? $0[c] : nil })
        }
        if rng.below(300) == 0 { row.removeLast() }
        if rng.below(300) == 0 { row.append(.int(1)) }
        rows.append(row)
      }
      var bytes: [UInt8] = []
      ValueCodec.encode(rows, into: &bytes)
      if rng.below(20) == 0 && !bytes.isEmpty { bytes.removeLast(1 + rng.below(bytes.count)) }
      bundles.append(bytes)
    }
    let results = try Self.writeBoth(schema, bundles, limits: limits, rowGroupRows: 50 + rng.below(500))
    #expect(results[0].errors == results[1].errors)
    #expect(results[0].file == results[1].file)
    // Some bundles are refused, most are not.
    let refused = results[0].errors.compactMap { $0 }.count
    #expect(refused < bundles.count)
  }

  /// Every dataset of every seed document, as its bundle holds it (repeated cells marked).
  @Test(arguments: Seed.allCases) func seedDocumentsGiveTheOraclesBytes(_ seed: Seed) throws {
    let result = seed.result
    for schema in Datasets.all where schema.name != Datasets.sources.name {
      let rows = result.rows(of: schema)
      let binary = DocumentRowsEncoder.encode(rows, schema: schema).binary
      for limits in [ParquetWriterLimits.standard, Self.smallLimits] {
        let results = try Self.writeBoth(schema, [binary, binary, binary], limits: limits, rowGroupRows: 97)
        #expect(results[0].errors == [nil, nil, nil], "\(seed) \(schema.name)")
        #expect(results[1].errors == [nil, nil, nil], "\(seed) \(schema.name)")
        #expect(results[0].file == results[1].file, "\(seed) \(schema.name)")
      }
    }
  }

  static var smallLimits: ParquetWriterLimits {
    var limits = ParquetWriterLimits.standard
    limits.maxPageRows = 30
    limits.distinctCheckMinValues = 25
    limits.maxDictionaryBytes = 400
    return limits
  }
}

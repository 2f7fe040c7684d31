import Testing

@testable import BudgetETL

/// Numbers and flags written straight into the CSV and JSON Lines bytes read as `Value.csvText`
/// renders them: exact fen with two decimals, signs, zero padding, the extremes of `Int64`.
@Suite struct RowEncoderTests {
  static let values: [Value] = [
    .int(0), .int(7), .int(-7), .int(2023), .int(Int64.max), .int(Int64.min), .fen(0), .fen(5), .fen(-5), .fen(100),
    .fen(123_984_400), .fen(-1_000), .fen(Int64.max), .fen(Int64.min), .decimal(unscaled: 12_345, scale: 3),
    .decimal(unscaled: -1, scale: 6), .decimal(unscaled: 42, scale: 0), .bool(true), .bool(false),
  ]

  @Test(arguments: values)
  func scalarsReadAsTheirText(value: Value) {
    var out: [UInt8] = []
    RowEncoder.appendScalar(value, into: &out)
    #expect(String(decoding: out, as: UTF8.self) == value.csvText)
  }

  @Test func amountsAsPublished() {
    var csv: [UInt8] = []
    RowEncoder.csvRow([.string("合计"), .fen(123_984_400), .int(-3), .null, .bool(true)], into: &csv)
    #expect(String(decoding: csv, as: UTF8.self) == "合计,1239844.00,-3,,true\n")
  }

  /// The keys escaped once give every dataset's rows the bytes the schema-driven encoder gives,
  /// nulls, escapes and Chinese text included.
  @Test func precomputedKeysWriteTheSameObjects() {
    let strings: [Value] = [.string("合计"), .string("a\"b\\c\n\t\u{1}"), .string(""), .null]
    for schema in Datasets.all {
      var bySchema: [UInt8] = []
      var byKeys: [UInt8] = []
      let keys = RowEncoder.jsonKeys(schema)
      for shift in 0..<4 {
        let row = schema.columns.indices.map { i -> Value in
          let pick = (i + shift) % (strings.count + Self.values.count)
          return pick < strings.count ? strings[pick] : Self.values[pick - strings.count]
        }
        RowEncoder.jsonRow(row, schema: schema, into: &bySchema)
        RowEncoder.jsonRow(row, keys: keys, into: &byKeys)
      }
      #expect(byKeys == bySchema, "\(schema.name)")
      #expect(!byKeys.isEmpty)
    }
  }
}

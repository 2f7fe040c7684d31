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

  /// RFC 4180 quoting and JSON escapes, byte for byte: a field with a comma, a quote or a line
  /// break is quoted with its quotes doubled (a tab or a backslash alone is not); JSON escapes
  /// quotes, backslashes and control characters, and leaves Chinese text and `/` as they are.
  @Test func quotingAndEscapesAsWritten() {
    let row: [Value] = [
      .string("一般公共预算,合计"), .string("说明\"甲\""), .string("第一行\r\n第二行"), .string("a\tb\\c/d"),
      .string("\u{1}\u{1F}"), .null, .string(""),
    ]
    var csv: [UInt8] = []
    RowEncoder.csvRow(row, into: &csv)
    #expect(
      String(decoding: csv, as: UTF8.self)
        == "\"一般公共预算,合计\",\"说明\"\"甲\"\"\",\"第一行\r\n第二行\",a\tb\\c/d,\u{1}\u{1F},,\n")
    let schema = DatasetSchema(
      name: "t", title: "T", description: "",
      columns: (0..<7).map { ColumnSpec("c\($0)", .string, nullable: true, "") }, primaryKey: [])
    var jsonl: [UInt8] = []
    RowEncoder.jsonRow(row, schema: schema, into: &jsonl)
    #expect(
      String(decoding: jsonl, as: UTF8.self)
        == #"{"c0":"一般公共预算,合计","c1":"说明\"甲\"","c2":"第一行\r\n第二行","c3":"a\tb\\c/d","c4":"\u0001\u001f","c5":null,"c6":""}"#
        + "\n")
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

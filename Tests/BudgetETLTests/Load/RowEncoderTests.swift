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

  /// Column names that need escaping, as JSON keys byte for byte.
  @Test func keysEscapedAsWritten() {
    let schema = DatasetSchema(
      name: "t", title: "T", description: "",
      columns: ["a\"b", "c\\d", "\u{1}e", "合计/x"].map { ColumnSpec($0, .string, nullable: true, "") }, primaryKey: [])
    #expect(
      RowEncoder.jsonKeys(schema).map { String(decoding: $0, as: UTF8.self) }
        == [#""a\"b":"#, #""c\\d":"#, #""\u0001e":"#, #""合计/x":"#])
  }

  /// Decimals of every scale the encoders write digits for (and 0 and 19, which go through
  /// `csvText`), at the extremes: the digits `Value.csvText`'s own formatter prints.
  @Test func decimalsOfEveryScaleReadAsTheirText() {
    let unscaled: [Int64] = [
      Int64.min, Int64.min + 1, Int64.max, 0, 1, -1, 10, -10, 999_999_999_999_999_999, -1_000_000_000_000_000_000,
    ]
    for scale in 0...19 {
      for u in unscaled {
        var out: [UInt8] = []
        RowEncoder.appendScalar(.decimal(unscaled: u, scale: scale), into: &out)
        #expect(String(decoding: out, as: UTF8.self) == Value.decimal(unscaled: u, scale: scale).csvText, "\(u) scale \(scale)")
      }
    }
    var out: [UInt8] = []
    RowEncoder.appendScalar(.decimal(unscaled: 1, scale: 18), into: &out)
    #expect(String(decoding: out, as: UTF8.self) == "0.000000000000000001")
  }
}

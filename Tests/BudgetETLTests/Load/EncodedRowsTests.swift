import Testing

@testable import BudgetETL

/// The one reader of encoded rows (for decoding and for Parquet): strings are ranges of the
/// bytes, and a repeated string is the range of the one above, marked as repeated.
@Suite struct EncodedRowsTests {
  @Test func aRepeatedStringIsTheRangeAboveMarkedRepeated() throws {
    var bytes: [UInt8] = []
    ValueCodec.encode(
      [
        [.string("医疗"), .string("x"), .int(5)], [.string("医疗"), .string("y"), .int(5)],
        [.string("医疗"), .string("y"), .null],
      ], into: &bytes)
    var reader = try EncodedRows(bytes)
    #expect(reader.count == 3)
    var rows: [[EncodedRows.Cell]] = []
    for _ in 0..<reader.count {
      try reader.nextRow()
      rows.append(reader.row)
    }
    try reader.expectEnd()
    #expect(rows.map { $0.map(\.isRepeatedString) } == [[false, false, false], [true, false, false], [true, true, false]])
    guard case .string(let first, _) = rows[0][0], case .string(let third, _) = rows[2][0] else {
      Issue.record("not strings: \(rows)")
      return
    }
    #expect(first == third && String(decoding: bytes[first], as: UTF8.self) == "医疗")
    #expect(reader.value(rows[2][1]) == .string("y") && reader.value(rows[1][2]) == .int(5))
    #expect(reader.value(rows[2][2]) == .null)
  }

  /// A string after a repeated one, in the same column, is not marked repeated.
  @Test func aNewStringAfterARepeatIsNotRepeated() throws {
    var bytes: [UInt8] = []
    ValueCodec.encode([[.string("a")], [.string("a")], [.string("b")], [.null], [.null], [.string("b")]], into: &bytes)
    var reader = try EncodedRows(bytes)
    var marks: [Bool] = []
    for _ in 0..<reader.count {
      try reader.nextRow()
      marks.append(reader.row[0].isRepeatedString)
    }
    #expect(marks == [false, true, false, false, false, false])
  }

  @Test func expectEndNeedsEveryRowRead() throws {
    var bytes: [UInt8] = []
    ValueCodec.encode([[.int(1)], [.int(2)]], into: &bytes)
    var reader = try EncodedRows(bytes)
    try reader.nextRow()
    #expect(throws: ValueCodec.DecodeError.trailingBytes) { try reader.expectEnd() }
    try reader.nextRow()
    try reader.expectEnd()
  }
}

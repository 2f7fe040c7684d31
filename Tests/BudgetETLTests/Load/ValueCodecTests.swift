import Testing

@testable import BudgetETL

/// The bundles' binary rows: every kind of value comes back as it went in, and damaged bytes
/// are errors, never a trap or a huge allocation.
@Suite struct ValueCodecTests {
  @Test func everyKindOfValueComesBack() throws {
    let rows: [[Value]] = [
      [.string("医疗保障局"), .int(-7), .decimal(unscaled: 123_984_400, scale: 2), .bool(true), .null],
      [.string(""), .int(Int64.max), .decimal(unscaled: -5, scale: 0), .bool(false), .string("e\u{301}")],
      [],
    ]
    var bytes: [UInt8] = []
    ValueCodec.encode(rows, into: &bytes)
    #expect(try ValueCodec.decode(bytes) == rows)
    // The decomposed é keeps its bytes.
    #expect(Array(try ValueCodec.decode(bytes)[1][4].stringValue.utf8) == [0x65, 0xCC, 0x81])
  }

  @Test func damagedBytesAreErrors() {
    // A header that claims 4 billion rows over no bytes.
    #expect(throws: ValueCodec.DecodeError.truncated) { try ValueCodec.decode([0xFF, 0xFF, 0xFF, 0xFF]) }
    #expect(throws: ValueCodec.DecodeError.truncated) { try ValueCodec.decode([1, 0]) }
    // One row of one cell with tag 9.
    #expect(throws: ValueCodec.DecodeError.badTag(9)) { try ValueCodec.decode([1, 0, 0, 0, 1, 0, 0, 0, 9]) }
    // A string whose length runs past the end.
    #expect(throws: ValueCodec.DecodeError.truncated) {
      try ValueCodec.decode([1, 0, 0, 0, 1, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0x7F, 0x41])
    }
  }
}

extension Value {
  fileprivate var stringValue: String {
    if case .string(let s) = self { return s }
    return ""
  }
}

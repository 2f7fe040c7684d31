import Testing

@testable import BudgetETL

/// The bundles' binary rows: every kind of value comes back as it went in, a value repeated from
/// the row above takes one byte, and damaged bytes are errors, never a trap or a huge allocation.
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

  /// Extremes of every kind, each repeated from the row above, then changed, then repeated.
  static let extremes: [Value] = [
    .null, .string(""), .string("一般公共预算财政拨款收入"), .string("a,b \"c\"\n𠀀"), .int(0), .int(-1), .int(1),
    .int(Int64.min), .int(Int64.max), .int(-300), .decimal(unscaled: 0, scale: 2),
    .decimal(unscaled: Int64.min, scale: 2), .decimal(unscaled: Int64.max, scale: 18),
    .decimal(unscaled: -5, scale: 0), .decimal(unscaled: 12_345, scale: 4), .bool(false), .bool(true),
  ]

  @Test func repeatedValuesOfEveryKindComeBackInOneByte() throws {
    let width = Self.extremes.count
    let shifted = Array(Self.extremes[1...] + Self.extremes[..<1])
    let rows = [Self.extremes, Self.extremes, shifted, shifted, Self.extremes]
    var bytes: [UInt8] = []
    ValueCodec.encode(rows, into: &bytes)
    #expect(try ValueCodec.decode(bytes) == rows)
    // Rows 2 and 4 are their cell count and one repeat tag per cell.
    var first: [UInt8] = []
    ValueCodec.encode([Self.extremes], into: &first)
    let row1 = first.count - 1
    let repeated = [UInt8(width)] + Array(repeating: ValueCodec.Tag.repeated, count: width)
    #expect(Array(bytes[(1 + row1)..<(1 + row1 + repeated.count)]) == repeated)
    #expect(bytes.count == 1 + 3 * row1 + 2 * repeated.count)
  }

  /// The layout, pinned: varint counts and lengths, zigzag integers, the repeat tag.
  @Test func theLayoutIsVarintsAndTags() {
    var bytes: [UInt8] = []
    ValueCodec.encode(
      [
        [.string("ab"), .int(-1), .decimal(unscaled: 150, scale: 2), .null],
        [.string("ab"), .int(300), .decimal(unscaled: 150, scale: 2), .bool(true)],
      ], into: &bytes)
    #expect(
      bytes == [
        2,  // rows
        4, 1, 2, 0x61, 0x62, 2, 1, 3, 0xAC, 0x02, 4, 0,  // "ab", -1, 1.50 (zigzag 300, scale 2), null
        4, 6, 2, 0xD8, 0x04, 6, 5,  // repeat, 300 (zigzag 600), repeat, true
      ])
  }

  /// Canonically equivalent strings are different bytes: neither repeats the other.
  @Test func equivalentStringsAreNotRepeats() throws {
    let rows: [[Value]] = [[.string("\u{E9}")], [.string("e\u{301}")], [.string("e\u{301}")], [.string("\u{E9}")]]
    #expect(rows[0] == rows[1])  // as Swift compares them
    var bytes: [UInt8] = []
    ValueCodec.encode(rows, into: &bytes)
    let decoded = try ValueCodec.decode(bytes)
    #expect(decoded.map { Array($0[0].stringValue.utf8) } == rows.map { Array($0[0].stringValue.utf8) })
    #expect(bytes.filter { $0 == ValueCodec.Tag.repeated }.count == 1)
  }

  /// A repeat refers to the same column of the row above; a wider row after a narrower one
  /// spells its extra cells out.
  @Test func rowsOfDifferentWidths() throws {
    let rows: [[Value]] = [
      [.string("甲"), .int(1), .null], [.string("甲")], [.string("甲"), .int(1), .null], [], [.string("甲")],
    ]
    var bytes: [UInt8] = []
    ValueCodec.encode(rows, into: &bytes)
    #expect(try ValueCodec.decode(bytes) == rows)
  }

  @Test func damagedBytesAreErrors() throws {
    typealias E = ValueCodec.DecodeError
    #expect(throws: E.truncated) { try ValueCodec.decode([]) }
    // A header that claims 4 billion rows over no bytes.
    #expect(throws: E.truncated) { try ValueCodec.decode([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) }
    // A row that claims 65,535 cells.
    #expect(throws: E.truncated) { try ValueCodec.decode([1, 0xFF, 0xFF, 0x03, 0]) }
    // A varint longer than 64 bits, and one whose tenth byte goes on.
    #expect(throws: E.badVarint) { try ValueCodec.decode(Array(repeating: 0xFF, count: 10) + [0x01]) }
    #expect(throws: E.badVarint) { try ValueCodec.decode([1, 1, 2] + Array(repeating: 0x80, count: 9) + [0x02]) }
    // One row of one cell with tag 9.
    #expect(throws: E.badTag(9)) { try ValueCodec.decode([1, 1, 9]) }
    // A string whose length runs past the end.
    #expect(throws: E.truncated) { try ValueCodec.decode([1, 1, 1, 0xFF, 0xFF, 0xFF, 0x7F, 0x41]) }
    // A repeat in the first row, and of a column the row above does not have.
    #expect(throws: E.nothingToRepeat(row: 1, column: 1)) { try ValueCodec.decode([1, 1, 6]) }
    #expect(throws: E.nothingToRepeat(row: 2, column: 2)) { try ValueCodec.decode([2, 1, 0, 2, 6, 6]) }
    // Fewer rows than the header says, and bytes after the rows.
    #expect(throws: E.truncated) { try ValueCodec.decode([2, 1, 0]) }
    #expect(throws: E.trailingBytes) { try ValueCodec.decode([1, 1, 0, 0]) }
    // A decimal of scale -1 (zigzag 1) or 19 (zigzag 38).
    #expect(throws: E.badScale(-1)) { try ValueCodec.decode([1, 1, 3, 2, 1]) }
    #expect(throws: E.badScale(19)) { try ValueCodec.decode([1, 1, 3, 2, 38]) }
    #expect(try ValueCodec.decode([1, 1, 3, 2, 36]) == [[.decimal(unscaled: 1, scale: 18)]])
    // The largest integers still decode.
    #expect(try ValueCodec.decode([1, 1, 2] + Array(repeating: 0xFF, count: 9) + [0x01]) == [[.int(Int64.min)]])
  }

  /// Every cut of a valid encoding is an error, and so is no byte flip a trap.
  @Test func everyPrefixIsAnErrorAndFlipsNeverTrap() throws {
    let rows = [Self.extremes, Self.extremes, Array(Self.extremes.reversed())]
    var bytes: [UInt8] = []
    ValueCodec.encode(rows, into: &bytes)
    for length in 0..<bytes.count {
      #expect(throws: ValueCodec.DecodeError.self) { try ValueCodec.decode(Array(bytes[..<length])) }
    }
    var rng = SplitMix64(seed: 11)
    for _ in 0..<2_000 {
      var damaged = bytes
      damaged[Int(rng.next() % UInt64(damaged.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
      do { _ = try ValueCodec.decode(damaged) } catch is ValueCodec.DecodeError {}
    }
  }
}

extension Value {
  fileprivate var stringValue: String {
    if case .string(let s) = self { return s }
    return ""
  }
}

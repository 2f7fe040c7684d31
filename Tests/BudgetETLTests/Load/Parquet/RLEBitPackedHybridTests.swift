import Testing

@testable import BudgetETL

@Suite struct RLEBitPackedHybridTests {
  private func encode(_ values: [UInt32], bitWidth: Int) -> [UInt8] {
    var out: [UInt8] = []
    RLEBitPackedHybrid.encode(values, bitWidth: bitWidth, into: &out)
    return out
  }

  @Test func eightOnesThenAZero() {
    // Eight 1s: RLE run, header 8 << 1 = 0x10, value 0x01 (one byte at width 1).
    // Then 0: a bit-packed group of one (padded to 8), header 1 << 1 | 1 = 0x03, byte 0x00.
    #expect(encode([1, 1, 1, 1, 1, 1, 1, 1, 0], bitWidth: 1) == [0x10, 0x01, 0x03, 0x00])
  }

  @Test func aLongRunOfOnesIsOneRLERun() {
    // 1000 << 1 = 2000 = 0b1111_1010000: varint 0xD0 0x0F, then the value 0x01.
    #expect(encode([UInt32](repeating: 1, count: 1000), bitWidth: 1) == [0xD0, 0x0F, 0x01])
  }

  @Test func bitPacksTheSpecExample() {
    // Encodings.md: 0..7 at width 3 packs to 10001000 11000110 11111010.
    #expect(encode([0, 1, 2, 3, 4, 5, 6, 7], bitWidth: 3) == [0x03, 0x88, 0xC6, 0xFA])
  }

  @Test func shortRunsAreBitPackedAndPadded() {
    // [0, 1, 0] at width 1: one group, bits 010 -> 0x02.
    #expect(encode([0, 1, 0], bitWidth: 1) == [0x03, 0x02])
    // Ten alternating values: two groups (0xAA = 10101010 read LSB first is 0,1,0,1…).
    #expect(encode([0, 1, 0, 1, 0, 1, 0, 1, 0, 1], bitWidth: 1) == [0x05, 0xAA, 0x02])
  }

  @Test func wideValuesUseWholeBytesInRLERuns() {
    // 9 × 300 at width 9: header 0x12, value 300 = 0x012C in 2 little-endian bytes.
    #expect(encode([UInt32](repeating: 300, count: 9), bitWidth: 9) == [0x12, 0x2C, 0x01])
  }

  @Test(arguments: [0, 1, 2, 3, 5, 8, 13, 17, 32])
  func decodesBackToTheInput(bitWidth: Int) throws {
    let maxValue: UInt64 = bitWidth == 0 ? 0 : (1 << UInt64(bitWidth)) - 1
    var values: [UInt32] = []
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for i in 0..<2_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let random = UInt32(truncatingIfNeeded: (state >> 33) & maxValue)
      let runLength = (i % 50 == 0) ? 40 : 1
      values.append(contentsOf: repeatElement(random, count: runLength))
    }
    let encoded = encode(values, bitWidth: bitWidth)
    let decoded = try ParquetTestFile.decodeHybrid(encoded[...], bitWidth: bitWidth, count: values.count)
    #expect(decoded == values.map(UInt64.init))
  }

  static let widthCases: [(UInt64, Int)] = [
    (0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (255, 8), (256, 9), (UInt64(UInt32.max), 32),
  ]

  @Test(arguments: widthCases)
  func bitWidthCoversTheMaximum(maxValue: UInt64, width: Int) {
    #expect(RLEBitPackedHybrid.bitWidth(forMaxValue: maxValue) == width)
  }
}

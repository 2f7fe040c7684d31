import Testing

@testable import BudgetETL

/// The checkpoints' writer, backed by a ``ByteSink`` since e351cf6, writes the bytes the
/// array-backed writer before it wrote, for every kind of field (a review's oracle).
@Suite struct BinaryWriterTests {
  static let extremes: [Int64] = [
    Int64.min, Int64.min + 1, Int64.max, 0, -1, 1, 9, 10, -10, 999_999_999_999_999_999, -1_000_000_000_000_000_000,
  ]

  /// The writer as it was before e351cf6 (array-backed).
  struct OldWriter {
    var bytes: [UInt8] = []
    mutating func write(_ byte: UInt8) { bytes.append(byte) }
    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func write(varint value: UInt64) { Varint.append(value, to: &bytes) }
    mutating func write(_ value: Int64) { write(varint: Varint.zigzag(value)) }
    mutating func write(_ value: Int) { write(Int64(value)) }
    mutating func write(_ value: String) {
      let utf8 = value.utf8
      write(varint: UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
    mutating func write(_ value: String?) {
      guard let value else { return bytes.append(0) }
      bytes.append(1)
      write(value)
    }
    mutating func write(_ value: Int?) {
      guard let value else { return bytes.append(0) }
      bytes.append(1)
      write(value)
    }
    mutating func write(_ values: [String]) {
      write(varint: UInt64(values.count))
      for value in values { write(value) }
    }
    mutating func write(_ flags: [Bool]) {
      write(varint: UInt64(flags.count))
      var byte: UInt8 = 0
      for (i, flag) in flags.enumerated() {
        if flag { byte |= 1 << UInt8(i & 7) }
        if i & 7 == 7 {
          bytes.append(byte)
          byte = 0
        }
      }
      if flags.count & 7 != 0 { bytes.append(byte) }
    }
  }

  @Test func theBytesOfTheArrayBackedWriter() {
    var rng = SplitMix64(seed: 77)
    for _ in 0..<200 {
      var old = OldWriter()
      var new = BinaryWriter(capacity: rng.below(40))
      for _ in 0..<rng.below(400) {
        switch rng.below(9) {
        case 0: let b = UInt8(truncatingIfNeeded: rng.next()); old.write(b); new.write(b)
        case 1: let b = rng.below(2) == 0; old.write(b); new.write(b)
        case 2: let v = rng.next() >> UInt64(rng.below(64)); old.write(varint: v); new.write(varint: v)
        case 3: let v = Self.extremes[rng.below(Self.extremes.count)]; old.write(v); new.write(v)
        case 4: let v = Int(truncatingIfNeeded: rng.next()); old.write(v); new.write(v)
        case 5:
          let s = rng.text(from: ["合计", "a", "e\u{301}", "\u{0}", "👍🏽", String(repeating: "x", count: 5000)], fewerThan: 4)
          old.write(s); new.write(s)
        case 6: let s: String? = rng.below(2) == 0 ? nil : "项目"; old.write(s); new.write(s)
        case 7: let flags = (0..<rng.below(30)).map { _ in rng.below(2) == 0 }; old.write(flags); new.write(flags)
        default: let v: Int? = rng.below(2) == 0 ? nil : Int.min; old.write(v); new.write(v)
        }
      }
      #expect(new.bytes == old.bytes)
      #expect(new.count == old.bytes.count)
      #expect(new.withBytes { Array($0) } == old.bytes)
    }
  }
}

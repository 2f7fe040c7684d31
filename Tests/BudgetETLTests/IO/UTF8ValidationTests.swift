import Foundation
import Testing

@testable import BudgetETL

/// `TextDecoder.firstInvalidUTF8` names the same offset as the scalar-decoding scan it
/// replaced (kept here as the oracle) and as the standard library's own validation.
@Suite struct UTF8ValidationTests {
  /// The scan of `17754c1`: decodes every sequence's scalar and checks its range.
  static func oracle(_ bytes: [UInt8]) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 { i += 1; continue }
      var need = 0
      var min: UInt32 = 0
      var cp: UInt32 = 0
      if b & 0xE0 == 0xC0 { need = 1; min = 0x80; cp = UInt32(b & 0x1F) }
      else if b & 0xF0 == 0xE0 { need = 2; min = 0x800; cp = UInt32(b & 0x0F) }
      else if b & 0xF8 == 0xF0 { need = 3; min = 0x10000; cp = UInt32(b & 0x07) }
      else { return i }
      if i + need >= n { return i }
      for j in 1...need {
        let c = bytes[i + j]
        if c & 0xC0 != 0x80 { return i }
        cp = cp << 6 | UInt32(c & 0x3F)
      }
      if cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) { return i }
      i += need + 1
    }
    return nil
  }

  /// Every lead byte followed by every second byte, with and without valid bytes after it,
  /// at each offset of an ASCII run (so the eight-byte steps end at every place).
  @Test func everyTwoBytePrefixAtEveryAlignment() {
    var checked = 0
    for lead in 0...255 {
      for second in 0...255 {
        for pad in 0..<9 {
          for tail: [UInt8] in [[], [0x80], [0x80, 0x80], [0xBF, 0xBF, 0x41]] {
            let bytes = Array(repeating: UInt8(ascii: "a"), count: pad) + [UInt8(lead), UInt8(second)] + tail
            let got = TextDecoder.firstInvalidUTF8(bytes)
            let want = Self.oracle(bytes)
            if got != want {
              Issue.record("\(bytes.map { String($0, radix: 16) }): \(String(describing: got)) vs \(String(describing: want))")
              return
            }
            checked += 1
          }
        }
      }
    }
    #expect(checked == 256 * 256 * 9 * 4)
  }

  /// Random text of ASCII, Chinese, two- and four-byte scalars with random damage: the
  /// offsets agree, and agree with whether the standard library accepts the bytes.
  @Test func randomTextWithDamage() {
    var rng = SplitMix64(seed: 42)
    let pieces: [[UInt8]] = ["预算", "单位：万元", "abc 12,345.67\t", "é", "𠀀", "\r\n", "一般公共预算拨款收入"]
      .map { Array($0.utf8) }
    var invalid = 0
    for _ in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...12, using: &rng) {
        bytes += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
      }
      for _ in 0..<Int.random(in: 0...2, using: &rng) where !bytes.isEmpty {
        let at = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
        case 1: bytes.remove(at: at)
        default: bytes.insert(UInt8.random(in: 0x80...0xFF, using: &rng), at: at)
        }
      }
      let got = TextDecoder.firstInvalidUTF8(bytes)
      #expect(got == Self.oracle(bytes), "\(bytes)")
      #expect((got == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
      if got != nil { invalid += 1 }
    }
    // Both kinds were tried in numbers.
    #expect(invalid > 2_000 && invalid < 18_000)
  }

  @Test func namesTheFirstBadByte() {
    let text = Array("单位：元".utf8)
    #expect(TextDecoder.firstInvalidUTF8(text) == nil)
    #expect(TextDecoder.firstInvalidUTF8(text + [0xE5, 0x8D]) == text.count)  // cut at the end
    #expect(TextDecoder.firstInvalidUTF8(Array("abcdefghij".utf8) + [0xED, 0xA0, 0x80]) == 10)  // surrogate
    #expect(TextDecoder.firstInvalidUTF8([0x41, 0xF4, 0x90, 0x80, 0x80]) == 1)  // past U+10FFFF
    #expect(TextDecoder.firstInvalidUTF8([0xF0, 0x8F, 0xBF, 0xBF]) == 0)  // overlong
    #expect(TextDecoder.firstInvalidUTF8([0xF4, 0x8F, 0xBF, 0xBF]) == nil)  // U+10FFFF
  }
}

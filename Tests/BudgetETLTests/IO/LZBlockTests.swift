import Foundation
import Testing

@testable import BudgetETL

/// The checkpoints' compressor gives back every input exactly, never writes past the size it
/// promises, and reads damaged blocks as errors, never traps.
@Suite struct LZBlockTests {
  static func random(_ count: Int, seed: UInt64) -> [UInt8] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
  }

  /// Inputs at the edges of the format: empty, shorter than a match can start in, runs
  /// (overlapping matches, matches past ``LZBlock/maximumMatch``), incompressible bytes,
  /// literal runs of 15 and more, repeats farther back than ``LZBlock/window``, and text.
  static func inputs() -> [[UInt8]] {
    var cases: [[UInt8]] = [[], [7], Array(0..<12), Array(0..<13), Array(repeating: 0, count: 13)]
    cases.append(Array(repeating: 0x41, count: 1_000_000))
    cases.append(Array((0..<5000).map { UInt8($0 % 7) }))
    cases.append(random(100_000, seed: 1))
    // 15 new bytes then 4 seen before, over and over: every sequence has a literal varint.
    var mixed: [UInt8] = []
    var rng = SplitMix64(seed: 2)
    for _ in 0..<4000 {
      mixed += (0..<15).map { _ in UInt8.random(in: 0...255, using: &rng) }
      mixed += [1, 2, 3, 4]
    }
    cases.append(mixed)
    let far = random(70_000, seed: 3)
    cases.append(far + random(LZBlock.window + 10, seed: 4) + far)
    cases.append(Seed.s2.bytes)
    cases.append(Array(repeating: Seed.s0.bytes, count: 3).flatMap { $0 })
    return cases
  }

  @Test func everyInputComesBackExactly() throws {
    for input in Self.inputs() {
      let block = LZBlock.compress(input)
      #expect(block.count <= LZBlock.bound(input.count), "\(input.count) bytes")
      #expect(try LZBlock.decompress(block, count: input.count) == input, "\(input.count) bytes")
    }
  }

  /// The compressor finds the repeats: text that says the same thing three times shrinks.
  @Test func repeatsAreFound() {
    #expect(LZBlock.compress(Array(repeating: 0x41, count: 1_000_000)).count < 200)
    let once = LZBlock.compress(Seed.s0.bytes).count
    let thrice = LZBlock.compress(Array(repeating: Seed.s0.bytes, count: 3).flatMap { $0 }).count
    #expect(once < Seed.s0.bytes.count / 2)
    #expect(thrice < once + once / 10)
  }

  /// The compressor never reaches back as far as ``LZBlock/window``, so the decoder refuses an
  /// offset that does: the far-repeat input of ``inputs()`` no longer comes back if the
  /// compressor's window check goes.
  @Test func offsetsOfTheWindowOrMoreAreRefused() throws {
    let literals = Self.random(LZBlock.window, seed: 5)
    func block(offset: Int) -> [UInt8] {
      var out: [UInt8] = [0xF0]  // 15+ literals, then a match of 4
      Varint.append(UInt64(literals.count - 15), to: &out)
      out += literals
      Varint.append(UInt64(offset), to: &out)
      return out + [0x00]  // the last sequence: no literal, no match
    }
    let inside = try LZBlock.decompress(block(offset: LZBlock.window - 1), count: literals.count + 4)
    #expect(Array(inside.suffix(4)) == Array(literals[1..<5]))
    #expect(throws: LZBlock.DecodeError.badOffset) {
      _ = try LZBlock.decompress(block(offset: LZBlock.window), count: literals.count + 4)
    }
  }

  @Test func damagedBlocksThrowAndNeverTrap() throws {
    let input = Seed.s3.bytes
    let block = LZBlock.compress(input)
    // Cut anywhere, or with a byte more.
    for length in stride(from: 0, to: block.count, by: max(1, block.count / 500)) {
      #expect(throws: LZBlock.DecodeError.self) { _ = try LZBlock.decompress(Array(block.prefix(length)), count: input.count) }
    }
    #expect(throws: LZBlock.DecodeError.self) { _ = try LZBlock.decompress(block + [0], count: input.count) }
    // The wrong size, or one beyond what the block could hold.
    #expect(throws: LZBlock.DecodeError.self) { _ = try LZBlock.decompress(block, count: input.count - 1) }
    #expect(throws: LZBlock.DecodeError.self) { _ = try LZBlock.decompress(block, count: input.count + 1) }
    #expect(throws: LZBlock.DecodeError.overrun) { _ = try LZBlock.decompress([0xFF, 0xFF], count: 1 << 40) }
    // A size the block could hold in principle but no checkpoint reaches: refused before the
    // output is allocated, not read as garbage after it.
    let large = [UInt8](repeating: 0xF0, count: 1 << 17)
    #expect(throws: LZBlock.DecodeError.overrun) { _ = try LZBlock.decompress(large, count: LZBlock.maximumCount + 1) }
    // Any byte changed, and random blocks: an error or some bytes of the size asked, no trap.
    var rng = SplitMix64(seed: 9)
    for _ in 0..<500 {
      var damaged = block
      damaged[Int.random(in: 0..<damaged.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
      if let out = try? LZBlock.decompress(damaged, count: input.count) { #expect(out.count == input.count) }
    }
    for round in 0..<500 {
      let noise = Self.random(Int.random(in: 0...300, using: &rng), seed: UInt64(round) + 100)
      let count = Int.random(in: 0...5000, using: &rng)
      if let out = try? LZBlock.decompress(noise, count: count) { #expect(out.count == count) }
    }
  }
}

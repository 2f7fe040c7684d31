import Foundation
import Testing

@testable import BudgetETL

/// SHA-256 gives the FIPS 180-4 digests on both backends, the SHA-NI one agrees with the
/// portable one byte for byte however the input is cut, and on a CPU with SHA-NI the
/// accelerated backend is the one the pipeline uses (so these tests cannot pass on the
/// fallback alone here).
@Suite struct SHA256Tests {
  /// The NIST examples (FIPS 180-4 / the SHA-2 example values) as exact hex.
  static let vectors: [(message: [UInt8], hex: String)] = [
    ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      Array(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
          .utf8),
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
    (
      Array(repeating: UInt8(ascii: "a"), count: 1_000_000),
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    ),
  ]

  static func hex(_ bytes: some Collection<UInt8>, backend: SHA256.Backend) -> String {
    var hasher = SHA256(backend: backend)
    hasher.update(bytes)
    return SHA256.hexString(hasher.finalize())
  }

  /// Each vector whole, and again one byte at a time through the non-contiguous path.
  static func checkVectors(_ backend: SHA256.Backend) {
    for (message, expected) in vectors {
      #expect(hex(message, backend: backend) == expected, "\(backend), \(message.count) bytes")
      guard message.count < 1000 else { continue }
      var hasher = SHA256(backend: backend)
      for b in message { hasher.update(CollectionOfOne(b).lazy.map { $0 }) }
      #expect(SHA256.hexString(hasher.finalize()) == expected, "\(backend), \(message.count) bytes, bytewise")
    }
  }

  @Test func fipsVectorsPortable() { Self.checkVectors(.portable) }

  @Test(.enabled(if: SHA256.Backend.shaNI.isAvailable, "this CPU has no SHA-NI: only the portable backend runs"))
  func fipsVectorsSHANI() { Self.checkVectors(.shaNI) }

  /// `SHA256.hex` (what the pipeline calls) gives the vectors on the backend it picks.
  @Test func hexUsesThePreferredBackend() {
    for (message, expected) in Self.vectors { #expect(SHA256.hex(message) == expected) }
  }

  /// Feeds `bytes` in random pieces, some contiguous (`ArraySlice`, the blocks straight from
  /// memory) and some not (a lazy map, the byte-by-byte buffering).
  static func chunkedHex(_ bytes: [UInt8], backend: SHA256.Backend, rng: inout SplitMix64) -> String {
    var hasher = SHA256(backend: backend)
    var offset = 0
    while offset < bytes.count {
      let size = rng.below(8) == 0 ? rng.below(1000) : rng.below(130)
      let piece = bytes[offset..<min(bytes.count, offset + size)]
      if rng.below(4) == 0 { hasher.update(piece.lazy.map { $0 }) } else { hasher.update(piece) }
      offset += piece.count
    }
    return SHA256.hexString(hasher.finalize())
  }

  /// Lengths 0…300 (every padding case: one or two final blocks, 55/56/63/64 bytes) and a
  /// few large ones, in random pieces: the SHA-NI digest equals the portable one.
  @Test(.enabled(if: SHA256.Backend.shaNI.isAvailable, "this CPU has no SHA-NI: only the portable backend runs"))
  func shaNIMatchesPortableOnRandomInputs() {
    var rng = SplitMix64(seed: 0x5ba2_56)
    let lengths = Array(0...300) + [1023, 4096 + 17, 65_536, 1_000_003]
    for length in lengths {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
      let portable = Self.hex(bytes, backend: .portable)
      #expect(Self.hex(bytes, backend: .shaNI) == portable, "\(length) bytes, whole")
      #expect(Self.chunkedHex(bytes, backend: .shaNI, rng: &rng) == portable, "\(length) bytes, SHA-NI in pieces")
      #expect(Self.chunkedHex(bytes, backend: .portable, rng: &rng) == portable, "\(length) bytes, portable in pieces")
    }
  }

  /// Whether /proc/cpuinfo lists the `sha_ni` flag (Linux on x86); nil without /proc/cpuinfo.
  static func cpuinfoSaysSHANI() -> Bool? {
    guard let data = FileManager.default.contents(atPath: "/proc/cpuinfo") else { return nil }
    let flags = String(decoding: data, as: UTF8.self).split(separator: "\n").first {
      $0.hasPrefix("flags")
    }
    return flags?.split(separator: " ").contains("sha_ni") ?? false
  }

  /// cpuid and the kernel agree: where /proc/cpuinfo says `sha_ni`, every new hasher runs
  /// on SHA-NI; where it does not, on the portable code.
  @Test(.enabled(if: cpuinfoSaysSHANI() != nil, "no /proc/cpuinfo to compare cpuid with"))
  func backendFollowsTheCPU() {
    let shaNI = Self.cpuinfoSaysSHANI() == true
    let expected: SHA256.Backend = shaNI ? .shaNI : .portable
    #expect(SHA256.Backend.preferred == expected, "/proc/cpuinfo sha_ni: \(shaNI)")
    #expect(SHA256().backend == expected)
  }
}

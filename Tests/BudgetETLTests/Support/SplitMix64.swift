/// SplitMix64: a small, fast, seedable generator (the same numbers on every platform).
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<n` (0 when n is 0).
  mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

  /// Up to `limit − 1` of `pieces` drawn at random, joined: random text for comparing a fast
  /// path with its slow one (the count is drawn first, then each piece).
  mutating func text(from pieces: [String], fewerThan limit: Int) -> String {
    var s = ""
    for _ in 0..<below(limit) { s += pieces[below(pieces.count)] }
    return s
  }
}

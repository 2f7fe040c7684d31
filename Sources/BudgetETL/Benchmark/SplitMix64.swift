/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seedable generator whose output
/// depends only on its seed, so a synthetic archive is the same on every machine and run.
/// Not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A value in `0..<bound`, without the bias of a plain modulo (Lemire's method is not
  /// needed at these bounds; rejection keeps it exact).
  public mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    let b = UInt64(bound)
    let limit = UInt64.max - UInt64.max % b
    while true {
      let v = next()
      if v < limit { return Int(v % b) }
    }
  }

  /// True with probability `numerator / denominator`.
  public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { below(denominator) < numerator }
}

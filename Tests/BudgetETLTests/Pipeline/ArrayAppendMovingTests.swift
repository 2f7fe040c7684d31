import Testing

@testable import BudgetETL

/// `appendMoving` leaves the array as `append(contentsOf:)` would, and its argument empty; an
/// argument whose storage is shared keeps its elements for the other holder.
@Suite struct ArrayAppendMovingTests {
  /// A run of strings long enough to be stored apart (moved or retained, not copied inline).
  static func strings(_ rng: inout SplitMix64, count: Int, tag: Int) -> [String] {
    (0..<count).map { "预算科目 \(tag)-\($0)-\(rng.below(1000))" }
  }

  @Test func appendsAsAppendContentsOfOnManyRandomRuns() {
    var rng = SplitMix64(seed: 61)
    for trial in 0..<300 {
      var moved: [String] = []
      var copied: [String] = []
      // Now and then reserved ahead, so growing is met both with room and without.
      if rng.below(4) == 0 { moved.reserveCapacity(rng.below(40)) }
      for run in 0..<rng.below(8) {
        // Empty runs, one element, odd and even counts (the reversal's middle).
        var other = Self.strings(&rng, count: rng.below(4) == 0 ? 0 : rng.below(30), tag: run)
        let expected = other
        // Now and then the run's storage is shared: the other holder keeps every element.
        let holder: [String]? = rng.below(3) == 0 ? other : nil
        copied.append(contentsOf: other)
        moved.appendMoving(&other)
        #expect(other.isEmpty, "trial \(trial) run \(run)")
        if let holder { #expect(holder == expected, "trial \(trial) run \(run)") }
        #expect(moved == copied, "trial \(trial) run \(run)")
      }
    }
  }

  @Test func exactCases() {
    var items = ["一", "二"]
    var more = ["三", "四", "五"]
    items.appendMoving(&more)
    #expect(items == ["一", "二", "三", "四", "五"])
    #expect(more == [])
    var none: [String] = []
    items.appendMoving(&none)
    #expect(items == ["一", "二", "三", "四", "五"])
    var empty: [String] = []
    var two = ["甲", "乙"]
    empty.appendMoving(&two)
    #expect(empty == ["甲", "乙"])
    #expect(two == [])
  }
}

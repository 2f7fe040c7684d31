import Testing

@testable import BudgetETL

/// `ByteSink` holds what an array appended the same way would hold, across its growth.
@Suite struct ByteSinkTests {
  @Test func holdsWhatAnArrayHoldsAcrossGrowth() {
    var random = SplitMix64(seed: 11)
    var sink = ByteSink(capacity: 16)
    var array: [UInt8] = []
    for _ in 0..<5_000 {
      switch random.below(4) {
      case 0:
        let byte = UInt8(truncatingIfNeeded: random.next())
        sink.reserve(1)
        sink.put(byte)
        array.append(byte)
      case 1:
        let run = (0..<random.below(300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        sink.reserve(run.count)
        run.withUnsafeBufferPointer { sink.put($0) }
        array.append(contentsOf: run)
      case 2 where !array.isEmpty:
        let lower = random.below(array.count)
        let upper = lower + random.below(min(array.count - lower, 512) + 1)
        sink.reserve(upper - lower)
        sink.putCopy(of: lower..<upper)
        array.append(contentsOf: array[lower..<upper])
      default:
        let value = random.next() >> random.below(64)
        sink.reserve(10)
        sink.putVarint(value)
        Varint.append(value, to: &array)
      }
      #expect(sink.count == array.count)
    }
    #expect(sink.bytes == array)
    #expect(array.count > 200_000, "the sink grew many times from 16 bytes")
  }

  /// Runs of every length the short copies take (a byte loop, two overlapping 4-, 8- or 16-byte
  /// words) and a few longer ones (`memcpy`), written and then copied from the sink itself.
  @Test func runsOfEveryShortLength() {
    var random = SplitMix64(seed: 5)
    for length in 0...40 {
      var sink = ByteSink(capacity: 16)
      let run = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      sink.reserve(1 + length)
      sink.put(0xEE)
      run.withUnsafeBufferPointer { sink.put($0) }
      sink.reserve(length + 1)
      sink.putCopy(of: 1..<(1 + length))
      sink.put(0xEF)
      #expect(sink.bytes == [0xEE] + run + run + [0xEF], "length \(length)")
    }
  }

  /// A copy of its own bytes made while the sink grows reads them from where they are now.
  @Test func copiesItsOwnBytesWhileGrowing() {
    var sink = ByteSink(capacity: 16)
    let text = Array("预算支出合计,".utf8)
    sink.reserve(text.count)
    text.withUnsafeBufferPointer { sink.put($0) }
    for _ in 0..<10 {
      let all = 0..<sink.count
      sink.reserve(all.count)
      sink.putCopy(of: all)
    }
    #expect(sink.bytes == Array(repeating: text, count: 1024).flatMap { $0 })
    #expect(sink.count == 19 * 1024)
  }

  #if DEBUG
    /// A writer that reserves too little traps in a debug build even while the buffer has room,
    /// so the encoders' tests catch it.
    @Test func aWritePastTheReservationTraps() async {
      await #expect(processExitsWith: .failure) {
        var sink = ByteSink(capacity: 64)
        sink.reserve(1)
        sink.put(1)
        sink.put(2)
      }
    }
  #endif
}

import Foundation

/// What the process's whole-buffer gzip compressions cost: bytes in and out and the time spent,
/// added up across threads. The runner reads it around its phases to report compression apart
/// from parsing; the benchmark compares the run with zlib alone.
public final class CompressionLedger: @unchecked Sendable {
  /// The ledger ``Deflater/compress(_:level:format:)`` records to.
  public static let shared = CompressionLedger()

  /// A second ledger for the compressions of the current task: the runner binds one around
  /// the load, which runs while other tasks compress checkpoints, to tell the two apart.
  @TaskLocal public static var current: CompressionLedger?

  /// A total of compressions.
  public struct Tally: Sendable, Codable, Equatable {
    public var calls = 0
    public var bytesIn: Int64 = 0
    public var bytesOut: Int64 = 0
    /// Time spent compressing, summed over threads (close to CPU time).
    public var seconds: Double = 0

    public init() {}

    /// What was recorded between `earlier` and this tally.
    public func since(_ earlier: Tally) -> Tally {
      var d = Tally()
      d.calls = calls - earlier.calls
      d.bytesIn = bytesIn - earlier.bytesIn
      d.bytesOut = bytesOut - earlier.bytesOut
      d.seconds = seconds - earlier.seconds
      return d
    }
  }

  private let lock = NSLock()
  private var total = Tally()

  public init() {}

  /// Records a compression to ``shared`` and to the task's ``current`` ledger, if any.
  static func recordEverywhere(bytesIn: Int, bytesOut: Int, duration: Duration) {
    shared.record(bytesIn: bytesIn, bytesOut: bytesOut, duration: duration)
    current?.record(bytesIn: bytesIn, bytesOut: bytesOut, duration: duration)
  }

  func record(bytesIn: Int, bytesOut: Int, duration: Duration) {
    let c = duration.components
    let seconds = Double(c.seconds) + Double(c.attoseconds) / 1e18
    lock.lock()
    defer { lock.unlock() }
    total.calls += 1
    total.bytesIn += Int64(bytesIn)
    total.bytesOut += Int64(bytesOut)
    total.seconds += seconds
  }

  /// Everything recorded so far.
  public var tally: Tally {
    lock.lock()
    defer { lock.unlock() }
    return total
  }
}

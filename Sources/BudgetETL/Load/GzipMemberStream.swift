/// One gzip member written to a file piece by piece: bytes are collected up to 256 KiB, then
/// compressed (`Z_NO_FLUSH`) and written; ``finish()`` ends the member. zlib's output does not
/// depend on how its input is split, so the member has the same bytes as
/// ``Deflater/compress(_:level:format:)`` of the whole input, without holding that input.
/// Compression time is recorded like that of `Deflater.compress`.
final class GzipMemberStream {
  private let deflater: Deflater
  private let output: FileIO.AtomicWriter
  private var pending: [UInt8] = []
  private var compressed: [UInt8] = []
  private var bytesIn = 0
  private var bytesOut = 0
  private var seconds = Duration.zero
  private let limit = 256 * 1024

  init(level: Int, output: FileIO.AtomicWriter) throws {
    deflater = try Deflater(level: level)
    self.output = output
  }

  /// Adds bytes to the member.
  func write(_ bytes: [UInt8]) throws {
    pending.append(contentsOf: bytes)
    if pending.count >= limit { try compress(finish: false) }
  }

  /// Ends the member and writes what remains of it.
  func finish() throws {
    try compress(finish: true)
    CompressionLedger.recordEverywhere(bytesIn: bytesIn, bytesOut: bytesOut, duration: seconds)
  }

  private func compress(finish: Bool) throws {
    let clock = ContinuousClock()
    let start = clock.now
    compressed.removeAll(keepingCapacity: true)
    try pending.withUnsafeBytes { try deflater.compress($0, into: &compressed, finish: finish) }
    seconds += clock.now - start
    bytesIn += pending.count
    bytesOut += compressed.count
    pending.removeAll(keepingCapacity: true)
    try output.write(compressed)
  }
}

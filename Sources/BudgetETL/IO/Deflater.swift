import CZlib
import Foundation

/// Errors from zlib.
public enum CompressionError: Error, Equatable, CustomStringConvertible {
  case zlib(operation: String, code: Int32)
  public var description: String {
    switch self {
    case .zlib(let operation, let code): return "zlib \(operation) failed with code \(code)"
    }
  }
}

/// A zlib deflate stream that owns its `z_stream` on the heap (it must not move in memory).
///
/// `Format.gzip` writes RFC 1952 members whose header carries no timestamp and no file name
/// (zlib's default gzip header: mtime 0, OS byte 3), so output is reproducible byte for byte.
public final class Deflater {
  public enum Format: Sendable {
    case gzip
    case zlib
    case raw
    var windowBits: Int32 {
      switch self {
      case .gzip: return 16 + 15
      case .zlib: return 15
      case .raw: return -15
      }
    }
  }

  private let stream: UnsafeMutablePointer<z_stream>
  private var finished = false

  /// - Parameters:
  ///   - level: 0 (store) to 9 (best); 6 is zlib's default.
  ///   - format: gzip member, zlib stream or raw deflate.
  public init(level: Int, format: Format = .gzip) throws {
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let rc = budget_deflateInit2(
      stream, Int32(level), Z_DEFLATED, format.windowBits, 8, Z_DEFAULT_STRATEGY)
    guard rc == Z_OK else {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw CompressionError.zlib(operation: "deflateInit2", code: rc)
    }
  }

  deinit {
    deflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Compresses `input` and appends what zlib emits to `output`; `finish` ends the member.
  public func compress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8], finish: Bool) throws {
    precondition(!finished, "Deflater used after finish")
    let flush = finish ? Z_FINISH : Z_NO_FLUSH
    let chunk = 64 * 1024
    var inputPointer = UnsafeMutablePointer<UInt8>(
      mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
    stream.pointee.next_in = inputPointer
    stream.pointee.avail_in = UInt32(input.count)
    while true {
      let start = output.count
      output.reserveCapacity(start + chunk)
      var rc: Int32 = Z_OK
      var produced = 0
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunk) { buffer in
        stream.pointee.next_out = buffer.baseAddress
        stream.pointee.avail_out = UInt32(chunk)
        rc = deflate(stream, flush)
        produced = chunk - Int(stream.pointee.avail_out)
        output.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress, count: produced))
      }
      if rc == Z_STREAM_END { finished = true; break }
      guard rc == Z_OK || rc == Z_BUF_ERROR else {
        throw CompressionError.zlib(operation: "deflate", code: rc)
      }
      if stream.pointee.avail_in == 0 && produced < chunk && !finish { break }
      if rc == Z_BUF_ERROR && produced == 0 && !finish { break }
    }
    inputPointer = nil
    stream.pointee.next_in = nil
    stream.pointee.next_out = nil
  }

  /// Compresses a whole buffer as one gzip member (or zlib/raw stream).
  ///
  /// The time it takes and the bytes in and out are added to ``CompressionLedger/shared`` (and
  /// to the task's ``CompressionLedger/current``).
  public static func compress(_ bytes: [UInt8], level: Int, format: Format = .gzip) throws -> [UInt8] {
    try bytes.withUnsafeBytes { try compress($0, level: level, format: format) }
  }

  /// Compresses the bytes `bytes` points at, as ``compress(_:level:format:)-([UInt8],_,_)`` does.
  static func compress(_ bytes: UnsafeRawBufferPointer, level: Int, format: Format = .gzip) throws -> [UInt8] {
    let clock = ContinuousClock()
    let start = clock.now
    let d = try Deflater(level: level, format: format)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count / 3 + 64)
    try d.compress(bytes, into: &out, finish: true)
    CompressionLedger.recordEverywhere(bytesIn: bytes.count, bytesOut: out.count, duration: clock.now - start)
    return out
  }
}

/// Decompression of gzip (all members), for tests and for reading back checkpoints.
public enum Inflater {
  /// Decompresses every concatenated gzip member of `bytes`.
  public static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
    var out: [UInt8] = []
    try forEachMember(bytes) { out.append(contentsOf: $0) }
    return out
  }

  /// Decompresses the concatenated gzip members of `bytes` one at a time, handing each
  /// member's content to `body` (so a large file need not fit in memory decompressed).
  public static func forEachMember(_ bytes: [UInt8], _ body: ([UInt8]) throws -> Void) throws {
    var offset = 0
    while offset < bytes.count {
      var out: [UInt8] = []
      let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
      stream.initialize(to: z_stream())
      defer {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
      }
      var rc = budget_inflateInit2(stream, 16 + 15)
      guard rc == Z_OK else { throw CompressionError.zlib(operation: "inflateInit2", code: rc) }
      let consumed: Int = try bytes.withUnsafeBufferPointer { all in
        stream.pointee.next_in = UnsafeMutablePointer(mutating: all.baseAddress! + offset)
        stream.pointee.avail_in = UInt32(all.count - offset)
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        repeat {
          let produced: Int = buffer.withUnsafeMutableBufferPointer { b in
            stream.pointee.next_out = b.baseAddress
            stream.pointee.avail_out = UInt32(chunk)
            rc = inflate(stream, Z_NO_FLUSH)
            return chunk - Int(stream.pointee.avail_out)
          }
          out.append(contentsOf: buffer[0..<produced])
          if rc != Z_OK && rc != Z_STREAM_END {
            throw CompressionError.zlib(operation: "inflate", code: rc)
          }
        } while rc != Z_STREAM_END
        return (all.count - offset) - Int(stream.pointee.avail_in)
      }
      offset += consumed
      try body(out)
    }
  }
}

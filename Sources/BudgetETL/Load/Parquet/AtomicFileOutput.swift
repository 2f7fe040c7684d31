#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written beside its final name and published whole: bytes go to `path + ".tmp"`;
/// ``commit()`` fsyncs it, renames it to `path` and fsyncs the directory. Until then nothing
/// appears under `path`; a file never committed is removed when the output is discarded or
/// deinitialized.
final class AtomicFileOutput {
  let path: String
  let temporaryPath: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  /// Small, like `FileIO.AtomicWriter`'s: eight of these stay open for a whole run.
  private let bufferLimit = FileIO.AtomicWriter.bufferLimit
  /// Bytes written so far (the offset of the next byte in the file).
  private(set) var position: Int64 = 0

  /// Creates (or truncates) `path + ".tmp"`.
  /// - Throws: `ParquetWriterError.io` when it cannot be opened.
  init(path: String) throws {
    self.path = path
    temporaryPath = path + ".tmp"
    descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw ParquetWriterError.io(path: temporaryPath, operation: "open", errno: errno)
    }
    buffer.reserveCapacity(bufferLimit)
  }

  deinit { discard() }

  /// Appends bytes.
  func write(_ bytes: [UInt8]) throws {
    precondition(descriptor >= 0, "write after commit or discard")
    position += Int64(bytes.count)
    if buffer.count + bytes.count > bufferLimit { try flush() }
    if bytes.count >= bufferLimit {
      try bytes.withUnsafeBytes { try writeAll($0) }
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  /// Flushes, fsyncs and closes the temporary file, renames it to `path` and fsyncs the
  /// directory. An fsync error is fatal: it is reported, never retried.
  func commit() throws {
    precondition(descriptor >= 0, "commit after commit or discard")
    try flush()
    guard fsync(descriptor) == 0 else {
      throw ParquetWriterError.io(path: temporaryPath, operation: "fsync", errno: errno)
    }
    let closed = close(descriptor)
    descriptor = -1
    guard closed == 0 else { throw ParquetWriterError.io(path: temporaryPath, operation: "close", errno: errno) }
    guard rename(temporaryPath, path) == 0 else {
      throw ParquetWriterError.io(path: path, operation: "rename", errno: errno)
    }
    let directory = Self.directory(of: path)
    let dir = open(directory, O_RDONLY | O_CLOEXEC)
    guard dir >= 0 else { throw ParquetWriterError.io(path: directory, operation: "open", errno: errno) }
    defer { close(dir) }
    guard fsync(dir) == 0 else { throw ParquetWriterError.io(path: directory, operation: "fsync", errno: errno) }
  }

  /// Closes and removes the temporary file, if it is still open.
  func discard() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
    unlink(temporaryPath)
  }

  private func flush() throws {
    guard !buffer.isEmpty else { return }
    try buffer.withUnsafeBytes { try writeAll($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
    let failure = FileIO.writeAll(descriptor: descriptor, bytes)
    if failure != 0 { throw ParquetWriterError.io(path: temporaryPath, operation: "write", errno: failure) }
  }

  /// The directory part of `path` ("." when there is none).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}

#if canImport(Glibc)
  import Glibc
  private let closeDescriptor = Glibc.close
#elseif canImport(Musl)
  import Musl
  private let closeDescriptor = Musl.close
#elseif canImport(Darwin)
  import Darwin
  private let closeDescriptor = Darwin.close
#endif

/// Where a ``ParquetWriter`` keeps the compressed data pages of the row group being written
/// until the row group ends: an unnamed scratch file, so that what the writer holds in memory
/// does not grow with the row group (a dataset of one row per document fills its row group
/// only after tens of thousands of documents).
///
/// On Linux the file is made with `O_TMPFILE` in the Parquet file's folder: it has no name,
/// never shows in the output folder, and the kernel frees it when it is closed, even after a
/// SIGKILL. Where the file system cannot do that, it is created as
/// `<file>.parquet.tmp-pages-<pid>` (exclusively, not through a symlink) and unlinked at
/// once; a run that finds one left by a killed run removes it, like the other `.tmp-` files.
/// Pages are appended through a small buffer; ``copy(_:to:)`` copies a column's pages into
/// the Parquet file when its chunk is written, and ``reset()`` empties the file for the next
/// row group, so the disk it takes is bounded by one row group too.
final class PageSpill {
  /// A run of bytes in the spill file.
  struct Extent: Equatable {
    var offset: Int64
    var count: Int
  }

  /// The Parquet file's temporary path, for errors.
  let ownerPath: String
  private var descriptor: Int32
  /// The scratch file's name while it still has one (its unlink failed).
  private var linkedPath: String?
  private var buffer: [UInt8] = []
  private let bufferLimit = FileIO.AtomicWriter.bufferLimit
  /// Bytes appended since the last reset (the offset of the next one).
  private(set) var byteCount: Int64 = 0
  /// How far the file itself holds them (the rest are in `buffer`).
  private var flushedCount: Int64 = 0
  private var scratch: [UInt8] = []

  /// Creates the scratch file in the folder of `ownerPath` (the Parquet file's temporary path).
  /// - Throws: `ParquetWriterError.io` when it cannot be created.
  init(besides ownerPath: String) throws {
    self.ownerPath = ownerPath
    descriptor = -1
    #if os(Linux)
      // O_TMPFILE is __O_TMPFILE | O_DIRECTORY; Glibc's macro does not reach Swift.
      let temporaryFile: Int32 = 0o20_000_000 | O_DIRECTORY
      descriptor = open(AtomicFileOutput.directory(of: ownerPath), temporaryFile | O_RDWR | O_CLOEXEC, 0o600)
    #endif
    if descriptor < 0 {
      let path = ownerPath + "-pages-\(getpid())"
      descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      guard descriptor >= 0 else {
        throw ParquetWriterError.io(path: path, operation: "create the page scratch file", errno: errno)
      }
      if unlink(path) != 0 { linkedPath = path }
    }
    buffer.reserveCapacity(bufferLimit)
  }

  deinit { close() }

  /// Closes the scratch file (and removes it, if it still has a name); the disk it took is
  /// freed. The spill is unusable afterwards.
  func close() {
    guard descriptor >= 0 else { return }
    _ = closeDescriptor(descriptor)
    descriptor = -1
    if let linkedPath { unlink(linkedPath) }
    linkedPath = nil
  }

  /// The size of the scratch file on disk (what has been flushed to it), for tests.
  var fileSize: Int64 {
    var info = stat()
    guard descriptor >= 0, fstat(descriptor, &info) == 0 else { return -1 }
    return Int64(info.st_size)
  }

  /// Appends `header` then `body` as one run and returns where it is.
  func append(_ header: [UInt8], _ body: [UInt8]) throws -> Extent {
    let extent = Extent(offset: byteCount, count: header.count + body.count)
    for bytes in [header, body] {
      if buffer.count + bytes.count > bufferLimit { try flush() }
      if bytes.count >= bufferLimit {
        try bytes.withUnsafeBytes { try writeAll($0) }
        flushedCount += Int64(bytes.count)
      } else {
        buffer.append(contentsOf: bytes)
      }
      byteCount += Int64(bytes.count)
    }
    return extent
  }

  /// Copies the bytes of `extents`, in order, to `output`.
  func copy(_ extents: [Extent], to output: AtomicFileOutput) throws {
    try flush()
    for extent in extents {
      var offset = extent.offset
      var left = extent.count
      while left > 0 {
        let n = min(left, bufferLimit)
        scratch.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(n)
        try readExactly(n, at: offset)
        try output.write(scratch)
        offset += Int64(n)
        left -= n
      }
    }
  }

  /// Forgets every page: the next row group starts the file again.
  func reset() throws {
    buffer.removeAll(keepingCapacity: true)
    byteCount = 0
    flushedCount = 0
    // Writes go on at the descriptor's offset, which truncating does not move.
    guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
      throw ParquetWriterError.io(path: ownerPath, operation: "truncate page spill", errno: errno)
    }
  }

  private func flush() throws {
    guard !buffer.isEmpty else { return }
    try buffer.withUnsafeBytes { try writeAll($0) }
    flushedCount += Int64(buffer.count)
    buffer.removeAll(keepingCapacity: true)
  }

  private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
    let failure = FileIO.writeAll(descriptor: descriptor, bytes)
    if failure != 0 { throw ParquetWriterError.io(path: ownerPath, operation: "write page spill", errno: failure) }
  }

  /// Reads `count` bytes at `offset` into `scratch`.
  private func readExactly(_ count: Int, at offset: Int64) throws {
    precondition(offset + Int64(count) <= flushedCount, "page spill read past what was written")
    scratch.append(contentsOf: repeatElement(0, count: count))
    var done = 0
    try scratch.withUnsafeMutableBytes { raw in
      while done < count {
        let n = pread(descriptor, raw.baseAddress! + done, count - done, off_t(offset) + off_t(done))
        if n < 0 {
          if errno == EINTR { continue }
          throw ParquetWriterError.io(path: ownerPath, operation: "read page spill", errno: errno)
        }
        guard n > 0 else {
          throw ParquetWriterError.io(path: ownerPath, operation: "read page spill (short file)", errno: EIO)
        }
        done += n
      }
    }
  }
}

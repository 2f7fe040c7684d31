#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// File-system errors, naming the path and what failed.
public enum FileIOError: Error, Equatable, CustomStringConvertible {
  case open(path: String, errno: Int32)
  case read(path: String, errno: Int32)
  case write(path: String, errno: Int32)
  case fsync(path: String, errno: Int32)
  case rename(from: String, to: String, errno: Int32)
  case createDirectory(path: String, reason: String)

  public var description: String {
    switch self {
    case .open(let p, let e): return "cannot open \(p): \(String(cString: strerror(e)))"
    case .read(let p, let e): return "cannot read \(p): \(String(cString: strerror(e)))"
    case .write(let p, let e): return "cannot write \(p): \(String(cString: strerror(e)))"
    case .fsync(let p, let e): return "fsync of \(p) failed: \(String(cString: strerror(e)))"
    case .rename(let f, let t, let e): return "cannot rename \(f) to \(t): \(String(cString: strerror(e)))"
    case .createDirectory(let p, let r): return "cannot create directory \(p): \(r)"
    }
  }
}

/// Small POSIX file helpers: whole-file reads, and writes that are published atomically
/// (write beside the final name, fsync the file, rename, fsync the directory).
public enum FileIO {
  public static func readAll(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileIOError.open(path: path, errno: errno) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw FileIOError.read(path: path, errno: errno) }
    var out = [UInt8](repeating: 0, count: Int(st.st_size))
    var done = 0
    while done < out.count {
      let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileIOError.read(path: path, errno: errno)
      }
      if n == 0 { break }
      done += n
    }
    if done < out.count { out.removeSubrange(done...) }
    return out
  }

  /// An open file being written; `commit()` fsyncs it and renames it to its final name.
  public final class AtomicWriter {
    public let finalPath: String
    public let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    /// Small writes are gathered in `buffer`; without it every write goes to write(2).
    private let buffering: Bool
    public private(set) var bytesWritten: Int64 = 0
    /// Bytes gathered before a write(2). Small on purpose: a run keeps about thirty of these
    /// writers open (every dataset file, the index and findings spills), and a buffer's pages
    /// become resident as it first fills, so 1 MiB buffers made the peak memory creep up with
    /// the number of documents, by the slowest-filling files, for thousands of documents.
    static let bufferLimit = 1 << 16

    /// Opens the temporary file beside `path`. With `creatingFolder`, a missing folder is
    /// created when the open finds none (rather than asked for before every file: the
    /// checkpoints' and bundles' shards exist for all but their first files, and a `mkdir`
    /// and `stat` per file cost about 1% of a run). `buffering: false` suits a writer given
    /// its whole content at once, which then goes straight to write(2).
    public init(path: String, creatingFolder: Bool = false, buffering: Bool = true) throws {
      finalPath = path
      temporaryPath = path + ".tmp-\(getpid())"
      self.buffering = buffering
      fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      if fd < 0 && errno == ENOENT && creatingFolder {
        try FileIO.createDirectory((path as NSString).deletingLastPathComponent)
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      }
      guard fd >= 0 else { throw FileIOError.open(path: temporaryPath, errno: errno) }
      if buffering { buffer.reserveCapacity(Self.bufferLimit) }
    }

    deinit {
      if fd >= 0 {
        close(fd)
        unlink(temporaryPath)
      }
    }

    public func write(_ bytes: [UInt8]) throws {
      bytesWritten += Int64(bytes.count)
      if buffer.count + bytes.count > Self.bufferLimit { try flush() }
      if bytes.count >= Self.bufferLimit || !buffering {
        try writeAll(bytes)
      } else {
        buffer.append(contentsOf: bytes)
      }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
      try write(Array(bytes))
    }

    private func flush() throws {
      guard !buffer.isEmpty else { return }
      try writeAll(buffer)
      buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8]) throws {
      let failure = bytes.withUnsafeBytes { FileIO.writeAll(descriptor: fd, $0) }
      if failure != 0 { throw FileIOError.write(path: temporaryPath, errno: failure) }
    }

    /// Copies what was written so far to `other`, reading it back from the temporary file
    /// 1 MiB at a time (for spill files that are never published).
    public func copy(to other: AtomicWriter) throws {
      try readBack { try other.write($0) }
    }

    /// Hands what was written so far to `body`, read back from the temporary file 1 MiB at a
    /// time (for spill files that are never published).
    public func readBack(_ body: ([UInt8]) throws -> Void) throws {
      try flush()
      let reader = open(temporaryPath, O_RDONLY | O_CLOEXEC)
      guard reader >= 0 else { throw FileIOError.open(path: temporaryPath, errno: errno) }
      defer { close(reader) }
      var chunk = [UInt8](repeating: 0, count: 1 << 20)
      while true {
        let n = chunk.withUnsafeMutableBytes { read(reader, $0.baseAddress!, $0.count) }
        if n < 0 {
          if errno == EINTR { continue }
          throw FileIOError.read(path: temporaryPath, errno: errno)
        }
        if n == 0 { break }
        try body(Array(chunk[0..<n]))
      }
    }

    /// Flushes, fsyncs (as `durability` says), renames to the final name and fsyncs the directory.
    public func commit(_ durability: Durability = .durable) throws {
      try flush()
      if durability != .checked {
        guard fsync(fd) == 0 else { throw FileIOError.fsync(path: temporaryPath, errno: errno) }
      }
      close(fd)
      fd = -1
      guard rename(temporaryPath, finalPath) == 0 else {
        let e = errno
        unlink(temporaryPath)
        throw FileIOError.rename(from: temporaryPath, to: finalPath, errno: e)
      }
      if durability == .durable { try FileIO.fsyncDirectory(of: finalPath) }
    }
  }

  /// How far a committed file must have reached the disk. Whatever the choice, a file under its
  /// final name is whole once the writing process is gone (killed or not): it was renamed there
  /// after its last byte was written, and the kernel keeps what was written. The choice matters
  /// only when the machine itself stops (power, kernel) before the kernel flushed it.
  public enum Durability: Sendable {
    /// The file and the rename on disk (fsync of the file, then of its folder): outputs, the
    /// state index, run manifests.
    case durable
    /// Neither: for a file its reader checks and rebuilds when it is cut or lost (checkpoints and
    /// document bundles, each behind a header line and closed by a CRC-32). Saves two fsyncs per
    /// file, which block a worker.
    case checked
  }

  /// Writes a whole file atomically, in one write(2). With `creatingFolder`, its folder (and
  /// those above) is created if missing.
  public static func writeAtomically(
    _ bytes: [UInt8], to path: String, durability: Durability = .durable, creatingFolder: Bool = false
  ) throws {
    let w = try AtomicWriter(path: path, creatingFolder: creatingFolder, buffering: false)
    try w.write(bytes)
    try w.commit(durability)
  }

  public static func fsyncDirectory(of path: String) throws {
    let dir = (path as NSString).deletingLastPathComponent
    let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw FileIOError.open(path: dir, errno: errno) }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw FileIOError.fsync(path: dir, errno: errno) }
  }

  /// Creates the folder at `path` and the folders above it, unless it is there.
  public static func createDirectory(_ path: String) throws {
    // Nearly every call finds the folder there (the shard of a checkpoint or bundle, three per
    // document): one mkdir(2) or stat(2) says so. FileManager's own check was 2% of a run.
    if mkdir(path, 0o777) == 0 { return }
    if errno == EEXIST {
      var st = stat()
      if stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { return }
    }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw FileIOError.createDirectory(path: path, reason: error.localizedDescription)
    }
  }

  public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// `path` (absolute) with the links of its longest existing ancestor resolved, and the
  /// components that do not exist yet appended: where a folder about to be created will be.
  public static func realPathOfAncestors(_ path: String) -> String {
    var existing = path
    var rest: [Substring] = []
    while !existing.isEmpty && existing != "/" {
      if let real = realPath(existing) { return ([real == "/" ? "" : real] + rest.reversed().map(String.init)).joined(separator: "/") }
      guard let slash = existing.lastIndex(of: "/") else { break }
      rest.append(existing[existing.index(after: slash)...])
      existing = String(existing[..<slash])
    }
    return path
  }

  /// The absolute path `path` names with every symbolic link resolved (`realpath(3)`), or nil
  /// when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Writes all of `bytes` to `descriptor`, retrying short writes and EINTR.
  /// - Returns: 0, or the `errno` of the write that failed.
  static func writeAll(descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var done = 0
    while done < bytes.count {
      let n = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      done += n
    }
    return 0
  }

  /// A file's size and modification time (nanoseconds since the epoch).
  public struct Status: Sendable, Hashable {
    public var size: Int64
    public var modified: Int64
  }

  public static func status(_ path: String) -> Status? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return Status(size: Int64(st.st_size), modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
  }

  public static func isDirectory(_ path: String) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The last run's state index as `_state/index.bin` holds it, read one record at a time in path
/// order instead of decoded whole: the runner asks for each file's record as it schedules the
/// file, and files are scheduled in path order, so memory stays that of one record whatever the
/// size of the archive (the JSON index, decoded whole, costs about 5 KB per file).
///
/// Layout: the line `BUDGETETL-INDEX-1`, then per file in path order (UTF-8 byte order) a record
/// — a 4-byte little-endian length, then in the checkpoints' binary format the path, its
/// ``StageKeys`` and its ``IndexEntry`` if any — then a zero length; then the trailer (tool
/// version and load fingerprint), its 4-byte length, and the line `BUDGETETL-INDEX-END`. A file
/// that does not read so is no index: every file is looked at again, from its checkpoints.
final class IndexCursor {
  static let magic = Array("BUDGETETL-INDEX-1\n".utf8)
  static let endMagic = Array("BUDGETETL-INDEX-END\n".utf8)
  /// A record larger than this is damage, not a file's facts.
  static let maximumRecord = 1 << 24

  let toolVersion: String
  let loadFingerprint: String
  private let fd: Int32
  private var offset: Int
  private var buffer: [UInt8] = []
  private var start = 0
  private var pending: (path: String, keys: StageKeys, entry: IndexEntry?)?
  private var finished = false

  /// Opens the index at `path`; nil when there is none or its ends do not read.
  init?(path: String) {
    fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      close(fd)
      return nil
    }
    let size = Int(info.st_size)
    let tail = 4 + Self.endMagic.count
    guard size >= Self.magic.count + 4 + tail,
      Self.readAt(fd, at: 0, count: Self.magic.count) == Self.magic,
      let end = Self.readAt(fd, at: size - tail, count: tail),
      Array(end[4...]) == Self.endMagic
    else {
      close(fd)
      return nil
    }
    let trailerLength = Int(Self.u32(end, at: 0))
    guard trailerLength <= size - tail - Self.magic.count,
      let trailer = Self.readAt(fd, at: size - tail - trailerLength, count: trailerLength)
    else {
      close(fd)
      return nil
    }
    var reader = BinaryReader(trailer)
    guard let version = try? reader.readString(), let fingerprint = try? reader.readString(), reader.remaining == 0
    else {
      close(fd)
      return nil
    }
    toolVersion = version
    loadFingerprint = fingerprint
    offset = Self.magic.count
  }

  deinit { close(fd) }

  /// The record of `path`, if the index has one. Paths must be asked for in path order; records
  /// of paths never asked for are skipped.
  func lookup(_ path: String) -> (keys: StageKeys, entry: IndexEntry?)? {
    while true {
      if pending == nil { pending = next() }
      guard let record = pending else { return nil }
      if record.path == path {
        pending = nil
        return (record.keys, record.entry)
      }
      // A record before `path` belongs to a file that is gone; one after it, to a later file.
      guard record.path.utf8.lexicographicallyPrecedes(path.utf8) else { return nil }
      pending = nil
    }
  }

  /// The next record; nil at the end, and from the first record that does not read.
  private func next() -> (path: String, keys: StageKeys, entry: IndexEntry?)? {
    guard !finished, let header = take(4) else { return end() }
    let length = Int(Self.u32(header, at: 0))
    guard length > 0, length <= Self.maximumRecord, let body = take(length) else { return end() }
    var reader = BinaryReader(body)
    guard let path = try? reader.readString(), let keys = try? reader.read(StageKeys.self),
      let entry = try? reader.readOptional(IndexEntry.self), reader.remaining == 0
    else { return end() }
    return (path, keys, entry)
  }

  private func end() -> (path: String, keys: StageKeys, entry: IndexEntry?)? {
    finished = true
    buffer = []
    return nil
  }

  /// The next `count` bytes of the records, read 256 KiB at a time.
  private func take(_ count: Int) -> [UInt8]? {
    if buffer.count - start < count {
      buffer.removeSubrange(0..<start)
      start = 0
      let want = max(count - buffer.count, 1 << 18)
      guard let more = Self.readAt(fd, at: offset, count: want, allowShort: true), !more.isEmpty else { return nil }
      offset += more.count
      buffer += more
      guard buffer.count >= count else { return nil }
    }
    defer { start += count }
    return Array(buffer[start..<(start + count)])
  }

  private static func u32(_ bytes: [UInt8], at i: Int) -> UInt32 {
    UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
  }

  /// `count` bytes at `offset` (fewer at the end of the file when `allowShort`).
  private static func readAt(_ fd: Int32, at offset: Int, count: Int, allowShort: Bool = false) -> [UInt8]? {
    var out = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      done += n
    }
    guard done == count || (allowShort && done > 0) || count == 0 else { return nil }
    return done == count ? out : Array(out[0..<done])
  }

  /// Appends one file's record, as ``lookup(_:)`` reads it.
  static func record(path: String, keys: StageKeys, entry: IndexEntry?) -> [UInt8] {
    var writer = BinaryWriter(capacity: 512)
    writer.write(path)
    writer.write(keys)
    writer.write(entry)
    return le32(writer.count) + writer.bytes
  }

  /// The end of the records and the trailer.
  static func trailer(toolVersion: String, loadFingerprint: String) -> [UInt8] {
    var writer = BinaryWriter(capacity: 128)
    writer.write(toolVersion)
    writer.write(loadFingerprint)
    return le32(0) + writer.bytes + le32(writer.count) + endMagic
  }

  private static func le32(_ n: Int) -> [UInt8] {
    let v = UInt32(n)
    return [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
  }
}

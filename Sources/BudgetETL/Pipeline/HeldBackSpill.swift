/// The load's input held back while the load is not known to be needed — a re-run whose files
/// have all been unchanged so far — kept on disk instead of in memory: each file's `sources`
/// row, bundle key and whether its document is loaded. At 30,000 unchanged files the list
/// alone was about 20 MB, the one part of a re-run's memory that grew with the archive.
///
/// Records are framed by a 4-byte little-endian length and hold, in the checkpoints' binary
/// format, the ``SourceFile``, the bundle key and the flag. The file is temporary
/// (`_state/held-back.tmp-PID`), removed when the spill is released, and never published.
final class HeldBackSpill {
  private let writer: FileIO.AtomicWriter
  /// Files held back so far.
  private(set) var count = 0

  init(path: String) throws {
    writer = try FileIO.AtomicWriter(path: path)
  }

  /// Holds back the next file (files come in path order).
  func add(source: SourceFile, bundleKey: String, include: Bool) throws {
    var record = BinaryWriter(capacity: 512)
    record.write(source)
    record.write(bundleKey)
    record.write(include)
    let length = UInt32(record.count)
    try writer.write((0..<4).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) } + record.bytes)
    count += 1
  }

  /// Hands the files back, in the order they were held back.
  /// - Throws: `FileIOError` when the spill cannot be read back, ``HeldBackSpill/Damaged`` when
  ///   its records do not decode (the spill is this process's own file: damage is a bug or a
  ///   disk fault, and the run fails rather than loading less); what `body` throws.
  func replay(_ body: (_ source: SourceFile, _ bundleKey: String, _ include: Bool) throws -> Void) throws {
    var pending: [UInt8] = []
    var replayed = 0
    try writer.readBack { chunk in
      pending.append(contentsOf: chunk)
      var start = 0
      while pending.count - start >= 4 {
        let length =
          Int(pending[start]) | Int(pending[start + 1]) << 8 | Int(pending[start + 2]) << 16
          | Int(pending[start + 3]) << 24
        guard pending.count - start - 4 >= length else { break }
        var reader = BinaryReader(Array(pending[(start + 4)..<(start + 4 + length)]))
        let record: (SourceFile, String, Bool)
        do {
          record = (try reader.read(SourceFile.self), try reader.readString(), try reader.readBool())
          try reader.expectEnd()
        } catch {
          throw Damaged(path: writer.temporaryPath, reason: "record \(replayed + 1): \(error)")
        }
        try body(record.0, record.1, record.2)
        replayed += 1
        start += 4 + length
      }
      pending.removeFirst(start)
    }
    guard pending.isEmpty, replayed == count else {
      throw Damaged(path: writer.temporaryPath, reason: "\(replayed) of \(count) records read back")
    }
  }

  /// The spill did not read back as written.
  struct Damaged: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "the load's held-back files in \(path) do not read back: \(reason)" }
  }
}

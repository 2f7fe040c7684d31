import Foundation

/// Writes `_state/index.json` without holding the index in memory: the runner adds each
/// file's facts in path order as the run goes, and they are spilled to two temporary files in
/// the state folder (one for `entries`, one for `files`); ``finish(fingerprint:stageOptions:)``
/// joins them into the index, published atomically. The bytes are those `JSONEncoder` with
/// `.sortedKeys` gives for the whole ``StateIndex``: its keys sort bytewise by UTF-8, the order
/// of input paths, and each value is printed as that encoder prints it (``EncoderJSON``: the
/// encoder itself, called per file, was a fifth of a re-run).
final class StateIndexWriter {
  private let path: String
  private let entries: FileIO.AtomicWriter
  private let files: FileIO.AtomicWriter
  /// The same facts for the next run's runner, read back one record at a time (``IndexCursor``).
  private let binary: FileIO.AtomicWriter
  private let encoder: JSONEncoder
  /// The next record, reused from file to file.
  private var json = EncoderJSON(capacity: 1024)
  private var entryCount = 0
  private var fileCount = 0

  /// Starts the index at `path`; the spill files go beside it.
  init(path: String) throws {
    self.path = path
    entries = try FileIO.AtomicWriter(path: path + ".entries")
    files = try FileIO.AtomicWriter(path: path + ".files")
    binary = try FileIO.AtomicWriter(path: (path as NSString).deletingPathExtension + ".bin")
    try binary.write(IndexCursor.magic)
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
  }

  /// Adds a file's checkpoint keys and, when it has them, its size, modification time and outcome.
  func add(path: String, keys: StageKeys, entry: IndexEntry?) throws {
    if let entry {
      try spill(path, first: entryCount == 0, to: entries) { entry.write(to: &$0) }
      entryCount += 1
    }
    try spill(path, first: fileCount == 0, to: files) { keys.write(to: &$0) }
    fileCount += 1
    try binary.write(IndexCursor.record(path: path, keys: keys, entry: entry))
  }

  /// Appends `"path":value` to one of the spills, after a comma unless it is the first member.
  private func spill(
    _ path: String, first: Bool, to writer: FileIO.AtomicWriter, value: (inout EncoderJSON) -> Void
  ) throws {
    json.removeAll()
    if !first { json.raw(",") }
    json.string(path)
    json.raw(":")
    value(&json)
    try writer.write(json.bytes)
  }

  /// Writes the index: the spilled entries and files, the load's fingerprint, each stage's
  /// options and the tool version; removes the spill files.
  func finish(fingerprint: String, stageOptions: [String: String]) throws {
    // The binary index first: a kill between the two leaves it the newer, and the runner reads it.
    try binary.write(IndexCursor.trailer(toolVersion: BudgetETLVersion.current, loadFingerprint: fingerprint))
    try binary.commit()
    let index = try FileIO.AtomicWriter(path: path)
    try index.write(Array(#"{"entries":{"#.utf8))
    try entries.copy(to: index)
    try index.write(Array(#"},"files":{"#.utf8))
    try files.copy(to: index)
    try index.write(Array(#"},"loadFingerprint":"#.utf8) + Array(try encoder.encode(fingerprint)))
    try index.write(Array(#","stageOptions":"#.utf8) + Array(try encoder.encode(stageOptions)))
    try index.write(Array(#","toolVersion":"#.utf8) + Array(try encoder.encode(BudgetETLVersion.current)) + [0x7D])
    try index.commit()
  }
}

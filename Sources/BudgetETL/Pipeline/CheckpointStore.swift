import Foundation

/// Per-document, per-stage checkpoints under `OUTPUT/_state/<stage>/`, keyed by the
/// document's content, the stage's options (and those of the stages before it) and the tool
/// version. Each is written beside its final name and renamed, so a killed run never leaves a
/// partial one; it is not fsynced (``FileIO/Durability/checked``): one cut or lost when the
/// machine stops, like any unreadable one (of another ``CheckpointFormat`` version, damaged),
/// is treated as missing and made again.
struct CheckpointStore: Sendable {
  let root: String

  func path(_ stage: StageKind, key: String) -> String {
    "\(root)/\(stage.rawValue)/\(key.prefix(2))/\(key).ckpt"
  }

  func exists(_ stage: StageKind, key: String) -> Bool { FileIO.exists(path(stage, key: key)) }

  func read<T: BinaryCodable>(_ type: T.Type, _ stage: StageKind, key: String) -> T? {
    guard let bytes = try? FileIO.readAll(path(stage, key: key)) else { return nil }
    return try? CheckpointFormat.decode(T.self, from: bytes)
  }

  /// The checkpoint of `stage` under `key` when it is whole (its CRC) and was made from the file
  /// whose SHA-256 is `sha256` (its source record): not fsynced, a checkpoint can be left by a
  /// machine that stopped under its name on another file's old blocks, whole.
  func read<T: FileCheckpoint>(_ type: T.Type, _ stage: StageKind, key: String, madeFrom sha256: String) -> T? {
    read(type, stage, key: key).flatMap { $0.source.sha256 == sha256 ? $0 : nil }
  }

  func write<T: BinaryCodable>(_ value: T, _ stage: StageKind, key: String) throws {
    let bytes = try CheckpointFormat.encode(value)
    let target = path(stage, key: key)
    try FileIO.writeAtomically(bytes, to: target, durability: .checked, creatingFolder: true)
  }

  /// Removes every checkpoint of `stage` whose key is not in `keep`, and leftover temporary files.
  func collectGarbage(_ stage: StageKind, keep: Set<String>, suffix: String = ".ckpt") {
    let fm = FileManager.default
    let dir = "\(root)/\(stage.rawValue)"
    for shard in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] {
      for name in (try? fm.contentsOfDirectory(atPath: dir + "/" + shard)) ?? [] {
        let key = name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : ""
        if !keep.contains(key) { try? fm.removeItem(atPath: dir + "/" + shard + "/" + name) }
      }
    }
  }
}

/// A stage checkpoint that records the file it was made from.
protocol FileCheckpoint: BinaryCodable {
  var source: SourceFile { get }
}

/// The extract stage's checkpoint: the file's `sources` record and, unless rejected, its segmentation.
struct ExtractCheckpoint: Equatable, FileCheckpoint {
  var source: SourceFile
  var extracted: ExtractedDocument?
}

/// The transform (and validate) stages' checkpoint.
struct ResultCheckpoint: Equatable, FileCheckpoint {
  var source: SourceFile
  var result: DocumentResult?
}

/// The checkpoint keys of one file, stage by stage; each depends on the ones before it.
public struct StageKeys: Sendable, Codable, Hashable {
  public var sha256: String
  public var extract: String
  public var transform: String
  public var validate: String
  /// The document's bundle (validate's output compressed for the load stage).
  public var bundle: String
}

/// What the last successful run processed, so `plan` can say why a document would run again
/// and a re-run can skip unchanged files without reading them.
public struct StateIndex: Sendable, Codable {
  public var toolVersion: String
  public var stageOptions: [String: String]
  public var files: [String: StageKeys]
  /// Size, modification time and outcome of each file, by path.
  public var entries: [String: IndexEntry] = [:]
  public var loadFingerprint: String
}

/// A file as the last run saw it: when its size and modification time are unchanged, its
/// checkpoint keys (and so its bundle) still hold.
public struct IndexEntry: Sendable, Codable {
  public var size: Int64
  public var modified: Int64
  public var source: SourceFile
  public var summary: BundleSummary?
}

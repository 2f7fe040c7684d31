import Foundation

extension CheckpointStore {
  /// Removes every checkpoint of `stage` whose key is not live, and leftover temporary files.
  func collectGarbage(_ stage: StageKind, keeping live: LiveKeys, suffix: String = ".ckpt") {
    let fm = FileManager.default
    let dir = "\(root)/\(stage.rawValue)"
    for shard in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] {
      for name in (try? fm.contentsOfDirectory(atPath: dir + "/" + shard)) ?? [] {
        let key = name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : ""
        if key.isEmpty || !live.contains(key) { try? fm.removeItem(atPath: dir + "/" + shard + "/" + name) }
      }
    }
  }
}

/// What the last successful run recorded, as the runner reads it: `_state/index.bin` one record
/// at a time when it is there (``IndexCursor``), else `_state/index.json` decoded whole (the
/// state of a build before the binary index).
enum PreviousIndex {
  case streamed(IndexCursor)
  case decoded(StateIndex)

  static func open(paths: PipelineRunner.Paths) -> PreviousIndex? {
    if let cursor = IndexCursor(path: paths.state + "/index.bin") { return .streamed(cursor) }
    return StateIndex.load(paths: paths).map(PreviousIndex.decoded)
  }

  var loadFingerprint: String {
    switch self {
    case .streamed(let cursor): return cursor.loadFingerprint
    case .decoded(let index): return index.loadFingerprint
    }
  }

  /// The file's checkpoint keys and entry; ask in path order.
  func lookup(_ path: String) -> (keys: StageKeys, entry: IndexEntry?)? {
    switch self {
    case .streamed(let cursor): return cursor.lookup(path)
    case .decoded(let index): return index.files[path].map { ($0, index.entries[path]) }
    }
  }
}

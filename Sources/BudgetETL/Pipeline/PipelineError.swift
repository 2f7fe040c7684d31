/// Why a run stopped (a document's own problems only reject that document).
public enum PipelineError: Error, Equatable, CustomStringConvertible {
  case missingCheckpoint(stage: String, file: String)
  /// `--only load` found a file's bundle cut or changed on disk, and cannot make it again.
  case damagedBundle(file: String, path: String)

  public var description: String {
    switch self {
    case .missingCheckpoint(let stage, let file):
      // Bundles (validate's) are written whatever the setting; extract's and transform's
      // checkpoints only with `stage_checkpoints` on, or by `--only extract|transform`.
      let hint =
        stage == "validate"
        ? "budget-etl run without --only" : "budget-etl run without --only and with stage_checkpoints on, or with --only \(stage)"
      return "no \(stage) checkpoint for \(file): run the stages before it first (\(hint))"
    case .damagedBundle(let file, let path):
      return "the bundle of \(file) is damaged (\(path)); --only load cannot make it again: budget-etl run --from load does"
    }
  }
}

/// Why a run stopped (a document's own problems only reject that document).
public enum PipelineError: Error, Equatable, CustomStringConvertible {
  case missingCheckpoint(stage: String, file: String)

  public var description: String {
    switch self {
    case .missingCheckpoint(let stage, let file):
      // Bundles (validate's) are written whatever the setting; extract's and transform's
      // checkpoints only with `stage_checkpoints` on, or by `--only extract|transform`.
      let hint =
        stage == "validate"
        ? "budget-etl run without --only" : "budget-etl run without --only and with stage_checkpoints on, or with --only \(stage)"
      return "no \(stage) checkpoint for \(file): run the stages before it first (\(hint))"
    }
  }
}

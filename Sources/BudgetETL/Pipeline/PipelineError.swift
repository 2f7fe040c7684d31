/// Why a run stopped (a document's own problems only reject that document).
public enum PipelineError: Error, Equatable, CustomStringConvertible {
  case missingCheckpoint(stage: String, file: String)

  public var description: String {
    switch self {
    case .missingCheckpoint(let stage, let file):
      return "no \(stage) checkpoint for \(file): run the stages before it first (budget-etl run without --only, and with stage_checkpoints on in the configuration)"
    }
  }
}

/// What a run did: the basis of the manifest, the `status` command and the exit code.
public struct RunSummary: Sendable, Codable {
  public var runID: String
  public var startedAt: String
  public var finishedAt: String = ""
  public var seconds: Double = 0
  public var toolVersion = BudgetETLVersion.current
  public var configHash: String
  public var input: String
  public var output: String
  public var workers: Int
  /// The stages the run was asked for: `--force`, `--from STAGE` or `--only STAGE`; nil for a
  /// plain run (and in manifests of older versions).
  public var selection: String?
  /// Whether the run kept its extract and transform checkpoints (`stage_checkpoints`); nil in
  /// manifests of older versions. Without them `--from validate` extracts again.
  public var stageCheckpoints: Bool?
  public var files = 0
  public var processed = 0
  public var skippedUnchanged = 0
  public var rejected = 0
  public var partial = 0
  public var duplicates = 0
  public var documents = 0
  public var rows: [String: Int] = [:]
  public var stageSeconds: [String: Double] = [:]
  public var stageCounts: [String: Int] = [:]
  /// gzip compression inside the stages: `checkpoint` (each document's CSV and JSON Lines
  /// members, part of the checkpoint stage's time) and `load` (Parquet pages and the
  /// `sources` members, part of the load stage's time). Nil in manifests of older versions.
  public var compression: [String: CompressionLedger.Tally]?
  public var findings: [String: Int] = [:]
  /// Per document (by source path) with warnings or errors: "severity rule" → count. The run
  /// manifest lists every such document; a summary that `run` returns holds the first
  /// ``listedFindings`` of them in path order (see ``documentsWithFindings``), so that its
  /// memory does not grow with the archive.
  public var findingsByDocument: [String: [String: Int]] = [:]
  /// How many documents have warnings or errors (nil in manifests of older versions).
  public var documentsWithFindings: Int?
  /// How many documents' findings a returned summary keeps in ``findingsByDocument``.
  public static let listedFindings = 20
  public var errors = 0
  public var warnings = 0
  public var rejectedFiles: [String: String] = [:]
  public var loadSkipped = false
  public var outcome = "running"

  public init(runID: String, startedAt: String, configHash: String, input: String, output: String, workers: Int) {
    self.runID = runID
    self.startedAt = startedAt
    self.configHash = configHash
    self.input = input
    self.output = output
    self.workers = workers
  }
}

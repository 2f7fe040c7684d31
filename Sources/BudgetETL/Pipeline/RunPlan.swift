import Foundation

/// What a run would do, and why, without doing it (`budget-etl plan`).
public struct RunPlan: Sendable {
  public struct Entry: Sendable {
    public var path: String
    /// The first stage that would run for this file; nil when everything is reused.
    public var firstStage: StageKind?
    public var reason: String
    /// With `--only`: the stage whose checkpoint the selected stage starts from and this file
    /// lacks (`validate`: the bundle `--only load` needs). The run stops at this file (exit 2).
    public var missingCheckpoint: StageKind? = nil
  }

  public var entries: [Entry] = []
  /// Files processed by the last run that are gone from the input: their rows disappear.
  public var removed: [String] = []
  public var loadRuns: Bool = false
  public var loadReason: String = ""

  /// Works out, for every input file, which checkpoints are valid and what changed.
  public static func make(_ runner: PipelineRunner) throws -> RunPlan {
    let paths = try PipelineRunner.resolve(runner.config)
    let files = try InputFile.discover(root: paths.input, excluding: paths.output)
    let store = CheckpointStore(root: paths.state)
    let previous = StateIndex.load(paths: paths)
    var plan = RunPlan()
    var seen = Set<String>()
    for file in files {
      seen.insert(file.relativePath)
      let bytes = try FileIO.readAll(file.absolutePath)
      let keys = runner.stageKeys(relativePath: file.relativePath, sha256: SHA256.hex(bytes))
      let bundle = PipelineRunner.bundlePath(key: keys.bundle, paths: paths)
      var first: StageKind?
      var missing: StageKind?
      if runner.force {
        first = .extract
      } else if let only = runner.only {
        // `--only` runs its stage on every file, from the checkpoint of the stage before it,
        // and stops at the first file without one. `--only load` runs no document stage.
        first = only == .load ? nil : only
        switch only {
        case .extract: break
        case .transform: if !store.exists(.extract, key: keys.extract) { missing = .extract }
        case .validate: if !store.exists(.transform, key: keys.transform) { missing = .transform }
        case .load:
          // Read whole, as the load will: a bundle cut or changed on disk, or another file's,
          // stops it too.
          let whole = (try? FileIO.readAll(bundle)).flatMap {
            try? DocumentBundle.parse($0, path: bundle, keeping: [DocumentBundle.sourceEntry])
          }
          if whole?.isMade(from: keys.sha256) != true { missing = .validate }
        }
      } else if let from = runner.from {
        // `--from` reruns its stage from the checkpoints before it, or from the first stage
        // whose checkpoint is missing (none are kept with `stage_checkpoints` off). Only
        // `--from load` starts from a bundle.
        let resumable: StageKind =
          from == .load && FileIO.exists(bundle)
          ? .load
          : store.exists(.transform, key: keys.transform)
            ? .validate : store.exists(.extract, key: keys.extract) ? .transform : .extract
        let order = StageKind.allCases
        first = order.firstIndex(of: resumable)! < order.firstIndex(of: from)! ? resumable : from
      } else if FileIO.exists(bundle) {
        first = nil
      } else if store.exists(.transform, key: keys.transform) {
        first = .validate
      } else if store.exists(.extract, key: keys.extract) {
        first = .transform
      } else {
        first = .extract
      }
      var reason = "unchanged"
      if runner.force {
        reason = "--force"
      } else if let only = runner.only {
        reason = "--only \(only.rawValue)"
        if let missing {
          let checkpoint = missing == .validate ? "whole bundle" : "\(missing.rawValue) checkpoint"
          reason += ", but no \(checkpoint) to start from: the run stops here (exit 2)"
        }
      } else if let from = runner.from {
        reason = first == from ? "--from \(from.rawValue)" : "--from \(from.rawValue), without the checkpoints before it"
      } else if first != nil {
        if let old = previous?.files[file.relativePath] {
          if previous!.toolVersion != BudgetETLVersion.current { reason = "new tool version (\(previous!.toolVersion) → \(BudgetETLVersion.current))" }
          else if old.sha256 != keys.sha256 { reason = "document changed" }
          else if old.extract != keys.extract { reason = "extract options changed" }
          else if old.transform != keys.transform { reason = "transform options changed" }
          else if old.validate != keys.validate { reason = "validate options changed" }
          else if old.bundle != keys.bundle { reason = "load compression level or bundle format changed" }
          else { reason = "checkpoint missing" }
        } else {
          reason = "new document"
        }
      }
      plan.entries.append(Entry(path: file.relativePath, firstStage: first, reason: reason, missingCheckpoint: missing))
    }
    // Rows of removed files disappear in a run that loads (`--only` another stage does not).
    if runner.only == nil || runner.only == .load {
      plan.removed = (previous?.files.keys.filter { !seen.contains($0) } ?? []).sorted()
    }
    let changed = plan.entries.contains { $0.firstStage != nil } || !plan.removed.isEmpty
    if let only = runner.only {
      plan.loadRuns = only == .load
      plan.loadReason = "--only \(only.rawValue)"
    } else if runner.force || runner.from != nil {
      plan.loadRuns = true
      plan.loadReason = runner.force ? "--force" : "--from"
    } else if previous == nil {
      plan.loadRuns = true
      plan.loadReason = "no previous run"
    } else if changed {
      plan.loadRuns = true
      plan.loadReason = "documents changed"
    } else if previous!.stageOptions[StageKind.load.rawValue] != runner.config.optionsJSON(of: .load) {
      plan.loadRuns = true
      plan.loadReason = "load options changed"
    } else if !runner.outputsExist(paths) {
      plan.loadRuns = true
      plan.loadReason = "output files missing"
    } else {
      plan.loadReason = "outputs are up to date"
    }
    return plan
  }
}

import Foundation

/// Takes each file's outcome in path order, as soon as the outcomes of the files before it are
/// in, and keeps only what does not grow with the number of files (apart from small fixed-size
/// keys): it counts the outcome into the run's summary, adds it to the load's fingerprint, the
/// state index (spilled to disk) and the live checkpoint keys, and hands it to the load.
///
/// The load starts streaming as soon as it is known to be needed: at once when there are no
/// previous outputs to keep, else at the first file that was processed again (its bundle may
/// differ). Until then, the few facts the load needs of each file are held back; when nothing
/// was processed, the runner decides at the end from the fingerprint, as before.
final class OutcomeRecorder {
  private let runner: PipelineRunner
  private let paths: PipelineRunner.Paths
  /// Whether this run writes the datasets and the index.
  private let loads: Bool
  private(set) var summary: RunSummary
  private var documentIDs = DocumentIDSet()
  private var fingerprint = SHA256()
  private let index: StateIndexWriter?
  /// Every document's findings, for the manifest.
  let findings: FindingsSpill
  private(set) var live = (extract: LiveKeys(), transform: LiveKeys(), validate: LiveKeys(), bundle: LiveKeys())
  private(set) var loader: DatasetLoader?
  /// The load's input while it is not known to be needed, on disk; created with its first file.
  private var heldBack: HeldBackSpill?
  /// The first load failure; the documents go on, the run fails after them.
  private(set) var loadError: (any Error)?
  /// Makes a file's bundle again from its document (and the checkpoints before the bundle),
  /// for a bundle the load finds missing or damaged; nil when the run cannot (`--only load`).
  var rebuild: ((_ relativePath: String) throws -> PipelineRunner.FileOutcome)?

  /// - Parameters:
  ///   - loads: whether the run loads the datasets and writes the index.
  ///   - loadsAtOnce: the load is needed whatever the files' outcomes (no previous outputs).
  init(
    runner: PipelineRunner, paths: PipelineRunner.Paths, summary: RunSummary, loads: Bool, loadsAtOnce: Bool
  ) throws {
    self.runner = runner
    self.paths = paths
    self.loads = loads
    self.summary = summary
    index = loads ? try StateIndexWriter(path: paths.state + "/index.json") : nil
    findings = try FindingsSpill(path: paths.state + "/findings")
    let config = runner.config
    let parquet = config.load.parquet && runner.columnarFactory != nil
    let header = "v=\(BudgetETLVersion.current)\nload=\(config.optionsJSON(of: .load))\nparquet=\(parquet)\n"
    fingerprint.update(Array(header.utf8))
    if loads && loadsAtOnce { try startLoad() }
  }

  /// Records the next file's outcome (files come in path order).
  func add(_ outcome: PipelineRunner.FileOutcome) throws {
    if outcome.reused { summary.skippedUnchanged += 1 } else { summary.processed += 1 }
    for (stage, seconds) in outcome.stageSeconds {
      summary.stageSeconds[stage, default: 0] += seconds
      summary.stageCounts[stage, default: 0] += 1
    }
    var source = outcome.source
    let include = try count(outcome, source: &source)
    fingerprint.update(Array("\(outcome.source.path)\t\(outcome.key)\t\(outcome.source.status.rawValue)\n".utf8))
    live.bundle.insert(outcome.key)
    if let keys = outcome.keys {
      live.extract.insert(keys.extract)
      live.transform.insert(keys.transform)
      live.validate.insert(keys.validate)
      let entry = outcome.stat.map {
        IndexEntry(size: $0.size, modified: $0.modified, source: outcome.source, summary: outcome.summary)
      }
      try index?.add(path: outcome.source.path, keys: keys, entry: entry)
    }
    guard loads else { return }
    if loader == nil && !outcome.reused { try startLoad() }
    if loader == nil && loadError == nil {
      if heldBack == nil { heldBack = try HeldBackSpill(path: paths.state + "/held-back") }
      try heldBack!.add(source: source, bundleKey: outcome.key, include: include)
    } else {
      append(source: source, bundleKey: outcome.key, include: include)
    }
  }

  /// The load's fingerprint: which bundles, in which order, and its options.
  func loadFingerprint() -> String {
    var copy = fingerprint
    return SHA256.hexString(copy.finalize())
  }

  /// Starts the load (when it has not started), feeding it what was held back.
  func startLoad() throws {
    guard loader == nil, loadError == nil else { return }
    loader = try DatasetLoader(config: runner.config, paths: paths, columnarFactory: runner.columnarFactory)
    let held = heldBack
    heldBack = nil
    try held?.replay { source, bundleKey, include in append(source: source, bundleKey: bundleKey, include: include) }
  }

  /// Drops the load's unpublished files (the outputs are up to date).
  func discardLoad() {
    loader = nil
    heldBack = nil
  }

  /// Lets go of the load and the live keys, once the outputs are published and the garbage collected.
  func close() {
    loader = nil
    heldBack = nil
    live = (LiveKeys(), LiveKeys(), LiveKeys(), LiveKeys())
  }

  /// Writes the state index, with the load's fingerprint.
  func writeIndex(fingerprint: String) throws {
    var options: [String: String] = [:]
    for kind in StageKind.allCases { options[kind.rawValue] = runner.config.optionsJSON(of: kind) }
    try index?.finish(fingerprint: fingerprint, stageOptions: options)
  }

  private func append(source: SourceFile, bundleKey: String, include: Bool) {
    guard loadError == nil, let loader else { return }
    do {
      do {
        try loader.append(source: source, bundleKey: bundleKey, include: include)
      } catch let error as DocumentBundle.BundleError {
        // Missing, or its bytes changed since it was written: nothing of it was appended. Made
        // again from its document it must have the same key, or the document changed meanwhile.
        guard case .corrupt(let path) = error else { throw error }
        // `--only load` has no stage to make it with: the run stops naming it, and leaves it.
        guard let rebuild else {
          // Gone since the run found it (deleted meanwhile), or there and damaged.
          if !FileIO.exists(path) { throw PipelineError.missingCheckpoint(stage: "validate", file: source.path) }
          throw PipelineError.damagedBundle(file: source.path, path: path)
        }
        unlink(path)
        // The same key, status and doc_id, or the document changed meanwhile: the run fails.
        let rebuilt = try rebuild(source.path)
        guard rebuilt.key == bundleKey, rebuilt.source.status == source.status,
          rebuilt.source.docID == source.docID
        else { throw error }
        try loader.append(source: source, bundleKey: bundleKey, include: include)
        runner.logger.warning("checkpoint rebuilt", metadata: ["file": "\(source.path)", "checkpoint": "\(path)"])
      }
    } catch {
      loadError = error
      self.loader = nil
    }
  }

  /// Counts a file into the summary: documents, duplicates, rejections and findings. Returns
  /// whether its document is loaded (not rejected, not a duplicate of an earlier file), and
  /// marks `source` as a duplicate when it is one.
  private func count(_ outcome: PipelineRunner.FileOutcome, source: inout SourceFile) throws -> Bool {
    switch source.status {
    case .rejected:
      summary.rejected += 1
      summary.rejectedFiles[source.path] = source.error ?? ""
      return false
    case .partial: summary.partial += 1
    default: break
    }
    guard let id = source.docID else { return false }
    guard documentIDs.insert(id) else {
      summary.duplicates += 1
      source.status = .duplicate
      source.error = "same document as an earlier file"
      return false
    }
    summary.documents += 1
    var rules: [String: Int] = [:]
    for (rule, n) in outcome.summary?.checksBySeverityAndRule ?? [:] {
      summary.findings[rule, default: 0] += n
      // The key stored in `findings`, whose text every document's entry then shares.
      let k = summary.findings.keys[summary.findings.index(forKey: rule)!]
      if !k.hasPrefix("info ") { rules[k] = n }
      if k.hasPrefix("error ") { summary.errors += n }
      if k.hasPrefix("warning ") { summary.warnings += n }
    }
    if !rules.isEmpty {
      try findings.add(path: source.path, rules: rules)
      if summary.findingsByDocument.count < RunSummary.listedFindings {
        summary.findingsByDocument[source.path] = rules
      }
    }
    return true
  }
}

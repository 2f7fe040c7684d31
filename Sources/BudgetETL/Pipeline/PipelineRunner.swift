import Foundation
import Logging

/// Runs the pipeline: checks the stage graph, processes every input document through the
/// per-document stages in parallel (reusing checkpoints of unchanged documents), then loads
/// the datasets in path order.
public struct PipelineRunner: Sendable {
  public var config: PipelineConfig
  /// Ignore every checkpoint: process every document again.
  public var force = false
  /// Ignore the checkpoints of this stage and the stages after it (`run --from STAGE`).
  public var from: StageKind?
  /// Run only this stage, from the checkpoints of the stages before it (`run --only STAGE`).
  public var only: StageKind?
  public var logger: Logger
  /// Called after each document, with documents done and the total.
  public var progress: (@Sendable (Int, Int) -> Void)?
  /// A factory for the Parquet writer of a dataset (nil: no Parquet files).
  public var columnarFactory: (@Sendable (DatasetSchema, String, Int, Int) throws -> any ColumnarSink)?
  /// Gives PDFs their text; without `pdftotext` PDFs are rejected and the rest runs.
  public var pdfConverter = PDFTextConverter()

  public init(config: PipelineConfig, logger: Logger) {
    self.config = config
    self.logger = logger
  }

  /// Where things are, resolved and checked.
  public struct Paths: Sendable {
    public var input: String
    public var output: String
    public var state: String { output + "/_state" }
    public var docs: String { state + "/docs" }
    public var runs: String { output + "/_runs" }
  }

  public static func resolve(_ config: PipelineConfig) throws -> Paths {
    let cwd = FileManager.default.currentDirectoryPath
    func absolute(_ p: String) -> String {
      let full = p.hasPrefix("/") ? p : cwd + "/" + p
      return URL(fileURLWithPath: full).standardizedFileURL.path
    }
    let input = absolute(config.input)
    let output = absolute(config.output)
    guard FileIO.isDirectory(input) else { throw ConfigurationError.missingInput(config.input) }
    // As written and with links resolved: a linked input folder may hold the output too.
    let realInput = FileIO.realPath(input) ?? input
    let realOutput = FileIO.realPathOfAncestors(output)
    for (i, o) in [(input, output), (realInput, realOutput)] where o == i || o.hasPrefix(i + "/") {
      throw ConfigurationError.outputInsideInput(output: config.output, input: config.input)
    }
    if FileIO.exists(output) && !FileIO.isDirectory(output) { throw ConfigurationError.outputNotAFolder(config.output) }
    return Paths(input: input, output: output)
  }

  /// The checkpoint keys of a file: each stage's key covers the file's path and content, the
  /// tool version and the options of that stage and of every stage before it; a PDF's also
  /// covers its converter, so installing or upgrading pdftotext reads it again. The bundle's
  /// also covers ``DocumentBundle/formatVersion``, so a bundle of another format is not reused.
  func stageKeys(relativePath: String, sha256: String) -> StageKeys {
    func h(_ s: String) -> String { SHA256.hex(Array(s.utf8)) }
    var material = "v=\(BudgetETLVersion.current)\npath=\(relativePath)\nsha=\(sha256)\nextract=\(config.optionsJSON(of: .extract))"
    if FileName.isPDF(relativePath) {
      material += "\nconverter=\(pdfConverter.checkpointIdentity())"
    }
    let extract = h(material)
    let transform = h("\(extract)\ntransform=\(config.optionsJSON(of: .transform))")
    let validate = h("\(transform)\nvalidate=\(config.optionsJSON(of: .validate))")
    let bundle = h("\(validate)\ngzip=\(config.load.gzipLevel)\nbundle=\(DocumentBundle.formatVersion)")
    return StageKeys(sha256: sha256, extract: extract, transform: transform, validate: validate, bundle: bundle)
  }

  /// `--force`, `--from STAGE` or `--only STAGE`, as given; nil when none is.
  var selection: String? {
    if force { return "--force" }
    if let from { return "--from \(from.rawValue)" }
    if let only { return "--only \(only.rawValue)" }
    return nil
  }

  /// True when the checkpoint of `stage` may be reused in this run.
  func reuses(_ stage: StageKind) -> Bool {
    if force { return false }
    if let from, StageKind.allCases.firstIndex(of: stage)! >= StageKind.allCases.firstIndex(of: from)! { return false }
    if let only, only == stage { return false }
    return true
  }

  var processingOptions: ProcessingOptions {
    var o = ProcessingOptions()
    o.watermarks = config.extract.watermarks
    o.maskPhoneNumbers = config.transform.maskPhoneNumbers
    o.strict = config.validate.strict
    return o
  }

  struct FileOutcome: Sendable {
    var keys: StageKeys?
    var key: String { keys?.bundle ?? "" }
    var reused: Bool
    var source: SourceFile
    var summary: BundleSummary?
    var stageSeconds: [String: Double]
    var stat: FileIO.Status? = nil
  }

  /// Runs the pipeline and returns what it did. Throws for configuration errors, a held
  /// lock, and failures that stop the run (a document's own problems reject only it).
  public func run() async throws -> RunSummary {
    let paths = try Self.resolve(config)
    let graph = try StageGraph(config.stages)
    if let only, !graph.order.contains(only.rawValue) {
      throw ConfigurationError.invalidValue(key: "--only", reason: "stage \(only.rawValue) is not declared in the configuration")
    }
    let clock = ContinuousClock()
    let start = clock.now
    // Before anything is written: an input without documents is refused.
    let files = try InputFile.discover(root: paths.input, excluding: paths.output)
    try FileIO.createDirectory(paths.docs)
    try FileIO.createDirectory(paths.runs)
    let lock = try OutputLock(path: paths.state + "/lock")
    defer { withExtendedLifetime(lock) {} }
    Self.removeTemporaryFiles(in: paths.output)

    let workers = config.workers > 0 ? config.workers : max(1, ProcessInfo.processInfo.activeProcessorCount)
    let runID = Self.runID()
    var summary = RunSummary(
      runID: runID, startedAt: Self.timestamp(), configHash: configHash(), input: paths.input, output: paths.output,
      workers: workers)
    summary.selection = selection
    summary.stageCheckpoints = config.stageCheckpoints
    summary.files = files.count
    logger.info("run started", metadata: ["run": "\(runID)", "files": "\(files.count)", "workers": "\(workers)"])

    // Per-document stages, in parallel; each outcome is recorded (and loaded) in path order
    // as soon as the files before it are done, between documents, so the load shares the
    // workers' cores and a single worker stays single-threaded.
    let declaredStages = graph.order.compactMap(StageKind.init(rawValue:)).filter { $0 != .load }
    let documentStages = only.map { $0 == .load ? [] : [$0] } ?? declaredStages
    let ledger = CompressionLedger.shared
    let ledgerStart = ledger.tally
    let total = files.count
    let store = CheckpointStore(root: paths.state)
    let previousIndex = PreviousIndex.open(paths: paths)
    let loads = graph.order.contains(StageKind.load.rawValue) && (only == nil || only == .load)
    let recorder = try OutcomeRecorder(
      runner: self, paths: paths, summary: summary, loads: loads,
      loadsAtOnce: !reuses(.load) || previousIndex == nil || !outputsExist(paths))
    // `--only load` has no stage to make a bundle with.
    if only != .load {
      recorder.rebuild = { path in
        try self.processFile(InputFile(root: files.root, relativePath: path), stages: documentStages, store: store, paths: paths)
      }
    }
    try await withThrowingTaskGroup(of: (Int, FileOutcome).self) { group in
      var next = 0
      var done = 0
      var inFlight = 0
      var waiting: [Int: FileOutcome] = [:]
      var recorded = 0
      func finished(_ index: Int, _ outcome: FileOutcome) throws {
        done += 1
        if outcome.source.status == .rejected {
          logger.warning(
            "document rejected", metadata: ["file": "\(outcome.source.path)", "reason": "\(outcome.source.error ?? "")"])
        } else if outcome.source.status == .partial {
          logger.warning(
            "document read in part", metadata: ["file": "\(outcome.source.path)", "reason": "\(outcome.source.error ?? "")"])
        }
        progress?(done, total)
        TestPausePoint.document.reached()
        waiting[index] = outcome
        while let ready = waiting.removeValue(forKey: recorded) {
          try recorder.add(ready)
          recorded += 1
        }
      }
      // Keeps `workers` files in flight. A file the last run's index vouches for (unchanged
      // size and time, its bundle there) is taken here, without a task: a task per file (its
      // creation, a thread woken, a switch) was a fifth of a re-run over unchanged input. Not
      // while many outcomes wait behind a file in flight: taken this way, thousands could pile
      // up behind one slow document within a moment. (Outcomes of tasks wait there too, as they
      // always have, one more per document processed meanwhile.)
      func fill() throws {
        while inFlight < workers, next < files.count {
          let index = next
          let file = files[index]
          next += 1
          // Files are scheduled in path order, the order the index is read in.
          var prior = previousIndex?.lookup(file.relativePath)
          if waiting.count < Self.waitingLimit, let vouched = prior {
            if let outcome = reusedOutcome(file, prior: vouched, paths: paths) {
              try finished(index, outcome)
              continue
            }
            prior = nil  // Looked at here already: the task need not stat it again.
          }
          inFlight += 1
          group.addTask {
            (index, try self.processFile(file, stages: documentStages, store: store, paths: paths, prior: prior))
          }
        }
      }
      try fill()
      while let (index, outcome) = try await group.next() {
        inFlight -= 1
        try finished(index, outcome)
        try fill()
      }
    }
    if let error = recorder.loadError { throw error }

    // Load, unless another single stage was asked for.
    if loads {
      let loadStart = clock.now
      let fingerprint = recorder.loadFingerprint()
      if reuses(.load), previousIndex?.loadFingerprint == fingerprint, outputsExist(paths) {
        recorder.discardLoad()
        summary = recorder.summary
        summary.loadSkipped = true
        logger.info("outputs are up to date; load skipped")
      } else {
        try recorder.startLoad()
        if let error = recorder.loadError { throw error }
        let loader = recorder.loader!
        summary = recorder.summary
        summary.rows = try await loader.commit(parallelism: workers)
        summary.stageCounts["load"] = 1
      }
      // The load's own time (it ran between documents), or the time to find it unneeded.
      summary.stageSeconds["load"] = recorder.loader?.seconds ?? (clock.now - loadStart).seconds
      let loadCompression = recorder.loader?.ledger.tally ?? CompressionLedger.Tally()
      summary.compression = [
        "checkpoint": ledger.tally.since(ledgerStart).since(loadCompression), "load": loadCompression,
      ]
      TestPausePoint.fingerprint.reached()
      try recorder.writeIndex(fingerprint: fingerprint)
      store.collectGarbage(.extract, keeping: recorder.live.extract)
      store.collectGarbage(.transform, keeping: recorder.live.transform)
      store.collectGarbage(.validate, keeping: recorder.live.validate)
      try collectGarbage(keeping: recorder.live.bundle, paths: paths)
      recorder.close()
    } else {
      summary = recorder.summary
      summary.compression = ["checkpoint": ledger.tally.since(ledgerStart)]
    }

    summary.seconds = (clock.now - start).seconds
    summary.finishedAt = Self.timestamp()
    summary.outcome =
      config.validate.strict && summary.errors > 0 ? "validation_errors" : summary.rejected > 0 ? "rejected_documents" : "ok"
    summary.documentsWithFindings = recorder.findings.count
    try RunManifest.write(
      summary, findings: recorder.findings, to: [paths.runs + "/\(runID).json", paths.state + "/last-run.json"])
    logger.info(
      "run finished",
      metadata: [
        "processed": "\(summary.processed)", "unchanged": "\(summary.skippedUnchanged)",
        "rejected": "\(summary.rejected)", "seconds": "\(String(format: "%.2f", summary.seconds))",
      ])
    return summary
  }

  /// Outcomes of files taken without a task that may wait, in memory, behind a file in flight.
  static let waitingLimit = 256

  /// The file's outcome as the last run's index records it, when that still holds: unchanged
  /// size and modification time, the same keys in this run, and the bundle there.
  func reusedOutcome(_ file: InputFile, prior: (keys: StageKeys, entry: IndexEntry?), paths: Paths) -> FileOutcome? {
    guard reuses(.validate), only == nil || only == .load, let entry = prior.entry,
      let stat = FileIO.status(file.absolutePath), entry.size == stat.size, entry.modified == stat.modified,
      stageKeys(relativePath: file.relativePath, sha256: prior.keys.sha256) == prior.keys,
      FileIO.exists(Self.bundlePath(key: prior.keys.bundle, paths: paths))
    else { return nil }
    return FileOutcome(
      keys: prior.keys, reused: true, source: entry.source, summary: entry.summary, stageSeconds: [:], stat: stat)
  }

  /// Runs the per-document stages on one file, from the newest checkpoint that is still valid.
  func processFile(
    _ file: InputFile, stages: [StageKind], store: CheckpointStore, paths: Paths,
    prior: (keys: StageKeys, entry: IndexEntry?)? = nil
  ) throws -> FileOutcome {
    let clock = ContinuousClock()
    if let prior, let outcome = reusedOutcome(file, prior: prior, paths: paths) { return outcome }
    let stat = FileIO.status(file.absolutePath)
    let bytes: [UInt8]
    do {
      bytes = try FileIO.readAll(file.absolutePath)
    } catch {
      let source = SourceFile(
        path: file.relativePath, sha256: String(repeating: "0", count: 64), encoding: "", bytes: 0, docID: nil,
        status: .rejected, error: "\(error)",
        format: FileName.isPDF(file.relativePath) ? .pdf : .text, converter: nil)
      return FileOutcome(keys: nil, reused: false, source: source, summary: nil, stageSeconds: [:])
    }
    let keys = stageKeys(relativePath: file.relativePath, sha256: SHA256.hex(bytes))
    let bundlePath = Self.bundlePath(key: keys.bundle, paths: paths)
    // The newest checkpoint first: a bundle stands for every stage before load.
    let summaryEntries: Set = [DocumentBundle.sourceEntry, DocumentBundle.summaryEntry]
    // Whole (its CRC) and this file's (its source record's hash, as `isMade(from:)` checks).
    if reuses(.validate), only == nil || only == .load, let data = try? FileIO.readAll(bundlePath),
      let bundle = try? DocumentBundle.parse(data, path: bundlePath, keeping: summaryEntries),
      let source = try? bundle.source(), source.sha256 == keys.sha256
    {
      return FileOutcome(keys: keys, reused: true, source: source, summary: bundle.summary(), stageSeconds: [:], stat: stat)
    }
    if only == .load {
      if FileIO.exists(bundlePath) { throw PipelineError.damagedBundle(file: file.relativePath, path: bundlePath) }
      throw PipelineError.missingCheckpoint(stage: "validate", file: file.relativePath)
    }
    let processor = DocumentProcessor(options: processingOptions, pdfConverter: pdfConverter)
    // `--only extract` and `--only transform` write nothing else: their checkpoints always.
    let writesStageCheckpoints = config.stageCheckpoints || only != nil
    var seconds: [String: Double] = [:]
    func timed<T>(_ stage: StageKind, _ body: () throws -> T) rethrows -> T {
      let t0 = clock.now
      defer { seconds[stage.rawValue, default: 0] += (clock.now - t0).seconds }
      return try body()
    }

    // Transform's checkpoint, else extract's, else the source itself.
    var transformed: ResultCheckpoint?
    if reuses(.transform), stages.contains(.validate) || only == nil {
      transformed = store.read(ResultCheckpoint.self, .transform, key: keys.transform, madeFrom: keys.sha256)
    }
    if transformed == nil, only == .validate {
      throw PipelineError.missingCheckpoint(stage: "transform", file: file.relativePath)
    }
    if transformed == nil {
      var extracted =
        reuses(.extract) ? store.read(ExtractCheckpoint.self, .extract, key: keys.extract, madeFrom: keys.sha256) : nil
      if extracted == nil {
        if only != nil && only != .extract {
          throw PipelineError.missingCheckpoint(stage: "extract", file: file.relativePath)
        }
        var source = SourceFile(
          path: file.relativePath, sha256: keys.sha256, encoding: "", bytes: Int64(bytes.count), docID: nil,
          status: .ok, error: nil, format: .text, converter: nil)
        let doc = timed(.extract) { processor.extract(relativePath: file.relativePath, bytes: bytes, source: &source) }
        extracted = ExtractCheckpoint(source: source, extracted: doc)
        if writesStageCheckpoints { try timed(.extract) { try store.write(extracted!, .extract, key: keys.extract) } }
      }
      if only == .extract {
        return FileOutcome(keys: keys, reused: false, source: extracted!.source, summary: nil, stageSeconds: seconds)
      }
      let result = timed(.transform) { extracted!.extracted.map(processor.transform) }
      transformed = ResultCheckpoint(source: extracted!.source, result: result)
      if writesStageCheckpoints { try timed(.transform) { try store.write(transformed!, .transform, key: keys.transform) } }
      if only == .transform {
        // Whether it is a budget document is known from transform's tables and narrative:
        // the manifest counts the files a full run rejects (`--only extract` cannot yet).
        let source = result.map { processor.finish($0, source: extracted!.source).source } ?? extracted!.source
        return FileOutcome(keys: keys, reused: false, source: source, summary: nil, stageSeconds: seconds)
      }
    }
    var result = transformed!.result
    if stages.contains(.validate), result != nil { timed(.validate) { processor.validate(&result!) } }
    var final = ProcessedFile(source: transformed!.source, result: nil)
    if let result { final = processor.finish(result, source: transformed!.source) }
    let t0 = clock.now
    let bundle = try DocumentBundle.make(source: final.source, result: final.result, gzipLevel: config.load.gzipLevel)
    // Not fsynced: a bundle cut or lost with the machine fails its CRC-32 or is missing, and the
    // load makes it again from its document (an fsync per document kept a worker waiting on
    // the disk for about 4% of a run).
    try FileIO.writeAtomically(bundle.serialized(), to: bundlePath, durability: .checked, creatingFolder: true)
    seconds["checkpoint"] = (clock.now - t0).seconds
    return FileOutcome(
      keys: keys, reused: false, source: final.source, summary: final.result.map(BundleSummary.init), stageSeconds: seconds,
      stat: stat)
  }

  /// Temporary files left by a run that was killed while writing.
  static func removeTemporaryFiles(in output: String) {
    let walk = DirectoryWalk(root: output, strict: false)
    while let (item, name, kind) = try? walk.next() {
      guard kind == .file else { continue }
      if isTemporary(name) { unlink(output + "/" + item) }
    }
  }

  /// A file name an ``FileIO/AtomicWriter`` (`NAME.tmp-PID`) or the Parquet writer
  /// (`NAME.parquet.tmp`) writes before it publishes. On the bytes, each dot looked at:
  /// Foundation's `contains` (a locale-aware search) on every file of the output was 3% of a
  /// re-run, the standard library's generic one 27%.
  static func isTemporary(_ name: Substring) -> Bool {
    if name.hasSuffix(".parquet.tmp") { return true }
    let utf8 = name.utf8
    var from = utf8.startIndex
    while let dot = utf8[from...].firstIndex(of: UInt8(ascii: ".")) {
      if utf8[dot...].starts(with: ".tmp-".utf8) { return true }
      from = utf8.index(after: dot)
    }
    return false
  }

  static func bundlePath(key: String, paths: Paths) -> String {
    paths.docs + "/" + key.prefix(2) + "/" + key + ".bundle"
  }

  func outputsExist(_ paths: Paths) -> Bool {
    for schema in Datasets.all {
      for ext in [".csv.gz", ".jsonl.gz"] where !FileIO.exists(paths.output + "/" + schema.name + ext) { return false }
      if config.load.parquet && columnarFactory != nil && !FileIO.exists(paths.output + "/" + schema.name + ".parquet") {
        return false
      }
    }
    return FileIO.exists(paths.output + "/datapackage.json")
  }

  /// Removes bundles of documents no longer in the input.
  func collectGarbage(keeping live: LiveKeys, paths: Paths) throws {
    let fm = FileManager.default
    guard let shards = try? fm.contentsOfDirectory(atPath: paths.docs) else { return }
    for shard in shards {
      let dir = paths.docs + "/" + shard
      for name in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] {
        let key = name.hasSuffix(".bundle") ? String(name.dropLast(7)) : name
        if !live.contains(key) { try? fm.removeItem(atPath: dir + "/" + name) }
      }
    }
  }

  func configHash() -> String {
    var material = ""
    for s in config.stages { material += "\(s.id)<-\(s.dependsOn.joined(separator: ","))=\(s.optionsJSON)\n" }
    return String(SHA256.hex(Array(material.utf8)).prefix(16))
  }

  /// `date` in UTC with milliseconds, as `ISO8601DateFormatter` with `.withInternetDateTime`
  /// and `.withFractionalSeconds` prints it: `2026-11-23T21:15:46.245Z`. Printed by hand: the
  /// formatters, made for each call, were 3.5% of a re-run over unchanged input.
  static func timestamp(_ date: Date = Date()) -> String {
    let (t, milliseconds) = utc(date)
    return digits(Int(t.tm_year) + 1900, 4) + "-" + digits(Int(t.tm_mon) + 1, 2) + "-" + digits(Int(t.tm_mday), 2) + "T"
      + digits(Int(t.tm_hour), 2) + ":" + digits(Int(t.tm_min), 2) + ":" + digits(Int(t.tm_sec), 2) + "."
      + digits(milliseconds, 3) + "Z"
  }

  /// The run's id: `date` in UTC as `yyyyMMdd'T'HHmmss'Z'`, then `-` and the process id.
  static func runID(_ date: Date = Date()) -> String {
    // The formatter's seconds too are those of the time rounded to the millisecond.
    let (t, _) = utc(date)
    return digits(Int(t.tm_year) + 1900, 4) + digits(Int(t.tm_mon) + 1, 2) + digits(Int(t.tm_mday), 2) + "T"
      + digits(Int(t.tm_hour), 2) + digits(Int(t.tm_min), 2) + digits(Int(t.tm_sec), 2) + "Z-"
      + String(ProcessInfo.processInfo.processIdentifier)
  }

  /// The calendar fields of `date` in UTC and its milliseconds, the time rounded to the nearest
  /// millisecond first, as both formatters round it.
  private static func utc(_ date: Date) -> (tm, Int) {
    let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
    let whole = (milliseconds / 1000).rounded(.down)
    var time = time_t(whole)
    var fields = tm()
    gmtime_r(&time, &fields)
    return (fields, Int(milliseconds - whole * 1000))
  }

  /// `n` in decimal, zero-padded to `width` digits.
  private static func digits(_ n: Int, _ width: Int) -> String {
    let text = String(n)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }
}

extension Duration {
  var seconds: Double {
    let c = components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
  }
}

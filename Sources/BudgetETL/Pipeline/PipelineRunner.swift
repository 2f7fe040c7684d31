import Foundation
import Logging

/// Runs the pipeline: checks the stage graph, processes every input document through the
/// per-document stages in parallel (reusing checkpoints of unchanged documents), then loads
/// the datasets in path order.
public struct PipelineRunner: Sendable {
  public var config: PipelineConfig
  public var force = false
  public var logger: Logger
  /// Called after each document, with documents done and the total.
  public var progress: (@Sendable (Int, Int) -> Void)?
  /// A factory for the Parquet writer of a dataset (nil: no Parquet files).
  public var columnarFactory: (@Sendable (DatasetSchema, String, Int, Int) throws -> any ColumnarSink)?

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
    if output == input || output.hasPrefix(input + "/") {
      throw ConfigurationError.outputInsideInput(output: config.output, input: config.input)
    }
    return Paths(input: input, output: output)
  }

  /// The checkpoint key of a file: its path and content, the tool version and the options
  /// of every per-document stage and of the compression the bundle holds.
  func checkpointKey(relativePath: String, sha256: String) -> String {
    var material = "v=\(BudgetETLVersion.current)\npath=\(relativePath)\nsha=\(sha256)\n"
    for kind in [StageKind.extract, .transform, .validate] {
      material += "\(kind.rawValue)=\(config.optionsJSON(of: kind))\n"
    }
    material += "gzip=\(config.load.gzipLevel)\n"
    return SHA256.hex(Array(material.utf8))
  }

  var processingOptions: ProcessingOptions {
    var o = ProcessingOptions()
    o.watermarks = config.extract.watermarks
    o.maskPhoneNumbers = config.transform.maskPhoneNumbers
    o.strict = config.validate.strict
    return o
  }

  struct FileOutcome: Sendable {
    var key: String
    var reused: Bool
    var source: SourceFile
    var summary: BundleSummary?
    var stageSeconds: [String: Double]
  }

  /// Runs the pipeline and returns what it did. Throws for configuration errors, a held
  /// lock, and failures that stop the run (a document's own problems reject only it).
  public func run() async throws -> RunSummary {
    let paths = try Self.resolve(config)
    let graph = try StageGraph(config.stages)
    let clock = ContinuousClock()
    let start = clock.now
    try FileIO.createDirectory(paths.docs)
    try FileIO.createDirectory(paths.runs)
    let lock = try OutputLock(path: paths.state + "/lock")
    defer { withExtendedLifetime(lock) {} }

    let workers = config.workers > 0 ? config.workers : max(1, ProcessInfo.processInfo.activeProcessorCount)
    let runID = Self.runID()
    var summary = RunSummary(
      runID: runID, startedAt: Self.timestamp(), configHash: configHash(), input: paths.input, output: paths.output,
      workers: workers)
    let files = try InputFile.discover(root: paths.input, excluding: paths.output)
    summary.files = files.count
    logger.info("run started", metadata: ["run": "\(runID)", "files": "\(files.count)", "workers": "\(workers)"])

    // Per-document stages, in parallel.
    let documentStages = graph.order.compactMap(StageKind.init(rawValue:)).filter { $0 != .load }
    let ledger = CompressionLedger.shared
    let documentsLedgerStart = ledger.tally
    var outcomes = [FileOutcome?](repeating: nil, count: files.count)
    let total = files.count
    try await withThrowingTaskGroup(of: (Int, FileOutcome).self) { group in
      var next = 0
      var done = 0
      func schedule() {
        guard next < files.count else { return }
        let index = next
        let file = files[index]
        next += 1
        group.addTask { (index, try self.processFile(file, stages: documentStages, paths: paths)) }
      }
      for _ in 0..<workers { schedule() }
      while let (index, outcome) = try await group.next() {
        outcomes[index] = outcome
        done += 1
        if outcome.source.status == .rejected {
          logger.warning(
            "document rejected", metadata: ["file": "\(outcome.source.path)", "reason": "\(outcome.source.error ?? "")"])
        }
        progress?(done, total)
        schedule()
      }
    }
    let results = outcomes.map { $0! }
    // Compression apart from encoding and writing (summed over workers, like the stages).
    let checkpointCompression = ledger.tally.since(documentsLedgerStart)
    summary.compression = ["checkpoint": checkpointCompression]
    for r in results {
      if r.reused { summary.skippedUnchanged += 1 } else { summary.processed += 1 }
      for (stage, seconds) in r.stageSeconds { summary.stageSeconds[stage, default: 0] += seconds }
      for (stage, _) in r.stageSeconds { summary.stageCounts[stage, default: 0] += 1 }
    }

    // Load.
    if graph.order.contains(StageKind.load.rawValue) {
      let loadStart = clock.now
      let loadLedgerStart = ledger.tally
      let fingerprint = loadFingerprint(results)
      let fingerprintPath = paths.state + "/load.fingerprint"
      let previous = (try? FileIO.readAll(fingerprintPath)).map { String(decoding: $0, as: UTF8.self) }
      if !force, previous == fingerprint, outputsExist(paths) {
        summary.loadSkipped = true
        tally(results, into: &summary, loaded: false)
        logger.info("outputs are up to date; load skipped")
      } else {
        try load(results, paths: paths, summary: &summary)
        try FileIO.writeAtomically(Array(fingerprint.utf8), to: fingerprintPath)
      }
      summary.stageSeconds["load"] = (clock.now - loadStart).seconds
      summary.stageCounts["load"] = 1
      let loadCompression = ledger.tally.since(loadLedgerStart)
      summary.compression = (summary.compression ?? [:]).merging(["load": loadCompression]) { $1 }
      try collectGarbage(keep: Set(results.map(\.key)), paths: paths)
    } else {
      tally(results, into: &summary, loaded: false)
    }

    summary.seconds = (clock.now - start).seconds
    summary.finishedAt = Self.timestamp()
    summary.outcome =
      config.validate.strict && summary.errors > 0 ? "validation_errors" : summary.rejected > 0 ? "rejected_documents" : "ok"
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let manifest = Array(try encoder.encode(summary)) + [0x0A]
    try FileIO.writeAtomically(manifest, to: paths.runs + "/\(runID).json")
    try FileIO.writeAtomically(manifest, to: paths.state + "/last-run.json")
    logger.info(
      "run finished",
      metadata: [
        "processed": "\(summary.processed)", "unchanged": "\(summary.skippedUnchanged)",
        "rejected": "\(summary.rejected)", "seconds": "\(String(format: "%.2f", summary.seconds))",
      ])
    return summary
  }

  func processFile(_ file: InputFile, stages: [StageKind], paths: Paths) throws -> FileOutcome {
    let clock = ContinuousClock()
    let bytes: [UInt8]
    do {
      bytes = try FileIO.readAll(file.absolutePath)
    } catch {
      let source = SourceFile(
        path: file.relativePath, sha256: String(repeating: "0", count: 64), encoding: "", bytes: 0, docID: nil,
        status: .rejected, error: "\(error)", format: .text, converter: nil)
      return FileOutcome(key: "", reused: false, source: source, summary: nil, stageSeconds: [:])
    }
    let sha = SHA256.hex(bytes)
    let key = checkpointKey(relativePath: file.relativePath, sha256: sha)
    let bundlePath = Self.bundlePath(key: key, paths: paths)
    if !force, FileIO.exists(bundlePath), let data = try? FileIO.readAll(bundlePath),
      let bundle = try? DocumentBundle.parse(data, path: bundlePath, keeping: ["source.json", "summary.json"]),
      let source = try? bundle.source()
    {
      return FileOutcome(key: key, reused: true, source: source, summary: bundle.summary(), stageSeconds: [:])
    }
    let processor = DocumentProcessor(options: processingOptions)
    var seconds: [String: Double] = [:]
    var source = SourceFile(
      path: file.relativePath, sha256: sha, encoding: "", bytes: Int64(bytes.count), docID: nil, status: .ok,
      error: nil, format: .text, converter: nil)
    var extracted: ExtractedDocument?
    var result: DocumentResult?
    for stage in stages {
      let t0 = clock.now
      switch stage {
      case .extract: extracted = processor.extract(relativePath: file.relativePath, bytes: bytes, source: &source)
      case .transform: result = extracted.map(processor.transform)
      case .validate: if result != nil { processor.validate(&result!) }
      case .load: break
      }
      seconds[stage.rawValue] = (clock.now - t0).seconds
      if extracted == nil { break }
    }
    var final = ProcessedFile(source: source, result: nil)
    if let result { final = processor.finish(result, source: source) }
    let t0 = clock.now
    let bundle = try DocumentBundle.make(source: final.source, result: final.result, gzipLevel: config.load.gzipLevel)
    try FileIO.createDirectory((bundlePath as NSString).deletingLastPathComponent)
    try FileIO.writeAtomically(bundle.serialized(), to: bundlePath)
    seconds["checkpoint"] = (clock.now - t0).seconds
    return FileOutcome(
      key: key, reused: false, source: final.source, summary: final.result.map(BundleSummary.init), stageSeconds: seconds)
  }

  static func bundlePath(key: String, paths: Paths) -> String {
    paths.docs + "/" + key.prefix(2) + "/" + key + ".bundle"
  }

  /// Counts documents, duplicates and findings.
  func tally(_ results: [FileOutcome], into summary: inout RunSummary, loaded: Bool) {
    var seen = Set<String>()
    summary.rejected = 0
    summary.duplicates = 0
    summary.partial = 0
    summary.documents = 0
    for r in results {
      switch r.source.status {
      case .rejected:
        summary.rejected += 1
        summary.rejectedFiles[r.source.path] = r.source.error ?? ""
        continue
      case .partial: summary.partial += 1
      default: break
      }
      guard let id = r.source.docID else { continue }
      if !seen.insert(id).inserted {
        summary.duplicates += 1
        continue
      }
      summary.documents += 1
      for (k, n) in r.summary?.checksBySeverityAndRule ?? [:] {
        summary.findings[k, default: 0] += n
        if k.hasPrefix("error ") { summary.errors += n }
        if k.hasPrefix("warning ") { summary.warnings += n }
      }
    }
  }

  /// Writes every dataset from the documents' bundles, in path order.
  func load(_ results: [FileOutcome], paths: Paths, summary: inout RunSummary) throws {
    let level = config.load.gzipLevel
    var files: [String: DatasetFiles] = [:]
    for schema in Datasets.all {
      let columnar = try config.load.parquet
        ? columnarFactory.map { try $0(schema, paths.output + "/" + schema.name + ".parquet", level, config.load.rowGroupRows) }
        : nil
      files[schema.name] = try DatasetFiles(schema: schema, directory: paths.output, gzipLevel: level, columnar: columnar ?? nil)
    }
    var seen = Set<String>()
    var sourceRows: [[Value]] = []
    for r in results {
      var source = r.source
      var include = false
      if source.status != .rejected, let id = source.docID {
        if seen.insert(id).inserted {
          include = true
        } else {
          source.status = .duplicate
          source.error = "same document as an earlier file"
        }
      }
      sourceRows.append(source.row)
      guard include else { continue }
      let bundlePath = Self.bundlePath(key: r.key, paths: paths)
      let bundle = try DocumentBundle.parse(try FileIO.readAll(bundlePath), path: bundlePath)
      for schema in Datasets.all where schema.name != Datasets.sources.name {
        let count = bundle.entries[schema.name + ".count"].flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
        try files[schema.name]!.append(
          csvMember: bundle.entries[schema.name + ".csv.gz"], jsonlMember: bundle.entries[schema.name + ".jsonl.gz"],
          rows: bundle.entries[schema.name + ".rows"], count: count)
      }
    }
    try files[Datasets.sources.name]!.append(rows: sourceRows)
    for schema in Datasets.all {
      try files[schema.name]!.commit()
      summary.rows[schema.name] = files[schema.name]!.rows
    }
    try FileIO.writeAtomically(DataPackage.json(parquet: config.load.parquet && columnarFactory != nil),
      to: paths.output + "/datapackage.json")
    tally(results, into: &summary, loaded: true)
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

  /// What the load stage's output depends on: which bundles, in which order, and its options.
  func loadFingerprint(_ results: [FileOutcome]) -> String {
    var material = "v=\(BudgetETLVersion.current)\nload=\(config.optionsJSON(of: .load))\nparquet=\(config.load.parquet && columnarFactory != nil)\n"
    for r in results { material += "\(r.source.path)\t\(r.key)\t\(r.source.status.rawValue)\n" }
    return SHA256.hex(Array(material.utf8))
  }

  /// Removes checkpoints of documents no longer in the input.
  func collectGarbage(keep: Set<String>, paths: Paths) throws {
    let fm = FileManager.default
    guard let shards = try? fm.contentsOfDirectory(atPath: paths.docs) else { return }
    for shard in shards {
      let dir = paths.docs + "/" + shard
      for name in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] {
        let key = name.hasSuffix(".bundle") ? String(name.dropLast(7)) : name
        if !keep.contains(key) { try? fm.removeItem(atPath: dir + "/" + name) }
      }
    }
  }

  func configHash() -> String {
    var material = ""
    for s in config.stages { material += "\(s.id)<-\(s.dependsOn.joined(separator: ","))=\(s.optionsJSON)\n" }
    return String(SHA256.hex(Array(material.utf8)).prefix(16))
  }

  static func timestamp() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.string(from: Date())
  }

  static func runID() -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    return f.string(from: Date()) + "-\(ProcessInfo.processInfo.processIdentifier)"
  }
}

extension Duration {
  var seconds: Double {
    let c = components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
  }
}

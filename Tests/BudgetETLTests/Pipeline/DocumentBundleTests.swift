import Foundation
import Logging
import Testing

@testable import BudgetETL

/// A document's bundle keeps its `sources` record and summary in the checkpoints' binary format;
/// bundles of earlier builds (JSON entries) are rebuilt, not misread.
@Suite struct DocumentBundleTests {
  /// Runs the pipeline on the seeds copied into `dir`; returns the folders and the five
  /// bundles' paths under `docs`, sorted.
  static func seedsRun(in dir: TemporaryDirectory) async throws -> (input: String, out: String, docs: String, names: [String]) {
    let input = dir.copySeeds()
    let out = dir.path + "/out"
    _ = try await PipelineRunnerTests.run(input: input, output: out)
    let docs = out + "/_state/docs"
    let names = try bundleNames(docs)
    #expect(names.count == 5)
    return (input, out, docs, names)
  }

  /// ``seedsRun(in:)`` with Parquet (``runWithParquet(input:output:)``); returns the runner to
  /// run again too.
  static func parquetSeedsRun(in dir: TemporaryDirectory) async throws
    -> (runner: PipelineRunner, out: String, docs: String, names: [String])
  {
    let out = dir.path + "/out"
    let runner = try await runWithParquet(input: dir.copySeeds(), output: out)
    let docs = out + "/_state/docs"
    let names = try bundleNames(docs)
    #expect(names.count == 5)
    return (runner, out, docs, names)
  }

  /// The bundles under `docs`, relative to it, sorted.
  static func bundleNames(_ docs: String) throws -> [String] {
    try #require(FileManager.default.enumerator(atPath: docs)).allObjects.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".bundle") }.sorted()
  }

  /// Runs the pipeline with Parquet on `input` into `output`; returns the runner to run again.
  static func runWithParquet(input: String, output: String) async throws -> PipelineRunner {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    var config = PipelineConfig()
    config.input = input
    config.output = output
    var runner = PipelineRunner(config: config, logger: logger)
    runner.columnarFactory = ParquetWriter.sinkFactory
    _ = try await runner.run()
    return runner
  }

  @Test(arguments: Seed.allCases) func sourceAndSummaryRoundTrip(_ seed: Seed) throws {
    let processed = DocumentProcessor().process(relativePath: "\(seed.rawValue).txt", bytes: seed.bytes)
    let result = try #require(processed.result)
    let bundle = try DocumentBundle.make(source: processed.source, result: result, gzipLevel: 1)
    let parsed = try DocumentBundle.parse(
      bundle.serialized(), path: "b", keeping: [DocumentBundle.sourceEntry, DocumentBundle.summaryEntry])
    #expect(parsed.entries.count == 2)
    #expect(try parsed.source() == processed.source)
    let summary = try #require(parsed.summary())
    #expect(summary == BundleSummary(result: result))
    #expect(summary.lineItems == result.lineItems.count && !summary.checksBySeverityAndRule.isEmpty)
    // Equal summaries give equal bytes, whatever the dictionary's order.
    #expect(
      bundle.serialized()
        == (try DocumentBundle.make(source: processed.source, result: result, gzipLevel: 1)).serialized())
  }

  /// Lengths damaged into huge values (high bit set, near `Int.max`) make a corrupt bundle, never
  /// a trap: every length is checked against the bytes left.
  @Test func damagedLengthsAreCorruptNotACrash() throws {
    let processed = DocumentProcessor().process(relativePath: "empty.txt", bytes: [])
    let good = try DocumentBundle.make(source: processed.source, result: nil, gzipLevel: 1).serialized()
    // After the magic: the entry count (4 bytes), the first name's length (4), the name, then
    // its value's length as two 4-byte halves.
    let nameLength = Int(good[DocumentBundle.magic.count + 4])
    let valueLength = DocumentBundle.magic.count + 8 + nameLength
    for (offset, bytes) in [
      (DocumentBundle.magic.count + 4, [0xFF, 0xFF, 0xFF, 0xFF] as [UInt8]),  // name length 2^32 − 1
      (valueLength, [0xF0, 0xFF, 0xFF, 0xFF]), (valueLength + 4, [0x00, 0x00, 0x00, 0x80]),  // high half set
      (valueLength, [0xFF, 0xFF, 0xFF, 0xFF]),
    ] {
      var damaged = good
      damaged.replaceSubrange(offset..<(offset + 4), with: bytes)
      #expect(throws: DocumentBundle.BundleError.self) { try DocumentBundle.parse(damaged, path: "b") }
      // With its CRC made to match, the lengths themselves are what is caught.
      #expect(throws: DocumentBundle.BundleError.self) { try DocumentBundle.parse(Self.withCRC(damaged), path: "b") }
    }
    #expect(try DocumentBundle.parse(good, path: "b").source() == processed.source)
    #expect(Self.withCRC(good) == good)
  }

  /// `bytes` with their last four bytes set to the CRC-32 of the rest.
  static func withCRC(_ bytes: [UInt8]) -> [UInt8] {
    var out = Array(bytes.dropLast(4))
    ValueCodec.appendU32(DocumentBundle.crc32(out[...]), &out)
    return out
  }

  /// Any byte changed after the bundle was written is caught by its CRC, wherever it is: in
  /// the members and rows the load copies without reading them too.
  @Test func everyChangedByteMakesTheBundleCorrupt() throws {
    let seed = Seed.s0
    let processed = DocumentProcessor().process(relativePath: "s0.txt", bytes: seed.bytes)
    let good = try DocumentBundle.make(source: processed.source, result: processed.result, gzipLevel: 1).serialized()
    #expect(try DocumentBundle.parse(good, path: "b").entries["line_items.csv.gz"] != nil)
    var rng = SplitMix64(seed: 5)
    for _ in 0..<300 {
      var damaged = good
      let offset = rng.below(good.count)
      damaged[offset] ^= UInt8(1 + rng.below(255))
      #expect(throws: DocumentBundle.BundleError.self, "byte \(offset)") { try DocumentBundle.parse(damaged, path: "b") }
    }
  }

  /// A bundle that went missing or whose bytes changed on disk is made again from its
  /// document during the load, and the run publishes what a fresh run does. Bundles are not
  /// fsynced, so a machine that stops can also leave one empty (its rename on disk before its
  /// bytes) or cut short: the same.
  @Test func aMissingOrDamagedBundleIsRebuiltInTheSameRun() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let (runner, out, docs, names) = try await Self.parquetSeedsRun(in: dir)
    // One digit changed inside a CSV member (copied into the datasets unread), one bundle gone,
    // one empty, one cut in the middle.
    var bytes = try FileIO.readAll(docs + "/" + names[0])
    let bundle = try DocumentBundle.parse(bytes, path: names[0])
    let member = try #require(bundle.entries["line_items.csv.gz"])
    let at = try #require(bytes.firstRange(of: member)).lowerBound + member.count / 2
    bytes[at] ^= 0x01
    try FileIO.writeAtomically(bytes, to: docs + "/" + names[0])
    try FileManager.default.removeItem(atPath: docs + "/" + names[1])
    let emptied = try FileIO.readAll(docs + "/" + names[2])
    try FileIO.writeAtomically([], to: docs + "/" + names[2])
    let cut = try FileIO.readAll(docs + "/" + names[3])
    try FileIO.writeAtomically(Array(cut.prefix(cut.count / 2)), to: docs + "/" + names[3])
    // And one whole, but another file's (the blocks of a bundle deleted before): its CRC holds.
    let own = try FileIO.readAll(docs + "/" + names[4])
    try FileIO.writeAtomically(cut, to: docs + "/" + names[4])
    // The index still vouches for all five; a missing output makes the load run.
    try FileManager.default.removeItem(atPath: out + "/line_items.csv.gz")
    let again = try await runner.run()
    // The missing one is not reused (its file is looked at again); the damaged ones are, and
    // the load finds them changed and makes them again.
    #expect(again.skippedUnchanged == 4 && again.processed == 1)
    #expect(try DocumentBundle.parse(try FileIO.readAll(docs + "/" + names[0]), path: names[0]).entries == bundle.entries)
    #expect(try FileIO.readAll(docs + "/" + names[2]) == emptied, "\(names[2]) was not made again")
    #expect(try FileIO.readAll(docs + "/" + names[3]) == cut, "\(names[3]) was not made again")
    #expect(try FileIO.readAll(docs + "/" + names[4]) == own, "\(names[4]) was not made again")
    #expect(FileIO.exists(docs + "/" + names[1]), "\(names[1]) was not made again")
    var fresh = runner
    fresh.config.output = dir.path + "/fresh"
    _ = try await fresh.run()
    #expect(publishedFiles(out) == publishedFiles(dir.path + "/fresh"))

    // `--only load` cannot make a bundle: it stops naming the damaged one (exit 2, and how to
    // make it again) and leaves it alone; `plan --only load` says so beforehand.
    try FileIO.writeAtomically(bytes, to: docs + "/" + names[0])
    try FileManager.default.removeItem(atPath: out + "/line_items.csv.gz")
    var onlyLoad = runner
    onlyLoad.only = .load
    let stops = try RunPlan.make(onlyLoad).entries.filter { $0.missingCheckpoint != nil }
    #expect(stops.map(\.missingCheckpoint) == [.validate])
    #expect(stops.first?.reason == "--only load, but no whole bundle to start from: the run stops here (exit 2)")
    let error = await #expect(throws: PipelineError.self) { _ = try await onlyLoad.run() }
    guard case .damagedBundle(let file, let path)? = error else { return }
    #expect(file == stops.first?.path && path == docs + "/" + names[0])
    #expect("\(error!)".hasSuffix("--only load cannot make it again: budget-etl run --from load does"))
    #expect(try FileIO.readAll(docs + "/" + names[0]) == bytes)
    // As it says: `--from load` makes it again.
    var fromLoad = runner
    fromLoad.from = .load
    _ = try await fromLoad.run()
    #expect(try DocumentBundle.parse(try FileIO.readAll(docs + "/" + names[0]), path: names[0]).entries == bundle.entries)
  }

  /// Extract and transform checkpoints are not fsynced either: one whole but another file's
  /// (its CRC holds) is not used for this file, whose stages run again.
  @Test func anotherFilesStageCheckpointIsNotUsed() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let (runner, out, _, _) = try await Self.parquetSeedsRun(in: dir)
    var fresh = runner
    fresh.config.output = dir.path + "/fresh"
    _ = try await fresh.run()
    for stage in ["extract", "transform"] {
      let folder = out + "/_state/" + stage
      let names = try #require(FileManager.default.enumerator(atPath: folder)).allObjects.compactMap { $0 as? String }
        .filter { $0.hasSuffix(".ckpt") }.sorted()
      #expect(names.count == 5)
      let other = try FileIO.readAll(folder + "/" + names[1])
      for name in names where name != names[1] { try FileIO.writeAtomically(other, to: folder + "/" + name) }
    }
    // `--from validate` starts from transform's checkpoints, `--from transform` from extract's.
    // Each publishes what a fresh run does; between them, each of the four files whose extract
    // checkpoint is another's is extracted again, once (the first run rewrites those it reaches).
    var extracted = 0
    for from in [StageKind.validate, .transform] {
      var again = runner
      again.from = from
      let summary = try await again.run()
      extracted += summary.stageCounts["extract"] ?? 0
      #expect(publishedFiles(out) == publishedFiles(dir.path + "/fresh"), "--from \(from.rawValue)")
    }
    #expect(extracted == 4)
  }

  @Test func aRejectedFileHasASourceAndNoSummary() throws {
    let processed = DocumentProcessor().process(relativePath: "empty.txt", bytes: [])
    #expect(processed.source.status == .rejected)
    let bundle = try DocumentBundle.make(source: processed.source, result: nil, gzipLevel: 1)
    #expect(try bundle.source() == processed.source)
    #expect(bundle.summary() == nil)
  }

  /// A bundle of the first format (fixed-width binary rows) is not parsed, so it is made again;
  /// and the bundle's key covers the format, so a run that trusts its index never finds it.
  @Test func bundlesOfAnEarlierFormatAreRebuilt() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let (input, out, docs, names) = try await Self.seedsRun(in: dir)
    let oldMagic = Array("BUDGETETL-BUNDLE-1\n".utf8)
    #expect(DocumentBundle.magic != oldMagic)
    for name in names {
      var bytes = try FileIO.readAll(docs + "/" + name)
      bytes.replaceSubrange(0..<DocumentBundle.magic.count, with: oldMagic)
      #expect(throws: DocumentBundle.BundleError.self) { try DocumentBundle.parse(bytes, path: name) }
      try FileIO.writeAtomically(bytes, to: docs + "/" + name)
    }
    try FileManager.default.removeItem(atPath: out + "/_state/index.json")
    try FileManager.default.removeItem(atPath: out + "/_state/index.bin")
    let again = try await PipelineRunnerTests.run(input: input, output: out)
    #expect(again.skippedUnchanged == 0 && again.stageCounts["validate"] == 5)
    for name in names {
      #expect(Array(try FileIO.readAll(docs + "/" + name).prefix(DocumentBundle.magic.count)) == DocumentBundle.magic)
    }
    _ = try await PipelineRunnerTests.run(input: input, output: dir.path + "/fresh")
    #expect(publishedFiles(out) == publishedFiles(dir.path + "/fresh"))

    var config = PipelineConfig()
    config.input = input
    let runner = PipelineRunner(config: config, logger: Logger(label: "test"))
    let keys = runner.stageKeys(relativePath: "a.txt", sha256: String(repeating: "0", count: 64))
    let withoutFormat = SHA256.hex(Array("\(keys.validate)\ngzip=\(config.load.gzipLevel)".utf8))
    #expect(keys.bundle != withoutFormat)
  }

  /// Binary rows damaged inside a whole bundle stop the load with an error that names the
  /// bundle, the entry and the problem, never a trap or a misread row.
  @Test func damagedRowsStopTheLoadWithAClearError() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let (runner, out, docs, names) = try await Self.parquetSeedsRun(in: dir)
    let name = names[0]
    var bundle = try DocumentBundle.parse(try FileIO.readAll(docs + "/" + name), path: name)
    let rows = try #require(bundle.entries["line_items.rows"])
    bundle.entries["line_items.rows"] = Array(rows.dropLast())
    try FileIO.writeAtomically(bundle.serialized(), to: docs + "/" + name)
    // The index still vouches for the bundle; a missing output makes the load run.
    try FileManager.default.removeItem(atPath: out + "/line_items.parquet")
    do {
      _ = try await runner.run()
      Issue.record("the load read damaged rows")
    } catch let error as DocumentBundle.BundleError {
      let message = "\(error)"
      #expect(message.contains(name) && message.contains("line_items.rows") && message.contains("cut short"), "\(message)")
    }
  }

  @Test func bundlesWithJSONEntriesAreRebuilt() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let (input, out, docs, names) = try await Self.seedsRun(in: dir)
    // Rewrite each bundle as an earlier build wrote it: `source.json` and `summary.json`.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for name in names {
      var bundle = try DocumentBundle.parse(try FileIO.readAll(docs + "/" + name), path: name)
      bundle.entries["source.json"] = Array(try encoder.encode(try bundle.source()))
      bundle.entries["summary.json"] = Array(try encoder.encode(try #require(bundle.summary())))
      bundle.entries[DocumentBundle.sourceEntry] = nil
      bundle.entries[DocumentBundle.summaryEntry] = nil
      #expect(throws: DocumentBundle.BundleError.self) { try bundle.source() }
      try FileIO.writeAtomically(bundle.serialized(), to: docs + "/" + name)
    }
    // Without the index, each bundle is read: none is reused, each is made again from the
    // transform checkpoint.
    try FileManager.default.removeItem(atPath: out + "/_state/index.json")
    try FileManager.default.removeItem(atPath: out + "/_state/index.bin")
    let again = try await PipelineRunnerTests.run(input: input, output: out)
    #expect(again.skippedUnchanged == 0)
    #expect(again.stageCounts["extract"] == nil && again.stageCounts["transform"] == nil)
    #expect(again.stageCounts["validate"] == 5)
    for name in names {
      let bundle = try DocumentBundle.parse(try FileIO.readAll(docs + "/" + name), path: name)
      #expect(bundle.entries["source.json"] == nil && bundle.summary() != nil)
    }
    _ = try await PipelineRunnerTests.run(input: input, output: dir.path + "/fresh")
    #expect(publishedFiles(out) == publishedFiles(dir.path + "/fresh"))
  }
  /// `--only load` cannot make a bundle again (no `rebuild`): a bundle that is gone by the time
  /// the load reaches it is reported missing, one that is there but damaged, damaged.
  @Test func onlyLoadTellsAVanishedBundleFromADamagedOne() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    var config = PipelineConfig()
    config.input = dir.copySeeds()
    config.output = dir.path + "/out"
    let runner = PipelineRunner(config: config, logger: Logger(label: "t"))
    let paths = try PipelineRunner.resolve(config)
    try FileManager.default.createDirectory(atPath: paths.docs, withIntermediateDirectories: true)
    func loadError(bundleBytes: [UInt8]?) throws -> PipelineError? {
      let summary = RunSummary(runID: "t", startedAt: "", configHash: "", input: "", output: "", workers: 1)
      let recorder = try OutcomeRecorder(runner: runner, paths: paths, summary: summary, loads: true, loadsAtOnce: true)
      let keys = runner.stageKeys(relativePath: "2023/a.txt", sha256: "00")
      let bundle = PipelineRunner.bundlePath(key: keys.bundle, paths: paths)
      if let bundleBytes { try FileIO.writeAtomically(bundleBytes, to: bundle, creatingFolder: true) }
      defer { unlink(bundle) }
      let source = SourceFile(
        path: "2023/a.txt", sha256: "00", encoding: "utf-8", bytes: 1, docID: "a", status: .ok, error: nil,
        format: .text, converter: nil)
      try recorder.add(PipelineRunner.FileOutcome(keys: keys, reused: true, source: source, summary: nil, stageSeconds: [:]))
      return recorder.loadError as? PipelineError
    }
    guard case .missingCheckpoint(let stage, let file)? = try loadError(bundleBytes: nil) else {
      Issue.record("a vanished bundle is not reported missing")
      return
    }
    #expect(stage == "validate" && file == "2023/a.txt")
    guard case .damagedBundle(let file, let path)? = try loadError(bundleBytes: Array("BUDGETETL-BUNDLE".utf8)) else {
      Issue.record("a damaged bundle is not reported damaged")
      return
    }
    #expect(file == "2023/a.txt" && path.hasSuffix(".bundle"))
  }
}

import Foundation
import Logging
import Testing

@testable import BudgetETL

/// Re-runs over unchanged, changed and removed documents, and after a stage option changes.
@Suite struct IncrementalRunTests {
  func run(_ input: String, _ output: String, configure: (inout PipelineConfig) -> Void = { _ in }) async throws -> RunSummary {
    try await PipelineRunnerTests.run(input: input, output: output, configure: configure)
  }

  /// A runner over a copy of the seeds in `dir`, whose outputs (`dir/out`) a first run wrote.
  func runnerAfterAFirstRun(in dir: TemporaryDirectory) async throws -> PipelineRunner {
    let input = dir.copySeeds()
    _ = try await run(input, dir.path + "/out")
    var config = PipelineConfig()
    config.input = input
    config.output = dir.path + "/out"
    return PipelineRunner(config: config, logger: Logger(label: "test"))
  }

  @Test func anUnchangedInputDoesNoDocumentWork() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    _ = try await run(input, dir.path + "/out")
    let before = publishedFiles(dir.path + "/out")
    let again = try await run(input, dir.path + "/out")
    #expect(again.processed == 0)
    #expect(again.skippedUnchanged == 5)
    #expect(again.loadSkipped)
    #expect(again.stageCounts["extract"] == nil && again.stageCounts["transform"] == nil)
    #expect(publishedFiles(dir.path + "/out") == before)
  }

  /// What the runner takes from the index without a task is what the task would give; a file
  /// whose modification time moved, or a forced run, is not taken.
  @Test func reusedOutcomesAreThoseOfProcessFile() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    var runner = try await runnerAfterAFirstRun(in: dir)
    let paths = try PipelineRunner.resolve(runner.config)
    let files = try InputFile.discover(root: paths.input, excluding: paths.output)
    let index = try #require(PreviousIndex.open(paths: paths))
    let store = CheckpointStore(root: paths.state)
    var priors: [(keys: StageKeys, entry: IndexEntry?)] = []
    for i in 0..<files.count {
      let prior = try #require(index.lookup(files[i].relativePath))
      priors.append(prior)
      let fast = try #require(runner.reusedOutcome(files[i], prior: prior, paths: paths))
      let full = try runner.processFile(files[i], stages: [.extract, .transform, .validate], store: store, paths: paths)
      #expect(fast.reused && full.reused)
      #expect(fast.keys == full.keys && fast.source == full.source && fast.summary == full.summary && fast.stat == full.stat)
    }
    let touched = files[0].absolutePath
    var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
    #expect(utimensat(AT_FDCWD, touched, &times, 0) == 0)
    #expect(runner.reusedOutcome(files[0], prior: priors[0], paths: paths) == nil)
    #expect(runner.reusedOutcome(files[1], prior: priors[1], paths: paths) != nil)
    runner.force = true
    #expect(runner.reusedOutcome(files[1], prior: priors[1], paths: paths) == nil)
  }

  /// More unchanged files than may wait behind one in flight (``PipelineRunner/waitingLimit``),
  /// after a changed first file: the runner takes them without a task while that file is read,
  /// then gives the rest tasks. The `sources` rows and everything else come out in path order,
  /// as a fresh run writes them.
  @Test func unchangedFilesTakenBehindAChangedOneKeepPathOrder() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.path + "/in"
    try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
    func document(_ n: Int) -> String {
      "测试\(n)局2024年部门预算公开\n\n一、部门主要职责\n测试\(n)局负责本县测试工作。\n\n"
        + "二、收支预算总体情况\n2024年收入预算\(n * 1000 + 7)元，支出预算\(n * 1000 + 7)元。\n"
    }
    let count = PipelineRunner.waitingLimit + 44
    for n in 0..<count {
      try document(n).write(toFile: input + "/" + String(format: "f%03d.txt", n), atomically: true, encoding: .utf8)
    }
    _ = try await run(input, dir.path + "/out")
    try document(count).write(toFile: input + "/f000.txt", atomically: true, encoding: .utf8)
    let summary = try await run(input, dir.path + "/out")
    #expect(summary.processed == 1)
    #expect(summary.skippedUnchanged == count - 1)
    _ = try await run(input, dir.path + "/fresh")
    #expect(publishedFiles(dir.path + "/out") == publishedFiles(dir.path + "/fresh"))
    let sources = try PipelineRunnerTests.gunzipText(dir.path + "/out/sources.csv.gz")
    let paths = sources.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
    #expect(paths.count == count)
    #expect(paths.first == "f000.txt" && paths.last == "f299.txt")
    #expect(paths == paths.sorted())
  }

  @Test func aChangedDocumentIsProcessedAlone() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    _ = try await run(input, dir.path + "/out")
    let changed = input + "/2023/麟游县医疗保障局.txt"
    var text = try String(contentsOfFile: changed, encoding: .utf8)
    text = text.replacingOccurrences(of: "44,690.00", with: "44,691.00")
    try text.write(toFile: changed, atomically: true, encoding: .utf8)
    let summary = try await run(input, dir.path + "/out")
    #expect(summary.processed == 1)
    #expect(summary.skippedUnchanged == 4)
    // The same files as a fresh run over the changed input.
    _ = try await run(input, dir.path + "/fresh")
    #expect(publishedFiles(dir.path + "/out") == publishedFiles(dir.path + "/fresh"))
    // The files before the changed one were held back on disk until the load started, then
    // replayed; the spill is gone.
    let state = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out/_state")
    #expect(!state.contains { $0.hasPrefix("held-back") })
  }

  @Test func aRemovedDocumentDisappearsFromTheOutputs() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    _ = try await run(input, dir.path + "/out")
    try FileManager.default.removeItem(atPath: input + "/2024/温县医疗保障局.txt")
    let summary = try await run(input, dir.path + "/out")
    #expect(summary.documents == 4)
    let docs = String(decoding: try Inflater.gunzip(dir.read("out/documents.csv.gz")), as: UTF8.self)
    #expect(!docs.contains("888c15e9b2b9fc31"))
    _ = try await run(input, dir.path + "/fresh")
    #expect(publishedFiles(dir.path + "/out") == publishedFiles(dir.path + "/fresh"))
    // Its checkpoints are gone too: one bundle per remaining document.
    let bundles = FileManager.default.enumerator(atPath: dir.path + "/out/_state/docs")!.allObjects
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".bundle") }
    #expect(bundles.count == 4)
  }

  @Test func aChangedStageOptionRerunsThatStageOnly() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    _ = try await run(input, dir.path + "/out")
    let summary = try await run(input, dir.path + "/out") { config in
      config.transform.maskPhoneNumbers = false
      config.stages[1] = StageSpec(id: "transform", dependsOn: ["extract"], optionsJSON: #"{"mask_phone_numbers":false}"#)
    }
    #expect(summary.processed == 5)
    #expect(summary.stageCounts["extract"] == nil, "extract's checkpoints are reused")
    #expect(summary.stageCounts["transform"] == 5)
    #expect(summary.stageCounts["validate"] == 5)
  }

  /// `stage_checkpoints: false` keeps no extract or transform checkpoint: the datasets are the
  /// same bytes, an unchanged re-run still does no document work (the bundles stay), a changed
  /// transform option extracts again, and `--only validate` names the checkpoint it lacks.
  @Test func withoutStageCheckpointsOnlyTheBundlesAreKept() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    let out = dir.path + "/out"
    func filesUnder(_ folder: String) -> [String] {
      let all = FileManager.default.enumerator(atPath: out + "/_state/" + folder)?.allObjects as? [String] ?? []
      return all.filter { $0.hasSuffix(".ckpt") || $0.hasSuffix(".bundle") }
    }
    let first = try await run(input, out) { $0.stageCheckpoints = false }
    #expect(first.stageCounts["extract"] == 5 && first.stageCounts["transform"] == 5)
    let manifest = try JSONDecoder().decode(RunSummary.self, from: Data(try FileIO.readAll(out + "/_state/last-run.json")))
    #expect(manifest.stageCheckpoints == false && manifest.selection == nil)
    #expect(filesUnder("extract") == [] && filesUnder("transform") == [])
    #expect(filesUnder("docs").count == 5)
    _ = try await run(input, dir.path + "/fresh")
    #expect(publishedFiles(out) == publishedFiles(dir.path + "/fresh"))
    #expect(FileManager.default.enumerator(atPath: dir.path + "/fresh/_state/extract")?.allObjects.isEmpty == false)

    let again = try await run(input, out) { $0.stageCheckpoints = false }
    #expect(again.processed == 0)
    // The bundles are there, but `--from validate` needs transform's checkpoints: it extracts.
    var planner = PipelineRunner(config: PipelineConfig(), logger: Logger(label: "t"))
    planner.config.input = input
    planner.config.output = out
    planner.from = .validate
    #expect(try RunPlan.make(planner).entries.map(\.firstStage) == Array(repeating: .extract, count: 5))
    planner.from = .load
    #expect(try RunPlan.make(planner).entries.map(\.firstStage) == Array(repeating: .load, count: 5))
    let changed = try await run(input, out) { config in
      config.stageCheckpoints = false
      config.transform.maskPhoneNumbers = false
      config.stages[1] = StageSpec(id: "transform", dependsOn: ["extract"], optionsJSON: #"{"mask_phone_numbers":false}"#)
    }
    #expect(changed.stageCounts["extract"] == 5, "no extract checkpoint to start from")
    #expect(changed.stageCounts["transform"] == 5)

    var config = PipelineConfig()
    config.input = input
    config.output = out
    config.stageCheckpoints = false
    var runner = PipelineRunner(config: config, logger: Logger(label: "t"))
    runner.from = .validate
    let plan = try RunPlan.make(runner)
    #expect(plan.entries.count == 5)
    #expect(plan.entries.allSatisfy { $0.firstStage == .extract && $0.reason == "--from validate, without the checkpoints before it" })
    // With the checkpoints kept (the default run into `fresh`), `--from validate` starts there.
    var kept = runner
    kept.config.output = dir.path + "/fresh"
    kept.config.stageCheckpoints = true
    #expect(try RunPlan.make(kept).entries.allSatisfy { $0.firstStage == .validate && $0.reason == "--from validate" })
    runner.from = nil
    // `plan --only` says what the run will do: validate every file, or stop where a file lacks
    // the checkpoint to start from (every file here); no load, so no rows disappear.
    runner.only = .validate
    let onlyValidate = try RunPlan.make(runner)
    #expect(onlyValidate.entries.map(\.firstStage) == Array(repeating: .validate, count: 5))
    #expect(onlyValidate.entries.map(\.missingCheckpoint) == Array(repeating: .transform, count: 5))
    #expect(onlyValidate.entries.allSatisfy {
      $0.reason == "--only validate, but no transform checkpoint to start from: the run stops here (exit 2)"
    })
    #expect(!onlyValidate.loadRuns && onlyValidate.loadReason == "--only validate")
    kept.from = nil
    kept.only = .validate
    let keptValidate = try RunPlan.make(kept)
    #expect(keptValidate.entries.allSatisfy { $0.firstStage == .validate && $0.missingCheckpoint == nil && $0.reason == "--only validate" })
    runner.only = .transform
    #expect(try RunPlan.make(runner).entries.map(\.missingCheckpoint) == Array(repeating: .extract, count: 5))
    runner.only = .extract
    #expect(try RunPlan.make(runner).entries.allSatisfy { $0.firstStage == .extract && $0.missingCheckpoint == nil })
    // `--only load` runs no document stage and starts from the bundles: all there in `fresh`,
    // none in `out` for these options (its bundles were made without masking phone numbers).
    kept.only = .load
    let onlyLoad = try RunPlan.make(kept)
    #expect(onlyLoad.entries.allSatisfy { $0.firstStage == nil && $0.missingCheckpoint == nil && $0.reason == "--only load" })
    #expect(onlyLoad.loadRuns && onlyLoad.loadReason == "--only load")
    runner.only = .load
    #expect(try RunPlan.make(runner).entries.allSatisfy {
      $0.missingCheckpoint == .validate && $0.reason == "--only load, but no whole bundle to start from: the run stops here (exit 2)"
    })
    runner.only = .validate
    let error = await #expect(throws: PipelineError.self) { _ = try await runner.run() }
    guard case .missingCheckpoint(let stage, let file)? = error else { return }
    #expect(stage == "transform")
    #expect(file.hasPrefix("202") && file.hasSuffix(".txt"))
  }

  @Test func aNewToolVersionOrForceRerunsEverything() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    var runner = try await runnerAfterAFirstRun(in: dir)
    runner.force = true
    let plan = try RunPlan.make(runner)
    #expect(plan.entries.allSatisfy { $0.firstStage == .extract && $0.reason == "--force" })
    runner.force = false
    let quiet = try RunPlan.make(runner)
    #expect(quiet.entries.allSatisfy { $0.firstStage == nil })
    #expect(!quiet.loadRuns)
    // The checkpoint keys change with the tool version, document and options.
    let a = runner.stageKeys(relativePath: "a.txt", sha256: "00")
    let b = runner.stageKeys(relativePath: "a.txt", sha256: "01")
    #expect(a.extract != b.extract && a.bundle != b.bundle)
  }

  @Test func onlyAndFromSelectStages() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    let out = dir.path + "/out"
    var config = PipelineConfig()
    config.input = input
    config.output = out
    config.workers = 2
    var runner = PipelineRunner(config: config, logger: Logger(label: "t"))
    runner.only = .extract
    let extracted = try await runner.run()
    #expect(extracted.stageCounts["extract"] == 5)
    #expect(extracted.stageCounts["transform"] == nil)
    #expect(!FileIO.exists(out + "/line_items.csv.gz"), "--only extract loads nothing")
    // The manifest `status` reads says which stages a run was asked for.
    func lastRun() throws -> RunSummary {
      try JSONDecoder().decode(RunSummary.self, from: Data(try FileIO.readAll(out + "/_state/last-run.json")))
    }
    #expect(try lastRun().selection == "--only extract")
    #expect(try lastRun().stageCheckpoints == true)
    runner.only = .transform
    let transformed = try await runner.run()
    #expect(transformed.stageCounts["extract"] == nil && transformed.stageCounts["transform"] == 5)
    #expect(try lastRun().selection == "--only transform")
    runner.only = nil
    runner.from = .validate
    let validated = try await runner.run()
    #expect(validated.stageCounts["extract"] == nil && validated.stageCounts["transform"] == nil)
    #expect(validated.stageCounts["validate"] == 5)
    #expect(FileIO.exists(out + "/line_items.csv.gz"))
    #expect(try lastRun().selection == "--from validate")
    runner.from = nil
    runner.force = true
    _ = try await runner.run()
    #expect(try lastRun().selection == "--force")
    runner.force = false
    _ = try await runner.run()
    #expect(try lastRun().selection == nil)
    _ = try await PipelineRunnerTests.run(input: input, output: dir.path + "/fresh")
    #expect(publishedFiles(out) == publishedFiles(dir.path + "/fresh"))
  }
  /// A full run decides that a file is no budget document after transform; `--only transform`
  /// reports the same rejections and partial documents, `--only extract` only those it rejects.
  @Test func onlyTransformCountsTheRejectionsOfAFullRun() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    try Data("今天天气很好，我们去公园散步。\n晚上回家吃饭。\n".utf8).write(to: URL(fileURLWithPath: input + "/diary.txt"))
    var config = PipelineConfig()
    config.input = input
    config.output = dir.path + "/out"
    config.workers = 2
    var runner = PipelineRunner(config: config, logger: Logger(label: "t"))
    runner.only = .extract
    let extracted = try await runner.run()
    #expect(extracted.rejected == 0, "extract rejects only what is not text")
    runner.only = .transform
    let transformed = try await runner.run()
    let full = try await PipelineRunnerTests.run(input: input, output: dir.path + "/fresh")
    #expect(full.rejectedFiles.keys.sorted() == ["diary.txt"])
    #expect(full.rejectedFiles["diary.txt"]?.hasPrefix("not a budget document: no title, table or paragraph") == true)
    #expect(transformed.rejected == 1 && transformed.rejectedFiles == full.rejectedFiles)
    #expect(transformed.partial == full.partial)
    #expect(transformed.outcome == full.outcome && full.outcome == "rejected_documents")
  }
}

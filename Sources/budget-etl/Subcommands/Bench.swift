import ArgumentParser
import BudgetETL
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension BudgetETLCommand {
  /// `budget-etl bench`: the pipeline on a synthetic archive, measured.
  ///
  /// Each measured run is a child process (`budget-etl run`), so its peak resident memory is
  /// its own (`ru_maxrss` from `wait4`) and nothing of the benchmark's own work is counted.
  struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Benchmark the pipeline on a synthetic archive (1 and 2 workers, then a re-run).",
      discussion: """
        Generates N documents from the sample documents in --seeds (or uses --archive), runs \
        `budget-etl run` on them with 1 and with 2 workers into fresh output folders, runs again \
        over the unchanged input, and times zlib alone on the same output bytes. Reports \
        documents/s, MB/s, peak memory, each stage's share of the time, and the targets of \
        docs/PERFORMANCE.md. Outputs stay under --work; the SHA-256 of every output file goes \
        to WORK/out-<n>w.sha256.
        """)

    @Option(name: .long, help: "Documents to generate.")
    var documents = 1_000

    @Option(name: .long, help: "Seed of the generator (same seed, same archive).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Folder of sample documents the generator varies.")
    var seeds = "data"

    @Option(name: .long, help: "Benchmark an existing folder instead of generating one.")
    var archive: String?

    @Option(name: .long, help: "Where the archive and the outputs go.")
    var work = ".build/bench"

    @Option(name: .long, help: "The pipeline configuration the runs use (as for `run`).")
    var config: String?

    @Option(name: .long, help: "Also write the results as JSON to this file.")
    var json: String?

    @Flag(name: .long, help: "Skip the 1-worker run.")
    var skipSingle = false

    func validate() throws {
      guard documents > 0 else { throw ValidationError("--documents must be at least 1") }
      if let archive, !FileIO.isDirectory(archive) { throw ValidationError("--archive \(archive) is not a folder") }
    }

    /// Deletes the outputs earlier benchmarks moved aside (also those of one that was killed).
    static func removeSetAside(in work: String) {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: work)) ?? []
      for name in names where name.hasPrefix(".previous-outputs-") {
        try? FileManager.default.removeItem(atPath: work + "/" + name)
      }
    }

    func run() async throws {
      let work = Self.absolute(self.work)
      try FileIO.createDirectory(work)
      let loadBefore = Self.loadAverage()
      let cores = ProcessInfo.processInfo.activeProcessorCount

      // The archive.
      let archiveDir: String
      var generationSeconds: Double?
      if let archive {
        archiveDir = Self.absolute(archive)
      } else {
        archiveDir = work + "/archive-\(documents)-seed\(seed)"
        let marker = archiveDir + "/.complete"
        if !FileIO.exists(marker) {
          try? FileManager.default.removeItem(atPath: archiveDir)
          let clock = ContinuousClock()
          let t0 = clock.now
          let generator = ArchiveGenerator(templates: try ArchiveGenerator.templates(in: seeds), seed: seed)
          _ = try generator.write(count: documents, to: archiveDir)
          try FileIO.writeAtomically(Array("\(documents) \(seed)\n".utf8), to: marker)
          generationSeconds = (clock.now - t0).seconds
        }
      }
      let inputFiles = try InputFile.discover(root: archiveDir, excluding: nil)
      var inputBytes: Int64 = 0
      for file in inputFiles {
        inputBytes += (try? FileManager.default.attributesOfItem(atPath: file.absolutePath)[.size] as? Int64) ?? 0
      }
      let megabytes = Double(inputBytes) / 1_000_000
      print(
        "archive: \(inputFiles.count) documents, \(String(format: "%.1f", megabytes)) MB in \(archiveDir)"
          + (generationSeconds.map { String(format: " (generated in %.1f s)", $0) } ?? ""))
      print("machine: \(cores) cores; load average before: \(loadBefore)")
      let runConfig = (try? PipelineConfig.load(path: config ?? "pipeline.json")) ?? PipelineConfig()
      print(
        "configuration: \(config ?? "pipeline.json"), gzip level \(runConfig.load.gzipLevel), stage checkpoints "
          + (runConfig.stageCheckpoints ? "kept" : "not kept"))

      // The runs. What this process holds when it spawns them is the floor of their peaks.
      let floorKiB = Self.peakOfThisProcessKiB()
      var results: [Measurement] = []
      let workerCounts = skipSingle ? [2] : [1, 2]
      // The outputs of an earlier benchmark are moved aside now and deleted after the runs.
      // Deleted just before a run, their tens of thousands of files slowed it: ext4 skips
      // inodes freed in the last seconds when it allocates new ones, reading each one's
      // table block (up to 10% of a run in the kernel).
      // A fresh folder of its own (not named after the process: a killed benchmark's folder
      // with the same process id would make the moves fail, run after run).
      var template = Array((work + "/.previous-outputs-XXXXXX").utf8CString)
      guard let made = mkdtemp(&template) else {
        throw ValidationError("cannot make a folder in \(work): \(String(cString: strerror(errno)))")
      }
      let setAside = String(cString: made)
      for workers in workerCounts where FileIO.exists(work + "/out-\(workers)w") {
        guard rename(work + "/out-\(workers)w", setAside + "/out-\(workers)w") == 0 else {
          throw ValidationError("cannot move \(work)/out-\(workers)w aside: \(String(cString: strerror(errno)))")
        }
      }
      defer { Self.removeSetAside(in: work) }
      for workers in workerCounts {
        let output = work + "/out-\(workers)w"
        var m = try measure(
          input: archiveDir, output: output, workers: workers, label: "\(workers) worker(s)", work: work)
        m.hashes = try Self.hashOutputs(output)
        try FileIO.writeAtomically(Array(m.hashes.utf8), to: work + "/out-\(workers)w.sha256")
        results.append(m)
      }
      let full = results.last!
      let rerun = try measure(
        input: archiveDir, output: work + "/out-\(full.workers)w", workers: full.workers, label: "re-run", work: work)

      // zlib alone on the same output bytes.
      let zlib = try Self.zlibAlone(output: work + "/out-\(full.workers)w", level: gzipLevel())
      let parquetSeconds = full.summary.compression?["load"]?.seconds ?? 0
      let parquetBytes = full.summary.compression?["load"]?.bytesIn ?? 0
      let zlibWall = (zlib.seconds + parquetSeconds) / Double(cores)
      let loadAfter = Self.loadAverage()

      // Report.
      print("")
      print("run            wall s   docs/s     MB/s   peak RSS MB   CPU s  of it kernel s")
      for m in results + [rerun] {
        print(
          Self.pad(m.label, 12)
            + String(
              format: " %8.2f %8.1f %8.2f %13.1f %7.1f %15.2f", m.wall,
              Double(inputFiles.count) / m.wall, megabytes / m.wall, Double(m.maxRSSKiB) / 1024, m.cpu, m.systemCPU))
      }
      print(
        "  (kernel: system time; it grows after many files were deleted on the same disk and, on a virtual"
          + " machine, when the host must supply memory the run writes into; see docs/PERFORMANCE.md)")
      print("")
      if results.count == 2 {
        let speedup = results[0].wall / results[1].wall
        print(String(format: "speed-up, 2 workers vs 1: %.2fx (target >= 1.8)", speedup))
      }
      print(String(format: "re-run: %.2f%% of the full run (target < 2%%)", 100 * rerun.wall / full.wall))
      let peak = results.map(\.maxRSSKiB).max()! / 1024
      print("peak memory: \(peak) MB (target < 300 MB, flat in N)")
      print(
        "  (a floor: the benchmark process's own peak when it started the runs, \(floorKiB / 1024) MB, shows in its children's)"
      )
      print(
        String(
          format: "zlib alone: CSV+JSONL %.1f MB in %.2f s, Parquet pages and sources %.1f MB in %.2f s "
            + "(timed in the load); over %d cores %.2f s",
          Double(zlib.bytesIn) / 1_000_000, zlib.seconds, Double(parquetBytes) / 1_000_000, parquetSeconds, cores,
          zlibWall))
      print(String(format: "whole run / zlib alone: %.2f (target <= 1.5)", full.wall / zlibWall))
      print("")
      for m in results {
        print("stage shares, \(m.label) (seconds summed over workers):")
        for (name, seconds) in Self.stageShares(m) {
          print("  " + Self.pad(name, 36) + String(format: " %8.2f s %6.1f%%", seconds, 100 * seconds / m.stageTotal))
        }
      }
      if results.count == 2 {
        print(
          results[0].hashes == results[1].hashes
            ? "outputs of 1 and 2 workers: identical" : "outputs of 1 and 2 workers: DIFFER")
      }
      print("load average after: \(loadAfter)")

      if let json {
        var report: [String: Any] = [
          "documents": inputFiles.count, "input_bytes": inputBytes, "seed": seed, "cores": cores,
          "stage_checkpoints": runConfig.stageCheckpoints,
          "load_before": loadBefore, "load_after": loadAfter, "zlib_alone_seconds": zlibWall,
          "zlib_csv_jsonl_seconds": zlib.seconds, "zlib_csv_jsonl_bytes": zlib.bytesIn,
          "zlib_parquet_seconds": parquetSeconds, "ratio_run_to_zlib": full.wall / zlibWall,
          "rerun_percent": 100 * rerun.wall / full.wall,
        ]
        for m in results + [rerun] {
          report[m.label] =
            [
              "wall_seconds": m.wall, "cpu_seconds": m.cpu, "system_seconds": m.systemCPU, "max_rss_kib": m.maxRSSKiB,
              "stage_seconds": m.summary.stageSeconds,
            ] as [String: Any]
        }
        let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
        try FileIO.writeAtomically(Array(data), to: json)
      }
    }

    /// One measured run.
    struct Measurement {
      var label: String
      var workers: Int
      var wall: Double
      /// User and system time.
      var cpu: Double
      /// The system (kernel) part of ``cpu``.
      var systemCPU: Double
      var maxRSSKiB: Int
      var summary: RunSummary
      var hashes = ""

      var stageTotal: Double { max(BudgetETLCommand.Bench.stageShares(self).reduce(0) { $0 + $1.1 }, 1e-9) }
    }

    /// The stages' seconds, with compression apart from encoding, writing and Parquet encoding.
    static func stageShares(_ m: Measurement) -> [(String, Double)] {
      let s = m.summary.stageSeconds
      let checkpointZ = m.summary.compression?["checkpoint"]?.seconds ?? 0
      let loadZ = m.summary.compression?["load"]?.seconds ?? 0
      return [
        ("extract (decode, noise, segment)", s["extract"] ?? 0),
        ("transform (tables, narrative)", s["transform"] ?? 0),
        ("validate", s["validate"] ?? 0),
        ("checkpoint: encode rows, write", max(0, (s["checkpoint"] ?? 0) - checkpointZ)),
        ("checkpoint: gzip members", checkpointZ),
        ("load: copy members, Parquet encode", max(0, (s["load"] ?? 0) - loadZ)),
        ("load: gzip Parquet pages", loadZ),
      ]
    }

    /// Runs `budget-etl run` in a child process and waits for it.
    func measure(input: String, output: String, workers: Int, label: String, work: String) throws -> Measurement {
      let exe = Self.executablePath()
      var args = [exe, "run", "--input", input, "--output", output, "--workers", "\(workers)", "--quiet"]
      if let config { args += ["--config", config] }
      let fileName = String(label.filter { $0 != "(" && $0 != ")" }).replacingOccurrences(of: " ", with: "-")
      let log = work + "/" + fileName + ".log"
      let clock = ContinuousClock()
      let t0 = clock.now
      let (status, usage) = try Self.spawnAndWait(args, stdout: "/dev/null", stderr: log)
      let wall = (clock.now - t0).seconds
      guard status == 0 || status == 3 else {
        throw ValidationError("`\(args.joined(separator: " "))` exited with \(status); see \(log)")
      }
      let data = try FileIO.readAll(output + "/_state/last-run.json")
      let summary = try JSONDecoder().decode(RunSummary.self, from: Data(data))
      let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
      let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
      return Measurement(
        label: label, workers: workers, wall: wall, cpu: user + system, systemCPU: system,
        maxRSSKiB: Int(usage.ru_maxrss), summary: summary)
    }

    static func executablePath() -> String {
      #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
      #endif
      return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// posix_spawn, then wait4 for the exit status and the child's resource usage.
    static func spawnAndWait(_ args: [String], stdout: String, stderr: String) throws -> (Int32, rusage) {
      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
      defer { for p in argv { free(p) } }
      var pid: pid_t = 0
      let rc = posix_spawn(&pid, args[0], &actions, nil, argv, environ)
      guard rc == 0 else { throw ValidationError("cannot start \(args[0]): \(String(cString: strerror(rc)))") }
      var status: Int32 = 0
      var usage = rusage()
      while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { throw ValidationError("wait4 failed: \(String(cString: strerror(errno)))") }
      }
      let exited = (status & 0x7f) == 0
      return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), usage)
    }

    /// Times zlib alone: every gzip member of the CSV and JSON Lines outputs, decompressed and
    /// compressed again at the run's level, one at a time on one thread (only compression is timed).
    static func zlibAlone(output: String, level: Int) throws -> (seconds: Double, bytesIn: Int64) {
      let names = try FileManager.default.contentsOfDirectory(atPath: output)
        .filter { $0.hasSuffix(".csv.gz") || $0.hasSuffix(".jsonl.gz") }.sorted()
      let clock = ContinuousClock()
      var seconds = 0.0
      var bytesIn: Int64 = 0
      for name in names {
        let compressed = try FileIO.readAll(output + "/" + name)
        try Inflater.forEachMember(compressed) { member in
          let t0 = clock.now
          _ = try Deflater.compress(member, level: level)
          seconds += (clock.now - t0).seconds
          bytesIn += Int64(member.count)
        }
      }
      return (seconds, bytesIn)
    }

    /// The gzip level the runs used: the configuration's, as `run` reads it.
    func gzipLevel() -> Int {
      (try? PipelineConfig.load(path: config ?? "pipeline.json").load.gzipLevel) ?? PipelineConfig().load.gzipLevel
    }

    /// `sha256  name` for every output file (not `_state`, `_runs`), read in 1 MiB pieces so
    /// the benchmark itself stays small (see ``peakOfThisProcessKiB()``).
    static func hashOutputs(_ output: String) throws -> String {
      let names = try FileManager.default.contentsOfDirectory(atPath: output).filter { !$0.hasPrefix("_") }.sorted()
      var lines = ""
      for name in names {
        guard let handle = FileHandle(forReadingAtPath: output + "/" + name) else {
          throw ValidationError("cannot read \(output)/\(name)")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty { hasher.update(Array(piece)) }
        lines += hasher.finalize().map { String(format: "%02x", $0) }.joined() + "  " + name + "\n"
      }
      return lines
    }

    /// This process's peak resident memory (VmHWM) so far. A child started with posix_spawn
    /// shares the parent's memory until it execs, and Linux carries that mark into the child's
    /// ru_maxrss: a peak measured after this call is never below it. (The benchmark grows
    /// after the runs, while it recompresses the outputs for "zlib alone".)
    static func peakOfThisProcessKiB() -> Int {
      guard let data = FileManager.default.contents(atPath: "/proc/self/status") else { return 0 }
      for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
      }
      return 0
    }

    static func loadAverage() -> String {
      guard let data = FileManager.default.contents(atPath: "/proc/loadavg") else { return "unknown" }
      return String(decoding: data, as: UTF8.self).split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func pad(_ s: String, _ width: Int) -> String {
      s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func absolute(_ path: String) -> String {
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
  }
}

extension Duration {
  fileprivate var seconds: Double {
    let c = components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
  }
}

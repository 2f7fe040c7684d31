import ArgumentParser
import BudgetETL
import Foundation
import Logging

extension BudgetETLCommand {
  /// `budget-etl plan`: what a run would do and why; writes nothing.
  struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show what `run` would process and why (changed documents, options, tool version); writes nothing.")

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stages: StageSelection

    @Flag(name: .long, help: "List every file, not only those that would run.")
    var all = false

    func run() async throws {
      let config: PipelineConfig
      do { config = try options.load() } catch { Run.fail("\(error)", .configurationError) }
      var runner = PipelineRunner(config: config, logger: Logger(label: "budget-etl"))
      stages.apply(to: &runner)
      let plan: RunPlan
      do { plan = try RunPlan.make(runner) } catch let error as ConfigurationError {
        Run.fail("\(error)", .configurationError)
      }
      var counts: [String: Int] = [:]
      for entry in plan.entries {
        let stage = entry.firstStage?.rawValue ?? "none"
        counts[stage, default: 0] += 1
        if entry.firstStage != nil || all {
          print("\(entry.path): \(entry.firstStage.map { "from \($0.rawValue)" } ?? "reuse") (\(entry.reason))")
        }
      }
      for path in plan.removed { print("\(path): removed from the input; its rows will disappear") }
      let reuse = counts["none"] ?? 0
      print(
        "\(plan.entries.count) files: \(plan.entries.count - reuse) to process, \(reuse) unchanged, \(plan.removed.count) removed; load: \(plan.loadRuns ? "runs" : "skipped") (\(plan.loadReason))"
      )
      let stopping = plan.entries.filter { $0.missingCheckpoint != nil }
      if let first = stopping.first, let only = stages.only {
        print(
          "run --only \(only.rawValue) would stop (exit 2): \(stopping.count) of \(plan.entries.count) files lack the checkpoint it starts from, first \(first.path)"
        )
      }
    }
  }
}

/// `--force`, `--from STAGE`, `--only STAGE`.
struct StageSelection: ParsableArguments {
  @Flag(name: .long, help: "Process every document again, ignoring checkpoints.")
  var force = false

  @Option(name: .long, help: "Run this stage and the stages after it again, ignoring their checkpoints (extract, transform, validate, load).")
  var from: StageKind?

  @Option(name: .long, help: "Run only this stage, from the checkpoints of the stages before it.")
  var only: StageKind?

  func validate() throws {
    if from != nil && only != nil { throw ValidationError("--from and --only cannot be combined") }
    if force && only != nil { throw ValidationError("--force and --only cannot be combined") }
  }

  func apply(to runner: inout PipelineRunner) {
    runner.force = force
    runner.from = from
    runner.only = only
  }
}

extension StageKind: ExpressibleByArgument {}

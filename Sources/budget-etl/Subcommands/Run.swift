import ArgumentParser
import BudgetETL
import Foundation

extension BudgetETLCommand {
  /// `budget-etl run`: the main job.
  struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run the pipeline: input documents → datasets in the output folder.",
      discussion: """
        Unchanged documents are not processed again (their checkpoints under OUTPUT/_state are \
        reused) and the run can be killed at any moment and started again. Exit codes: 0 ok; \
        1 failed; 2 configuration error; 3 some documents rejected; 4 another run holds the \
        lock; 5 validation errors (with --strict).
        """)

    @OptionGroup var options: ConfigOptions
    @OptionGroup var stages: StageSelection

    @Flag(name: .long, help: "Fail (exit 5) when validation finds errors.")
    var strict = false

    @Flag(name: .long, help: "Only warnings and errors on standard error.")
    var quiet = false

    func run() async throws {
      HeapTuning.applyBatchSettings()
      let logger = makeLogger(quiet: quiet)
      var config: PipelineConfig
      do {
        config = try options.load()
      } catch {
        Self.fail("\(error)", .configurationError)
      }
      if strict { config.validate.strict = true }
      var runner = PipelineRunner(config: config, logger: logger)
      stages.apply(to: &runner)
      runner.columnarFactory = ColumnarOutput.factory
      if Terminal.stderrIsTerminal && !quiet { runner.progress = ProgressBar.shared.update }
      let summary: RunSummary
      do {
        summary = try await runner.run()
      } catch let error as ConfigurationError {
        Self.fail("\(error)", .configurationError)
      } catch let error as OutputLock.LockError {
        Self.fail("\(error)", .lockHeld)
      } catch let error as PipelineError {
        Self.fail("\(error)", .configurationError)
      } catch {
        Self.fail("\(error)", .failed)
      }
      ProgressBar.shared.finish()
      print(
        "\(summary.documents) documents (\(summary.processed) processed, \(summary.skippedUnchanged) unchanged, "
          + "\(summary.rejected) rejected, \(summary.duplicates) duplicate) → \(summary.output) in "
          + String(format: "%.2f s", summary.seconds))
      if !summary.findings.isEmpty {
        print("findings (severity rule: count):")
        for key in summary.findings.keys.sorted() { print("  \(key): \(summary.findings[key]!)") }
        for (path, rules) in summary.findingsByDocument.sorted(by: { $0.key < $1.key }) {
          print("  \(path): " + rules.keys.sorted().map { "\($0) \(rules[$0]!)" }.joined(separator: ", "))
        }
        let unlisted = (summary.documentsWithFindings ?? 0) - summary.findingsByDocument.count
        if unlisted > 0 {
          print("  … and \(unlisted) more documents with findings: \(summary.output)/_runs/\(summary.runID).json")
        }
      }
      if config.validate.strict && summary.errors > 0 {
        Self.fail("\(summary.errors) validation errors (--strict)", .validationErrors)
      }
      if summary.rejected > 0 {
        for (path, reason) in summary.rejectedFiles.sorted(by: { $0.key < $1.key }) {
          FileHandle.standardError.write(Data("rejected: \(path): \(reason)\n".utf8))
        }
        throw ExitStatus.documentsRejected.code
      }
    }

    static func fail(_ message: String, _ status: ExitStatus) -> Never {
      FileHandle.standardError.write(Data("budget-etl: \(message)\n".utf8))
      Foundation.exit(status.rawValue)
    }
  }
}

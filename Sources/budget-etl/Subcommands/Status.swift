import ArgumentParser
import BudgetETL
import Foundation

extension BudgetETLCommand {
  /// `budget-etl status`: what the last run did.
  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the last run: when, how long, what it did, what failed.")

    @OptionGroup var options: ConfigOptions

    func run() async throws {
      let config = try options.load()
      let path = config.output + "/_state/last-run.json"
      guard let data = FileManager.default.contents(atPath: path) else {
        print("no run recorded in \(config.output) yet")
        return
      }
      let s = try JSONDecoder().decode(RunSummary.self, from: data)
      print("last run \(s.runID): \(s.outcome)")
      print("  started \(s.startedAt), finished \(s.finishedAt), \(String(format: "%.2f", s.seconds)) s, \(s.workers) workers")
      if let selection = s.selection { print("  stages: \(selection)") }
      if s.stageCheckpoints == false { print("  stage checkpoints: not kept (stage_checkpoints: false)") }
      print("  files \(s.files): \(s.processed) processed, \(s.skippedUnchanged) unchanged, \(s.rejected) rejected, \(s.duplicates) duplicate")
      for stage in s.stageSeconds.keys.sorted() {
        print("  stage \(stage): \(String(format: "%.3f", s.stageSeconds[stage]!)) s over \(s.stageCounts[stage] ?? 0)")
      }
      for (name, rows) in s.rows.sorted(by: { $0.key < $1.key }) { print("  \(name): \(rows) rows") }
      for (path, reason) in s.rejectedFiles.sorted(by: { $0.key < $1.key }) { print("  rejected \(path): \(reason)") }
    }
  }
}

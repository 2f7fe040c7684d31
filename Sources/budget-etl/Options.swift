import ArgumentParser
import BudgetETL
import Foundation

/// Flags shared by the commands that read the configuration.
struct ConfigOptions: ParsableArguments {
  @Option(name: .long, help: "The pipeline configuration (JSON).")
  var config: String = "pipeline.json"

  @Option(name: .long, help: "The input folder (overrides the configuration).")
  var input: String?

  @Option(name: .long, help: "The output folder (overrides the configuration).")
  var output: String?

  @Option(name: .long, help: "Documents processed at once (0: one per core).")
  var workers: Int?

  /// Loads the configuration file (a missing default `pipeline.json` means the defaults).
  func load() throws -> PipelineConfig {
    var config: PipelineConfig
    if FileManager.default.fileExists(atPath: self.config) {
      config = try PipelineConfig.load(path: self.config)
    } else if self.config != "pipeline.json" {
      throw ConfigurationError.unreadable(path: self.config, reason: "no such file")
    } else {
      config = PipelineConfig()
    }
    if let input { config.input = input }
    if let output { config.output = output }
    if let workers { config.workers = workers }
    return config
  }
}

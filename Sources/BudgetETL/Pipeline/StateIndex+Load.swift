import Foundation

extension StateIndex {
  /// The index the last successful run left in `paths.state`; nil when there is none or it
  /// cannot be read.
  static func load(paths: PipelineRunner.Paths) -> StateIndex? {
    (try? FileIO.readAll(paths.state + "/index.json")).flatMap {
      try? JSONDecoder().decode(StateIndex.self, from: Data($0))
    }
  }
}

#if canImport(Glibc)
  import Glibc
#endif
import Foundation

/// A crash-test hook: with `BUDGET_ETL_PAUSE_AT=<point>:<n>` and `BUDGET_ETL_PAUSE_FILE=<path>`
/// in the environment, the n-th time the run reaches `<point>` it creates the file and waits
/// to be killed (the crash tests send it a real SIGKILL there). Without them it does nothing.
enum TestPausePoint: String {
  /// After a document's checkpoints are durable.
  case document
  /// In the middle of writing a dataset file, before it is renamed to its final name.
  case loadWrite = "load-write"
  /// After the first dataset file is renamed, before the others.
  case loadRename = "load-rename"
  /// After every dataset is published, before the load's fingerprint is recorded.
  case fingerprint

  private static let config: (String, Int, String)? = {
    let env = ProcessInfo.processInfo.environment
    guard let spec = env["BUDGET_ETL_PAUSE_AT"], let file = env["BUDGET_ETL_PAUSE_FILE"] else { return nil }
    let parts = spec.split(separator: ":")
    guard parts.count == 2, let n = Int(parts[1]) else { return nil }
    return (String(parts[0]), n, file)
  }()

  private static let counter = Counter()

  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func next(_ point: String) -> Int {
      lock.lock()
      defer { lock.unlock() }
      counts[point, default: 0] += 1
      return counts[point]!
    }
  }

  func reached() {
    guard let (point, n, file) = Self.config, point == rawValue else { return }
    guard Self.counter.next(point) == n else { return }
    FileManager.default.createFile(atPath: file, contents: Data("\(getpid())\n".utf8))
    while true { sleep(60) }
  }
}

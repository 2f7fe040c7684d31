import Foundation

@testable import BudgetETL

/// The `budget-etl` executable that `swift test` builds beside the test bundle, run as a child.
enum ChildProcess {
  static var executable: URL {
    Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("budget-etl")
  }

  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

  /// Starts `budget-etl ARGS` with extra environment variables; stdout and stderr are discarded.
  static func start(_ arguments: [String], environment: [String: String] = [:], currentDirectory: String? = nil) throws -> Process {
    let p = Process()
    p.executableURL = executable
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    if let currentDirectory { p.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    return p
  }

  /// Runs to the end and returns the exit status.
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Int32 {
    let p = try start(arguments, environment: environment)
    p.waitUntilExit()
    return p.terminationStatus
  }

  /// Waits until `path` exists (the child reached its pause point), up to `timeout` seconds.
  static func waitFor(_ path: String, timeout: Double = 900) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if FileManager.default.fileExists(atPath: path) { return true }
      usleep(20_000)
    }
    return false
  }
}

/// An archive of `count` distinct documents made from the seeds (each copy gets its own last
/// line); `seeds` defaults to the two smallest, S0 and S4.
func makeArchive(at root: String, count: Int, seeds: [Seed] = [.s0, .s4]) {
  for i in 0..<count {
    let seed = seeds[i % seeds.count]
    var text = String(decoding: seed.bytes, as: UTF8.self)
    text += "\n附注：本文件为第\(i)号副本。\n"
    let path = root + String(format: "/%02d/doc%04d.txt", i % 7, i)
    try! FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }
}

/// Every published file of an output folder (datasets and datapackage.json), name → bytes.
func publishedFiles(_ output: String) -> [String: [UInt8]] {
  var files: [String: [UInt8]] = [:]
  for name in (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? [] where !name.hasPrefix("_") {
    files[name] = Array(FileManager.default.contents(atPath: output + "/" + name) ?? Data())
  }
  return files
}

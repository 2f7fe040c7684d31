import Foundation
import Testing

@testable import BudgetETL

/// The built `budget-etl` executable, run as a child process: its documented exit codes.
@Suite(.serialized) struct CommandLineTests {
  /// The executable beside the test bundle (`swift build` puts the products together), or
  /// under `.build/debug` of this package.
  static let executable: String? = {
    var candidates: [URL] = []
    var url = Bundle.module.bundleURL
    for _ in 0..<3 {
      url.deleteLastPathComponent()
      candidates.append(url.appendingPathComponent("budget-etl"))
    }
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(package.appendingPathComponent(".build/debug/budget-etl"))
    return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String], in directory: String) throws -> Outcome {
    let executable = try #require(Self.executable, "budget-etl is not built: run `swift build` first")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  @Test func badConfigurationExitsWithTwo() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.path + "/in"
    try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
    try Data(#"{"input":"in","ouput":"out"}"#.utf8).write(to: URL(fileURLWithPath: dir.path + "/pipeline.json"))
    let unknownKey = try Self.run(["run", "--quiet"], in: dir.path)
    #expect(unknownKey.status == 2)
    #expect(unknownKey.stderr.contains(#"unknown configuration key "ouput""#), "\(unknownKey.stderr)")
    #expect(unknownKey.stderr.split(separator: "\n").count == 1, "one line: \(unknownKey.stderr)")

    let missingInput = try Self.run(["run", "--quiet", "--config", "none.json"], in: dir.path)
    #expect(missingInput.status == 2, "\(missingInput.stderr)")

    try Data(#"{"input":"in","output":"in/out"}"#.utf8).write(to: URL(fileURLWithPath: dir.path + "/pipeline.json"))
    let inside = try Self.run(["run", "--quiet"], in: dir.path)
    #expect(inside.status == 2)
    #expect(inside.stderr.contains("inside the input folder"), "\(inside.stderr)")
    #expect(!FileManager.default.fileExists(atPath: input + "/out"))

    let noFolder = try Self.run(["run", "--quiet", "--input", "missing", "--output", "out"], in: dir.path)
    #expect(noFolder.status == 2)
    #expect(noFolder.stderr.contains("input folder missing does not exist"), "\(noFolder.stderr)")

    // `in` exists but holds no document: refused, and `plan` says so too.
    for command in ["run", "plan"] {
      let empty = try Self.run([command, "--input", "in", "--output", "out"], in: dir.path)
      #expect(empty.status == 2, "\(command): \(empty.stderr)")
      #expect(empty.stderr.contains("/in holds no documents"), "\(command): \(empty.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: dir.path + "/out/line_items.csv.gz"))
  }

  @Test func rejectedDocumentsExitWithThree() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.path + "/in"
    try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
    try Data(Seed.s4.bytes).write(to: URL(fileURLWithPath: input + "/麟游县.txt"))
    let ok = try Self.run(["run", "--quiet", "--input", "in", "--output", "out", "--workers", "1"], in: dir.path)
    #expect(ok.status == 0, "\(ok.stderr)")
    try Data().write(to: URL(fileURLWithPath: input + "/empty.txt"))
    try Data([0x00, 0xFF, 0x00]).write(to: URL(fileURLWithPath: input + "/binary.txt"))
    let rejected = try Self.run(["run", "--quiet", "--input", "in", "--output", "out", "--workers", "1"], in: dir.path)
    #expect(rejected.status == 3, "\(rejected.stderr)")
    #expect(rejected.stderr.contains("rejected: empty.txt: empty file"), "\(rejected.stderr)")
    #expect(rejected.stderr.contains("rejected: binary.txt: binary data"), "\(rejected.stderr)")
    #expect(rejected.stdout.contains("1 documents") && rejected.stdout.contains("2 rejected"), "\(rejected.stdout)")
    // The good document is still published.
    let items = try PipelineRunnerTests.gunzipText(dir.path + "/out/line_items.csv.gz")
    #expect(items.split(separator: "\n").count == Seed.s4.result.lineItems.count + 1)
  }
}

import Foundation
import Testing

@testable import BudgetETL

/// A run killed with a real SIGKILL at any point finishes on the next run with outputs
/// byte-identical to a run that was never interrupted.
@Suite(.serialized, .enabled(if: ChildProcess.isAvailable, "needs the budget-etl executable built beside the tests"))
struct CrashRecoveryTests {
  static let documents = 200
  static let pausePoints = ["document:40", "document:170", "load-write:1", "load-rename:3", "fingerprint:1"]

  @Test func killedRunsFinishIdentically() throws {
    let dir = TemporaryDirectory("budget-etl-crash")
    defer { dir.remove() }
    let input = dir.path + "/in"
    makeArchive(at: input, count: Self.documents)
    // The reference: a run that was never interrupted.
    #expect(try ChildProcess.run(["run", "--input", input, "--output", dir.path + "/reference", "--quiet"]) == 0)
    let reference = publishedFiles(dir.path + "/reference")
    #expect(reference.count == Datasets.all.count * 3 + 1)

    for pausePoint in Self.pausePoints {
      // The same run, killed with SIGKILL where it paused.
      let output = dir.path + "/out-" + pausePoint.replacingOccurrences(of: ":", with: "-")
      let pauseFile = output + ".paused"
      let child = try ChildProcess.start(
        ["run", "--input", input, "--output", output, "--quiet"],
        environment: ["BUDGET_ETL_PAUSE_AT": pausePoint, "BUDGET_ETL_PAUSE_FILE": pauseFile])
      let paused = ChildProcess.waitFor(pauseFile)
      kill(child.processIdentifier, SIGKILL)
      child.waitUntilExit()
      #expect(paused, "the run never reached \(pausePoint)")
      #expect(child.terminationReason == .uncaughtSignal)
      // Nothing partial is visible under a final name: every published file is complete.
      for (name, bytes) in publishedFiles(output) where !name.contains(".tmp") {
        #expect(bytes == reference[name], "\(name) is published but differs from the reference after the kill at \(pausePoint)")
      }
      // Started again (the dead run's lock is taken over), it finishes identically.
      #expect(try ChildProcess.run(["run", "--input", input, "--output", output, "--quiet"]) == 0)
      let recovered = publishedFiles(output)
      #expect(
        Set(recovered.keys) == Set(reference.keys),
        "leftover or missing files after \(pausePoint): \(Set(recovered.keys).symmetricDifference(reference.keys))")
      for (name, bytes) in reference { #expect(recovered[name] == bytes, "\(name) differs after recovery from \(pausePoint)") }
    }
  }

  @Test func aSecondRunExitsWhileTheLockIsHeld() throws {
    let dir = TemporaryDirectory("budget-etl-lock")
    defer { dir.remove() }
    let input = dir.path + "/in"
    makeArchive(at: input, count: 12)
    let output = dir.path + "/out"
    let pauseFile = dir.path + "/paused"
    let first = try ChildProcess.start(
      ["run", "--input", input, "--output", output, "--quiet"],
      environment: ["BUDGET_ETL_PAUSE_AT": "document:3", "BUDGET_ETL_PAUSE_FILE": pauseFile])
    defer {
      kill(first.processIdentifier, SIGKILL)
      first.waitUntilExit()
    }
    #expect(ChildProcess.waitFor(pauseFile))
    // Exit code 4: another run holds the lock.
    #expect(try ChildProcess.run(["run", "--input", input, "--output", output, "--quiet"]) == 4)
  }
}

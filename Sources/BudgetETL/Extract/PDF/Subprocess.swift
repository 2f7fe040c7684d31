import Foundation

/// What a finished child process gave back.
struct SubprocessResult: Sendable {
  var exitCode: Int32
  var stdout: [UInt8]
  var stderr: [UInt8]
  var timedOut: Bool
}

/// Runs a program with arguments, feeds it bytes on standard input, collects standard output
/// and standard error, and stops it (SIGTERM, then SIGKILL) when it runs past a deadline.
enum Subprocess {
  /// Collects one pipe's bytes on a background thread.
  private final class Drain: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
      Thread.detachNewThread { [self] in
        let bytes = handle.readDataToEndOfFile()
        lock.lock()
        data = bytes
        lock.unlock()
        done.signal()
      }
    }

    func wait() -> [UInt8] {
      done.wait()
      lock.lock()
      defer { lock.unlock() }
      return Array(data)
    }
  }

  /// - Throws: the error `Process.run()` throws when the program cannot be started.
  static func run(executable: String, arguments: [String], stdin: [UInt8]?, timeout: Duration) throws
    -> SubprocessResult
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    let out = Drain(output.fileHandleForReading)
    let err = Drain(errors.fileHandleForReading)
    if let stdin {
      let writer = input.fileHandleForWriting
      Thread.detachNewThread {
        // A child that exits early closes its end: the write then fails, which is fine.
        try? writer.write(contentsOf: Data(stdin))
        try? writer.close()
      }
    }
    let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
    var timedOut = false
    if exited.wait(timeout: .now() + seconds) == .timedOut {
      timedOut = true
      process.terminate()
      if exited.wait(timeout: .now() + 2) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        exited.wait()
      }
    }
    let stdoutBytes = out.wait()
    let stderrBytes = err.wait()
    return SubprocessResult(
      exitCode: process.terminationStatus, stdout: stdoutBytes, stderr: stderrBytes, timedOut: timedOut)
  }
}

import Foundation

/// A progress bar on a terminal: documents done/total and the rate.
final class ProgressBar: @unchecked Sendable {
  static let shared = ProgressBar()
  private let lock = NSLock()
  private let start = Date()
  private var shown = false

  func update(_ done: Int, _ total: Int) {
    lock.lock()
    defer { lock.unlock() }
    let width = 30
    let filled = total > 0 ? width * done / total : width
    let elapsed = max(Date().timeIntervalSince(start), 0.001)
    let rate = Double(done) / elapsed
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let line = "\r[\(bar)] \(done)/\(total) documents  \(String(format: "%.1f", rate))/s"
    FileHandle.standardError.write(Data(line.utf8))
    shown = true
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    shown = false
  }
}

/// The run manifest's `findingsByDocument`, kept on disk as the documents are recorded (in path
/// order) instead of in memory: at 10^5 documents the list alone would be tens of megabytes.
/// Each document's entry is stored as the manifest prints it, so writing the manifest copies
/// the file. The file is temporary (`_state/findings.tmp-PID`) and never published.
final class FindingsSpill {
  private let writer: FileIO.AtomicWriter
  /// Documents with findings so far.
  private(set) var count = 0

  init(path: String) throws {
    writer = try FileIO.AtomicWriter(path: path)
  }

  /// Adds the next document's findings (documents come in path order).
  func add(path: String, rules: [String: Int]) throws {
    try writer.write(RunManifest.fragment(path: path, rules: rules, first: count == 0))
    count += 1
  }

  /// Hands the entries, in order, to `emit`.
  func replay(_ emit: ([UInt8]) throws -> Void) throws {
    try writer.readBack(emit)
  }
}

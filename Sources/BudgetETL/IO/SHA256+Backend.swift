import CSHA256

extension SHA256 {
  /// Which code runs the compression function. Both give the same bytes; the choice is only
  /// speed. A hasher keeps the backend it was made with, so one digest never mixes them.
  enum Backend: Sendable, Equatable, CustomStringConvertible {
    /// The Swift rounds in ``SHA256``: any CPU, any architecture.
    case portable
    /// The x86 SHA extensions (SHA-NI) through the `CSHA256` C target, several times faster.
    case shaNI

    /// The fastest backend this CPU runs, asked once (cpuid) for the whole process: hashing
    /// every input file and every document's text is a few percent of a run's CPU.
    static let preferred: Backend = budget_sha256_ni_available() != 0 ? .shaNI : .portable

    /// Whether this CPU can run `self`; SHA-NI instructions on a CPU without them trap.
    var isAvailable: Bool { self == .portable || Self.preferred == .shaNI }

    var description: String {
      switch self {
      case .portable: "portable"
      case .shaNI: "SHA-NI"
      }
    }
  }
}

import Foundation
import Testing

@testable import BudgetETL

/// The run's id and the manifest's times print as the Foundation formatters printed them.
@Suite struct RunTimestampTests {
  /// Dates whose fractions are exact in binary, so no formatter has a rounding to choose.
  static let dates = [
    0, 1_700_000_000, 1_700_000_000.5, 1_700_000_000.125, 1_799_999_999.25, 951_782_400.75, 4_102_444_799.875,
    1_582_934_400.0625, 1_700_000_000.9998779296875,
  ].map { Date(timeIntervalSince1970: $0) }

  @Test(arguments: dates)
  func timestampsAreThoseOfISO8601DateFormatter(date: Date) {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    #expect(PipelineRunner.timestamp(date) == f.string(from: date))
  }

  @Test(arguments: dates + [Date(timeIntervalSince1970: 1_700_000_059.99951171875)])
  func runIDsAreThoseOfDateFormatter(date: Date) {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    #expect(PipelineRunner.runID(date) == f.string(from: date) + "-\(ProcessInfo.processInfo.processIdentifier)")
  }
}

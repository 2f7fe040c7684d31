import Foundation

@testable import BudgetETL

/// The five real sample documents (S0–S4 in the data contract), as test fixtures.
enum Seed: String, CaseIterable, Sendable {
  case s0 = "000_731074827a2ad24a"
  case s1 = "001_cb38bd024a5fa7fb"
  case s2 = "002_ae63254e50cfffaf"
  case s3 = "003_f5989354808ea4be"
  case s4 = "004_564002215bad1a4c"

  static func fixtureURL(_ relative: String) -> URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(relative)
  }

  var url: URL { Seed.fixtureURL("seeds/\(rawValue).txt") }

  var bytes: [UInt8] { Array(try! Data(contentsOf: url)) }

  /// The document processed through extract, transform and validate.
  var result: DocumentResult {
    Seed.cache.result(self)
  }

  /// The normalized lines of the seed.
  var lines: [SourceLine] {
    NormalizedText(decoded: bytes).lines()
  }

  static let cache = SeedCache()
}

/// Processes each seed once per test run.
final class SeedCache: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Seed: DocumentResult] = [:]

  func result(_ seed: Seed) -> DocumentResult {
    lock.lock()
    defer { lock.unlock() }
    if let r = results[seed] { return r }
    let processed = DocumentProcessor().process(relativePath: "\(seed.rawValue).txt", bytes: seed.bytes)
    let r = processed.result!
    results[seed] = r
    return r
  }
}

extension DocumentResult {
  func table(_ id: String) -> TableInfo? { tables.first { $0.tableID == id } }
  func table(no: String) -> TableInfo? { tables.first { $0.tableNo == no } }
  func table(titled fragment: String) -> TableInfo? { tables.first { $0.title?.contains(fragment) == true } }

  func items(_ tableID: String) -> [LineItem] { lineItems.filter { $0.tableID == tableID } }

  /// The line item at a source line and column, in a section.
  func item(line: Int, col: Int, section: String? = nil) -> LineItem? {
    lineItems.first { $0.sourceLine == line && $0.colNo == col && $0.section == section }
  }
}

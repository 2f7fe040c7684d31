import Foundation

@testable import BudgetETL

/// The nine sample PDFs (`../shared/samples/pdf`), as agencies publish them, as test fixtures.
enum PDFSample: String, CaseIterable, Sendable {
  case office = "2025-上海市普陀区人民政府办公室-部门预算"
  case officeUnit = "2025-上海市普陀区人民政府办公室-单位预算"
  case wanli = "2024-上海市普陀区万里街道办事处-部门预算"
  case finance = "2025-上海市普陀区财政局-部门预算"
  case justice = "2026-上海市普陀区司法局-部门预算"
  case planningFinalAccount = "2024-上海市普陀区规划和自然资源局-部门决算"
  case provincialCommittee = "2019-江苏省委办公厅-部门预算"
  case cppcc = "2018-江苏省政协办公厅-部门预算"
  case npc = "2018-江苏省人大常委会办公厅-部门预算"

  var fileName: String { rawValue + ".pdf" }
  var url: URL { Seed.fixtureURL("pdf/\(fileName)") }
  var bytes: [UInt8] { Array(try! Data(contentsOf: url)) }

  /// The file processed through extract, transform and validate (once per test run).
  var processed: ProcessedFile { PDFSample.cache.processed(self) }
  var result: DocumentResult { processed.result! }

  /// True when `pdftotext` is on PATH: tests that read the samples need it.
  static let converterAvailable = PDFTextConverter().executable() != nil

  static let cache = PDFSampleCache()
}

/// Processes each sample PDF once per test run.
final class PDFSampleCache: @unchecked Sendable {
  private let lock = NSLock()
  private var files: [PDFSample: ProcessedFile] = [:]

  func processed(_ sample: PDFSample) -> ProcessedFile {
    lock.lock()
    defer { lock.unlock() }
    if let f = files[sample] { return f }
    let f = DocumentProcessor().process(relativePath: sample.fileName, bytes: sample.bytes)
    files[sample] = f
    return f
  }
}

extension DocumentResult {
  /// The line items of a table read from a source line, by measure.
  func items(_ tableID: String, line: Int) -> [String: LineItem] {
    var byMeasure: [String: LineItem] = [:]
    for item in lineItems where item.tableID == tableID && item.sourceLine == line { byMeasure[item.measure] = item }
    return byMeasure
  }

  /// The line item of a table with a code (function or economic) and a measure.
  func item(_ tableID: String, code: String, measure: String) -> LineItem? {
    lineItems.first {
      $0.tableID == tableID && ($0.functionCode == code || $0.econCode == code) && $0.measure == measure
    }
  }

  /// The line item of a table with a label and a measure (in a section, if given).
  func item(_ tableID: String, label: String, measure: String, section: String? = nil) -> LineItem? {
    lineItems.first {
      $0.tableID == tableID && $0.label == label && $0.measure == measure && (section == nil || $0.section == section)
    }
  }
}

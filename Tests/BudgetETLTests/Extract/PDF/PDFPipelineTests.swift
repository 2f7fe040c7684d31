import Foundation
import Logging
import Testing

@testable import BudgetETL

/// PDFs beside text files in one run.
@Suite struct PDFPipelineTests {
  static func run(input: String, output: String, converter: PDFTextConverter) async throws -> RunSummary {
    var config = PipelineConfig()
    config.input = input
    config.output = output
    config.workers = 2
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    var runner = PipelineRunner(config: config, logger: logger)
    runner.pdfConverter = converter
    return try await runner.run()
  }

  @Test func withoutPdftotextPDFsAreRejectedAndTextIsProcessed() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    try Data(PDFTextConverterTests.blankPagePDF).write(to: URL(fileURLWithPath: input + "/2024/scan.pdf"))
    let missing = PDFTextConverter(searchPath: "/nonexistent-\(UUID().uuidString)")
    let summary = try await Self.run(input: input, output: dir.path + "/out", converter: missing)
    #expect(summary.documents == 5)
    #expect(summary.rejected == 1)
    let reason = try #require(summary.rejectedFiles["2024/scan.pdf"])
    #expect(reason.contains("poppler-utils"))
    let sources = try PipelineRunnerTests.gunzipText(dir.path + "/out/sources.csv.gz")
    #expect(sources.contains("2024/scan.pdf,"))
    #expect(sources.contains(",rejected,"))
  }

  @Test(.enabled(if: PDFSample.converterAvailable, "needs pdftotext (Debian package poppler-utils) on PATH"))
  func installingPdftotextRedoesThePDFs() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.path + "/input"
    try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
    try Data(PDFSample.finance.bytes).write(to: URL(fileURLWithPath: input + "/finance.pdf"))
    let missing = PDFTextConverter(searchPath: "/nonexistent-\(UUID().uuidString)")
    let first = try await Self.run(input: input, output: dir.path + "/out", converter: missing)
    #expect(first.rejected == 1)
    // The checkpoint key names the converter: with pdftotext found, the PDF is read again.
    let second = try await Self.run(input: input, output: dir.path + "/out", converter: PDFTextConverter())
    #expect(second.processed == 1)
    #expect(second.rejected == 0)
    #expect(second.documents == 1)
    let sources = try PipelineRunnerTests.gunzipText(dir.path + "/out/sources.csv.gz")
    #expect(sources.contains(",ok,,pdf,pdftotext "))
  }
}

import ArgumentParser
import BudgetETL
import Foundation

extension BudgetETLCommand {
  /// `budget-etl inspect FILE`: one document's tables and rows, for people checking a reading.
  struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print what the pipeline reads from one document (tables, line items, findings) as CSV.")

    @Argument(help: "A text or PDF document.")
    var file: String

    @Flag(help: "Print the document's text as the pipeline reads it instead (a PDF's tables TAB-separated).")
    var text = false

    @Option(help: "Which dataset to print: documents, tables, line_items, text_blocks, text_amounts, indicators, checks.")
    var dataset: String = "tables"

    func run() async throws {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw ValidationError("cannot read \(file)")
      }
      if text {
        let lines = try DocumentProcessor().readableLines(
          relativePath: (file as NSString).lastPathComponent, bytes: Array(data))
        for line in lines { print(line.text) }
        return
      }
      let processed = DocumentProcessor().process(relativePath: (file as NSString).lastPathComponent, bytes: Array(data))
      guard let result = processed.result else {
        print("rejected: \(processed.source.error ?? "")")
        throw ExitStatus.documentsRejected.code
      }
      guard let schema = Datasets.all.first(where: { $0.name == dataset }) else {
        throw ValidationError("unknown dataset \(dataset)")
      }
      var out: [UInt8] = []
      RowEncoder.csvHeader(schema, into: &out)
      for row in result.rows(of: schema) { RowEncoder.csvRow(row, into: &out) }
      FileHandle.standardOutput.write(Data(out))
    }
  }
}

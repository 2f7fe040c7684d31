import ArgumentParser
import BudgetETL
import Foundation

extension BudgetETLCommand {
  /// `budget-etl schema`: the column reference of every dataset, as Markdown.
  struct Schema: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the datasets' columns (the content of docs/DATASETS.md).")

    func run() async throws {
      print(DatasetDocumentation.markdown(), terminator: "")
    }
  }
}

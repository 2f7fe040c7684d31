import ArgumentParser
import BudgetETL

@main
struct BudgetETLCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "budget-etl",
    abstract: "Turns Chinese public budget disclosures into open datasets.",
    version: BudgetETLVersion.current,
    subcommands: []
  )
}

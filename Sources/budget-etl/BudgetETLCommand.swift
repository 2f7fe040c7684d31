import ArgumentParser
import BudgetETL

@main
struct BudgetETLCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "budget-etl",
    abstract: "Turns Chinese public budget disclosures (预算/决算公开) into open datasets.",
    discussion: """
      Exit codes: 0 ok; 1 failed; 2 configuration error; 3 finished, but some documents were \
      rejected; 4 another run holds the lock; 5 validation errors (with --strict); 64 bad usage.
      """,
    version: BudgetETLVersion.current,
    subcommands: [Run.self, Plan.self, Status.self, Inspect.self, Schema.self, Bench.self]
  )
}

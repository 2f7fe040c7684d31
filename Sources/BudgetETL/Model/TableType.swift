/// What a table reports, as the data contract names it.
public enum TableType: String, Sendable, Codable, CaseIterable {
  case summary
  case income
  case expenditure
  case fiscalAppropriation = "fiscal_appropriation"
  case generalByFunction = "general_by_function"
  case generalByEconomic = "general_by_economic"
  case basicByFunction = "basic_by_function"
  case basicByEconomic = "basic_by_economic"
  case basicDetail = "basic_detail"
  case economicSummary = "economic_summary"
  case governmentFund = "government_fund"
  case stateCapital = "state_capital"
  case threePublic = "three_public"
  case operatingCosts = "operating_costs"
  case procurement
  case projects
  case performance
  case catalog
  case other
}

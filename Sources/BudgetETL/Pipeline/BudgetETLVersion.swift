/// The tool's version: part of every checkpoint key and of Parquet's `created_by`.
public enum BudgetETLVersion {
  public static let current = "0.1.0"
}

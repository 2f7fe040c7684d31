import BudgetETL

/// Which columnar writer the run uses.
enum ColumnarOutput {
  /// Nil until the Parquet writer lands.
  static let factory: (@Sendable (DatasetSchema, String, Int, Int) throws -> any ColumnarSink)? = nil
}

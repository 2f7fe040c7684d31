import BudgetETL

/// Which columnar writer the run uses: Parquet, written by the library from the format's specification.
enum ColumnarOutput {
  static let factory: (@Sendable (DatasetSchema, String, Int, Int) throws -> any ColumnarSink)? = ParquetWriter.sinkFactory
}

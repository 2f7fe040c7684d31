/// The run writes Parquet through the `ColumnarSink` the load stage feeds row by row.
extension ParquetWriter: ColumnarSink {
  public func commit() throws { try close() }
  public func prepareCommit() throws { try flushBufferedRows() }

  /// The factory the pipeline runner uses for every dataset's `<name>.parquet`.
  public static let sinkFactory: @Sendable (DatasetSchema, String, Int, Int) throws -> any ColumnarSink = {
    schema, path, level, rowGroupRows in
    try ParquetWriter(
      schema: schema, path: path, compressionLevel: level, rowGroupRows: rowGroupRows,
      createdBy: "budget-etl version \(BudgetETLVersion.current)")
  }
}

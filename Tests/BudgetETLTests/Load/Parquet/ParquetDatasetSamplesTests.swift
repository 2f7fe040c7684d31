import Foundation
import Testing

@testable import BudgetETL

/// Writes every real dataset with representative rows and reads it back.
///
/// With `BUDGET_ETL_PARQUET_SAMPLES=DIR` the files stay in DIR, each `<dataset>.parquet`
/// beside a `<dataset>.csv.gz` of the same rows, for `scripts/check_parquet.py DIR` to compare
/// with pyarrow and DuckDB.
@Suite struct ParquetDatasetSamplesTests {
  /// Rows per dataset: `line_items` passes the default row group size (65,536) so it gets two
  /// row groups; `sources` has none.
  static let rowCounts = [
    "sources": 0, "documents": 20, "tables": 300, "line_items": 70_000, "text_blocks": 3_000,
    "text_amounts": 500, "indicators": 200, "checks": 150,
  ]

  @Test func everyDatasetRoundTrips() throws {
    let keep = ProcessInfo.processInfo.environment["BUDGET_ETL_PARQUET_SAMPLES"]
    let directory =
      keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("parquet-samples-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { if keep == nil { try? FileManager.default.removeItem(atPath: directory) } }

    for schema in Datasets.all {
      let rows = ParquetSampleRows.rows(for: schema, count: Self.rowCounts[schema.name] ?? 100)
      let path = "\(directory)/\(schema.name).parquet"
      let writer = try ParquetWriter(
        schema: schema, path: path, compressionLevel: 6, createdBy: "budget-etl version \(BudgetETLVersion.current)")
      for row in rows { try writer.write(row: row) }
      try writer.close()
      let csv = Array(ParquetSampleRows.csv(schema, rows).utf8)
      try Data(try Deflater.compress(csv, level: 6, format: .gzip)).write(
        to: URL(fileURLWithPath: "\(path.dropLast(8)).csv.gz"))

      let file = try ParquetTestFile(path: path)
      #expect(file.numRows == Int64(rows.count), "\(schema.name)")
      // Row groups end at 65,536 rows (their 2 MiB held compressed is far off here).
      #expect(file.rowGroups.count == (rows.count + 65_535) / 65_536, "\(schema.name)")
      for (c, column) in schema.columns.enumerated() {
        let expected = rows.map { $0[c] }
        #expect(try file.values(column: c) == expected, "\(schema.name).\(column.name)")
      }
    }
  }
}

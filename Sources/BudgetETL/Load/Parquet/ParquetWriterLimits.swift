/// Size limits that shape a Parquet file: when a dictionary gives way to PLAIN, where pages
/// and row groups end. They depend only on the data, so the same rows give the same bytes.
struct ParquetWriterLimits {
  /// A string column chunk whose dictionary grows past this many bytes is written PLAIN.
  var maxDictionaryBytes = 1 << 20
  /// A string column chunk with at least `distinctCheckMinValues` non-null values, more than
  /// this fraction of them distinct, is written PLAIN (a dictionary would not pay off).
  var maxDistinctFraction = 0.4
  /// See `maxDistinctFraction`.
  var distinctCheckMinValues = 1_000
  /// A data page ends after this many rows…
  var maxPageRows = 20_000
  /// …or once its values reach about this many bytes before compression.
  var targetPageBytes = 1 << 20
  /// A row group ends early once its buffered values take about this many bytes.
  var maxRowGroupBytes = 128 << 20

  static let standard = ParquetWriterLimits()
}

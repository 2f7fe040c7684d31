/// Size limits that shape a Parquet file: when a dictionary gives way to PLAIN, where pages
/// and row groups end. They depend only on the data and the compression level (a row group's
/// held size is counted compressed), so the same rows and settings give the same bytes.
struct ParquetWriterLimits {
  /// A string column chunk whose dictionary grows past this many bytes is written PLAIN.
  var maxDictionaryBytes = 1 << 20
  /// A string column chunk is written PLAIN (a dictionary would not pay off) when more than
  /// this fraction of its first `distinctCheckMinValues` non-null values, or of those of its
  /// first page, are distinct.
  var maxDistinctFraction = 0.4
  /// See `maxDistinctFraction`.
  var distinctCheckMinValues = 1_000
  /// A data page ends after this many rows…
  var maxPageRows = 20_000
  /// …or once its values reach about this many bytes before compression. Each column buffers
  /// up to a page of values, so this bounds the writer's memory for the datasets that fill
  /// slowly (a row per document): 128 KiB is four times gzip's 32 KiB window, so larger pages
  /// would compress hardly better.
  var targetPageBytes = 1 << 17
  /// A row group ends early once its compressed pages and dictionaries take about this many
  /// bytes. The pages wait in the writer's ``PageSpill`` file and the dictionaries in memory
  /// (a dictionary of a mostly distinct column gives way to PLAIN), so this bounds the spill
  /// file and what the dictionaries can hold.
  var maxRowGroupBytes = 2 << 20

  static let standard = ParquetWriterLimits()
}

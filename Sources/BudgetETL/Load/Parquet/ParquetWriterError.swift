import Foundation

/// What can go wrong while writing a Parquet file.
public enum ParquetWriterError: Error, LocalizedError, Equatable {
  /// The schema declares a column this writer cannot store (e.g. a decimal wider than INT64).
  case unsupportedColumn(dataset: String, column: String, reason: String)
  /// A writer setting is out of range (`compressionLevel`, `rowGroupRows`).
  case invalidSetting(dataset: String, setting: String, value: Int)
  /// A row does not have one value per column.
  case rowWidth(dataset: String, row: Int, expected: Int, actual: Int)
  /// A value does not fit its column (wrong type, null in a required column, a decimal that
  /// cannot be rescaled exactly, an integer out of range). The row is not written.
  case invalidValue(dataset: String, column: String, row: Int, value: String, reason: String)
  /// A file system call failed.
  case io(path: String, operation: String, errno: Int32)
  /// Compressing a page failed.
  case compression(path: String, message: String)
  /// An earlier I/O or compression error left the writer unusable.
  case writerFailed(path: String)

  public var errorDescription: String? {
    switch self {
    case .unsupportedColumn(let dataset, let column, let reason):
      return "\(dataset).\(column): cannot be written to Parquet: \(reason). Fix the dataset schema."
    case .invalidSetting(let dataset, let setting, let value):
      return "\(dataset): Parquet writer setting \(setting) = \(value) is out of range."
    case .rowWidth(let dataset, let row, let expected, let actual):
      return
        "\(dataset) row \(row): \(actual) values for \(expected) columns; rows must follow the schema's column order."
    case .invalidValue(let dataset, let column, let row, let value, let reason):
      return "\(dataset) row \(row), column \(column): \(value) \(reason); the row was not written."
    case .io(let path, let operation, let errno):
      let reason = String(cString: strerror(errno))
      return "\(path): \(operation) failed: \(reason) (errno \(errno)); nothing was published under the final name."
    case .compression(let path, let message):
      return "\(path): \(message); nothing was published under the final name."
    case .writerFailed(let path):
      return "\(path): the Parquet writer failed earlier and cannot go on; start the file again."
    }
  }
}

/// The parts of the Apache Parquet format (parquet.thrift, Encodings.md) that the writer uses.
///
/// Enum raw values and struct field ids are those of the official parquet.thrift; the structs
/// live in `ParquetFormat+*.swift`.
enum ParquetFormat {
  /// `PAR1`, at the start and at the end of every file.
  static let magic: [UInt8] = [0x50, 0x41, 0x52, 0x31]

  /// parquet.thrift `Type`: the physical type of a leaf column.
  enum PhysicalType: Int32 {
    case boolean = 0
    case int32 = 1
    case int64 = 2
    case byteArray = 6
  }

  /// parquet.thrift `ConvertedType`, kept for readers that predate `LogicalType`.
  enum ConvertedType: Int32 {
    case utf8 = 0
    case decimal = 5
  }

  /// parquet.thrift `FieldRepetitionType`.
  enum Repetition: Int32 {
    case required = 0
    case optional = 1
  }

  /// parquet.thrift `Encoding`.
  enum Encoding: Int32, Comparable {
    case plain = 0
    case rle = 3
    case rleDictionary = 8

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// parquet.thrift `CompressionCodec`.
  enum CompressionCodec: Int32 {
    case uncompressed = 0
    case gzip = 2
  }

  /// parquet.thrift `PageType`.
  enum PageType: Int32 {
    case dataPage = 0
    case dictionaryPage = 2
  }
}

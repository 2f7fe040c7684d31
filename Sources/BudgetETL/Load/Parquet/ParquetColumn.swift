/// How one dataset column is stored in Parquet: its physical type, repetition and
/// annotations, and which values it accepts.
///
/// - `string`: `BYTE_ARRAY`, `LogicalType` STRING, `ConvertedType` UTF8.
/// - `int32`, `int64`: `INT32`, `INT64`.
/// - `decimal(p, s)`: `INT64` holding the unscaled value, `LogicalType` DECIMAL(s, p),
///   `ConvertedType` DECIMAL, and `scale`/`precision` on the schema element (p ≤ 18).
/// - `boolean`: `BOOLEAN`.
///
/// Non-nullable columns are `REQUIRED` (no definition levels), the others `OPTIONAL`.
struct ParquetColumn {
  let name: String
  let type: ColumnType
  let isOptional: Bool
  let physicalType: ParquetFormat.PhysicalType
  let schemaElement: ParquetFormat.SchemaElement

  /// The largest precision whose unscaled values always fit an `Int64`.
  static let maxInt64DecimalPrecision = 18

  /// - Throws: `ParquetWriterError.unsupportedColumn` for a decimal that does not fit INT64.
  init(_ spec: ColumnSpec, dataset: String) throws {
    name = spec.name
    type = spec.type
    isOptional = spec.nullable
    let repetition: ParquetFormat.Repetition = spec.nullable ? .optional : .required
    switch spec.type {
    case .string:
      physicalType = .byteArray
      schemaElement = .init(
        type: .byteArray, repetition: repetition, name: spec.name, convertedType: .utf8, logicalType: .string)
    case .int32:
      physicalType = .int32
      schemaElement = .init(type: .int32, repetition: repetition, name: spec.name)
    case .int64:
      physicalType = .int64
      schemaElement = .init(type: .int64, repetition: repetition, name: spec.name)
    case .decimal(let precision, let scale):
      guard (1...Self.maxInt64DecimalPrecision).contains(precision), (0...precision).contains(scale) else {
        throw ParquetWriterError.unsupportedColumn(
          dataset: dataset, column: spec.name,
          reason: "decimal(\(precision), \(scale)) needs 1 ≤ precision ≤ 18 and 0 ≤ scale ≤ precision"
            + " to fit INT64")
      }
      physicalType = .int64
      schemaElement = .init(
        type: .int64, repetition: repetition, name: spec.name, convertedType: .decimal,
        scale: Int32(scale), precision: Int32(precision),
        logicalType: .decimal(scale: Int32(scale), precision: Int32(precision)))
    case .boolean:
      physicalType = .boolean
      schemaElement = .init(type: .boolean, repetition: repetition, name: spec.name)
    }
  }

  /// Why `value` cannot be stored in this column, or nil when it can.
  /// ``problem(with:)`` for a string value of `length` UTF-8 bytes, without the string.
  func problem(withStringOfLength length: Int) -> String? {
    guard case .string = type else { return "is not a \(type)" }
    return length <= Int(Int32.max) ? nil : "is longer than Parquet's 2 GiB byte array limit"
  }

  func problem(with value: Value) -> String? {
    switch (type, value) {
    case (_, .null):
      return isOptional ? nil : "is null in a required column"
    case (.string, .string(let s)):
      return s.utf8.count <= Int(Int32.max) ? nil : "is longer than Parquet's 2 GiB byte array limit"
    case (.int32, .int(let i)):
      return Int32(exactly: i) == nil ? "does not fit a 32-bit integer" : nil
    case (.int64, .int):
      return nil
    case (.decimal(let precision, let scale), .decimal(let unscaled, let valueScale)):
      return Self.unscaled(unscaled, scale: valueScale, toScale: scale, precision: precision) == nil
        ? "is not exactly a decimal(\(precision), \(scale))" : nil
    case (.boolean, .bool):
      return nil
    default:
      return "is not a \(type)"
    }
  }

  /// `unscaled / 10^scale` as an unscaled value of scale `targetScale`, or nil when that is
  /// not exact, overflows, or has more than `precision` digits.
  static func unscaled(_ unscaled: Int64, scale: Int, toScale targetScale: Int, precision: Int) -> Int64? {
    guard scale >= 0 else { return nil }
    var result = unscaled
    if scale < targetScale {
      guard let factor = powerOfTen(targetScale - scale) else { return unscaled == 0 ? 0 : nil }
      let (product, overflow) = unscaled.multipliedReportingOverflow(by: factor)
      guard !overflow else { return nil }
      result = product
    } else if scale > targetScale {
      guard let factor = powerOfTen(scale - targetScale) else { return unscaled == 0 ? 0 : nil }
      guard unscaled % factor == 0 else { return nil }
      result = unscaled / factor
    }
    if let limit = powerOfTen(precision), result.magnitude >= UInt64(limit) { return nil }
    return result
  }

  /// 10^exponent, or nil past `Int64`'s range (exponent > 18).
  static func powerOfTen(_ exponent: Int) -> Int64? {
    guard (0...18).contains(exponent) else { return nil }
    var p: Int64 = 1
    for _ in 0..<exponent { p *= 10 }
    return p
  }
}

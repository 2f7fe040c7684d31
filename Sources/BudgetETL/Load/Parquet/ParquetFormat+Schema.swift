extension ParquetFormat {
  /// parquet.thrift union `LogicalType`, limited to the annotations the datasets use.
  enum LogicalType: Equatable, ThriftStruct {
    /// Field 1, `StringType` (an empty struct): UTF-8 text on `BYTE_ARRAY`.
    case string
    /// Field 5, `DecimalType { 1: i32 scale, 2: i32 precision }`.
    case decimal(scale: Int32, precision: Int32)

    func writeFields(to writer: inout ThriftCompactWriter) {
      switch self {
      case .string:
        writer.writeField(1, struct: EmptyStruct())
      case .decimal(let scale, let precision):
        writer.writeField(5, struct: DecimalType(scale: scale, precision: precision))
      }
    }
  }

  /// A struct without fields (`StringType`, `TypeDefinedOrder`): only the stop field.
  struct EmptyStruct: ThriftStruct {
    func writeFields(to writer: inout ThriftCompactWriter) {}
  }

  /// parquet.thrift `DecimalType`.
  struct DecimalType: ThriftStruct {
    var scale: Int32
    var precision: Int32

    func writeFields(to writer: inout ThriftCompactWriter) {
      writer.writeField(1, i32: scale)
      writer.writeField(2, i32: precision)
    }
  }

  /// parquet.thrift `SchemaElement`: the root group (with `numChildren`) or a leaf column.
  struct SchemaElement: Equatable, ThriftStruct {
    var type: PhysicalType?
    var repetition: Repetition?
    var name: String
    var numChildren: Int32?
    var convertedType: ConvertedType?
    var scale: Int32?
    var precision: Int32?
    var logicalType: LogicalType?

    func writeFields(to writer: inout ThriftCompactWriter) {
      if let type { writer.writeField(1, i32: type.rawValue) }
      if let repetition { writer.writeField(3, i32: repetition.rawValue) }
      writer.writeField(4, string: name)
      if let numChildren { writer.writeField(5, i32: numChildren) }
      if let convertedType { writer.writeField(6, i32: convertedType.rawValue) }
      if let scale { writer.writeField(7, i32: scale) }
      if let precision { writer.writeField(8, i32: precision) }
      if let logicalType { writer.writeField(10, struct: logicalType) }
    }
  }

  /// parquet.thrift union `ColumnOrder`; only field 1, `TYPE_ORDER`, is used: min and max
  /// statistics follow the column's logical (or physical) type.
  struct ColumnOrder: ThriftStruct {
    func writeFields(to writer: inout ThriftCompactWriter) {
      writer.writeField(1, struct: EmptyStruct())
    }
  }
}

extension ParquetFormat {
  /// parquet.thrift `FileMetaData`: the footer.
  struct FileMetaData: ThriftStruct {
    var version: Int32
    var schema: [SchemaElement]
    var numRows: Int64
    var rowGroups: [RowGroup]
    var createdBy: String?
    /// One per leaf column; required by the spec whenever `min_value`/`max_value` are written.
    var columnOrders: [ColumnOrder]?

    func writeFields(to writer: inout ThriftCompactWriter) {
      writer.writeField(1, i32: version)
      writer.writeField(2, structs: schema)
      writer.writeField(3, i64: numRows)
      writer.writeField(4, structs: rowGroups)
      if let createdBy { writer.writeField(6, string: createdBy) }
      if let columnOrders { writer.writeField(7, structs: columnOrders) }
    }
  }

  /// parquet.thrift `RowGroup`.
  struct RowGroup: ThriftStruct {
    var columns: [ColumnChunk]
    /// Total uncompressed size of the row group's column chunks (pages and their headers).
    var totalByteSize: Int64
    var numRows: Int64
    /// Offset of the row group's first page.
    var fileOffset: Int64?
    var totalCompressedSize: Int64?
    var ordinal: Int16?

    func writeFields(to writer: inout ThriftCompactWriter) {
      writer.writeField(1, structs: columns)
      writer.writeField(2, i64: totalByteSize)
      writer.writeField(3, i64: numRows)
      if let fileOffset { writer.writeField(5, i64: fileOffset) }
      if let totalCompressedSize { writer.writeField(6, i64: totalCompressedSize) }
      if let ordinal { writer.writeField(7, i16: ordinal) }
    }
  }

  /// parquet.thrift `ColumnChunk`. `file_offset` is deprecated and set to 0, as the spec asks
  /// of writers that keep no `ColumnMetaData` outside the footer.
  struct ColumnChunk: ThriftStruct {
    var fileOffset: Int64 = 0
    var metaData: ColumnMetaData

    func writeFields(to writer: inout ThriftCompactWriter) {
      writer.writeField(2, i64: fileOffset)
      writer.writeField(3, struct: metaData)
    }
  }

  /// parquet.thrift `ColumnMetaData`.
  struct ColumnMetaData: ThriftStruct {
    var type: PhysicalType
    var encodings: [Encoding]
    var pathInSchema: [String]
    var codec: CompressionCodec
    var numValues: Int64
    /// Pages and page headers, before compression.
    var totalUncompressedSize: Int64
    /// Pages and page headers as written.
    var totalCompressedSize: Int64
    var dataPageOffset: Int64
    var dictionaryPageOffset: Int64?
    var statistics: Statistics?

    func writeFields(to writer: inout ThriftCompactWriter) {
      writer.writeField(1, i32: type.rawValue)
      writer.writeField(2, i32s: encodings.map(\.rawValue))
      writer.writeField(3, strings: pathInSchema)
      writer.writeField(4, i32: codec.rawValue)
      writer.writeField(5, i64: numValues)
      writer.writeField(6, i64: totalUncompressedSize)
      writer.writeField(7, i64: totalCompressedSize)
      writer.writeField(9, i64: dataPageOffset)
      if let dictionaryPageOffset { writer.writeField(11, i64: dictionaryPageOffset) }
      if let statistics { writer.writeField(12, struct: statistics) }
    }
  }

  /// parquet.thrift `Statistics`, with the current `max_value`/`min_value` fields (5, 6), not
  /// the deprecated signed-order `max`/`min` (1, 2).
  struct Statistics: Equatable, ThriftStruct {
    var nullCount: Int64?
    /// PLAIN encoding of the maximum, without a length prefix for byte arrays.
    var maxValue: [UInt8]?
    /// PLAIN encoding of the minimum, without a length prefix for byte arrays.
    var minValue: [UInt8]?

    func writeFields(to writer: inout ThriftCompactWriter) {
      if let nullCount { writer.writeField(3, i64: nullCount) }
      if let maxValue { writer.writeField(5, binary: maxValue) }
      if let minValue { writer.writeField(6, binary: minValue) }
    }
  }
}

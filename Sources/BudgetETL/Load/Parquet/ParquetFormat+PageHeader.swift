extension ParquetFormat {
  /// parquet.thrift `PageHeader`, for v1 data pages and dictionary pages.
  struct PageHeader: ThriftStruct {
    var type: PageType
    var uncompressedPageSize: Int32
    var compressedPageSize: Int32
    var dataPageHeader: DataPageHeader?
    var dictionaryPageHeader: DictionaryPageHeader?

    func writeFields(to writer: inout ThriftCompactWriter) {
      writer.writeField(1, i32: type.rawValue)
      writer.writeField(2, i32: uncompressedPageSize)
      writer.writeField(3, i32: compressedPageSize)
      if let dataPageHeader { writer.writeField(5, struct: dataPageHeader) }
      if let dictionaryPageHeader { writer.writeField(7, struct: dictionaryPageHeader) }
    }
  }

  /// parquet.thrift `DataPageHeader` (v1).
  struct DataPageHeader: ThriftStruct {
    /// Values in the page, nulls included (for flat columns: rows).
    var numValues: Int32
    var encoding: Encoding
    var definitionLevelEncoding: Encoding = .rle
    var repetitionLevelEncoding: Encoding = .rle

    func writeFields(to writer: inout ThriftCompactWriter) {
      writer.writeField(1, i32: numValues)
      writer.writeField(2, i32: encoding.rawValue)
      writer.writeField(3, i32: definitionLevelEncoding.rawValue)
      writer.writeField(4, i32: repetitionLevelEncoding.rawValue)
    }
  }

  /// parquet.thrift `DictionaryPageHeader`.
  struct DictionaryPageHeader: ThriftStruct {
    var numValues: Int32
    var encoding: Encoding = .plain

    func writeFields(to writer: inout ThriftCompactWriter) {
      writer.writeField(1, i32: numValues)
      writer.writeField(2, i32: encoding.rawValue)
    }
  }
}

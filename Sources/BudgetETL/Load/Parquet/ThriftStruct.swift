/// A parquet.thrift struct (or union) that can write its fields in the Thrift compact protocol.
///
/// Conformers write only their set fields, in ascending field-id order; the enclosing
/// ``ThriftCompactWriter/writeStruct(_:)`` adds the stop field and keeps field-id deltas right.
protocol ThriftStruct {
  /// Writes the struct's fields (without the stop field) to `writer`.
  func writeFields(to writer: inout ThriftCompactWriter)
}

/// The binary checkpoint codec of ``DocumentResult`` (see ``BinaryWriter``).
extension DocumentResult: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(document)
    writer.write(tables)
    writer.write(lineItems)
    writer.write(textBlocks)
    writer.write(textAmounts)
    writer.write(indicators)
    writer.write(checks)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      document: try reader.read(), tables: try reader.readArray(), lineItems: try reader.readArray(),
      textBlocks: try reader.readArray(), textAmounts: try reader.readArray(), indicators: try reader.readArray(),
      checks: try reader.readArray())
  }
}

/// The binary checkpoint codec of ``DocumentMetadata`` (see ``BinaryWriter``).
extension DocumentMetadata: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(title)
    writer.write(agency)
    writer.write(region)
    writer.write(fiscalYear)
    writer.write(kind)
    writer.write(scope)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init()
    title = try reader.readOptionalString()
    agency = try reader.readOptionalString()
    region = try reader.readOptionalString()
    fiscalYear = try reader.readOptionalInt()
    kind = try reader.read()
    scope = try reader.readOptional()
  }
}

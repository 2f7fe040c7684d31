/// The binary checkpoint codec of ``SourceLine`` (see ``BinaryWriter``).
extension SourceLine: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(number)
    writer.write(page)
    writer.write(text)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(number: try reader.readInt(), page: try reader.readOptionalInt(), text: try reader.readString())
  }
}

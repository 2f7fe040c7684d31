/// The binary codec of ``ExtractCheckpoint`` (see ``BinaryWriter``).
extension ExtractCheckpoint: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(source)
    writer.write(extracted)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(source: try reader.read(), extracted: try reader.readOptional())
  }
}

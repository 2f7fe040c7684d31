/// The binary codec of ``ResultCheckpoint`` (see ``BinaryWriter``).
extension ResultCheckpoint: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(source)
    writer.write(result)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(source: try reader.read(), result: try reader.readOptional())
  }
}

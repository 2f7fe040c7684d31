/// The binary codecs of a state index's records (``StageKeys``, ``IndexEntry``), as
/// `_state/index.bin` stores them (see ``IndexCursor``).
extension StageKeys: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(sha256)
    writer.write(extract)
    writer.write(transform)
    writer.write(validate)
    writer.write(bundle)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      sha256: try reader.readString(), extract: try reader.readString(), transform: try reader.readString(),
      validate: try reader.readString(), bundle: try reader.readString())
  }
}

extension IndexEntry: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(size)
    writer.write(modified)
    writer.write(source)
    writer.write(summary)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      size: try reader.readInt64(), modified: try reader.readInt64(), source: try reader.read(),
      summary: try reader.readOptional())
  }
}

/// The binary checkpoint codecs of ``ExtractedDocument`` and ``SegmentedDocument`` (see ``BinaryWriter``).
extension ExtractedDocument: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(docID)
    writer.write(sourcePath)
    writer.write(lines)
    writer.write(segmented)
    writer.write(metadata)
    writer.write(problems)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      docID: try reader.readString(), sourcePath: try reader.readString(), lines: try reader.readArray(),
      segmented: try reader.read(), metadata: try reader.read(), problems: try reader.readStrings())
  }
}

extension SegmentedDocument: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(narrativeMask)
    writer.write(tables)
    writer.write(noise)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(narrativeMask: try reader.readFlags(), tables: try reader.readArray(), noise: try reader.readFlags())
  }
}

/// The binary checkpoint codec of ``TableInfo`` (see ``BinaryWriter``).
extension TableInfo: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(docID)
    writer.write(tableID)
    writer.write(tableNo)
    writer.write(title)
    writer.write(type)
    writer.write(unit)
    writer.write(columns)
    writer.write(rows)
    writer.write(fragments)
    writer.write(isEmpty)
    writer.write(sourceLine)
    writer.write(sourcePage)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      docID: try reader.readString(), tableID: try reader.readString(), tableNo: try reader.readOptionalString(),
      title: try reader.readOptionalString(), type: try reader.read(), unit: try reader.readString(),
      columns: try reader.readString(), rows: try reader.readInt(), fragments: try reader.readInt(),
      isEmpty: try reader.readBool(), sourceLine: try reader.readInt(), sourcePage: try reader.readOptionalInt())
  }
}

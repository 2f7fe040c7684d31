/// The binary checkpoint codec of ``Indicator`` (see ``BinaryWriter``).
extension Indicator: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(docID)
    writer.write(tableID)
    writer.write(rowNo)
    writer.write(colNo)
    writer.write(targetNo)
    writer.write(section)
    writer.write(project)
    writer.write(level1)
    writer.write(level2)
    writer.write(indicator)
    writer.write(targetRaw)
    writer.write(comparator)
    writer.write(targetValue)
    writer.write(targetUnit)
    writer.write(sourceLine)
    writer.write(sourcePage)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      docID: try reader.readString(), tableID: try reader.readString(), rowNo: try reader.readInt(),
      colNo: try reader.readInt(), targetNo: try reader.readInt(), section: try reader.readOptionalString(),
      project: try reader.readOptionalString(), level1: try reader.readOptionalString(),
      level2: try reader.readOptionalString(), indicator: try reader.readString(), targetRaw: try reader.readString(),
      comparator: try reader.readOptionalString(), targetValue: try reader.readOptionalInt64(),
      targetUnit: try reader.readOptionalString(), sourceLine: try reader.readInt(),
      sourcePage: try reader.readOptionalInt())
  }
}

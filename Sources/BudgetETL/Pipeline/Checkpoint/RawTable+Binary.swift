/// The binary checkpoint codecs of ``RawTable`` and ``RawRow`` (see ``BinaryWriter``).
extension RawTable: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(tableNo)
    writer.write(title)
    writer.write(declaredUnit)
    writer.write(agencyLine)
    writer.write(sourceLine)
    writer.write(sourcePage)
    writer.write(rows)
    writer.write(headerRowCount)
    writer.write(fragments)
    writer.write(notes)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      tableNo: try reader.readOptionalString(), title: try reader.readOptionalString(),
      declaredUnit: try reader.readOptionalString(), agencyLine: try reader.readOptionalString(),
      sourceLine: try reader.readInt(), sourcePage: try reader.readOptionalInt(), rows: try reader.readArray(),
      headerRowCount: try reader.readInt(), fragments: try reader.readInt(), notes: try reader.readStrings())
    // `headerRows`/`dataRows` slice `rows` by this count: never let a checkpoint make them trap.
    guard (0...rows.count).contains(headerRowCount) else { throw .outOfRange(offset: reader.offset) }
  }
}

extension RawRow: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(cells)
    writer.write(line)
    writer.write(page)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(cells: try reader.readStrings(), line: try reader.readInt(), page: try reader.readOptionalInt())
  }
}

/// The binary checkpoint codec of ``TextBlock`` (see ``BinaryWriter``).
extension TextBlock: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(docID)
    writer.write(blockNo)
    writer.write(sectionPath)
    writer.write(kind)
    writer.write(text)
    writer.write(sourceLine)
    writer.write(sourcePage)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      docID: try reader.readString(), blockNo: try reader.readInt(), sectionPath: try reader.readString(),
      kind: try reader.read(), text: try reader.readString(), sourceLine: try reader.readInt(),
      sourcePage: try reader.readOptionalInt())
  }
}

extension TextBlock.Kind: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    switch self {
    case .heading: writer.write(0 as UInt8)
    case .paragraph: writer.write(1 as UInt8)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    let at = reader.offset
    switch try reader.readByte() {
    case 0: self = .heading
    case 1: self = .paragraph
    case let tag: throw .badTag(tag, offset: at, of: "TextBlock.Kind")
    }
  }
}

/// The binary checkpoint codec of ``TextAmount`` (see ``BinaryWriter``).
extension TextAmount: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(docID)
    writer.write(blockNo)
    writer.write(amountNo)
    writer.write(subject)
    writer.write(kind)
    writer.write(functionCode)
    writer.write(econCode)
    writer.write(govEconCode)
    writer.write(amountFen)
    writer.write(sourceValue)
    writer.write(sourceUnit)
    writer.write(sourceLine)
    writer.write(sourcePage)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      docID: try reader.readString(), blockNo: try reader.readInt(), amountNo: try reader.readInt(),
      subject: try reader.readString(), kind: try reader.read(), functionCode: try reader.readOptionalString(),
      econCode: try reader.readOptionalString(), govEconCode: try reader.readOptionalString(),
      amountFen: try reader.readInt64(), sourceValue: try reader.readString(), sourceUnit: try reader.readString(),
      sourceLine: try reader.readInt(), sourcePage: try reader.readOptionalInt())
  }
}

extension TextAmount.Kind: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    switch self {
    case .level: writer.write(0 as UInt8)
    case .change: writer.write(1 as UInt8)
    case .prior: writer.write(2 as UInt8)
    case .threshold: writer.write(3 as UInt8)
    case .other: writer.write(4 as UInt8)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    let at = reader.offset
    switch try reader.readByte() {
    case 0: self = .level
    case 1: self = .change
    case 2: self = .prior
    case 3: self = .threshold
    case 4: self = .other
    case let tag: throw .badTag(tag, offset: at, of: "TextAmount.Kind")
    }
  }
}

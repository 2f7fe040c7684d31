/// The binary checkpoint codec of ``Check`` (see ``BinaryWriter``).
extension Check: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(docID)
    writer.write(checkNo)
    writer.write(tableID)
    writer.write(rule)
    writer.write(subject)
    writer.write(expectedFen)
    writer.write(actualFen)
    writer.write(toleranceFen)
    writer.write(severity)
    writer.write(message)
    writer.write(sourceLine)
    writer.write(sourcePage)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      docID: try reader.readString(), checkNo: try reader.readInt(), tableID: try reader.readOptionalString(),
      rule: try reader.readString(), subject: try reader.readString(), expectedFen: try reader.readOptionalInt64(),
      actualFen: try reader.readOptionalInt64(), toleranceFen: try reader.readOptionalInt64(),
      severity: try reader.read(), message: try reader.readString(), sourceLine: try reader.readOptionalInt(),
      sourcePage: try reader.readOptionalInt())
  }
}

extension Check.Severity: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    switch self {
    case .info: writer.write(0 as UInt8)
    case .warning: writer.write(1 as UInt8)
    case .error: writer.write(2 as UInt8)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    let at = reader.offset
    switch try reader.readByte() {
    case 0: self = .info
    case 1: self = .warning
    case 2: self = .error
    case let tag: throw .badTag(tag, offset: at, of: "Check.Severity")
    }
  }
}

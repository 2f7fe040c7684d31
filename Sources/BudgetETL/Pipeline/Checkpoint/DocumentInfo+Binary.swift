/// The binary checkpoint codec of ``DocumentInfo`` (see ``BinaryWriter``).
extension DocumentInfo: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(docID)
    writer.write(sourcePath)
    writer.write(title)
    writer.write(agency)
    writer.write(region)
    writer.write(fiscalYear)
    writer.write(kind)
    writer.write(scope)
    writer.write(tables)
    writer.write(lineItems)
    writer.write(warnings)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      docID: try reader.readString(), sourcePath: try reader.readString(), title: try reader.readOptionalString(),
      agency: try reader.readOptionalString(), region: try reader.readOptionalString(),
      fiscalYear: try reader.readOptionalInt(), kind: try reader.read(), scope: try reader.readOptional(),
      tables: try reader.readInt(), lineItems: try reader.readInt(), warnings: try reader.readInt())
  }
}

extension DocumentInfo.Kind: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    switch self {
    case .budget: writer.write(0 as UInt8)
    case .finalAccount: writer.write(1 as UInt8)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    let at = reader.offset
    switch try reader.readByte() {
    case 0: self = .budget
    case 1: self = .finalAccount
    case let tag: throw .badTag(tag, offset: at, of: "DocumentInfo.Kind")
    }
  }
}

extension DocumentInfo.Scope: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    switch self {
    case .department: writer.write(0 as UInt8)
    case .unit: writer.write(1 as UInt8)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    let at = reader.offset
    switch try reader.readByte() {
    case 0: self = .department
    case 1: self = .unit
    case let tag: throw .badTag(tag, offset: at, of: "DocumentInfo.Scope")
    }
  }
}

/// The binary checkpoint codec of ``SourceFile`` (see ``BinaryWriter``).
extension SourceFile: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(path)
    writer.write(sha256)
    writer.write(encoding)
    writer.write(bytes)
    writer.write(docID)
    writer.write(status)
    writer.write(error)
    writer.write(format)
    writer.write(converter)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      path: try reader.readString(), sha256: try reader.readString(), encoding: try reader.readString(),
      bytes: try reader.readInt64(), docID: try reader.readOptionalString(), status: try reader.read(),
      error: try reader.readOptionalString(), format: try reader.read(), converter: try reader.readOptionalString())
  }
}

extension SourceFile.Status: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    switch self {
    case .ok: writer.write(0 as UInt8)
    case .partial: writer.write(1 as UInt8)
    case .duplicate: writer.write(2 as UInt8)
    case .rejected: writer.write(3 as UInt8)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    let at = reader.offset
    switch try reader.readByte() {
    case 0: self = .ok
    case 1: self = .partial
    case 2: self = .duplicate
    case 3: self = .rejected
    case let tag: throw .badTag(tag, offset: at, of: "SourceFile.Status")
    }
  }
}

extension SourceFile.Format: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    switch self {
    case .text: writer.write(0 as UInt8)
    case .pdf: writer.write(1 as UInt8)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    let at = reader.offset
    switch try reader.readByte() {
    case 0: self = .text
    case 1: self = .pdf
    case let tag: throw .badTag(tag, offset: at, of: "SourceFile.Format")
    }
  }
}

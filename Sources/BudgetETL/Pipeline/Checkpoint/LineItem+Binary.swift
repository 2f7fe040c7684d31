/// The binary checkpoint codec of ``LineItem`` (see ``BinaryWriter``).
extension LineItem: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(docID)
    writer.write(fiscalYear)
    writer.write(agency)
    writer.write(tableID)
    writer.write(tableType)
    writer.write(rowNo)
    writer.write(colNo)
    writer.write(parentRowNo)
    writer.write(rowKind)
    writer.write(section)
    writer.write(label)
    writer.write(functionCode)
    writer.write(econCode)
    writer.write(govEconCode)
    writer.write(agencyCode)
    writer.write(projectCode)
    writer.write(measure)
    writer.write(measureKind)
    writer.write(amountFen)
    writer.write(sourceValue)
    writer.write(sourceUnit)
    writer.write(isTotal)
    writer.write(sourceLine)
    writer.write(sourcePage)
    writer.write(printedNo)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      docID: try reader.readString(), fiscalYear: try reader.readOptionalInt(), agency: try reader.readOptionalString(),
      tableID: try reader.readString(), tableType: try reader.read(), rowNo: try reader.readInt(),
      colNo: try reader.readInt(), parentRowNo: try reader.readOptionalInt(), rowKind: try reader.read(),
      section: try reader.readOptionalString(), label: try reader.readString(),
      functionCode: try reader.readOptionalString(), econCode: try reader.readOptionalString(),
      govEconCode: try reader.readOptionalString(), agencyCode: try reader.readOptionalString(),
      projectCode: try reader.readOptionalString(), measure: try reader.readString(), measureKind: try reader.read(),
      amountFen: try reader.readInt64(), sourceValue: try reader.readString(), sourceUnit: try reader.readString(),
      isTotal: try reader.readBool(), sourceLine: try reader.readInt(), sourcePage: try reader.readOptionalInt(),
      printedNo: try reader.readOptionalString())
  }
}

extension LineItem.RowKind: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    switch self {
    case .total: writer.write(0 as UInt8)
    case .subtotal: writer.write(1 as UInt8)
    case .memo: writer.write(2 as UInt8)
    case .detail: writer.write(3 as UInt8)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    let at = reader.offset
    switch try reader.readByte() {
    case 0: self = .total
    case 1: self = .subtotal
    case 2: self = .memo
    case 3: self = .detail
    case let tag: throw .badTag(tag, offset: at, of: "LineItem.RowKind")
    }
  }
}

extension LineItem.MeasureKind: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    switch self {
    case .total: writer.write(0 as UInt8)
    case .memo: writer.write(1 as UInt8)
    case .part: writer.write(2 as UInt8)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    let at = reader.offset
    switch try reader.readByte() {
    case 0: self = .total
    case 1: self = .memo
    case 2: self = .part
    case let tag: throw .badTag(tag, offset: at, of: "LineItem.MeasureKind")
    }
  }
}

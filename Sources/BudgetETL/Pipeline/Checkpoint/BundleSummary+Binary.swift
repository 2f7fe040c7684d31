/// The binary codec of ``BundleSummary`` in a document's bundle (see ``BinaryWriter``); the
/// counts by severity and rule are written in key order, so equal summaries give equal bytes.
extension BundleSummary: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    writer.write(docID)
    writer.write(agency)
    writer.write(tables)
    writer.write(lineItems)
    writer.write(varint: UInt64(checksBySeverityAndRule.count))
    for (key, count) in checksBySeverityAndRule.sorted(by: { $0.key < $1.key }) {
      writer.write(key)
      writer.write(count)
    }
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    docID = try reader.readString()
    agency = try reader.readOptionalString()
    tables = try reader.readInt()
    lineItems = try reader.readInt()
    let count = try reader.readCount()
    checksBySeverityAndRule = Dictionary(minimumCapacity: Swift.min(count, BinaryReader.maximumReservation))
    for _ in 0..<count {
      let key = try reader.readString()
      checksBySeverityAndRule[key] = try reader.readInt()
    }
  }
}

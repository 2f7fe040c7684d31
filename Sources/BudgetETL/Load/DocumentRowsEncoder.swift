/// One document's rows of a dataset, encoded in one pass the three ways its bundle holds them:
/// CSV and JSON Lines (the bytes of ``RowEncoder/csvRow(_:into:)`` and
/// ``RowEncoder/jsonRow(_:keys:into:)``) and binary rows (the bytes of
/// ``ValueCodec/encode(_:into:)``).
///
/// Most cells repeat the cell above them (the document, its table, the unit, the section). Each
/// cell is compared with the one above once: a repeated cell is one tag in the binary rows, and
/// in the text the bytes written for the cell above, copied rather than escaped again.
///
/// The bytes go to ``ByteSink``s, through the cell writers of ``RowEncoder`` and ``ValueCodec``;
/// the tests compare the result with the array encoders these replaced, kept in the tests.
enum DocumentRowsEncoder {
  static func encode(_ rows: [[Value]], schema: DatasetSchema) -> (csv: [UInt8], jsonl: [UInt8], binary: [UInt8]) {
    // The JSON keys back to back, each with its colon.
    let keys = RowEncoder.jsonKeys(schema)
    let keyBytes = keys.flatMap { $0 }
    let keyEnds = keys.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    var csv = ByteSink()
    var jsonl = ByteSink()
    var binary = ByteSink()
    // Where each cell of the row above is in `csv`, and its value (after the key) in `jsonl`.
    var csvCells: [Range<Int>] = []
    var jsonCells: [Range<Int>] = []
    var above: [Value] = []
    binary.reserve(10)
    binary.putVarint(UInt64(rows.count))
    keyBytes.withUnsafeBufferPointer { keyBuffer in
      for row in rows {
        binary.reserve(10)
        binary.putVarint(UInt64(row.count))
        jsonl.reserve(1)
        jsonl.put(UInt8(ascii: "{"))
        for column in row.indices {
          let key = UnsafeBufferPointer(rebasing: keyBuffer[keyEnds[column]..<keyEnds[column + 1]])
          csv.reserve(1)
          jsonl.reserve(1 + key.count)
          if column > 0 {
            csv.put(UInt8(ascii: ","))
            jsonl.put(UInt8(ascii: ","))
          }
          jsonl.put(key)
          let csvStart = csv.count
          let jsonStart = jsonl.count
          if column < above.count && ValueCodec.same(row[column], above[column]) {
            binary.reserve(1)
            binary.put(ValueCodec.Tag.repeated)
            csv.reserve(csvCells[column].count)
            csv.putCopy(of: csvCells[column])
            jsonl.reserve(jsonCells[column].count)
            jsonl.putCopy(of: jsonCells[column])
          } else {
            putCell(row[column], csv: &csv, jsonl: &jsonl, binary: &binary)
          }
          if column < csvCells.count {
            csvCells[column] = csvStart..<csv.count
            jsonCells[column] = jsonStart..<jsonl.count
          } else {
            csvCells.append(csvStart..<csv.count)
            jsonCells.append(jsonStart..<jsonl.count)
          }
        }
        csv.reserve(1)
        csv.put(0x0A)
        jsonl.reserve(2)
        jsonl.put(UInt8(ascii: "}"))
        jsonl.put(0x0A)
        above = row
      }
    }
    return (csv.bytes, jsonl.bytes, binary.bytes)
  }

  /// A cell not repeated from above, in all three encodings: ``ValueCodec/putCell(_:into:)``,
  /// ``RowEncoder/putCSVCell(_:into:)`` and ``RowEncoder/putJSONValue(_:into:)``, with a string's
  /// UTF-8 found once for the three.
  private static func putCell(_ value: Value, csv: inout ByteSink, jsonl: inout ByteSink, binary: inout ByteSink) {
    if case .string(var s) = value {
      s.withUTF8 { u in
        ValueCodec.putString(u, into: &binary)
        RowEncoder.putCSVField(u, into: &csv)
        RowEncoder.putJSONString(u, into: &jsonl)
      }
      return
    }
    ValueCodec.putCell(value, into: &binary)
    RowEncoder.putCSVCell(value, into: &csv)
    RowEncoder.putJSONValue(value, into: &jsonl)
  }
}

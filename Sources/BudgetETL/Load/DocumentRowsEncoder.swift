/// One document's rows of a dataset, encoded in one pass the three ways its bundle holds them:
/// CSV and JSON Lines (the bytes of ``RowEncoder/csvRow(_:into:)`` and
/// ``RowEncoder/jsonRow(_:keys:into:)``) and binary rows (the bytes of
/// ``ValueCodec/encode(_:into:)``).
///
/// Most cells repeat the cell above them (the document, its table, the unit, the section). Each
/// cell is compared with the one above once: a repeated cell is one tag in the binary rows, and
/// in the text the bytes written for the cell above, copied rather than escaped again.
enum DocumentRowsEncoder {
  static func encode(_ rows: [[Value]], schema: DatasetSchema) -> (csv: [UInt8], jsonl: [UInt8], binary: [UInt8]) {
    var csv: [UInt8] = []
    var jsonl: [UInt8] = []
    var binary: [UInt8] = []
    // The JSON keys back to back, each with its colon.
    let keys = RowEncoder.jsonKeys(schema)
    let keyBytes = keys.flatMap { $0 }
    let keyEnds = keys.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    // Where each cell of the row above is in `csv`, and its value (after the key) in `jsonl`.
    var csvCells: [Range<Int>] = []
    var jsonCells: [Range<Int>] = []
    var above: [Value] = []
    Varint.append(UInt64(rows.count), to: &binary)
    for row in rows {
      Varint.append(UInt64(row.count), to: &binary)
      jsonl.append(UInt8(ascii: "{"))
      for column in row.indices {
        if column > 0 {
          csv.append(UInt8(ascii: ","))
          jsonl.append(UInt8(ascii: ","))
        }
        keyBytes.withUnsafeBufferPointer {
          jsonl.append(contentsOf: UnsafeBufferPointer(rebasing: $0[keyEnds[column]..<keyEnds[column + 1]]))
        }
        let csvStart = csv.count
        let jsonStart = jsonl.count
        if column < above.count && ValueCodec.same(row[column], above[column]) {
          binary.append(ValueCodec.Tag.repeated)
          appendCopy(of: csvCells[column], in: &csv)
          appendCopy(of: jsonCells[column], in: &jsonl)
        } else {
          ValueCodec.appendCell(row[column], into: &binary)
          RowEncoder.appendCSVCell(row[column], into: &csv)
          RowEncoder.appendJSONValue(row[column], into: &jsonl)
        }
        if column < csvCells.count {
          csvCells[column] = csvStart..<csv.count
          jsonCells[column] = jsonStart..<jsonl.count
        } else {
          csvCells.append(csvStart..<csv.count)
          jsonCells.append(jsonStart..<jsonl.count)
        }
      }
      csv.append(0x0A)
      jsonl.append(contentsOf: "}\n".utf8)
      above = row
    }
    return (csv, jsonl, binary)
  }

  /// Appends a copy of `out[range]`, bytes written earlier.
  private static func appendCopy(of range: Range<Int>, in out: inout [UInt8]) {
    guard !range.isEmpty else { return }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { copy in
      _ = out.withUnsafeBufferPointer { copy.initialize(fromContentsOf: $0[range]) }
      out.append(contentsOf: copy)
    }
  }
}

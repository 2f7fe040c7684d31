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
  /// The three encodings, still in their sinks: the bundle compresses the text ones and copies
  /// the binary rows straight from there.
  struct Output: ~Copyable {
    var csv = ByteSink()
    var jsonl = ByteSink()
    var binary = ByteSink()
  }

  static func encode(_ rows: [[Value]], schema: DatasetSchema) -> (csv: [UInt8], jsonl: [UInt8], binary: [UInt8]) {
    let output = encodeInPlace(rows, schema: schema)
    return (output.csv.bytes, output.jsonl.bytes, output.binary.bytes)
  }

  /// The bytes of ``encode(_:schema:)``, left in their sinks.
  static func encodeInPlace(_ rows: [[Value]], schema: DatasetSchema) -> Output {
    // The JSON keys back to back, each with its colon.
    let keys = RowEncoder.jsonKeys(schema)
    let keyBytes = keys.flatMap { $0 }
    let keyEnds = keys.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    var writer = RowWriter()
    writer.output.binary.reserve(10)
    writer.output.binary.putVarint(UInt64(rows.count))
    // Rows and cells are borrowed through buffer pointers: `for row in rows` and `row[column]`
    // copied each row and each string cell (a retain and a release), three times a cell.
    keyBytes.withUnsafeBufferPointer { keyBuffer in
      keyEnds.withUnsafeBufferPointer { keyEnds in
        rows.withUnsafeBufferPointer { rows in
          for r in rows.indices {
            rows[r].withUnsafeBufferPointer { row in
              if r == 0 {
                writer.put(row, above: UnsafeBufferPointer(start: nil, count: 0), keys: keyBuffer, keyEnds: keyEnds)
              } else {
                rows[r - 1].withUnsafeBufferPointer { above in
                  writer.put(row, above: above, keys: keyBuffer, keyEnds: keyEnds)
                }
              }
            }
          }
        }
      }
    }
    return writer.output
  }

  /// The sinks, and where the cells of the row last written are in the text.
  private struct RowWriter: ~Copyable {
    var output = Output()
    /// Where each cell of the row above is in `csv`, and its value (after the key) in `jsonl`.
    var csvCells: [Range<Int>] = []
    var jsonCells: [Range<Int>] = []

    mutating func put(
      _ row: UnsafeBufferPointer<Value>, above: UnsafeBufferPointer<Value>, keys keyBuffer: UnsafeBufferPointer<UInt8>,
      keyEnds: UnsafeBufferPointer<Int>
    ) {
      // The keys are read through a pointer, unchecked in a release build: a row wider than its
      // schema must stop here, as `row[column]` of the keys' array did before.
      precondition(row.count < keyEnds.count, "a row of \(row.count) cells for a schema of \(keyEnds.count - 1) columns")
      output.binary.reserve(10)
      output.binary.putVarint(UInt64(row.count))
      output.jsonl.reserve(1)
      output.jsonl.put(UInt8(ascii: "{"))
      for column in row.indices {
        let key = UnsafeBufferPointer(rebasing: keyBuffer[keyEnds[column]..<keyEnds[column + 1]])
        output.csv.reserve(1)
        output.jsonl.reserve(1 + key.count)
        if column > 0 {
          output.csv.put(UInt8(ascii: ","))
          output.jsonl.put(UInt8(ascii: ","))
        }
        output.jsonl.put(key)
        let csvStart = output.csv.count
        let jsonStart = output.jsonl.count
        if column < above.count && ValueCodec.same(row[column], above[column]) {
          output.binary.reserve(1)
          output.binary.put(ValueCodec.Tag.repeated)
          output.csv.reserve(csvCells[column].count)
          output.csv.putCopy(of: csvCells[column])
          output.jsonl.reserve(jsonCells[column].count)
          output.jsonl.putCopy(of: jsonCells[column])
        } else {
          DocumentRowsEncoder.putCell(row[column], csv: &output.csv, jsonl: &output.jsonl, binary: &output.binary)
        }
        if column < csvCells.count {
          csvCells[column] = csvStart..<output.csv.count
          jsonCells[column] = jsonStart..<output.jsonl.count
        } else {
          csvCells.append(csvStart..<output.csv.count)
          jsonCells.append(jsonStart..<output.jsonl.count)
        }
      }
      output.csv.reserve(1)
      output.csv.put(0x0A)
      output.jsonl.reserve(2)
      output.jsonl.put(UInt8(ascii: "}"))
      output.jsonl.put(0x0A)
    }
  }

  /// A cell not repeated from above, in all three encodings: ``ValueCodec/putCell(_:into:)``,
  /// ``RowEncoder/putCSVCell(_:into:)`` and ``RowEncoder/putJSONValue(_:into:)``, with a string's
  /// UTF-8 found once for the three.
  fileprivate static func putCell(_ value: Value, csv: inout ByteSink, jsonl: inout ByteSink, binary: inout ByteSink) {
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

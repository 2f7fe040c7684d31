/// One document's rows of a dataset, encoded in one pass the three ways its bundle holds them:
/// CSV and JSON Lines (the bytes of ``RowEncoder/csvRow(_:into:)`` and
/// ``RowEncoder/jsonRow(_:keys:into:)``) and binary rows (the bytes of
/// ``ValueCodec/encode(_:into:)``).
///
/// Most cells repeat the cell above them (the document, its table, the unit, the section). Each
/// cell is compared with the one above once: a repeated cell is one tag in the binary rows, and
/// in the text the bytes written for the cell above, copied rather than escaped again (a run of
/// them, with their commas and keys, in one copy).
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
    /// Where each cell of the row written last starts in `csv`, its comma included (after the
    /// first cell), then where its line break is; so a cell is the bytes up to the next start.
    /// Entries past that row's line break are left over from longer rows before it: a run of
    /// repeated cells never reaches them (it stops at the row above's last cell).
    var csvStarts: [Int] = []
    /// The same in `jsonl`: each cell from its comma (after the first) through its key and
    /// value, then where the closing brace is.
    var jsonStarts: [Int] = []

    /// Writes `row` under `above`. Cells repeated from above come in runs (the document, its
    /// table, the unit): a run is copied from the row above at once, in each text, its comma
    /// and keys with it, as the same bytes in the same order.
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
      if csvStarts.count <= row.count {
        csvStarts.append(contentsOf: repeatElement(0, count: row.count + 1 - csvStarts.count))
        jsonStarts.append(contentsOf: repeatElement(0, count: row.count + 1 - jsonStarts.count))
      }
      csvStarts.withUnsafeMutableBufferPointer { csvStarts in
        jsonStarts.withUnsafeMutableBufferPointer { jsonStarts in
          // Whether a run of repeated cells waits to be copied, and how far its bytes move from
          // the row above.
          var inRun = false
          var csvShift = 0
          var jsonShift = 0
          for column in row.indices {
            if column < above.count && ValueCodec.same(row[column], above[column]) {
              if !inRun {
                inRun = true
                csvShift = output.csv.count - csvStarts[column]
                jsonShift = output.jsonl.count - jsonStarts[column]
              }
              // The cell's start in this row; the start of the column after the run, in the row
              // above, is still there for the copy.
              csvStarts[column] += csvShift
              jsonStarts[column] += jsonShift
              output.binary.reserve(1)
              output.binary.put(ValueCodec.Tag.repeated)
              continue
            }
            if inRun {
              Self.copyRun(
                into: &output, upTo: csvStarts[column], jsonEnd: jsonStarts[column], csvShift: csvShift, jsonShift: jsonShift)
              inRun = false
            }
            let key = UnsafeBufferPointer(rebasing: keyBuffer[keyEnds[column]..<keyEnds[column + 1]])
            csvStarts[column] = output.csv.count
            jsonStarts[column] = output.jsonl.count
            output.csv.reserve(1)
            output.jsonl.reserve(1 + key.count)
            if column > 0 {
              output.csv.put(UInt8(ascii: ","))
              output.jsonl.put(UInt8(ascii: ","))
            }
            output.jsonl.put(key)
            DocumentRowsEncoder.putCell(row[column], csv: &output.csv, jsonl: &output.jsonl, binary: &output.binary)
          }
          // A run ends at the row above's last cell at the latest: its end is that row's end.
          if inRun {
            Self.copyRun(
              into: &output, upTo: csvStarts[row.count], jsonEnd: jsonStarts[row.count], csvShift: csvShift, jsonShift: jsonShift)
          }
          csvStarts[row.count] = output.csv.count
          jsonStarts[row.count] = output.jsonl.count
        }
      }
      output.csv.reserve(1)
      output.csv.put(0x0A)
      output.jsonl.reserve(2)
      output.jsonl.put(UInt8(ascii: "}"))
      output.jsonl.put(0x0A)
    }

    /// Copies the run of repeated cells that ends, in the row above, where the next cell starts
    /// (`csvEnd`, `jsonEnd`), and began where this row has got to less the shifts. The run's
    /// start is worked out from the shifts, never read back: `put` has already moved the run's
    /// entries in the start arrays to this row.
    private static func copyRun(into output: inout Output, upTo csvEnd: Int, jsonEnd: Int, csvShift: Int, jsonShift: Int) {
      let csvFrom = output.csv.count - csvShift
      output.csv.reserve(csvEnd - csvFrom)
      output.csv.putCopy(of: csvFrom..<csvEnd)
      let jsonFrom = output.jsonl.count - jsonShift
      output.jsonl.reserve(jsonEnd - jsonFrom)
      output.jsonl.putCopy(of: jsonFrom..<jsonEnd)
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

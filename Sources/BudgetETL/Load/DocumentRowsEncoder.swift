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
    /// The number of rows.
    var rowCount = 0
    var csv = ByteSink()
    var jsonl = ByteSink()
    var binary = ByteSink()
  }

  static func encode(_ rows: [[Value]], schema: DatasetSchema) -> (csv: [UInt8], jsonl: [UInt8], binary: [UInt8]) {
    let output = encodeInPlace(rows, schema: schema)
    return (output.csv.bytes, output.jsonl.bytes, output.binary.bytes)
  }

  /// The bytes of ``encode(_:schema:)``, left in their sinks, for rows of values or for a
  /// document's items (``DocumentResult/encodedRows(of:)``).
  static func encodeInPlace<Row: DatasetRow>(_ rows: [Row], schema: DatasetSchema) -> Output {
    var writer = RowWriter(schema: schema)
    writer.output.rowCount = rows.count
    writer.output.binary.reserve(10)
    writer.output.binary.putVarint(UInt64(rows.count))
    // Each item hands its cells straight to the writer: no row of values is made.
    for i in rows.indices {
      writer.beginRow()
      rows[i].putCells(into: &writer)
      writer.endRow()
    }
    return writer.output
  }

  /// The sinks, and where the cells of the row last written are: a row's cells are handed to
  /// it one at a time (``RowCells``), straight from the item, so no row of values is made.
  ///
  /// A cell is the cell above when their binary encodings are the same bytes (as
  /// ``ValueCodec/same(_:_:)`` says): each cell is first written spelled out to the binary
  /// rows, compared with where the cell above was spelled out, and replaced by
  /// ``ValueCodec/Tag/repeated`` when it is the same.
  private struct RowWriter: RowCells, ~Copyable {
    var output = Output()
    /// The keys and where the cells are.
    var at: Positions
    /// The cells of the row above, and of this row so far.
    var aboveWidth = 0
    var column = 0
    /// Where this row's cell count is in `binary` (one byte: fewer than 128 columns).
    var widthOffset = 0
    /// Whether a run of repeated cells waits to be copied, and how far its bytes move from the
    /// row above.
    var inRun = false
    var csvShift = 0
    var jsonShift = 0

    init(schema: DatasetSchema) {
      at = Positions(schema: schema)
    }

    mutating func beginRow() {
      column = 0
      inRun = false
      output.binary.reserve(1)
      widthOffset = output.binary.count
      output.binary.put(0)
      output.jsonl.reserve(1)
      output.jsonl.put(UInt8(ascii: "{"))
    }

    mutating func string(_ s: String) {
      // The bytes are borrowed, not copied.
      s.withUTF8Bytes { u in
        cell(binary: { ValueCodec.putString(u, into: &$0) }, csv: { RowEncoder.putCSVField(u, into: &$0) }, json: { RowEncoder.putJSONString(u, into: &$0) })
      }
    }

    mutating func scalar(_ value: Value) {
      cell(binary: { ValueCodec.putCell(value, into: &$0) }, csv: { RowEncoder.putCSVCell(value, into: &$0) }, json: { RowEncoder.putJSONValue(value, into: &$0) })
    }

    /// Writes the next cell: spelled out in the binary rows, then, unless those bytes are the
    /// cell above's, its comma, key and text. Cells repeated from above come in runs (the
    /// document, its table, the unit): a run is copied from the row above at once, in each
    /// text, its comma and keys with it, as the same bytes in the same order.
    @inline(__always)
    private mutating func cell(
      binary putBinary: (inout ByteSink) -> Void, csv putCSV: (inout ByteSink) -> Void, json putJSON: (inout ByteSink) -> Void
    ) {
      // The keys are read through a pointer, unchecked in a release build: a row wider than its
      // schema must stop here.
      precondition(column < at.keyEnds.count - 1, "a row of more cells than its schema's \(at.keyEnds.count - 1) columns")
      let binaryStart = output.binary.count
      putBinary(&output.binary)
      let spelled = binaryStart..<output.binary.count
      if column < aboveWidth && output.binary.bytesEqual(spelled, at.binaryCells[column]) {
        output.binary.removeLast(downTo: binaryStart)
        output.binary.reserve(1)
        output.binary.put(ValueCodec.Tag.repeated)
        if !inRun {
          inRun = true
          csvShift = output.csv.count - at.csvStarts[column]
          jsonShift = output.jsonl.count - at.jsonStarts[column]
        }
        // The cell's start in this row; the start of the column after the run, in the row
        // above, is still there for the copy.
        at.csvStarts[column] += csvShift
        at.jsonStarts[column] += jsonShift
        column += 1
        return
      }
      at.binaryCells[column] = spelled
      if inRun {
        copyRun(upTo: at.csvStarts[column], jsonEnd: at.jsonStarts[column])
        inRun = false
      }
      at.csvStarts[column] = output.csv.count
      at.jsonStarts[column] = output.jsonl.count
      let key = UnsafeBufferPointer(rebasing: at.keyBytes[at.keyEnds[column]..<at.keyEnds[column + 1]])
      output.csv.reserve(1)
      output.jsonl.reserve(1 + key.count)
      if column > 0 {
        output.csv.put(UInt8(ascii: ","))
        output.jsonl.put(UInt8(ascii: ","))
      }
      output.jsonl.put(key)
      putCSV(&output.csv)
      putJSON(&output.jsonl)
      column += 1
    }

    mutating func endRow() {
      let width = column
      // A run ends at the row above's last cell at the latest: its end is that row's end.
      if inRun {
        copyRun(upTo: at.csvStarts[width], jsonEnd: at.jsonStarts[width])
        inRun = false
      }
      at.csvStarts[width] = output.csv.count
      at.jsonStarts[width] = output.jsonl.count
      output.binary.set(UInt8(width), at: widthOffset)
      aboveWidth = width
      output.csv.reserve(1)
      output.csv.put(0x0A)
      output.jsonl.reserve(2)
      output.jsonl.put(UInt8(ascii: "}"))
      output.jsonl.put(0x0A)
    }

    /// Copies the run of repeated cells that ends, in the row above, where the next cell starts
    /// (`csvEnd`, `jsonEnd`), and began where this row has got to less the shifts. The run's
    /// start is worked out from the shifts, never read back: ``cell(binary:csv:json:)`` has
    /// already moved the run's entries in the start arrays to this row.
    private mutating func copyRun(upTo csvEnd: Int, jsonEnd: Int) {
      let csvFrom = output.csv.count - csvShift
      output.csv.reserve(csvEnd - csvFrom)
      output.csv.putCopy(of: csvFrom..<csvEnd)
      let jsonFrom = output.jsonl.count - jsonShift
      output.jsonl.reserve(jsonEnd - jsonFrom)
      output.jsonl.putCopy(of: jsonFrom..<jsonEnd)
    }
  }

  /// The JSON keys (a ``JSONKeyTable``, read through its pointers), and where the cells of the
  /// row last written are in the three encodings: memory of their own (freed when the encoder
  /// is done), written through pointers.
  private struct Positions: ~Copyable {
    /// The JSON keys back to back, each with its colon, and where each starts, then where the
    /// last ends.
    let keyBytes: UnsafeBufferPointer<UInt8>
    let keyEnds: UnsafeBufferPointer<Int>
    /// What holds `keyBytes` and `keyEnds`, built once per published dataset (they are copied
    /// out of it to spare an indirection per cell).
    let keys: JSONKeyTable
    /// Where each cell of the row written last starts in `csv`, its comma included (after the
    /// first cell), then where its line break is; so a cell is the bytes up to the next start.
    /// Entries past that row's line break are left over from longer rows before it: a run of
    /// repeated cells never reaches them (it stops at the row above's last cell).
    let csvStarts: UnsafeMutableBufferPointer<Int>
    /// The same in `jsonl`: each cell from its comma (after the first) through its key and
    /// value, then where the closing brace is.
    let jsonStarts: UnsafeMutableBufferPointer<Int>
    /// Where each column's cell in the row above is spelled out in `binary`: in that row, or,
    /// when it repeated the cell above it, in the row where that value was last spelled out.
    let binaryCells: UnsafeMutableBufferPointer<Range<Int>>
    init(schema: DatasetSchema) {
      let width = schema.columns.count
      precondition(width < 128, "a schema of \(width) columns: a row's cell count is one byte")
      keys = JSONKeyTable.of(schema)
      keyBytes = keys.bytes
      keyEnds = keys.ends
      csvStarts = .allocate(capacity: width + 1)
      csvStarts.initialize(repeating: 0)
      jsonStarts = .allocate(capacity: width + 1)
      jsonStarts.initialize(repeating: 0)
      binaryCells = .allocate(capacity: width + 1)
      binaryCells.initialize(repeating: 0..<0)
    }

    deinit {
      csvStarts.deallocate()
      jsonStarts.deallocate()
      binaryCells.deallocate()
    }
  }
}

/// Writes one dataset as an Apache Parquet file, streaming: each column's values are encoded
/// into GZIP-compressed pages as soon as they fill one, kept in an unnamed scratch file
/// (``PageSpill``) until the row group ends, then written as column chunks; so the writer
/// holds in memory one page of values and the dictionary per column, whatever the number of
/// rows, and on disk one row group.
///
/// The file is written to `path + ".tmp"` and renamed to `path` by ``close()`` after an
/// fsync, so no partial file is ever visible under `path`; a writer dropped without
/// ``close()`` removes its temporary file. Output depends only on the schema, the rows and
/// the settings (no timestamps), so the same input gives byte-identical files.
///
/// Column mapping: strings are `BYTE_ARRAY` STRING/UTF8, dictionary-encoded unless the
/// dictionary grows large or mostly distinct; `int32`/`int64` are `INT32`/`INT64`;
/// `decimal(p, s)` is `INT64` DECIMAL(s, p); booleans are `BOOLEAN`. Nullable columns are
/// `OPTIONAL`, the others `REQUIRED`. Each column chunk carries its null count and, unless all
/// null, its min and max in the column's sort order.
///
/// ```swift
/// let writer = try ParquetWriter(
///   schema: Datasets.lineItems, path: "out/line_items.parquet", compressionLevel: 6,
///   createdBy: "budget-etl version \(BudgetETLVersion.current)")
/// for item in items { try writer.write(row: item.row) }
/// try writer.close()
/// ```
public final class ParquetWriter {
  /// The dataset being written.
  public let schema: DatasetSchema
  /// The final path of the file.
  public let path: String

  private let rowGroupRows: Int
  private let createdBy: String
  private let limits: ParquetWriterLimits
  private let columns: [ParquetColumn]
  /// One per column: what ``write(encodedRows:)`` checks each cell with.
  private let cellChecks: [EncodedCellCheck]
  private var chunks: [ColumnChunkBuffer]
  private var chunkWriter: ColumnChunkWriter
  private let output: AtomicFileOutput
  private let spill: PageSpill
  private var rowGroups: [ParquetFormat.RowGroup] = []
  private var rowsInGroup = 0
  private var rowsWritten: Int64 = 0
  private var state = State.open

  private enum State {
    case open
    case closed
    case failed
  }

  /// Starts a Parquet file for `schema` at `path + ".tmp"`.
  ///
  /// - Parameters:
  ///   - schema: the dataset's schema; rows follow its column order.
  ///   - path: where the finished file appears when ``close()`` succeeds.
  ///   - compressionLevel: GZIP level, 0 (store) to 9 (smallest).
  ///   - rowGroupRows: rows per row group (the last one may be shorter); a row group also
  ///     ends early once its compressed pages and dictionaries pass 2 MiB.
  ///   - createdBy: the footer's `created_by`, e.g. `budget-etl version 0.1.0`.
  /// - Throws: `ParquetWriterError` for a column Parquet cannot hold, an out-of-range
  ///   setting, or when the temporary file cannot be created.
  public convenience init(
    schema: DatasetSchema, path: String, compressionLevel: Int, rowGroupRows: Int = 65_536, createdBy: String
  ) throws {
    try self.init(
      schema: schema, path: path, compressionLevel: compressionLevel, rowGroupRows: rowGroupRows,
      createdBy: createdBy, limits: .standard)
  }

  /// As the public initializer, with the size limits spelled out (tests use small ones).
  init(
    schema: DatasetSchema, path: String, compressionLevel: Int, rowGroupRows: Int, createdBy: String,
    limits: ParquetWriterLimits
  ) throws {
    guard (0...9).contains(compressionLevel) else {
      throw ParquetWriterError.invalidSetting(
        dataset: schema.name, setting: "compressionLevel", value: compressionLevel)
    }
    guard rowGroupRows >= 1 && rowGroupRows <= Int(Int32.max) else {
      throw ParquetWriterError.invalidSetting(dataset: schema.name, setting: "rowGroupRows", value: rowGroupRows)
    }
    var seen = Set<String>()
    for spec in schema.columns where !seen.insert(spec.name).inserted {
      throw ParquetWriterError.unsupportedColumn(
        dataset: schema.name, column: spec.name, reason: "the name is used twice")
    }
    let columns = try schema.columns.map { try ParquetColumn($0, dataset: schema.name) }
    self.schema = schema
    self.path = path
    self.rowGroupRows = rowGroupRows
    self.createdBy = createdBy
    self.limits = limits
    self.columns = columns
    cellChecks = columns.map(EncodedCellCheck.init)
    chunks = columns.map { ColumnChunkBuffer(column: $0, limits: limits) }
    chunkWriter = ColumnChunkWriter(compressionLevel: compressionLevel, limits: limits)
    output = try AtomicFileOutput(path: path)
    spill = try PageSpill(besides: output.temporaryPath)
    try output.write(ParquetFormat.magic)
  }

  /// Buffers one row; writes a row group when enough rows are buffered.
  ///
  /// - Parameter row: one value per column, in the schema's order. A decimal whose scale
  ///   differs from its column's is rescaled when that is exact.
  /// - Throws: `ParquetWriterError.rowWidth` or `.invalidValue` for a row that does not fit
  ///   the schema (nothing of it is written, and the writer can go on); I/O and compression
  ///   errors while writing a row group, after which the writer is unusable.
  public func write(row: [Value]) throws {
    try checkUsable()
    let rowNumber = Int(rowsWritten) + 1
    guard row.count == columns.count else {
      throw ParquetWriterError.rowWidth(
        dataset: schema.name, row: rowNumber, expected: columns.count, actual: row.count)
    }
    for (column, value) in zip(columns, row) {
      if let reason = column.problem(with: value) {
        throw ParquetWriterError.invalidValue(
          dataset: schema.name, column: column.name, row: rowNumber, value: Self.describe(value), reason: reason)
      }
    }
    // One exclusive access to `chunks` per row rather than one per column.
    let pageFull = chunks.withUnsafeMutableBufferPointer { buffers in
      var full = false
      for i in buffers.indices {
        buffers[i].append(row[i])
        if buffers[i].isPageFull { full = true }
      }
      return full
    }
    try endRow(pageFull: pageFull)
  }

  /// Writes rows as ``ValueCodec`` encoded them (a document bundle's binary rows), taking
  /// strings as their bytes: the same file, checks and errors as ``write(row:)`` on each
  /// decoded row, without a `String` per cell, and without looking up again in the dictionary
  /// a string the encoding marks as repeated from the row above.
  ///
  /// - Throws: `ValueCodec.DecodeError` for bytes that are not encoded rows (nothing is
  ///   written), then as ``write(row:)`` for each row.
  public func write(encodedRows bytes: [UInt8]) throws {
    try checkUsable()
    // Every row is read before any is written, as decoding them first would.
    var reader = try EncodedRows(bytes)
    let width = columns.count
    var cells: [EncodedRows.Cell] = []
    // A row of n cells takes at least n bytes, so this never reserves more cells than bytes.
    cells.reserveCapacity(min(reader.count * max(width, 1), bytes.count))
    var widths: [Int] = []
    widths.reserveCapacity(reader.count)
    try reader.readAllRows(into: &cells, widths: &widths)
    try bytes.withUnsafeBufferPointer { raw in
      try cells.withUnsafeBufferPointer { allCells in
        var start = 0
        for rowWidth in widths {
          let rowNumber = Int(rowsWritten) + 1
          guard rowWidth == width else {
            throw ParquetWriterError.rowWidth(dataset: schema.name, row: rowNumber, expected: width, actual: rowWidth)
          }
          let row = UnsafeBufferPointer(rebasing: allCells[start..<(start + rowWidth)])
          start += rowWidth
          // The whole row is checked before any of it is appended.
          for i in 0..<width where !cellChecks[i].accepts(row[i]) {
            throw invalidCell(row[i], column: i, row: rowNumber, reader: reader)
          }
          let pageFull = chunks.withUnsafeMutableBufferPointer { buffers in
            var full = false
            for i in 0..<width {
              buffers[i].append(cell: row[i], bytes: raw)
              if buffers[i].isPageFull { full = true }
            }
            return full
          }
          try endRow(pageFull: pageFull)
        }
      }
    }
  }

  /// The error ``write(row:)`` throws for the value of a cell ``EncodedCellCheck`` refused.
  private func invalidCell(_ cell: EncodedRows.Cell, column index: Int, row: Int, reader: EncodedRows) -> ParquetWriterError {
    let column = columns[index]
    let value = reader.value(cell)
    let reason: String?
    if case .string(let range, _) = cell {
      reason = column.problem(withStringOfLength: range.count)
    } else {
      reason = column.problem(with: value)
    }
    guard let reason else { preconditionFailure("EncodedCellCheck refused a value \(column.name) accepts") }
    return ParquetWriterError.invalidValue(
      dataset: schema.name, column: column.name, row: row, value: Self.describe(value), reason: reason)
  }

  /// Counts a row just appended to every column, encoding full pages and ending the row group
  /// when it is due.
  private func endRow(pageFull: Bool) throws {
    if pageFull { try encodeFullPages() }
    rowsInGroup += 1
    rowsWritten += 1
    if rowsInGroup >= rowGroupRows
      || (rowsInGroup % 1024 == 0 && chunks.reduce(0, { $0 + $1.rowGroupByteCount }) >= limits.maxRowGroupBytes)
    {
      try flushRowGroup()
    }
  }

  /// About how many bytes the writer holds in memory for the row group being written: its
  /// dictionaries and values not yet encoded (its compressed pages are in the spill file).
  var heldByteCount: Int { chunks.reduce(0) { $0 + $1.estimatedByteCount } }

  /// The bytes of the row group's pages in the scratch file on disk, for tests.
  var spilledFileSize: Int64 { spill.fileSize }

  /// Writes the rows buffered so far as a row group now rather than at ``close()``; the file
  /// is the same as long as no row is written in between. Lets the load encode the last row
  /// groups of several files at once before it publishes them one by one.
  ///
  /// - Throws: I/O and compression errors, after which the writer is unusable.
  public func flushBufferedRows() throws {
    try checkUsable()
    guard rowsInGroup > 0 else { return }
    do {
      try flushRowGroup()
    } catch {
      fail()
      throw error
    }
  }

  /// Writes the last row group and the footer, then publishes the file under ``path``.
  /// A dataset without rows gives a valid file with the schema and no row groups.
  ///
  /// - Throws: `ParquetWriterError.io` or `.compression`; the final path is then untouched
  ///   (or, if only the directory fsync failed, already renamed).
  public func close() throws {
    try checkUsable()
    do {
      if rowsInGroup > 0 { try flushRowGroup() }
      var footer = ThriftCompactWriter(reservingCapacity: 4096)
      footer.writeStruct(fileMetaData())
      try output.write(footer.bytes)
      let length = UInt32(footer.bytes.count)
      try output.write((0..<4).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) })
      try output.write(ParquetFormat.magic)
      try output.commit()
      spill.close()
      state = .closed
    } catch {
      fail()
      throw error
    }
  }

  /// The footer for what has been written.
  func fileMetaData() -> ParquetFormat.FileMetaData {
    let root = ParquetFormat.SchemaElement(name: "schema", numChildren: Int32(columns.count))
    return ParquetFormat.FileMetaData(
      version: 1, schema: [root] + columns.map(\.schemaElement), numRows: rowsWritten, rowGroups: rowGroups,
      createdBy: createdBy, columnOrders: columns.map { _ in ParquetFormat.ColumnOrder() })
  }

  /// Encodes the columns whose buffered values fill a page: the row group is held as
  /// compressed pages, not as values.
  private func encodeFullPages() throws {
    do {
      for i in chunks.indices where chunks[i].isPageFull {
        try chunkWriter.encodeBufferedPages(&chunks[i], spill: spill)
      }
    } catch {
      fail()
      throw error
    }
  }

  private func flushRowGroup() throws {
    do {
      let start = output.position
      var columnChunks: [ParquetFormat.ColumnChunk] = []
      columnChunks.reserveCapacity(chunks.count)
      for i in chunks.indices {
        columnChunks.append(try chunkWriter.write(&chunks[i], spill: spill, to: output))
      }
      try spill.reset()
      let ordinal = Int16(exactly: rowGroups.count)
      rowGroups.append(
        ParquetFormat.RowGroup(
          columns: columnChunks,
          totalByteSize: columnChunks.reduce(0) { $0 + $1.metaData.totalUncompressedSize },
          numRows: Int64(rowsInGroup), fileOffset: start,
          totalCompressedSize: columnChunks.reduce(0) { $0 + $1.metaData.totalCompressedSize },
          ordinal: ordinal))
      rowsInGroup = 0
    } catch {
      fail()
      throw error
    }
  }

  private func checkUsable() throws {
    switch state {
    case .open: return
    case .closed: preconditionFailure("ParquetWriter for \(path) used after close()")
    case .failed: throw ParquetWriterError.writerFailed(path: path)
    }
  }

  private func fail() {
    state = .failed
    output.discard()
    spill.close()
  }

  /// A short rendering of a value for error messages.
  private static func describe(_ value: Value) -> String {
    switch value {
    case .null: return "null"
    case .string(let s): return s.count > 40 ? "\"\(s.prefix(40))…\"" : "\"\(s)\""
    case .int(let i): return String(i)
    case .decimal(let unscaled, let scale) where scale >= 0: return Value.formatDecimal(unscaled, scale: scale)
    case .decimal(let unscaled, let scale): return "\(unscaled)e\(-scale)"
    case .bool(let b): return b ? "true" : "false"
    }
  }
}

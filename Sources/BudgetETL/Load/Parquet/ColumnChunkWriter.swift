/// Writes a buffered column chunk as pages — an optional dictionary page, then v1 data
/// pages — each GZIP-compressed, and describes it for the footer.
///
/// A data page holds (for optional columns) the definition levels, 4-byte length then the
/// RLE/bit-packed hybrid at bit width 1, then the values: PLAIN, or for dictionary-encoded
/// strings one byte of bit width and the hybrid-encoded indices. Pages end at row boundaries
/// after `maxPageRows` rows or about `targetPageBytes` bytes of values. Scratch buffers are
/// reused from page to page.
struct ColumnChunkWriter {
  let compressionLevel: Int
  let limits: ParquetWriterLimits
  private var page: [UInt8] = []
  private var header = ThriftCompactWriter()

  init(compressionLevel: Int, limits: ParquetWriterLimits) {
    self.compressionLevel = compressionLevel
    self.limits = limits
    page.reserveCapacity(limits.targetPageBytes + (limits.targetPageBytes >> 2))
  }

  /// Sizes of the pages written for one chunk.
  private struct Totals {
    var compressed: Int64 = 0
    var uncompressed: Int64 = 0
  }

  /// Writes `chunk` at the output's position and returns its footer entry.
  mutating func write(
    _ chunk: inout ColumnChunkBuffer, to output: AtomicFileOutput
  ) throws -> ParquetFormat.ColumnChunk {
    let column = chunk.column
    var totals = Totals()
    var dictionaryPageOffset: Int64? = nil
    var encodings: [ParquetFormat.Encoding] = [.plain, .rle]

    let withDictionary = chunk.usesDictionaryPage
    if case .string = column.type, !withDictionary { chunk.switchToPlain() }
    if withDictionary {
      dictionaryPageOffset = output.position
      page.removeAll(keepingCapacity: true)
      let dictionary = chunk.dictionary
      for i in 0..<dictionary.count {
        let entry = dictionary.entry(i)
        PlainEncoding.append(Int32(entry.count), to: &page)
        page.append(contentsOf: entry)
      }
      try writePage(
        ParquetFormat.PageHeader(
          type: .dictionaryPage, uncompressedPageSize: 0, compressedPageSize: 0,
          dictionaryPageHeader: .init(numValues: Int32(dictionary.count))),
        to: output, totals: &totals)
      encodings.append(.rleDictionary)
    }

    let dataPageOffset = output.position
    let indexBitWidth = max(1, RLEBitPackedHybrid.bitWidth(forMaxValue: UInt64(max(chunk.dictionary.count, 1) - 1)))
    var row = 0
    var value = 0
    var byteCursor = 0  // into chunk.plainBytes
    repeat {
      let firstRow = row
      let firstValue = value
      let firstByte = byteCursor
      var pageBytes = 0
      while row < chunk.rowCount && row - firstRow < limits.maxPageRows && pageBytes < limits.targetPageBytes {
        defer { row += 1 }
        if column.isOptional && chunk.definitionLevels[row] == 0 { continue }
        switch column.type {
        case .string where !withDictionary:
          let size = 4 + ColumnChunkBuffer.plainLength(chunk.plainBytes, at: byteCursor)
          byteCursor += size
          pageBytes += size
        case .string: pageBytes += 4
        case .int32: pageBytes += 4
        case .int64, .decimal: pageBytes += 8
        case .boolean: pageBytes += 1
        }
        value += 1
      }

      page.removeAll(keepingCapacity: true)
      if column.isOptional {
        let lengthAt = page.count
        page.append(contentsOf: [0, 0, 0, 0])
        RLEBitPackedHybrid.encode(chunk.definitionLevels[firstRow..<row], bitWidth: 1, into: &page)
        let length = UInt32(page.count - lengthAt - 4)
        for k in 0..<4 { page[lengthAt + k] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(k))) }
      }
      let encoding: ParquetFormat.Encoding
      switch column.type {
      case .string where withDictionary:
        encoding = .rleDictionary
        page.append(UInt8(indexBitWidth))
        RLEBitPackedHybrid.encode(chunk.dictionaryIndices[firstValue..<value], bitWidth: indexBitWidth, into: &page)
      case .string:
        encoding = .plain
        page.append(contentsOf: chunk.plainBytes[firstByte..<byteCursor])
      case .int32:
        encoding = .plain
        PlainEncoding.append(contentsOf: chunk.int32Values[firstValue..<value], to: &page)
      case .int64, .decimal:
        encoding = .plain
        PlainEncoding.append(contentsOf: chunk.int64Values[firstValue..<value], to: &page)
      case .boolean:
        encoding = .plain
        PlainEncoding.append(booleans: chunk.booleanValues[firstValue..<value], to: &page)
      }
      try writePage(
        ParquetFormat.PageHeader(
          type: .dataPage, uncompressedPageSize: 0, compressedPageSize: 0,
          dataPageHeader: .init(numValues: Int32(row - firstRow), encoding: encoding)),
        to: output, totals: &totals)
    } while row < chunk.rowCount

    return ParquetFormat.ColumnChunk(
      metaData: .init(
        type: column.physicalType, encodings: encodings, pathInSchema: [column.name], codec: .gzip,
        numValues: Int64(chunk.rowCount), totalUncompressedSize: totals.uncompressed,
        totalCompressedSize: totals.compressed, dataPageOffset: dataPageOffset,
        dictionaryPageOffset: dictionaryPageOffset, statistics: chunk.statistics()))
  }

  /// Compresses `page` and writes it after `pageHeader`, completed with the page's sizes.
  private mutating func writePage(
    _ pageHeader: ParquetFormat.PageHeader, to output: AtomicFileOutput, totals: inout Totals
  ) throws {
    let compressed: [UInt8]
    do {
      compressed = try Deflater.compress(page, level: compressionLevel, format: .gzip)
    } catch {
      throw ParquetWriterError.compression(
        path: output.temporaryPath, message: "GZIP page compression failed: \(error)")
    }
    precondition(page.count <= Int(Int32.max) && compressed.count <= Int(Int32.max), "page over 2 GiB")
    var pageHeader = pageHeader
    pageHeader.uncompressedPageSize = Int32(page.count)
    pageHeader.compressedPageSize = Int32(compressed.count)
    header.reset()
    header.writeStruct(pageHeader)
    try output.write(header.bytes)
    try output.write(compressed)
    totals.uncompressed += Int64(header.bytes.count + page.count)
    totals.compressed += Int64(header.bytes.count + compressed.count)
  }
}

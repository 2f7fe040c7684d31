/// Encodes a column chunk's buffered values as GZIP-compressed v1 data pages as soon as they
/// fill a page, and writes the chunk — an optional dictionary page, then its data pages — when
/// the row group ends, describing it for the footer.
///
/// A data page holds (for optional columns) the definition levels, 4-byte length then the
/// RLE/bit-packed hybrid at bit width 1, then the values: PLAIN, or for dictionary-encoded
/// strings one byte of bit width (the least that holds the dictionary's size when the page is
/// encoded) and the hybrid-encoded indices. Pages end at row boundaries after `maxPageRows`
/// rows or about `targetPageBytes` bytes of values. Scratch buffers are reused from page to page.
struct ColumnChunkWriter {
  let compressionLevel: Int
  let limits: ParquetWriterLimits
  private var page: [UInt8] = []
  private var header = ThriftCompactWriter()

  init(compressionLevel: Int, limits: ParquetWriterLimits) {
    self.compressionLevel = compressionLevel
    self.limits = limits
    page = Self.pageBuffer(limits)
  }

  /// Room for a data page: its values (they end once they pass `targetPageBytes`, by at
  /// most one value) and its levels.
  private static func pageCapacity(_ limits: ParquetWriterLimits) -> Int {
    limits.targetPageBytes + (limits.targetPageBytes >> 2)
  }

  private static func pageBuffer(_ limits: ParquetWriterLimits) -> [UInt8] {
    var page: [UInt8] = []
    page.reserveCapacity(pageCapacity(limits))
    return page
  }

  /// Encodes and compresses `chunk`'s buffered values as data pages, appended to `spill`.
  mutating func encodeBufferedPages(_ chunk: inout ColumnChunkBuffer, spill: PageSpill) throws {
    let path = spill.ownerPath
    chunk.settleDictionary()
    let column = chunk.column
    let withDictionary = chunk.buffersDictionaryIndices
    let indexBitWidth = max(1, RLEBitPackedHybrid.bitWidth(forMaxValue: UInt64(max(chunk.dictionary.count, 1) - 1)))
    var row = 0
    var value = 0
    var byteCursor = 0  // into chunk.plainBytes
    while row < chunk.bufferedRows {
      let firstRow = row
      let firstValue = value
      let firstByte = byteCursor
      var pageBytes = 0
      while row < chunk.bufferedRows && row - firstRow < limits.maxPageRows && pageBytes < limits.targetPageBytes {
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
      let body = try compressPage(
        ParquetFormat.PageHeader(
          type: .dataPage, uncompressedPageSize: 0, compressedPageSize: 0,
          dataPageHeader: .init(numValues: Int32(row - firstRow), encoding: encoding)),
        path: path)
      chunk.appendEncodedPage(
        at: try spill.append(header.bytes, body), uncompressedBytes: header.bytes.count + page.count,
        dictionaryEncoded: withDictionary)
    }
    chunk.removeBufferedValues()
  }

  /// Writes `chunk` at the output's position — its dictionary page, when its pages refer to
  /// one, then its data pages, copied from `spill` — and returns its footer entry. The chunk
  /// is then empty.
  mutating func write(
    _ chunk: inout ColumnChunkBuffer, spill: PageSpill, to output: AtomicFileOutput
  ) throws -> ParquetFormat.ColumnChunk {
    if chunk.bufferedRows > 0 { try encodeBufferedPages(&chunk, spill: spill) }
    let column = chunk.column
    var uncompressed: Int64 = 0
    var compressed: Int64 = 0
    var dictionaryPageOffset: Int64? = nil
    var encodings: [ParquetFormat.Encoding] = [.plain, .rle]

    if chunk.hasDictionaryPages {
      dictionaryPageOffset = output.position
      page.removeAll(keepingCapacity: true)
      let dictionary = chunk.dictionary
      for i in 0..<dictionary.count {
        let entry = dictionary.entry(i)
        PlainEncoding.append(Int32(entry.count), to: &page)
        page.append(contentsOf: entry)
      }
      let body = try compressPage(
        ParquetFormat.PageHeader(
          type: .dictionaryPage, uncompressedPageSize: 0, compressedPageSize: 0,
          dictionaryPageHeader: .init(numValues: Int32(dictionary.count))),
        path: output.temporaryPath)
      try output.write(header.bytes)
      try output.write(body)
      uncompressed += Int64(header.bytes.count + page.count)
      compressed += Int64(header.bytes.count + body.count)
      encodings.append(.rleDictionary)
      // A dictionary page can be up to `maxDictionaryBytes`; do not keep that much scratch
      // for the rest of the run (1.4 MB over the eight writers at 10,000 documents).
      // (The allocator rounds capacities up: compare with twice what a data page needs.)
      if page.capacity > 2 * Self.pageCapacity(limits) { page = Self.pageBuffer(limits) }
    }

    let dataPageOffset = output.position
    try spill.copy(chunk.encodedPages, to: output)
    uncompressed += chunk.encodedUncompressedBytes
    compressed += Int64(chunk.encodedByteCount)
    let metaData = ParquetFormat.ColumnMetaData(
      type: column.physicalType, encodings: encodings, pathInSchema: [column.name], codec: .gzip,
      numValues: Int64(chunk.rowCount), totalUncompressedSize: uncompressed,
      totalCompressedSize: compressed, dataPageOffset: dataPageOffset,
      dictionaryPageOffset: dictionaryPageOffset, statistics: chunk.statistics())
    chunk.removeAll()
    return ParquetFormat.ColumnChunk(metaData: metaData)
  }

  /// Compresses `page` and encodes `pageHeader`, completed with the page's sizes, into
  /// `header`; returns the compressed page.
  private mutating func compressPage(_ pageHeader: ParquetFormat.PageHeader, path: String) throws -> [UInt8] {
    let compressed: [UInt8]
    do {
      compressed = try Deflater.compress(page, level: compressionLevel, format: .gzip)
    } catch {
      throw ParquetWriterError.compression(path: path, message: "GZIP page compression failed: \(error)")
    }
    precondition(page.count <= Int(Int32.max) && compressed.count <= Int(Int32.max), "page over 2 GiB")
    var pageHeader = pageHeader
    pageHeader.uncompressedPageSize = Int32(page.count)
    pageHeader.compressedPageSize = Int32(compressed.count)
    header.reset()
    header.writeStruct(pageHeader)
    return compressed
  }
}

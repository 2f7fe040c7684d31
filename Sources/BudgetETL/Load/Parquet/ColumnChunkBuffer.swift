/// One column of the row group being written: the values not yet encoded, the data pages
/// already encoded and compressed, and what the chunk's dictionary page and statistics need.
///
/// Values are buffered only until they fill a data page (`ParquetWriterLimits.maxPageRows`
/// rows or about `targetPageBytes` bytes); ``ColumnChunkWriter`` then encodes and compresses
/// them into the writer's ``PageSpill``, and the chunk keeps only where they are
/// (``encodedPages``). So a row group is held compressed and on disk, and memory does not grow
/// with how many rows a slowly filling dataset has buffered.
///
/// Strings are interned into a ``ByteArrayDictionary`` as they arrive and buffered as
/// indices. The chunk gives the dictionary up for PLAIN when its first `distinctCheckMinValues`
/// values, or its first page, show it mostly distinct, or when the dictionary outgrows
/// `maxDictionaryBytes`: before any page is encoded the buffered values are re-encoded PLAIN
/// and the chunk has no dictionary; after, the pages already encoded keep it (it is written,
/// frozen, as the chunk's dictionary page) and the pages after them are PLAIN, as parquet-mr
/// and Arrow fall back.
struct ColumnChunkBuffer {
  let column: ParquetColumn
  private let limits: ParquetWriterLimits

  /// Rows in the chunk (values, nulls included), encoded or not.
  private(set) var rowCount = 0
  private(set) var nullCount = 0

  /// Rows buffered for the next data page.
  private(set) var bufferedRows = 0
  /// The next page's values' size as the page limits count it (4 bytes per dictionary index).
  private(set) var bufferedPageBytes = 0
  /// One per buffered row, 1 for a value and 0 for null; only for optional columns.
  private(set) var definitionLevels: [UInt8] = []
  private(set) var int32Values: [Int32] = []
  /// `int64` values and the unscaled values of decimals.
  private(set) var int64Values: [Int64] = []
  private(set) var booleanValues: [Bool] = []
  /// Buffered string values while dictionary encoded: one dictionary index per value.
  private(set) var dictionaryIndices: [UInt32] = []
  /// Buffered string values once not dictionary encoded: PLAIN (4-byte length, bytes).
  private(set) var plainBytes: [UInt8] = []

  /// The chunk's dictionary: every string value while dictionary encoded, frozen after a
  /// fallback to PLAIN once a dictionary-encoded page exists.
  private(set) var dictionary = ByteArrayDictionary()
  /// Whether new string values go to the dictionary.
  private(set) var isDictionaryEncoded = true
  /// The dictionary index of the value appended last, when it went to the dictionary: a value
  /// known to repeat it takes the index without being looked up.
  private var lastDictionaryIndex: UInt32?
  /// Whether an encoded page refers to the dictionary (so the chunk needs its dictionary page).
  private(set) var hasDictionaryPages = false
  /// The dictionary outgrew its limit after dictionary pages were encoded: the buffered
  /// indices are encoded as one last dictionary page, then values go PLAIN.
  private(set) var fallbackPending = false

  /// Where the encoded and compressed data pages (header, then body) are in the spill file,
  /// oldest first; pages encoded one after another are one extent.
  private(set) var encodedPages: [PageSpill.Extent] = []
  /// Their size as the footer counts it, headers included, after and before compression.
  private(set) var encodedByteCount = 0
  private(set) var encodedUncompressedBytes: Int64 = 0

  private(set) var minInteger = Int64.max
  private(set) var maxInteger = Int64.min
  private(set) var sawFalse = false
  private(set) var sawTrue = false
  /// The smallest and largest string among those encoded PLAIN (values in dictionary pages
  /// are bounded through the dictionary).
  private(set) var plainBounds: (lo: [UInt8], hi: [UInt8])?

  init(column: ParquetColumn, limits: ParquetWriterLimits) {
    self.column = column
    self.limits = limits
  }

  /// Non-null values in the chunk.
  var valueCount: Int { rowCount - nullCount }

  /// Whether the buffered values are dictionary indices (a string column not yet PLAIN).
  var buffersDictionaryIndices: Bool {
    if case .string = column.type { return isDictionaryEncoded }
    return false
  }

  /// Whether the buffered values fill a data page (or must be encoded before a fallback).
  var isPageFull: Bool {
    bufferedRows >= limits.maxPageRows || bufferedPageBytes >= limits.targetPageBytes || fallbackPending
  }

  /// What the chunk holds for its row group as a whole, the part that grows with the rows:
  /// the encoded pages and the dictionary's bytes (the page buffers hold at most a page).
  var rowGroupByteCount: Int { encodedByteCount + dictionary.byteCount }

  /// Roughly how many bytes the chunk holds in memory: buffered values and the dictionary
  /// (the encoded pages are in the spill file).
  var estimatedByteCount: Int {
    definitionLevels.count + int32Values.count * 4 + int64Values.count * 8 + booleanValues.count
      + dictionary.byteCount + dictionaryIndices.count * 4 + plainBytes.count
  }

  /// Appends a value that `ParquetColumn.problem(with:)` accepted.
  mutating func append(_ value: Value) {
    rowCount += 1
    bufferedRows += 1
    if case .null = value {
      precondition(column.isOptional, "null in required column \(column.name) was not rejected")
      nullCount += 1
      definitionLevels.append(0)
      lastDictionaryIndex = nil
      return
    }
    if column.isOptional { definitionLevels.append(1) }
    switch (column.type, value) {
    case (.string, .string(let text)):
      appendString(text)
    case (.int32, .int(let i)):
      guard let narrow = Int32(exactly: i) else { preconditionFailure("int32 range was not checked") }
      int32Values.append(narrow)
      bufferedPageBytes += 4
      noteInteger(i)
    case (.int64, .int(let i)):
      int64Values.append(i)
      bufferedPageBytes += 8
      noteInteger(i)
    case (.decimal(let precision, let scale), .decimal(let unscaled, let valueScale)):
      guard let v = ParquetColumn.unscaled(unscaled, scale: valueScale, toScale: scale, precision: precision) else {
        preconditionFailure("decimal was not checked")
      }
      int64Values.append(v)
      bufferedPageBytes += 8
      noteInteger(v)
    case (.boolean, .bool(let b)):
      booleanValues.append(b)
      bufferedPageBytes += 1
      if b { sawTrue = true } else { sawFalse = true }
    default:
      preconditionFailure("value \(value) for column \(column.name) was not checked")
    }
  }

  /// Appends an encoded cell that `EncodedCellCheck.accepts(_:)` accepted; a string's bytes
  /// are in `bytes`. The same as ``append(_:)`` on the cell's value (which the tests keep as
  /// its oracle), without making the value or matching the column's type and the value's
  /// kind as a pair.
  ///
  /// `bytes` must be the buffer the cell was decoded from: a string's range is not checked
  /// against it in a release build.
  @inline(__always)
  mutating func append(cell: EncodedRows.Cell, bytes: UnsafeBufferPointer<UInt8>) {
    switch cell {
    case .string(let range, let repeated):
      appendString(bytes: UnsafeBufferPointer(rebasing: bytes[range]), repeatsPrevious: repeated)
    case .null: appendNull()
    case .int(let i): appendInteger(i)
    case .decimal(let unscaled, let scale): appendDecimal(unscaled, scale: scale)
    case .bool(let b): appendBoolean(b)
    }
  }

  private mutating func appendNull() {
    precondition(column.isOptional, "null in required column \(column.name) was not rejected")
    rowCount += 1
    bufferedRows += 1
    nullCount += 1
    definitionLevels.append(0)
    lastDictionaryIndex = nil
  }

  /// Counts a non-null value's row and its definition level.
  @inline(__always)
  private mutating func noteValueRow() {
    rowCount += 1
    bufferedRows += 1
    if column.isOptional { definitionLevels.append(1) }
  }

  private mutating func appendInteger(_ i: Int64) {
    switch column.type {
    case .int32:
      guard let narrow = Int32(exactly: i) else { preconditionFailure("int32 range was not checked") }
      noteValueRow()
      int32Values.append(narrow)
      bufferedPageBytes += 4
    case .int64:
      noteValueRow()
      int64Values.append(i)
      bufferedPageBytes += 8
    default:
      preconditionFailure("integer \(i) for column \(column.name) was not checked")
    }
    noteInteger(i)
  }

  private mutating func appendDecimal(_ unscaled: Int64, scale valueScale: Int) {
    guard case .decimal(let precision, let scale) = column.type,
      let v = ParquetColumn.unscaled(unscaled, scale: valueScale, toScale: scale, precision: precision)
    else { preconditionFailure("decimal for column \(column.name) was not checked") }
    noteValueRow()
    int64Values.append(v)
    bufferedPageBytes += 8
    noteInteger(v)
  }

  private mutating func appendBoolean(_ b: Bool) {
    guard case .boolean = column.type else { preconditionFailure("boolean for column \(column.name) was not checked") }
    noteValueRow()
    booleanValues.append(b)
    bufferedPageBytes += 1
    if b { sawTrue = true } else { sawFalse = true }
  }

  private mutating func noteInteger(_ v: Int64) {
    if v < minInteger { minInteger = v }
    if v > maxInteger { maxInteger = v }
  }

  /// Appends a non-null string value given as its UTF-8 bytes (for a string column; the
  /// caller checked it as `ParquetColumn.problem(withStringOfLength:)` does).
  ///
  /// - Parameter repeatsPrevious: the caller knows the value has the bytes of the value
  ///   appended last (encoded rows say so): a dictionary-encoded chunk then reuses that
  ///   value's index instead of hashing the bytes again, with the same result.
  mutating func appendString(bytes utf8: UnsafeBufferPointer<UInt8>, repeatsPrevious: Bool = false) {
    noteValueRow()
    appendStringBytes(utf8, repeatsPrevious: repeatsPrevious)
  }

  private mutating func appendString(_ text: String) {
    text.withUTF8Bytes { appendStringBytes($0, repeatsPrevious: false) }
  }

  private mutating func appendStringBytes(_ utf8: UnsafeBufferPointer<UInt8>, repeatsPrevious: Bool) {
    if isDictionaryEncoded {
      let index: UInt32
      if repeatsPrevious, let last = lastDictionaryIndex {
        assert(dictionary.entry(Int(last)).elementsEqual(utf8), "a repeated value differs from the one before it")
        index = last
      } else {
        index = dictionary.index(of: utf8)
      }
      dictionaryIndices.append(index)
      lastDictionaryIndex = index
      bufferedPageBytes += 4
      // Mostly distinct values are seen as soon as there are enough of them: a dataset of one
      // row per document would otherwise hold every distinct value until its first page.
      if !hasDictionaryPages && dictionaryIndices.count == limits.distinctCheckMinValues { settleDictionary() }
    } else {
      PlainEncoding.appendByteArray(utf8, to: &plainBytes)
      bufferedPageBytes += 4 + utf8.count
    }
    if isDictionaryEncoded && !fallbackPending && dictionary.byteCount > limits.maxDictionaryBytes {
      if hasDictionaryPages { fallbackPending = true } else { switchToPlain() }
    }
  }

  /// Called before the buffered values are encoded, and once `distinctCheckMinValues` values
  /// are in: decides, for a string chunk none of whose pages is encoded yet, whether it keeps
  /// its dictionary — not when the values so far are mostly distinct, or all null.
  mutating func settleDictionary() {
    guard case .string = column.type, isDictionaryEncoded, !hasDictionaryPages else { return }
    let values = dictionaryIndices.count
    if dictionary.count == 0
      || (values >= limits.distinctCheckMinValues
        && Double(dictionary.count) > limits.maxDistinctFraction * Double(values))
    {
      switchToPlain()
    }
  }

  /// Re-encodes the buffered dictionary indices as PLAIN bytes and keeps appending PLAIN; the
  /// chunk then has no dictionary (no encoded page refers to it).
  mutating func switchToPlain() {
    guard isDictionaryEncoded else { return }
    precondition(!hasDictionaryPages, "dictionary pages already refer to the dictionary")
    plainBytes.reserveCapacity(dictionaryIndices.count * 4 + dictionary.byteCount)
    for index in dictionaryIndices {
      let entry = dictionary.entry(Int(index))
      PlainEncoding.append(Int32(entry.count), to: &plainBytes)
      plainBytes.append(contentsOf: entry)
    }
    bufferedPageBytes = plainBytes.count
    dictionary.removeAll()
    dictionaryIndices.removeAll(keepingCapacity: true)
    isDictionaryEncoded = false
    lastDictionaryIndex = nil
  }

  /// Notes an encoded, compressed data page (header, then body), now at `extent` of the spill
  /// file, that holds the buffered values up to here; `uncompressedBytes` is its size before
  /// compression, header included.
  mutating func appendEncodedPage(at extent: PageSpill.Extent, uncompressedBytes: Int, dictionaryEncoded: Bool) {
    if let last = encodedPages.last, last.offset + Int64(last.count) == extent.offset {
      encodedPages[encodedPages.count - 1].count += extent.count
    } else {
      encodedPages.append(extent)
    }
    encodedByteCount += extent.count
    encodedUncompressedBytes += Int64(uncompressedBytes)
    if dictionaryEncoded { hasDictionaryPages = true }
  }

  /// Forgets the buffered values once they are encoded (the dictionary stays); after a pending
  /// fallback, later values go PLAIN.
  mutating func removeBufferedValues() {
    if case .string = column.type, !isDictionaryEncoded { notePlainBounds() }
    bufferedRows = 0
    bufferedPageBytes = 0
    definitionLevels.removeAll(keepingCapacity: true)
    int32Values.removeAll(keepingCapacity: true)
    int64Values.removeAll(keepingCapacity: true)
    booleanValues.removeAll(keepingCapacity: true)
    dictionaryIndices.removeAll(keepingCapacity: true)
    plainBytes.removeAll(keepingCapacity: true)
    if fallbackPending {
      fallbackPending = false
      isDictionaryEncoded = false
    }
  }

  /// Widens the PLAIN bounds by the buffered PLAIN strings.
  private mutating func notePlainBounds() {
    guard !plainBytes.isEmpty else { return }
    var lo = plainBounds?.lo[...]
    var hi = plainBounds?.hi[...]
    var cursor = 0
    while cursor < plainBytes.count {
      let length = Self.plainLength(plainBytes, at: cursor)
      Self.widen(&lo, &hi, by: plainBytes[(cursor + 4)..<(cursor + 4 + length)])
      cursor += 4 + length
    }
    if let lo, let hi { plainBounds = (Array(lo), Array(hi)) }
  }

  /// Widens `lo`…`hi` (unsigned bytewise order) to hold `s`.
  private static func widen(_ lo: inout ArraySlice<UInt8>?, _ hi: inout ArraySlice<UInt8>?, by s: ArraySlice<UInt8>) {
    if let l = lo { if s.lexicographicallyPrecedes(l) { lo = s } } else { lo = s }
    if let h = hi { if h.lexicographicallyPrecedes(s) { hi = s } } else { hi = s }
  }

  /// The chunk's statistics: the null count, and min/max (PLAIN, byte arrays without a length
  /// prefix) in the column's order — signed for numbers and decimals, unsigned bytewise for
  /// strings, false < true — unless every value is null. Valid once every value is encoded.
  func statistics() -> ParquetFormat.Statistics {
    precondition(bufferedRows == 0, "statistics before the buffered values are encoded")
    var stats = ParquetFormat.Statistics(nullCount: Int64(nullCount))
    guard valueCount > 0 else { return stats }
    switch column.type {
    case .int32:
      var lo: [UInt8] = []
      var hi: [UInt8] = []
      PlainEncoding.append(Int32(truncatingIfNeeded: minInteger), to: &lo)
      PlainEncoding.append(Int32(truncatingIfNeeded: maxInteger), to: &hi)
      (stats.minValue, stats.maxValue) = (lo, hi)
    case .int64, .decimal:
      var lo: [UInt8] = []
      var hi: [UInt8] = []
      PlainEncoding.append(minInteger, to: &lo)
      PlainEncoding.append(maxInteger, to: &hi)
      (stats.minValue, stats.maxValue) = (lo, hi)
    case .boolean:
      stats.minValue = [sawFalse ? 0 : 1]
      stats.maxValue = [sawTrue ? 1 : 0]
    case .string:
      let (lo, hi) = stringBounds()
      (stats.minValue, stats.maxValue) = (Array(lo), Array(hi))
    }
    return stats
  }

  /// The smallest and largest string, compared as unsigned bytes: over the dictionary, when
  /// pages refer to it, and the PLAIN-encoded values.
  private func stringBounds() -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
    var lo = plainBounds?.lo[...]
    var hi = plainBounds?.hi[...]
    if hasDictionaryPages {
      for i in 0..<dictionary.count { Self.widen(&lo, &hi, by: dictionary.entry(i)) }
    }
    guard let lo, let hi else { preconditionFailure("string bounds of an all-null chunk") }
    return (lo, hi)
  }

  /// The length prefix of the PLAIN byte array at `offset`.
  static func plainLength(_ bytes: [UInt8], at offset: Int) -> Int {
    Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
  }

  /// Empties the chunk for the next row group. The page buffers keep their capacity (at most
  /// a page); the dictionary lets its go, so that what one large row group needed is not held
  /// for the rest of the run.
  mutating func removeAll() {
    removeBufferedValues()
    rowCount = 0
    nullCount = 0
    dictionary = ByteArrayDictionary()
    lastDictionaryIndex = nil
    isDictionaryEncoded = true
    hasDictionaryPages = false
    fallbackPending = false
    encodedPages.removeAll(keepingCapacity: true)
    encodedByteCount = 0
    encodedUncompressedBytes = 0
    minInteger = .max
    maxInteger = .min
    sawFalse = false
    sawTrue = false
    plainBounds = nil
  }
}

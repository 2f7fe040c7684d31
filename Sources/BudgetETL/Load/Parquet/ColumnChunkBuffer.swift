/// The values of one column for the row group being buffered, ready to be written as a
/// column chunk, with what its statistics need.
///
/// Strings are interned into a ``ByteArrayDictionary`` as they arrive and kept as indices;
/// if the dictionary outgrows `ParquetWriterLimits.maxDictionaryBytes` the chunk switches to
/// PLAIN-encoded bytes for the rest of the row group.
struct ColumnChunkBuffer {
  let column: ParquetColumn
  private let limits: ParquetWriterLimits

  /// Rows buffered (values, nulls included).
  private(set) var rowCount = 0
  private(set) var nullCount = 0
  /// One per row, 1 for a value and 0 for null; only for optional columns.
  private(set) var definitionLevels: [UInt8] = []
  private(set) var int32Values: [Int32] = []
  /// `int64` values and the unscaled values of decimals.
  private(set) var int64Values: [Int64] = []
  private(set) var booleanValues: [Bool] = []
  /// String values while dictionary encoded: the dictionary and one index per value.
  private(set) var dictionary = ByteArrayDictionary()
  private(set) var dictionaryIndices: [UInt32] = []
  /// String values once not dictionary encoded: PLAIN (4-byte length, bytes) back to back.
  private(set) var plainBytes: [UInt8] = []
  private(set) var isDictionaryEncoded = true

  private var minInteger = Int64.max
  private var maxInteger = Int64.min
  private var sawFalse = false
  private var sawTrue = false

  init(column: ParquetColumn, limits: ParquetWriterLimits) {
    self.column = column
    self.limits = limits
  }

  /// Non-null values buffered.
  var valueCount: Int { rowCount - nullCount }

  /// Roughly how many bytes the buffered values take.
  var estimatedByteCount: Int {
    definitionLevels.count + int32Values.count * 4 + int64Values.count * 8 + booleanValues.count
      + dictionary.byteCount + dictionaryIndices.count * 4 + plainBytes.count
  }

  /// Appends a value that `ParquetColumn.problem(with:)` accepted.
  mutating func append(_ value: Value) {
    rowCount += 1
    if case .null = value {
      precondition(column.isOptional, "null in required column \(column.name) was not rejected")
      nullCount += 1
      definitionLevels.append(0)
      return
    }
    if column.isOptional { definitionLevels.append(1) }
    switch (column.type, value) {
    case (.string, .string(let text)):
      appendString(text)
    case (.int32, .int(let i)):
      guard let narrow = Int32(exactly: i) else { preconditionFailure("int32 range was not checked") }
      int32Values.append(narrow)
      noteInteger(i)
    case (.int64, .int(let i)):
      int64Values.append(i)
      noteInteger(i)
    case (.decimal(let precision, let scale), .decimal(let unscaled, let valueScale)):
      guard let v = ParquetColumn.unscaled(unscaled, scale: valueScale, toScale: scale, precision: precision) else {
        preconditionFailure("decimal was not checked")
      }
      int64Values.append(v)
      noteInteger(v)
    case (.boolean, .bool(let b)):
      booleanValues.append(b)
      if b { sawTrue = true } else { sawFalse = true }
    default:
      preconditionFailure("value \(value) for column \(column.name) was not checked")
    }
  }

  private mutating func noteInteger(_ v: Int64) {
    if v < minInteger { minInteger = v }
    if v > maxInteger { maxInteger = v }
  }

  private mutating func appendString(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      if isDictionaryEncoded {
        dictionaryIndices.append(dictionary.index(of: utf8))
      } else {
        PlainEncoding.appendByteArray(utf8, to: &plainBytes)
      }
    }
    if isDictionaryEncoded && dictionary.byteCount > limits.maxDictionaryBytes {
      switchToPlain()
    }
  }

  /// Whether the chunk is written with a dictionary page: a string chunk whose dictionary
  /// stayed within bounds and is not mostly distinct values.
  var usesDictionaryPage: Bool {
    guard case .string = column.type, isDictionaryEncoded, dictionary.count > 0 else { return false }
    if valueCount >= limits.distinctCheckMinValues
      && Double(dictionary.count) > limits.maxDistinctFraction * Double(valueCount)
    {
      return false
    }
    return true
  }

  /// Re-encodes dictionary-encoded strings as PLAIN bytes and keeps appending PLAIN.
  mutating func switchToPlain() {
    guard isDictionaryEncoded else { return }
    plainBytes.reserveCapacity(dictionaryIndices.count * 4 + dictionary.byteCount)
    for index in dictionaryIndices {
      let entry = dictionary.entry(Int(index))
      PlainEncoding.append(Int32(entry.count), to: &plainBytes)
      plainBytes.append(contentsOf: entry)
    }
    dictionary.removeAll()
    dictionaryIndices.removeAll(keepingCapacity: true)
    isDictionaryEncoded = false
  }

  /// The chunk's statistics: the null count, and min/max (PLAIN, byte arrays without a length
  /// prefix) in the column's order — signed for numbers and decimals, unsigned bytewise for
  /// strings, false < true — unless every value is null.
  func statistics() -> ParquetFormat.Statistics {
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

  /// The smallest and largest string, compared as unsigned bytes.
  private func stringBounds() -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
    var lo: ArraySlice<UInt8>? = nil
    var hi: ArraySlice<UInt8>? = nil
    func note(_ s: ArraySlice<UInt8>) {
      if let l = lo { if s.lexicographicallyPrecedes(l) { lo = s } } else { lo = s }
      if let h = hi { if h.lexicographicallyPrecedes(s) { hi = s } } else { hi = s }
    }
    if isDictionaryEncoded {
      for i in 0..<dictionary.count { note(dictionary.entry(i)) }
    } else {
      var cursor = 0
      while cursor < plainBytes.count {
        let length = Self.plainLength(plainBytes, at: cursor)
        note(plainBytes[(cursor + 4)..<(cursor + 4 + length)])
        cursor += 4 + length
      }
    }
    guard let lo, let hi else { preconditionFailure("string bounds of an all-null chunk") }
    return (lo, hi)
  }

  /// The length prefix of the PLAIN byte array at `offset`.
  static func plainLength(_ bytes: [UInt8], at offset: Int) -> Int {
    Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
  }

  /// Empties the buffer for the next row group, keeping capacity.
  mutating func removeAll() {
    rowCount = 0
    nullCount = 0
    definitionLevels.removeAll(keepingCapacity: true)
    int32Values.removeAll(keepingCapacity: true)
    int64Values.removeAll(keepingCapacity: true)
    booleanValues.removeAll(keepingCapacity: true)
    dictionary.removeAll()
    dictionaryIndices.removeAll(keepingCapacity: true)
    plainBytes.removeAll(keepingCapacity: true)
    isDictionaryEncoded = true
    minInteger = .max
    maxInteger = .min
    sawFalse = false
    sawTrue = false
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A compact binary encoding of dataset rows, for the per-document checkpoint bundles from
/// which the load stage writes Parquet without re-parsing text.
///
/// The rows' count, then each row: its cell count, then one tagged cell per value. Counts and
/// lengths are unsigned LEB128 varints; integers (and a decimal's unscaled value and scale) are
/// zigzag varints; a cell equal to the previous row's cell in the same column (byte for byte,
/// for strings) is the one byte ``Tag/repeated``: most columns of a dataset (document, table,
/// unit, section) hold one value for many rows.
///
/// ```
/// rows := varint(count) row*      row := varint(cells) cell*
/// cell := 0 (null) | 1 varint(length) utf8 | 2 zigzag(int) | 3 zigzag(unscaled) zigzag(scale)
///       | 4 (false) | 5 (true) | 6 (the previous row's cell in this column)
/// ```
///
/// A decimal's scale is 0 to 18 (the decimals an `Int64` can hold); the reader rejects others.
/// ``EncodedRows`` reads it, for ``decode(_:)`` and for the Parquet writer. A change to the
/// encoding must bump ``DocumentBundle/formatVersion``, so no bundle is misread.
public enum ValueCodec {
  /// The first byte of a cell.
  enum Tag {
    static let null: UInt8 = 0
    static let string: UInt8 = 1
    static let int: UInt8 = 2
    static let decimal: UInt8 = 3
    static let `false`: UInt8 = 4
    static let `true`: UInt8 = 5
    /// The previous row's cell in the same column, again.
    static let repeated: UInt8 = 6
  }

  /// Appends `rows`, encoded, to `out`.
  public static func encode(_ rows: [[Value]], into out: inout [UInt8]) {
    var sink = ByteSink()
    sink.reserve(10)
    sink.putVarint(UInt64(rows.count))
    var previous: [Value] = []
    for row in rows {
      sink.reserve(10)
      sink.putVarint(UInt64(row.count))
      for (column, value) in row.enumerated() {
        if column < previous.count && same(value, previous[column]) {
          sink.reserve(1)
          sink.put(Tag.repeated)
        } else {
          putCell(value, into: &sink)
        }
      }
      previous = row
    }
    sink.withBytes { out.append(contentsOf: $0) }
  }

  /// Writes one cell spelled out (not as a repeat).
  static func putCell(_ value: Value, into out: inout ByteSink) {
    switch value {
    case .null:
      out.reserve(1)
      out.put(Tag.null)
    case .string(var s): s.withUTF8 { putString($0, into: &out) }
    case .int(let i):
      out.reserve(11)
      out.put(Tag.int)
      out.putVarint(Varint.zigzag(i))
    case .decimal(let unscaled, let scale):
      out.reserve(21)
      out.put(Tag.decimal)
      out.putVarint(Varint.zigzag(unscaled))
      out.putVarint(Varint.zigzag(Int64(scale)))
    case .bool(let b):
      out.reserve(1)
      out.put(b ? Tag.true : Tag.false)
    }
  }

  /// A string cell of these UTF-8 bytes: its tag, its length, its bytes.
  static func putString(_ u: UnsafeBufferPointer<UInt8>, into out: inout ByteSink) {
    out.reserve(11 + u.count)
    out.put(Tag.string)
    out.putVarint(UInt64(u.count))
    out.put(u)
  }

  /// Whether `a` and `b` encode to the same bytes: strings compare by their UTF-8 bytes (Swift's
  /// `==` also equates canonically equivalent text, which must keep its own bytes).
  static func same(_ a: Value, _ b: Value) -> Bool {
    // One value at a time: a switch over the pair would copy both.
    switch a {
    case .string(let x):
      if case .string(let y) = b { return sameUTF8(x, y) }
    case .null:
      return b.isNull
    case .int(let i):
      if case .int(let j) = b { return i == j }
    case .decimal(let u, let s):
      if case .decimal(let v, let t) = b { return u == v && s == t }
    case .bool(let x):
      if case .bool(let y) = b { return x == y }
    }
    return false
  }

  /// Whether two strings have the same UTF-8 bytes. Copies of one string (a document's id on
  /// each of its rows) share their bytes, which are then not compared.
  static func sameUTF8(_ x: String, _ y: String) -> Bool {
    let count = x.utf8.count
    guard count == y.utf8.count else { return false }
    guard count > 0 else { return true }
    let compared = x.utf8.withContiguousStorageIfAvailable { a in
      y.utf8.withContiguousStorageIfAvailable { b in
        a.baseAddress == b.baseAddress || memcmp(a.baseAddress!, b.baseAddress!, count) == 0
      }
    }
    return (compared ?? nil) ?? x.utf8.elementsEqual(y.utf8)
  }

  /// Why bytes are not encoded rows.
  public enum DecodeError: Error, Equatable, CustomStringConvertible {
    /// The bytes end inside a value, or a count or length runs past them.
    case truncated
    /// A cell starts with no known tag.
    case badTag(UInt8)
    /// A varint longer than 64 bits.
    case badVarint
    /// A ``Tag/repeated`` cell with no cell above it (the first row, or a column the previous
    /// row does not have).
    case nothingToRepeat(row: Int, column: Int)
    /// Bytes left over after the rows the header counts.
    case trailingBytes
    /// A decimal whose scale is negative or above 18.
    case badScale(Int64)

    public var description: String {
      switch self {
      case .truncated: return "encoded rows are cut short"
      case .badTag(let tag): return "encoded rows hold an unknown cell tag \(tag)"
      case .badVarint: return "encoded rows hold a number longer than 64 bits"
      case .nothingToRepeat(let row, let column):
        return "encoded row \(row) repeats column \(column) of a row that has no such column"
      case .trailingBytes: return "encoded rows are followed by bytes that are not rows"
      case .badScale(let scale): return "encoded rows hold a decimal of scale \(scale), not 0 to 18"
      }
    }
  }

  /// The rows `bytes` hold.
  ///
  /// - Throws: ``DecodeError`` unless `bytes` are exactly encoded rows.
  public static func decode(_ bytes: [UInt8]) throws -> [[Value]] {
    var reader = try EncodedRows(bytes)
    var rows: [[Value]] = []
    rows.reserveCapacity(reader.count)
    var values: [Value] = []
    for _ in 0..<reader.count {
      try reader.nextRow()
      // A repeated cell takes the value above it: a repeated string is the same `String`.
      let width = reader.row.count
      if values.count > width { values.removeSubrange(width...) }
      for (column, cell) in reader.row.enumerated() {
        if column < values.count {
          if !cell.isRepeatedString { values[column] = reader.value(cell) }
        } else {
          values.append(reader.value(cell))
        }
      }
      rows.append(values)
    }
    try reader.expectEnd()
    return rows
  }

  static func appendU32(_ v: UInt32, _ out: inout [UInt8]) {
    out.append(UInt8(truncatingIfNeeded: v))
    out.append(UInt8(truncatingIfNeeded: v >> 8))
    out.append(UInt8(truncatingIfNeeded: v >> 16))
    out.append(UInt8(truncatingIfNeeded: v >> 24))
  }

  static func appendU64(_ v: UInt64, _ out: inout [UInt8]) {
    appendU32(UInt32(truncatingIfNeeded: v), &out)
    appendU32(UInt32(truncatingIfNeeded: v >> 32), &out)
  }
}

/// Encodes dataset rows as CSV (RFC 4180, `\n` line ends) or JSON Lines, appending UTF-8 bytes.
public enum RowEncoder {
  /// The CSV header line.
  public static func csvHeader(_ schema: DatasetSchema, into out: inout [UInt8]) {
    var sink = ByteSink(capacity: 256)
    for (i, column) in schema.columns.enumerated() {
      if i > 0 {
        sink.reserve(1)
        sink.put(UInt8(ascii: ","))
      }
      column.name.withUTF8Bytes { putCSVField($0, into: &sink) }
    }
    sink.reserve(1)
    sink.put(0x0A)
    sink.withBytes { out.append(contentsOf: $0) }
  }

  /// One CSV record: empty field for null, `true`/`false` for flags.
  public static func csvRow(_ row: [Value], into out: inout [UInt8]) {
    var sink = ByteSink(capacity: 256)
    for (i, value) in row.enumerated() {
      if i > 0 {
        sink.reserve(1)
        sink.put(UInt8(ascii: ","))
      }
      putCSVCell(value, into: &sink)
    }
    sink.reserve(1)
    sink.put(0x0A)
    sink.withBytes { out.append(contentsOf: $0) }
  }

  /// One JSON Lines object, keys in the schema's column order; Chinese text and `/` unescaped.
  public static func jsonRow(_ row: [Value], schema: DatasetSchema, into out: inout [UInt8]) {
    jsonRow(row, keys: jsonKeys(schema), into: &out)
  }

  /// Each column's JSON key with its colon (`"doc_id":`), escaped once for all the rows of a
  /// dataset: ``jsonRow(_:keys:into:)`` writes the same bytes as ``jsonRow(_:schema:into:)``.
  public static func jsonKeys(_ schema: DatasetSchema) -> [[UInt8]] {
    schema.columns.map { column in
      var key = ByteSink(capacity: 64)
      column.name.withUTF8Bytes { putJSONString($0, into: &key) }
      key.reserve(1)
      key.put(UInt8(ascii: ":"))
      return key.bytes
    }
  }

  /// One JSON Lines object with keys from ``jsonKeys(_:)``, one per value.
  public static func jsonRow(_ row: [Value], keys: [[UInt8]], into out: inout [UInt8]) {
    var sink = ByteSink(capacity: 512)
    sink.reserve(1)
    sink.put(UInt8(ascii: "{"))
    for (i, value) in row.enumerated() {
      keys[i].withUnsafeBufferPointer { key in
        sink.reserve(1 + key.count)
        if i > 0 { sink.put(UInt8(ascii: ",")) }
        sink.put(key)
      }
      putJSONValue(value, into: &sink)
    }
    sink.reserve(2)
    sink.put(UInt8(ascii: "}"))
    sink.put(0x0A)
    sink.withBytes { out.append(contentsOf: $0) }
  }

  /// A number or flag as `Value.csvText` renders it (for tests: the writers use
  /// ``putScalar(_:into:)``).
  static func appendScalar(_ value: Value, into out: inout [UInt8]) {
    var sink = ByteSink(capacity: 64)
    putScalar(value, into: &sink)
    sink.withBytes { out.append(contentsOf: $0) }
  }
}

/// The cells, written to a ``ByteSink``: each makes room once for what it can write, then
/// stores bytes through a pointer (the bundle's encoder writes about 25 cells a row in three
/// encodings, and `Array.append`'s checks for every byte or run were most of its cost).
extension RowEncoder {
  /// One CSV field for `value`, without its separator: empty for null.
  static func putCSVCell(_ value: Value, into out: inout ByteSink) {
    switch value {
    case .null: break
    case .string(var s): s.withUTF8 { putCSVField($0, into: &out) }
    default: putScalar(value, into: &out)
    }
  }

  /// The JSON for `value`: `null`, a string, or a number or flag as ``putScalar(_:into:)``
  /// writes it.
  static func putJSONValue(_ value: Value, into out: inout ByteSink) {
    switch value {
    case .null:
      out.reserve(4)
      for b in "null".utf8 { out.put(b) }
    case .string(var s): s.withUTF8 { putJSONString($0, into: &out) }
    case .int, .decimal, .bool: putScalar(value, into: &out)
    }
  }

  /// A CSV field: quoted, its quotes doubled, when it holds a comma, a quote or a line break.
  static func putCSVField(_ u: UnsafeBufferPointer<UInt8>, into out: inout ByteSink) {
    if !needsCSVQuotes(u) {
      out.reserve(u.count)
      out.put(u)
      return
    }
    out.reserve(2 * u.count + 2)
    out.put(UInt8(ascii: "\""))
    for b in u {
      if b == UInt8(ascii: "\"") { out.put(b) }
      out.put(b)
    }
    out.put(UInt8(ascii: "\""))
  }

  /// Whether a field holds a comma, a quote or a line break.
  static func needsCSVQuotes(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
    // Every such byte is below 0x2D: most of a field's bytes (Chinese text, digits) are passed by
    // one comparison.
    for b in u where b < 0x2D && (b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D) {
      return true
    }
    return false
  }

  static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// A JSON string in its quotes: `"`, `\` and control characters escaped; Chinese text and `/`
  /// as they are.
  static func putJSONString(_ u: UnsafeBufferPointer<UInt8>, into out: inout ByteSink) {
    // At most six bytes (`\u00XX`) for each byte, and the quotes.
    out.reserve(6 * u.count + 2)
    out.put(UInt8(ascii: "\""))
    // Runs of bytes that need no escape are copied at once.
    var start = 0
    for i in 0..<u.count {
      let b = u[i]
      if b >= 0x20 && b != UInt8(ascii: "\"") && b != 0x5C { continue }
      out.put(UnsafeBufferPointer(rebasing: u[start..<i]))
      start = i + 1
      out.put(0x5C)
      switch b {
      case UInt8(ascii: "\""): out.put(b)
      case 0x5C: out.put(0x5C)
      case 0x0A: out.put(UInt8(ascii: "n"))
      case 0x0D: out.put(UInt8(ascii: "r"))
      case 0x09: out.put(UInt8(ascii: "t"))
      default:
        out.put(UInt8(ascii: "u"))
        out.put(0x30)
        out.put(0x30)
        out.put(hexDigits[Int(b >> 4)])
        out.put(hexDigits[Int(b & 15)])
      }
    }
    out.put(UnsafeBufferPointer(rebasing: u[start...]))
    out.put(UInt8(ascii: "\""))
  }

  /// A number or flag as `Value.csvText` renders it, written straight into `out`.
  static func putScalar(_ value: Value, into out: inout ByteSink) {
    switch value {
    case .int(let i):
      out.reserve(21)
      if i < 0 { out.put(UInt8(ascii: "-")) }
      putDigits(i.magnitude, minimumCount: 1, into: &out)
    case .decimal(let unscaled, let scale) where scale > 0 && scale <= 18:
      // A sign, up to 20 digits, the point and up to 18 decimals.
      out.reserve(40)
      if unscaled < 0 { out.put(UInt8(ascii: "-")) }
      var pow: UInt64 = 1
      for _ in 0..<scale { pow *= 10 }
      putDigits(unscaled.magnitude / pow, minimumCount: 1, into: &out)
      out.put(UInt8(ascii: "."))
      putDigits(unscaled.magnitude % pow, minimumCount: scale, into: &out)
    case .bool(let b):
      out.reserve(5)
      for c in (b ? "true" : "false").utf8 { out.put(c) }
    default:
      value.csvText.withUTF8Bytes { u in
        out.reserve(u.count)
        out.put(u)
      }
    }
  }

  /// The decimal digits of `n`, zero-padded on the left to `minimumCount` (at most 18); room
  /// for 20 digits, or `minimumCount`, was reserved.
  @inline(__always)
  static func putDigits(_ n: UInt64, minimumCount: Int, into out: inout ByteSink) {
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, as bytes
    var count = 0
    var rest = n
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
        rest /= 10
        count += 1
      } while rest > 0
      while count < minimumCount && count < 24 {
        buffer[count] = 0x30
        count += 1
      }
      for k in stride(from: count - 1, through: 0, by: -1) { out.put(buffer[k]) }
    }
  }
}

/// Encodes dataset rows as CSV (RFC 4180, `\n` line ends) or JSON Lines, appending UTF-8 bytes.
public enum RowEncoder {
  /// The CSV header line.
  public static func csvHeader(_ schema: DatasetSchema, into out: inout [UInt8]) {
    for (i, column) in schema.columns.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      appendCSVField(column.name, into: &out)
    }
    out.append(0x0A)
  }

  /// One CSV record: empty field for null, `true`/`false` for flags.
  public static func csvRow(_ row: [Value], into out: inout [UInt8]) {
    for (i, value) in row.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      appendCSVCell(value, into: &out)
    }
    out.append(0x0A)
  }

  /// One CSV field for `value`, without its separator.
  static func appendCSVCell(_ value: Value, into out: inout [UInt8]) {
    switch value {
    case .null: break
    case .string(let s): appendCSVField(s, into: &out)
    default: appendScalar(value, into: &out)
    }
  }

  static func appendCSVField(_ s: String, into out: inout [UInt8]) {
    let written: Void? = s.utf8.withContiguousStorageIfAvailable { u in
      if !needsCSVQuotes(u) { out.append(contentsOf: u) } else { appendQuotedCSVField(u, into: &out) }
    }
    if written == nil { appendCSVField(Array(s.utf8), into: &out) }
  }

  private static func appendCSVField(_ bytes: [UInt8], into out: inout [UInt8]) {
    bytes.withUnsafeBufferPointer { u in
      if !needsCSVQuotes(u) { out.append(contentsOf: u) } else { appendQuotedCSVField(u, into: &out) }
    }
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

  private static func appendQuotedCSVField(_ u: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for b in u {
      if b == UInt8(ascii: "\"") { out.append(b) }
      out.append(b)
    }
    out.append(UInt8(ascii: "\""))
  }

  /// One JSON Lines object, keys in the schema's column order; Chinese text and `/` unescaped.
  public static func jsonRow(_ row: [Value], schema: DatasetSchema, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    for (i, value) in row.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      appendJSONString(schema.columns[i].name, into: &out)
      out.append(UInt8(ascii: ":"))
      appendJSONValue(value, into: &out)
    }
    out.append(contentsOf: "}\n".utf8)
  }

  /// Each column's JSON key with its colon (`"doc_id":`), escaped once for all the rows of a
  /// dataset: ``jsonRow(_:keys:into:)`` writes the same bytes as ``jsonRow(_:schema:into:)``.
  public static func jsonKeys(_ schema: DatasetSchema) -> [[UInt8]] {
    schema.columns.map { column in
      var key: [UInt8] = []
      appendJSONString(column.name, into: &key)
      key.append(UInt8(ascii: ":"))
      return key
    }
  }

  /// One JSON Lines object with keys from ``jsonKeys(_:)``, one per value.
  public static func jsonRow(_ row: [Value], keys: [[UInt8]], into out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    for (i, value) in row.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      out.append(contentsOf: keys[i])
      appendJSONValue(value, into: &out)
    }
    out.append(contentsOf: "}\n".utf8)
  }

  /// The JSON for `value`: `null`, a string, or a number or flag as ``appendScalar(_:into:)``
  /// writes it.
  static func appendJSONValue(_ value: Value, into out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .string(let s): appendJSONString(s, into: &out)
    case .int, .decimal, .bool: appendScalar(value, into: &out)
    }
  }

  /// A number or flag as `Value.csvText` renders it, written straight into `out`.
  static func appendScalar(_ value: Value, into out: inout [UInt8]) {
    switch value {
    case .int(let i):
      if i < 0 { out.append(UInt8(ascii: "-")) }
      appendDigits(i.magnitude, minimumCount: 1, into: &out)
    case .decimal(let unscaled, let scale) where scale > 0 && scale <= 18:
      if unscaled < 0 { out.append(UInt8(ascii: "-")) }
      var pow: UInt64 = 1
      for _ in 0..<scale { pow *= 10 }
      appendDigits(unscaled.magnitude / pow, minimumCount: 1, into: &out)
      out.append(UInt8(ascii: "."))
      appendDigits(unscaled.magnitude % pow, minimumCount: scale, into: &out)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    default: out.append(contentsOf: value.csvText.utf8)
    }
  }

  /// The decimal digits of `n`, zero-padded on the left to `minimumCount`.
  static func appendDigits(_ n: UInt64, minimumCount: Int, into out: inout [UInt8]) {
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, as bytes
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
      for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
    }
  }

  static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  static func appendJSONString(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    let written: Void? = s.utf8.withContiguousStorageIfAvailable { appendJSONEscaped($0, into: &out) }
    if written == nil { Array(s.utf8).withUnsafeBufferPointer { appendJSONEscaped($0, into: &out) } }
    out.append(UInt8(ascii: "\""))
  }

  /// A JSON string's bytes between its quotes: `"`, `\` and control characters escaped.
  private static func appendJSONEscaped(_ u: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    // Runs of bytes that need no escape are copied at once.
    var start = 0
    for i in 0..<u.count {
      let b = u[i]
      if b >= 0x20 && b != UInt8(ascii: "\"") && b != 0x5C { continue }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
      start = i + 1
      out.append(0x5C)
      switch b {
      case UInt8(ascii: "\""): out.append(b)
      case 0x5C: out.append(0x5C)
      case 0x0A: out.append(UInt8(ascii: "n"))
      case 0x0D: out.append(UInt8(ascii: "r"))
      case 0x09: out.append(UInt8(ascii: "t"))
      default:
        out.append(UInt8(ascii: "u"))
        out.append(0x30)
        out.append(0x30)
        out.append(hexDigits[Int(b >> 4)])
        out.append(hexDigits[Int(b & 15)])
      }
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start...]))
  }
}

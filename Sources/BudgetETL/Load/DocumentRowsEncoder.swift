/// One document's rows of a dataset, encoded in one pass the three ways its bundle holds them:
/// CSV and JSON Lines (the bytes of ``RowEncoder/csvRow(_:into:)`` and
/// ``RowEncoder/jsonRow(_:keys:into:)``) and binary rows (the bytes of
/// ``ValueCodec/encode(_:into:)``).
///
/// Most cells repeat the cell above them (the document, its table, the unit, the section). Each
/// cell is compared with the one above once: a repeated cell is one tag in the binary rows, and
/// in the text the bytes written for the cell above, copied rather than escaped again.
///
/// The bytes go to ``ByteSink``s, which make room once per cell: `RowEncoder`'s appends to
/// arrays checked capacity and uniqueness for every byte or run, and that was most of the cost.
/// `RowEncoder` stays the reference; the tests compare the two on every dataset.
enum DocumentRowsEncoder {
  static func encode(_ rows: [[Value]], schema: DatasetSchema) -> (csv: [UInt8], jsonl: [UInt8], binary: [UInt8]) {
    // The JSON keys back to back, each with its colon.
    let keys = RowEncoder.jsonKeys(schema)
    let keyBytes = keys.flatMap { $0 }
    let keyEnds = keys.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    var csv = ByteSink()
    var jsonl = ByteSink()
    var binary = ByteSink()
    // Where each cell of the row above is in `csv`, and its value (after the key) in `jsonl`.
    var csvCells: [Range<Int>] = []
    var jsonCells: [Range<Int>] = []
    var above: [Value] = []
    binary.reserve(10)
    binary.putVarint(UInt64(rows.count))
    keyBytes.withUnsafeBufferPointer { keyBuffer in
      for row in rows {
        binary.reserve(10)
        binary.putVarint(UInt64(row.count))
        jsonl.reserve(1)
        jsonl.put(UInt8(ascii: "{"))
        for column in row.indices {
          let key = UnsafeBufferPointer(rebasing: keyBuffer[keyEnds[column]..<keyEnds[column + 1]])
          csv.reserve(1)
          jsonl.reserve(1 + key.count)
          if column > 0 {
            csv.put(UInt8(ascii: ","))
            jsonl.put(UInt8(ascii: ","))
          }
          jsonl.put(key)
          let csvStart = csv.count
          let jsonStart = jsonl.count
          if column < above.count && ValueCodec.same(row[column], above[column]) {
            binary.reserve(1)
            binary.put(ValueCodec.Tag.repeated)
            csv.reserve(csvCells[column].count)
            csv.putCopy(of: csvCells[column])
            jsonl.reserve(jsonCells[column].count)
            jsonl.putCopy(of: jsonCells[column])
          } else {
            putCell(row[column], csv: &csv, jsonl: &jsonl, binary: &binary)
          }
          if column < csvCells.count {
            csvCells[column] = csvStart..<csv.count
            jsonCells[column] = jsonStart..<jsonl.count
          } else {
            csvCells.append(csvStart..<csv.count)
            jsonCells.append(jsonStart..<jsonl.count)
          }
        }
        csv.reserve(1)
        csv.put(0x0A)
        jsonl.reserve(2)
        jsonl.put(UInt8(ascii: "}"))
        jsonl.put(0x0A)
        above = row
      }
    }
    return (csv.bytes, jsonl.bytes, binary.bytes)
  }

  /// A cell not repeated from above, in all three encodings: ``ValueCodec/appendCell(_:into:)``,
  /// ``RowEncoder/appendCSVCell(_:into:)`` and ``RowEncoder/appendJSONValue(_:into:)``.
  private static func putCell(_ value: Value, csv: inout ByteSink, jsonl: inout ByteSink, binary: inout ByteSink) {
    switch value {
    case .null:
      binary.reserve(1)
      binary.put(ValueCodec.Tag.null)
      jsonl.reserve(4)
      for b in "null".utf8 { jsonl.put(b) }
    case .string(var s):
      s.withUTF8 { u in
        binary.reserve(11 + u.count)
        binary.put(ValueCodec.Tag.string)
        binary.putVarint(UInt64(u.count))
        binary.put(u)
        putCSVField(u, into: &csv)
        putJSONString(u, into: &jsonl)
      }
    case .int(let i):
      binary.reserve(11)
      binary.put(ValueCodec.Tag.int)
      binary.putVarint(Varint.zigzag(i))
      putScalar(value, into: &csv)
      putScalar(value, into: &jsonl)
    case .decimal(let unscaled, let scale):
      binary.reserve(21)
      binary.put(ValueCodec.Tag.decimal)
      binary.putVarint(Varint.zigzag(unscaled))
      binary.putVarint(Varint.zigzag(Int64(scale)))
      putScalar(value, into: &csv)
      putScalar(value, into: &jsonl)
    case .bool(let b):
      binary.reserve(1)
      binary.put(b ? ValueCodec.Tag.true : ValueCodec.Tag.false)
      putScalar(value, into: &csv)
      putScalar(value, into: &jsonl)
    }
  }

  /// ``RowEncoder/appendCSVField(_:into:)``: quoted when it holds a comma, a quote or a line break.
  private static func putCSVField(_ u: UnsafeBufferPointer<UInt8>, into out: inout ByteSink) {
    if !RowEncoder.needsCSVQuotes(u) {
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

  /// ``RowEncoder/appendJSONString(_:into:)``: `"`, `\` and control characters escaped.
  private static func putJSONString(_ u: UnsafeBufferPointer<UInt8>, into out: inout ByteSink) {
    // At most six bytes (`\u00XX`) for each byte, and the quotes.
    out.reserve(6 * u.count + 2)
    out.put(UInt8(ascii: "\""))
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
        out.put(RowEncoder.hexDigits[Int(b >> 4)])
        out.put(RowEncoder.hexDigits[Int(b & 15)])
      }
    }
    out.put(UnsafeBufferPointer(rebasing: u[start...]))
    out.put(UInt8(ascii: "\""))
  }

  /// ``RowEncoder/appendScalar(_:into:)``: a number or flag as `Value.csvText` renders it.
  private static func putScalar(_ value: Value, into out: inout ByteSink) {
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
      var text = value.csvText
      text.withUTF8 { u in
        out.reserve(u.count)
        out.put(u)
      }
    }
  }

  /// ``RowEncoder/appendDigits(_:minimumCount:into:)``; room for 20 digits, or `minimumCount`
  /// (at most 18), was reserved.
  @inline(__always)
  private static func putDigits(_ n: UInt64, minimumCount: Int, into out: inout ByteSink) {
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

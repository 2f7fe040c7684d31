@testable import BudgetETL

/// The row encoders as they were before the cell writers moved onto `ByteSink` (28e3365 and
/// 17754c1), appending to arrays: the oracle the one-pass encoder and the sink-based cell
/// writers are compared with, since both now share those writers.
enum ArrayRowEncoderOracle {
  static func csvRow(_ row: [Value], into out: inout [UInt8]) {
    for (i, value) in row.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      switch value {
      case .null: break
      case .string(let s): appendCSVField(Array(s.utf8), into: &out)
      default: appendScalar(value, into: &out)
      }
    }
    out.append(0x0A)
  }

  static func appendCSVField(_ u: [UInt8], into out: inout [UInt8]) {
    let needsQuotes = u.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else { return out.append(contentsOf: u) }
    out.append(UInt8(ascii: "\""))
    for b in u {
      if b == UInt8(ascii: "\"") { out.append(b) }
      out.append(b)
    }
    out.append(UInt8(ascii: "\""))
  }

  static func jsonKeys(_ names: [String]) -> [[UInt8]] {
    names.map { name in
      var key: [UInt8] = []
      appendJSONString(name, into: &key)
      key.append(UInt8(ascii: ":"))
      return key
    }
  }

  static func jsonRow(_ row: [Value], keys: [[UInt8]], into out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    for (i, value) in row.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      out.append(contentsOf: keys[i])
      switch value {
      case .null: out.append(contentsOf: "null".utf8)
      case .string(let s): appendJSONString(s, into: &out)
      default: appendScalar(value, into: &out)
      }
    }
    out.append(contentsOf: "}\n".utf8)
  }

  /// Numbers through `Value.csvText` (its own String formatter), flags as words.
  static func appendScalar(_ value: Value, into out: inout [UInt8]) {
    out.append(contentsOf: value.csvText.utf8)
  }

  static func appendJSONString(_ s: String, into out: inout [UInt8]) {
    let hex = Array("0123456789abcdef".utf8)
    out.append(UInt8(ascii: "\""))
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, b])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case ..<0x20: out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
      default: out.append(b)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// `ValueCodec.encode` as it was: a repeated cell one tag, any other spelled out.
  static func binaryRows(_ rows: [[Value]]) -> [UInt8] {
    var out: [UInt8] = []
    Varint.append(UInt64(rows.count), to: &out)
    var previous: [Value] = []
    for row in rows {
      Varint.append(UInt64(row.count), to: &out)
      for (column, value) in row.enumerated() {
        if column < previous.count && ValueCodec.same(value, previous[column]) {
          out.append(ValueCodec.Tag.repeated)
          continue
        }
        switch value {
        case .null: out.append(ValueCodec.Tag.null)
        case .string(let s):
          out.append(ValueCodec.Tag.string)
          Varint.append(UInt64(s.utf8.count), to: &out)
          out.append(contentsOf: s.utf8)
        case .int(let i):
          out.append(ValueCodec.Tag.int)
          Varint.append(Varint.zigzag(i), to: &out)
        case .decimal(let unscaled, let scale):
          out.append(ValueCodec.Tag.decimal)
          Varint.append(Varint.zigzag(unscaled), to: &out)
          Varint.append(Varint.zigzag(Int64(scale)), to: &out)
        case .bool(let b): out.append(b ? ValueCodec.Tag.true : ValueCodec.Tag.false)
        }
      }
      previous = row
    }
    return out
  }
}

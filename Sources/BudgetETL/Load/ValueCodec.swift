/// A compact binary encoding of dataset rows, for the per-document checkpoint bundles from
/// which the load stage writes Parquet without re-parsing text.
public enum ValueCodec {
  public static func encode(_ rows: [[Value]], into out: inout [UInt8]) {
    appendU32(UInt32(rows.count), &out)
    for row in rows {
      appendU32(UInt32(row.count), &out)
      for value in row {
        switch value {
        case .null: out.append(0)
        case .string(let s):
          out.append(1)
          appendU32(UInt32(s.utf8.count), &out)
          out.append(contentsOf: s.utf8)
        case .int(let i):
          out.append(2)
          appendU64(UInt64(bitPattern: i), &out)
        case .decimal(let u, let scale):
          out.append(3)
          appendU64(UInt64(bitPattern: u), &out)
          out.append(UInt8(scale))
        case .bool(let b): out.append(b ? 5 : 4)
        }
      }
    }
  }

  public enum DecodeError: Error, Equatable { case truncated, badTag(UInt8) }

  public static func decode(_ bytes: [UInt8]) throws -> [[Value]] {
    var i = 0
    func u32() throws -> UInt32 {
      guard i + 4 <= bytes.count else { throw DecodeError.truncated }
      defer { i += 4 }
      return UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
    }
    func u64() throws -> UInt64 {
      let lo = UInt64(try u32())
      let hi = UInt64(try u32())
      return lo | hi << 32
    }
    let count = Int(try u32())
    var rows: [[Value]] = []
    rows.reserveCapacity(count)
    for _ in 0..<count {
      let n = Int(try u32())
      var row: [Value] = []
      row.reserveCapacity(n)
      for _ in 0..<n {
        guard i < bytes.count else { throw DecodeError.truncated }
        let tag = bytes[i]
        i += 1
        switch tag {
        case 0: row.append(.null)
        case 1:
          let len = Int(try u32())
          guard i + len <= bytes.count else { throw DecodeError.truncated }
          row.append(.string(String(decoding: bytes[i..<(i + len)], as: UTF8.self)))
          i += len
        case 2: row.append(.int(Int64(bitPattern: try u64())))
        case 3:
          let u = Int64(bitPattern: try u64())
          guard i < bytes.count else { throw DecodeError.truncated }
          row.append(.decimal(unscaled: u, scale: Int(bytes[i])))
          i += 1
        case 4: row.append(.bool(false))
        case 5: row.append(.bool(true))
        default: throw DecodeError.badTag(tag)
        }
      }
      rows.append(row)
    }
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

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
    var reader = try EncodedRows(bytes)
    var rows: [[Value]] = []
    rows.reserveCapacity(reader.plausibleCount)
    var cells: [EncodedRows.Cell] = []
    for _ in 0..<reader.count {
      try reader.nextRow(into: &cells)
      rows.append(cells.map { reader.value($0) })
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

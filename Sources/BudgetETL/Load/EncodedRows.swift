/// Rows as ``ValueCodec`` encoded them, read in place: each cell is a ``Cell`` whose string is
/// a range of the bytes, so a reader that wants the bytes (the Parquet writer) makes no
/// `String` for it. Decoding errors are ``ValueCodec``'s.
struct EncodedRows {
  /// One cell: a string is where its UTF-8 bytes are; the other values are themselves.
  enum Cell {
    case null
    case string(Range<Int>)
    case value(Value)
  }

  let bytes: [UInt8]
  /// The number of rows, from the header.
  let count: Int
  /// `count`, as far as the bytes can hold it (a row takes at least 4): what to reserve room
  /// for, so that a damaged header cannot ask for gigabytes.
  var plausibleCount: Int { min(count, bytes.count / 4) }
  private var offset = 4

  init(_ bytes: [UInt8]) throws {
    self.bytes = bytes
    count = Int(try Self.u32(bytes, at: 0))
  }

  /// Reads the next row's cells into `cells` (emptied first).
  mutating func nextRow(into cells: inout [Cell]) throws {
    cells.removeAll(keepingCapacity: true)
    let n = Int(try Self.u32(bytes, at: offset))
    offset += 4
    for _ in 0..<n {
      guard offset < bytes.count else { throw ValueCodec.DecodeError.truncated }
      let tag = bytes[offset]
      offset += 1
      switch tag {
      case 0: cells.append(.null)
      case 1:
        let length = Int(try Self.u32(bytes, at: offset))
        offset += 4
        guard length <= bytes.count - offset else { throw ValueCodec.DecodeError.truncated }
        cells.append(.string(offset..<(offset + length)))
        offset += length
      case 2:
        cells.append(.value(.int(Int64(bitPattern: try Self.u64(bytes, at: offset)))))
        offset += 8
      case 3:
        let unscaled = Int64(bitPattern: try Self.u64(bytes, at: offset))
        offset += 8
        guard offset < bytes.count else { throw ValueCodec.DecodeError.truncated }
        cells.append(.value(.decimal(unscaled: unscaled, scale: Int(bytes[offset]))))
        offset += 1
      case 4: cells.append(.value(.bool(false)))
      case 5: cells.append(.value(.bool(true)))
      default: throw ValueCodec.DecodeError.badTag(tag)
      }
    }
  }

  /// The value a cell stands for (a string made from its bytes).
  func value(_ cell: Cell) -> Value {
    switch cell {
    case .null: return .null
    case .string(let range): return .string(String(decoding: bytes[range], as: UTF8.self))
    case .value(let value): return value
    }
  }

  private static func u32(_ bytes: [UInt8], at i: Int) throws -> UInt32 {
    guard i >= 0, i <= bytes.count - 4 else { throw ValueCodec.DecodeError.truncated }
    return UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
  }

  private static func u64(_ bytes: [UInt8], at i: Int) throws -> UInt64 {
    UInt64(try u32(bytes, at: i)) | UInt64(try u32(bytes, at: i + 4)) << 32
  }
}

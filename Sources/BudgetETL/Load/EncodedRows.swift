/// Rows as ``ValueCodec`` encoded them, read in place one row at a time: each cell is a
/// ``Cell`` whose string is a range of the bytes, so a reader that wants the bytes (the Parquet
/// writer) makes no `String` for it. Decoding errors are ``ValueCodec/DecodeError``s; every
/// count and length is checked against the bytes left before it is used, so damaged bytes
/// never trap or ask for a large allocation.
struct EncodedRows {
  /// One cell: a string is where its UTF-8 bytes are; the other values are themselves. No case
  /// holds a reference, so cells are copied as plain bytes.
  enum Cell {
    case null
    /// A string's bytes, and whether the cell repeated the string of the row above
    /// (``ValueCodec/Tag/repeated``): then the bytes are that string's, and equal to it.
    case string(Range<Int>, repeated: Bool)
    case int(Int64)
    case decimal(unscaled: Int64, scale: Int)
    case bool(Bool)

    /// Whether the cell is a string that repeated the one above it.
    var isRepeatedString: Bool {
      if case .string(_, repeated: true) = self { return true }
      return false
    }
  }

  let bytes: [UInt8]
  /// The number of rows, from the header; no more than the bytes could hold (a row takes at
  /// least a byte), so it is safe to reserve room for.
  let count: Int
  /// The row read last by ``nextRow()``: one cell per column.
  private(set) var row: [Cell] = []
  private var rowsRead = 0
  private var offset = 0

  init(_ bytes: [UInt8]) throws {
    self.bytes = bytes
    var offset = 0
    let count = try bytes.withUnsafeBufferPointer { try Self.varint($0, at: &offset) }
    guard count <= UInt64(bytes.count - offset) else { throw ValueCodec.DecodeError.truncated }
    self.count = Int(count)
    self.offset = offset
  }

  /// Reads the next row into ``row``.
  mutating func nextRow() throws {
    let bytes = self.bytes
    try bytes.withUnsafeBufferPointer { bytes in
      let rawWidth = try Self.varint(bytes, at: &offset)
      guard rawWidth <= UInt64(bytes.count - offset) else { throw ValueCodec.DecodeError.truncated }
      let width = Int(rawWidth)
      let above = row.count
      if above > width { row.removeSubrange(width...) }
      rowsRead += 1
      for column in 0..<width {
        guard offset < bytes.count else { throw ValueCodec.DecodeError.truncated }
        let tag = bytes[offset]
        offset += 1
        if tag == ValueCodec.Tag.repeated {
          guard column < above else {
            throw ValueCodec.DecodeError.nothingToRepeat(row: rowsRead, column: column + 1)
          }
          if case .string(let range, repeated: false) = row[column] {
            row[column] = .string(range, repeated: true)
          }
          continue
        }
        let cell = try Self.spelledCell(tag: tag, in: bytes, at: &offset)
        if column < above { row[column] = cell } else { row.append(cell) }
      }
    }
  }

  /// The cell a tag other than ``ValueCodec/Tag/repeated`` starts, read from the bytes after the
  /// tag (`offset` moves past them).
  @inline(__always)
  private static func spelledCell(tag: UInt8, in bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) throws -> Cell {
    switch tag {
    case ValueCodec.Tag.null: return .null
    case ValueCodec.Tag.string:
      let length = try varint(bytes, at: &offset)
      guard length <= UInt64(bytes.count - offset) else { throw ValueCodec.DecodeError.truncated }
      defer { offset += Int(length) }
      return .string(offset..<(offset + Int(length)), repeated: false)
    case ValueCodec.Tag.int:
      return .int(Varint.unzigzag(try varint(bytes, at: &offset)))
    case ValueCodec.Tag.decimal:
      let unscaled = Varint.unzigzag(try varint(bytes, at: &offset))
      let scale = Varint.unzigzag(try varint(bytes, at: &offset))
      // An Int64 holds at most 18 decimals: a scale past them (or negative) is damage, and
      // would trap whatever renders the value.
      guard (0...18).contains(scale) else { throw ValueCodec.DecodeError.badScale(scale) }
      return .decimal(unscaled: unscaled, scale: Int(scale))
    case ValueCodec.Tag.false: return .bool(false)
    case ValueCodec.Tag.true: return .bool(true)
    default: throw ValueCodec.DecodeError.badTag(tag)
    }
  }

  /// Reads every row of a reader none of whose rows was read, appending their cells to
  /// `cells` one row after another and each row's width to `widths`, then checks the end as
  /// ``expectEnd()`` does: the cells ``nextRow()`` gives row by row, and the same errors, in
  /// one pass over the bytes through a pointer with no row in between (a repeated cell is the
  /// cell above it in `cells`). ``row`` is left empty.
  mutating func readAllRows(into cells: inout [Cell], widths: inout [Int]) throws {
    precondition(rowsRead == 0, "readAllRows after nextRow")
    var offset = self.offset
    var rowsRead = 0
    try bytes.withUnsafeBufferPointer { bytes in
      var above = 0
      var aboveStart = cells.count
      for _ in 0..<count {
        let rawWidth = try Self.varint(bytes, at: &offset)
        guard rawWidth <= UInt64(bytes.count - offset) else { throw ValueCodec.DecodeError.truncated }
        let width = Int(rawWidth)
        rowsRead += 1
        let rowStart = cells.count
        for column in 0..<width {
          guard offset < bytes.count else { throw ValueCodec.DecodeError.truncated }
          let tag = bytes[offset]
          offset += 1
          let cell: Cell
          if tag == ValueCodec.Tag.repeated {
            guard column < above else {
              throw ValueCodec.DecodeError.nothingToRepeat(row: rowsRead, column: column + 1)
            }
            let cellAbove = cells[aboveStart + column]
            if case .string(let range, repeated: false) = cellAbove {
              cell = .string(range, repeated: true)
            } else {
              cell = cellAbove
            }
          } else {
            cell = try Self.spelledCell(tag: tag, in: bytes, at: &offset)
          }
          cells.append(cell)
        }
        widths.append(width)
        above = width
        aboveStart = rowStart
      }
    }
    self.offset = offset
    self.rowsRead = rowsRead
    try expectEnd()
  }

  /// Throws unless every row was read and no byte is left after them.
  func expectEnd() throws {
    guard rowsRead == count, offset == bytes.count else { throw ValueCodec.DecodeError.trailingBytes }
  }

  /// The value a cell stands for (a string made from its bytes).
  func value(_ cell: Cell) -> Value {
    switch cell {
    case .null: return .null
    case .string(let range, _): return .string(String(decoding: bytes[range], as: UTF8.self))
    case .int(let i): return .int(i)
    case .decimal(let unscaled, let scale): return .decimal(unscaled: unscaled, scale: scale)
    case .bool(let b): return .bool(b)
    }
  }

  /// The unsigned LEB128 varint at `offset`, which moves past it.
  @inline(__always)
  private static func varint(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count else { throw ValueCodec.DecodeError.truncated }
      let byte = bytes[offset]
      offset += 1
      // The tenth byte holds the 64th bit only.
      if shift == 63 && byte > 1 { throw ValueCodec.DecodeError.badVarint }
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return result }
      shift += 7
    }
  }
}

import Foundation

@testable import BudgetETL

/// A minimal Parquet reader for tests: checks the framing, parses the footer, and decodes
/// the flat columns this project writes (PLAIN, RLE_DICTIONARY, GZIP, v1 data pages).
struct ParquetTestFile {
  let bytes: [UInt8]
  let footer: ThriftFields

  struct Page {
    var header: ThriftFields
    /// The page after decompression.
    var data: [UInt8]
    var type: Int64 { header[1]?.int ?? -1 }
  }

  init(path: String) throws {
    try self.init(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
  }

  init(bytes: [UInt8]) throws {
    self.bytes = bytes
    let magic = Array("PAR1".utf8)
    guard bytes.count >= 12, Array(bytes.prefix(4)) == magic, Array(bytes.suffix(4)) == magic else {
      throw ThriftDecodingError(description: "no PAR1 at both ends")
    }
    let n = bytes.count
    let length = Int(bytes[n - 8]) | Int(bytes[n - 7]) << 8 | Int(bytes[n - 6]) << 16 | Int(bytes[n - 5]) << 24
    let start = n - 8 - length
    guard start >= 4 else { throw ThriftDecodingError(description: "footer length \(length) too large") }
    var reader = ThriftCompactReader(bytes, at: start)
    footer = try reader.readStruct()
    guard reader.position == n - 8 else {
      throw ThriftDecodingError(description: "footer ends at \(reader.position), expected \(n - 8)")
    }
  }

  var numRows: Int64 { footer[3]?.int ?? -1 }
  var schema: [ThriftFields] { footer[2]?.list?.compactMap(\.fields) ?? [] }
  var rowGroups: [ThriftFields] { footer[4]?.list?.compactMap(\.fields) ?? [] }

  /// The `ColumnMetaData` of `column` in row group `rowGroup`.
  func columnMetaData(rowGroup: Int, column: Int) -> ThriftFields {
    rowGroups[rowGroup][1]!.list![column].fields![3]!.fields!
  }

  /// The pages of one column chunk, decompressed.
  func pages(rowGroup: Int, column: Int) throws -> [Page] {
    let meta = columnMetaData(rowGroup: rowGroup, column: column)
    var position = Int(meta[11]?.int ?? meta[9]!.int!)
    let end = position + Int(meta[7]!.int!)
    var pages: [Page] = []
    while position < end {
      var reader = ThriftCompactReader(bytes, at: position)
      let header = try reader.readStruct()
      let size = Int(header[3]!.int!)
      let compressed = Array(bytes[reader.position..<(reader.position + size)])
      let data = try Inflater.gunzip(compressed)
      guard data.count == Int(header[2]!.int!) else {
        throw ThriftDecodingError(description: "page decompresses to \(data.count), header says \(header[2]!.int!)")
      }
      pages.append(Page(header: header, data: data))
      position = reader.position + size
    }
    guard position == end else { throw ThriftDecodingError(description: "pages overrun the chunk") }
    return pages
  }

  /// Every value of leaf column `column` (0-based), across row groups.
  func values(column: Int) throws -> [Value] {
    let element = schema[column + 1]
    let physical = element[1]!.int!
    let optional = element[3]!.int! == 1
    let scale = element[7]?.int.map(Int.init)
    var out: [Value] = []
    for g in rowGroups.indices {
      var dictionary: [[UInt8]] = []
      for page in try pages(rowGroup: g, column: column) {
        var cursor = 0
        if page.type == 2 {
          let count = Int(page.header[7]!.fields![1]!.int!)
          for _ in 0..<count { dictionary.append(Self.readByteArray(page.data, &cursor)) }
          continue
        }
        let dataHeader = page.header[5]!.fields!
        let numValues = Int(dataHeader[1]!.int!)
        var levels = [UInt64](repeating: 1, count: numValues)
        if optional {
          let length = Int(Self.readUInt32(page.data, &cursor))
          levels = try Self.decodeHybrid(page.data[cursor..<(cursor + length)], bitWidth: 1, count: numValues)
          cursor += length
        }
        let present = levels.filter { $0 == 1 }.count
        var decoded: [Value] = []
        if dataHeader[2]!.int! == 8 {
          let width = Int(page.data[cursor])
          let indices = try Self.decodeHybrid(page.data[(cursor + 1)...], bitWidth: width, count: present)
          decoded = indices.map { .string(String(decoding: dictionary[Int($0)], as: UTF8.self)) }
        } else {
          for k in 0..<present {
            switch physical {
            case 0: decoded.append(.bool((page.data[cursor + k / 8] >> (k % 8)) & 1 == 1))
            case 1: decoded.append(.int(Int64(Int32(bitPattern: Self.readUInt32(page.data, &cursor)))))
            case 2:
              let v = Int64(
                bitPattern: UInt64(Self.readUInt32(page.data, &cursor)) | UInt64(Self.readUInt32(page.data, &cursor))
                  << 32)
              decoded.append(scale.map { .decimal(unscaled: v, scale: $0) } ?? .int(v))
            case 6: decoded.append(.string(String(decoding: Self.readByteArray(page.data, &cursor), as: UTF8.self)))
            default: throw ThriftDecodingError(description: "physical type \(physical)")
            }
          }
        }
        var next = decoded.makeIterator()
        for level in levels { out.append(level == 1 ? next.next()! : .null) }
      }
    }
    return out
  }

  static func readUInt32(_ data: [UInt8], _ cursor: inout Int) -> UInt32 {
    defer { cursor += 4 }
    return UInt32(data[cursor]) | UInt32(data[cursor + 1]) << 8 | UInt32(data[cursor + 2]) << 16
      | UInt32(data[cursor + 3]) << 24
  }

  static func readByteArray(_ data: [UInt8], _ cursor: inout Int) -> [UInt8] {
    let length = Int(readUInt32(data, &cursor))
    defer { cursor += length }
    return Array(data[cursor..<(cursor + length)])
  }

  /// Decodes `count` values of the RLE/bit-packed hybrid.
  static func decodeHybrid(_ data: ArraySlice<UInt8>, bitWidth: Int, count: Int) throws -> [UInt64] {
    var out: [UInt64] = []
    var reader = ThriftCompactReader(Array(data))
    while out.count < count {
      let header = try reader.readVarint()
      if header & 1 == 0 {
        var value: UInt64 = 0
        for k in 0..<((bitWidth + 7) / 8) { value |= UInt64(try reader.readByte()) << (8 * UInt64(k)) }
        out.append(contentsOf: repeatElement(value, count: Int(header >> 1)))
      } else {
        let groups = Int(header >> 1)
        var buffer: UInt64 = 0
        var bits = 0
        for _ in 0..<(groups * 8) {
          while bits < bitWidth {
            buffer |= UInt64(try reader.readByte()) << UInt64(bits)
            bits += 8
          }
          out.append(buffer & ((1 << UInt64(bitWidth)) - 1))
          buffer >>= UInt64(bitWidth)
          bits -= bitWidth
        }
      }
    }
    return Array(out.prefix(count))
  }
}

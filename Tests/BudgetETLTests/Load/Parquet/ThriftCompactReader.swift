@testable import BudgetETL

/// A decoded Thrift compact value (test support: reads back what the writer wrote).
indirect enum ThriftValue: Equatable {
  case bool(Bool)
  case int(Int64)
  case binary([UInt8])
  case list([ThriftValue])
  case structure(ThriftFields)

  var int: Int64? { if case .int(let v) = self { return v } else { return nil } }
  var binary: [UInt8]? { if case .binary(let v) = self { return v } else { return nil } }
  var string: String? { binary.map { String(decoding: $0, as: UTF8.self) } }
  var list: [ThriftValue]? { if case .list(let v) = self { return v } else { return nil } }
  var fields: ThriftFields? { if case .structure(let v) = self { return v } else { return nil } }
  var bool: Bool? { if case .bool(let v) = self { return v } else { return nil } }
}

/// The fields of a decoded struct, by field id.
struct ThriftFields: Equatable {
  var values: [Int16: ThriftValue] = [:]
  subscript(_ id: Int16) -> ThriftValue? { values[id] }
  var ids: [Int16] { values.keys.sorted() }
}

struct ThriftDecodingError: Error, CustomStringConvertible {
  var description: String
}

/// A Thrift compact protocol decoder: enough to parse Parquet footers and page headers.
struct ThriftCompactReader {
  let bytes: [UInt8]
  var position: Int

  init(_ bytes: [UInt8], at position: Int = 0) {
    self.bytes = bytes
    self.position = position
  }

  mutating func readStruct() throws -> ThriftFields {
    var fields = ThriftFields()
    var lastID: Int16 = 0
    while true {
      let header = try readByte()
      if header == 0 { return fields }
      let type = header & 0x0F
      let delta = header >> 4
      let id: Int16
      if delta == 0 {
        let raw = try readVarint()
        id = Int16(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
      } else {
        id = lastID + Int16(delta)
      }
      guard id > lastID else {
        throw ThriftDecodingError(description: "field ids not ascending: \(id) after \(lastID)")
      }
      lastID = id
      if type == 1 || type == 2 {
        fields.values[id] = .bool(type == 1)
      } else {
        fields.values[id] = try readValue(type: type)
      }
    }
  }

  mutating func readValue(type: UInt8) throws -> ThriftValue {
    switch type {
    case 1, 2: return .bool(try readByte() == 1)
    case 3: return .int(Int64(Int8(bitPattern: try readByte())))
    case 4, 5, 6: return .int(try readZigzag())
    case 8:
      let length = Int(try readVarint())
      guard position + length <= bytes.count else { throw ThriftDecodingError(description: "binary past end") }
      defer { position += length }
      return .binary(Array(bytes[position..<(position + length)]))
    case 9:
      let header = try readByte()
      var count = Int(header >> 4)
      if count == 15 { count = Int(try readVarint()) }
      var elements: [ThriftValue] = []
      for _ in 0..<count { elements.append(try readValue(type: header & 0x0F)) }
      return .list(elements)
    case 12: return .structure(try readStruct())
    default: throw ThriftDecodingError(description: "unsupported compact type \(type) at \(position)")
    }
  }

  mutating func readByte() throws -> UInt8 {
    guard position < bytes.count else { throw ThriftDecodingError(description: "unexpected end at \(position)") }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func readVarint() throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try readByte()
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
      guard shift < 64 else { throw ThriftDecodingError(description: "varint too long") }
    }
  }

  mutating func readZigzag() throws -> Int64 {
    let raw = try readVarint()
    return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
  }
}

/// An encoder for the Thrift compact protocol, the wire format of Parquet's footer and page
/// headers.
///
/// It covers what parquet.thrift needs: field headers with delta-encoded ids, zigzag varints
/// for `i16`/`i32`/`i64`, `binary`/`string`, lists, nested structs, booleans carried in the
/// field-type nibble, and the stop field. Bytes accumulate in ``bytes``; ``reset()`` keeps the
/// buffer's capacity for the next struct.
struct ThriftCompactWriter {
  /// The compact protocol's type codes (the low nibble of a field header, or of a list header).
  enum FieldType: UInt8 {
    case booleanTrue = 1
    case booleanFalse = 2
    case byte = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case structure = 12
  }

  /// The encoded bytes so far.
  private(set) var bytes: [UInt8] = []
  /// The id of the last field written in the current struct (deltas are taken from it).
  private var lastFieldID: Int16 = 0
  /// `lastFieldID` of each enclosing struct, restored when a nested struct ends.
  private var enclosingFieldIDs: [Int16] = []

  init(reservingCapacity capacity: Int = 256) {
    bytes.reserveCapacity(capacity)
  }

  /// Forgets what was written, keeping the buffer's capacity.
  mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    lastFieldID = 0
    enclosingFieldIDs.removeAll(keepingCapacity: true)
  }

  // MARK: Structs

  /// Writes `value` as a struct: its fields, then the stop field. Works at the top level
  /// (a page header, the footer) and for list elements.
  mutating func writeStruct(_ value: some ThriftStruct) {
    enclosingFieldIDs.append(lastFieldID)
    lastFieldID = 0
    value.writeFields(to: &self)
    writeFieldStop()
    lastFieldID = enclosingFieldIDs.removeLast()
  }

  /// Writes the stop field (a zero byte) that ends a struct.
  mutating func writeFieldStop() {
    bytes.append(0)
  }

  /// Writes a field header: `delta << 4 | type` when the id is 1...15 above the previous one,
  /// else the type byte followed by the id as a zigzag varint.
  mutating func writeFieldHeader(_ type: FieldType, id: Int16) {
    let delta = Int(id) - Int(lastFieldID)
    if delta > 0 && delta <= 15 {
      bytes.append(UInt8(delta) << 4 | type.rawValue)
    } else {
      bytes.append(type.rawValue)
      writeVarint(Self.zigzag(Int64(id)))
    }
    lastFieldID = id
  }

  // MARK: Fields

  /// A `bool` field: the value is the header's type nibble (1 true, 2 false), no payload.
  mutating func writeField(_ id: Int16, bool value: Bool) {
    writeFieldHeader(value ? .booleanTrue : .booleanFalse, id: id)
  }

  /// An `i16` field.
  mutating func writeField(_ id: Int16, i16 value: Int16) {
    writeFieldHeader(.i16, id: id)
    writeVarint(Self.zigzag(Int64(value)))
  }

  /// An `i32` field (also every parquet.thrift enum).
  mutating func writeField(_ id: Int16, i32 value: Int32) {
    writeFieldHeader(.i32, id: id)
    writeVarint(Self.zigzag(Int64(value)))
  }

  /// An `i64` field.
  mutating func writeField(_ id: Int16, i64 value: Int64) {
    writeFieldHeader(.i64, id: id)
    writeVarint(Self.zigzag(value))
  }

  /// A `binary` field: varint length, then the bytes.
  mutating func writeField(_ id: Int16, binary value: [UInt8]) {
    writeFieldHeader(.binary, id: id)
    writeBinary(value)
  }

  /// A `string` field: UTF-8, encoded like `binary`.
  mutating func writeField(_ id: Int16, string value: String) {
    writeFieldHeader(.binary, id: id)
    writeString(value)
  }

  /// A nested struct field.
  mutating func writeField(_ id: Int16, struct value: some ThriftStruct) {
    writeFieldHeader(.structure, id: id)
    writeStruct(value)
  }

  /// A `list<struct>` field.
  mutating func writeField<Element: ThriftStruct>(_ id: Int16, structs list: [Element]) {
    writeFieldHeader(.list, id: id)
    writeListHeader(.structure, count: list.count)
    for element in list { writeStruct(element) }
  }

  /// A `list<i32>` field (a list of enum values).
  mutating func writeField(_ id: Int16, i32s list: [Int32]) {
    writeFieldHeader(.list, id: id)
    writeListHeader(.i32, count: list.count)
    for element in list { writeVarint(Self.zigzag(Int64(element))) }
  }

  /// A `list<string>` field.
  mutating func writeField(_ id: Int16, strings list: [String]) {
    writeFieldHeader(.list, id: id)
    writeListHeader(.binary, count: list.count)
    for element in list { writeString(element) }
  }

  // MARK: Values

  /// A list header: `count << 4 | type` for fewer than 15 elements, else `0xF0 | type` and
  /// the count as a varint.
  mutating func writeListHeader(_ elementType: FieldType, count: Int) {
    precondition(count >= 0 && count <= Int(Int32.max), "Thrift list too long")
    if count < 15 {
      bytes.append(UInt8(count) << 4 | elementType.rawValue)
    } else {
      bytes.append(0xF0 | elementType.rawValue)
      writeVarint(UInt64(count))
    }
  }

  /// A length-prefixed byte string.
  mutating func writeBinary(_ value: [UInt8]) {
    writeVarint(UInt64(value.count))
    bytes.append(contentsOf: value)
  }

  /// A length-prefixed UTF-8 string.
  mutating func writeString(_ value: String) {
    value.withUTF8Bytes { utf8 in
      writeVarint(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  /// An unsigned LEB128 varint: 7 bits a byte, least significant first, high bit = more.
  mutating func writeVarint(_ value: UInt64) { Varint.append(value, to: &bytes) }

  /// Zigzag mapping of signed to unsigned: 0, -1, 1, -2, 2 … become 0, 1, 2, 3, 4 ….
  static func zigzag(_ value: Int64) -> UInt64 { Varint.zigzag(value) }
}

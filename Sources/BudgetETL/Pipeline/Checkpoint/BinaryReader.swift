/// Reads values that ``BinaryWriter`` wrote, in the same order. Every read checks the bytes
/// left and throws ``BinaryDecodingError`` on truncated or malformed input instead of trapping;
/// counts are capped by the bytes left and capacity reserved up front is bounded, so garbage
/// never makes it allocate much.
struct BinaryReader {
  let bytes: [UInt8]
  private(set) var offset: Int

  init(_ bytes: [UInt8], offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  /// At most this many elements are reserved before they are read: an array's count is
  /// capped by the bytes left, but its elements can be far larger in memory than on disk.
  static let maximumReservation = 4096

  var remaining: Int { bytes.count - offset }

  /// Throws unless every byte was read: a value followed by more bytes is not one this version wrote.
  func expectEnd() throws(BinaryDecodingError) {
    guard offset == bytes.count else { throw .trailingBytes(count: bytes.count - offset) }
  }

  mutating func readByte() throws(BinaryDecodingError) -> UInt8 {
    guard offset < bytes.count else { throw .truncated(offset: offset) }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func readBool() throws(BinaryDecodingError) -> Bool {
    let at = offset
    switch try readByte() {
    case 0: return false
    case 1: return true
    case let tag: throw .badTag(tag, offset: at, of: "Bool")
    }
  }

  mutating func readVarint() throws(BinaryDecodingError) -> UInt64 {
    let start = offset
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count else { throw .truncated(offset: offset) }
      let byte = bytes[offset]
      offset += 1
      // The tenth byte holds bit 63 only.
      if shift == 63 && byte > 1 { throw .badVarint(offset: start) }
      value |= UInt64(byte & 0x7f) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }

  mutating func readInt64() throws(BinaryDecodingError) -> Int64 {
    let zigzag = try readVarint()
    return Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
  }

  mutating func readInt() throws(BinaryDecodingError) -> Int {
    let at = offset
    let value = try readInt64()
    guard let int = Int(exactly: value) else { throw .outOfRange(offset: at) }
    return int
  }

  /// A count of elements, each at least one byte long (or `elementsPerByte` to a byte, for packed flags).
  mutating func readCount(elementsPerByte: Int = 1) throws(BinaryDecodingError) -> Int {
    let at = offset
    let count = try readVarint()
    guard count <= UInt64(remaining) * UInt64(elementsPerByte) else {
      throw .badCount(Int(clamping: count), offset: at)
    }
    return Int(count)
  }

  mutating func readString() throws(BinaryDecodingError) -> String {
    let length = try readCount()
    defer { offset += length }
    return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
  }

  /// The tag of an optional: true when a value follows.
  mutating func readPresence() throws(BinaryDecodingError) -> Bool {
    let at = offset
    switch try readByte() {
    case 0: return false
    case 1: return true
    case let tag: throw .badTag(tag, offset: at, of: "Optional")
    }
  }

  mutating func readOptionalString() throws(BinaryDecodingError) -> String? {
    try readPresence() ? try readString() : nil
  }

  mutating func readOptionalInt() throws(BinaryDecodingError) -> Int? {
    try readPresence() ? try readInt() : nil
  }

  mutating func readOptionalInt64() throws(BinaryDecodingError) -> Int64? {
    try readPresence() ? try readInt64() : nil
  }

  mutating func read<T: BinaryCodable>(_: T.Type = T.self) throws(BinaryDecodingError) -> T {
    try T(from: &self)
  }

  mutating func readOptional<T: BinaryCodable>(_: T.Type = T.self) throws(BinaryDecodingError) -> T? {
    try readPresence() ? try T(from: &self) : nil
  }

  mutating func readArray<T: BinaryCodable>(_: T.Type = T.self) throws(BinaryDecodingError) -> [T] {
    let count = try readCount()
    var values: [T] = []
    values.reserveCapacity(Swift.min(count, Self.maximumReservation))
    for _ in 0..<count { values.append(try T(from: &self)) }
    return values
  }

  mutating func readStrings() throws(BinaryDecodingError) -> [String] {
    let count = try readCount()
    var values: [String] = []
    values.reserveCapacity(Swift.min(count, Self.maximumReservation))
    for _ in 0..<count { values.append(try readString()) }
    return values
  }

  /// Flags packed by ``BinaryWriter/write(_:)-([Bool])``.
  mutating func readFlags() throws(BinaryDecodingError) -> [Bool] {
    let count = try readCount(elementsPerByte: 8)
    let byteCount = (count + 7) / 8
    guard byteCount <= remaining else { throw .truncated(offset: offset) }
    var flags = [Bool](repeating: false, count: count)
    for i in 0..<count where bytes[offset + i >> 3] & (1 << UInt8(i & 7)) != 0 { flags[i] = true }
    offset += byteCount
    return flags
  }
}

/// Appends values to a byte buffer in the checkpoints' binary format: unsigned integers as
/// LEB128 varints, signed ones zigzag-encoded first, strings as a varint length and their
/// UTF-8, optionals as a tag byte (0 absent, 1 present) and arrays as a varint count.
///
/// The format is positional: a type writes its fields in a fixed order and reads them back in
/// the same order (`init(from:)` of ``BinaryReader``). Changing the order or the fields of any
/// checkpointed type changes the format: bump ``CheckpointFormat/version``.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

  mutating func write(_ byte: UInt8) { bytes.append(byte) }

  mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

  /// An unsigned LEB128 varint: 7 bits a byte, low bits first.
  mutating func write(varint value: UInt64) { Varint.append(value, to: &bytes) }

  /// A signed integer, zigzag-encoded (0, -1, 1, -2… as 0, 1, 2, 3…) then as a varint.
  mutating func write(_ value: Int64) {
    write(varint: Varint.zigzag(value))
  }

  mutating func write(_ value: Int) { write(Int64(value)) }

  mutating func write(_ value: String) {
    let utf8 = value.utf8
    write(varint: UInt64(utf8.count))
    bytes.append(contentsOf: utf8)
  }

  mutating func write(_ value: String?) {
    guard let value else { return bytes.append(0) }
    bytes.append(1)
    write(value)
  }

  mutating func write(_ value: Int?) {
    guard let value else { return bytes.append(0) }
    bytes.append(1)
    write(value)
  }

  mutating func write(_ value: Int64?) {
    guard let value else { return bytes.append(0) }
    bytes.append(1)
    write(value)
  }

  mutating func write<T: BinaryCodable>(_ value: T) { value.write(to: &self) }

  mutating func write<T: BinaryCodable>(_ value: T?) {
    guard let value else { return bytes.append(0) }
    bytes.append(1)
    value.write(to: &self)
  }

  mutating func write<T: BinaryCodable>(_ values: [T]) {
    write(varint: UInt64(values.count))
    for value in values { value.write(to: &self) }
  }

  mutating func write(_ values: [String]) {
    write(varint: UInt64(values.count))
    for value in values { write(value) }
  }

  /// Flags packed eight to a byte, lowest bit first, after their count.
  mutating func write(_ flags: [Bool]) {
    write(varint: UInt64(flags.count))
    var byte: UInt8 = 0
    for (i, flag) in flags.enumerated() {
      if flag { byte |= 1 << UInt8(i & 7) }
      if i & 7 == 7 {
        bytes.append(byte)
        byte = 0
      }
    }
    if flags.count & 7 != 0 { bytes.append(byte) }
  }
}

/// Appends values to a byte buffer in the checkpoints' binary format: unsigned integers as
/// LEB128 varints, signed ones zigzag-encoded first, strings as a varint length and their
/// UTF-8, optionals as a tag byte (0 absent, 1 present) and arrays as a varint count.
///
/// The format is positional: a type writes its fields in a fixed order and reads them back in
/// the same order (`init(from:)` of ``BinaryReader``). Changing the order or the fields of any
/// checkpointed type changes the format: bump ``CheckpointFormat/version``.
///
/// The bytes go to a ``ByteSink`` (a checkpoint is written a few bytes at a time, and
/// `Array.append` checked capacity and uniqueness for each), so the writer is noncopyable.
struct BinaryWriter: ~Copyable {
  private var sink: ByteSink

  init(capacity: Int = 4096) { sink = ByteSink(capacity: capacity) }

  /// The bytes written so far.
  var bytes: [UInt8] { sink.bytes }

  /// How many bytes were written.
  var count: Int { sink.count }

  /// Calls `body` with the bytes written so far, without copying them.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try sink.withBytes(body)
  }

  mutating func write(_ byte: UInt8) {
    sink.reserve(1)
    sink.put(byte)
  }

  mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

  /// An unsigned LEB128 varint: 7 bits a byte, low bits first.
  mutating func write(varint value: UInt64) {
    sink.reserve(10)
    sink.putVarint(value)
  }

  /// A signed integer, zigzag-encoded (0, -1, 1, -2… as 0, 1, 2, 3…) then as a varint.
  mutating func write(_ value: Int64) {
    write(varint: Varint.zigzag(value))
  }

  mutating func write(_ value: Int) { write(Int64(value)) }

  mutating func write(_ value: String) {
    value.withUTF8Bytes { utf8 in
      sink.reserve(10 + utf8.count)
      sink.putVarint(UInt64(utf8.count))
      sink.put(utf8)
    }
  }

  mutating func write(_ value: String?) {
    guard let value else { return write(UInt8(0)) }
    write(UInt8(1))
    write(value)
  }

  mutating func write(_ value: Int?) {
    guard let value else { return write(UInt8(0)) }
    write(UInt8(1))
    write(value)
  }

  mutating func write(_ value: Int64?) {
    guard let value else { return write(UInt8(0)) }
    write(UInt8(1))
    write(value)
  }

  mutating func write<T: BinaryCodable>(_ value: T) { value.write(to: &self) }

  mutating func write<T: BinaryCodable>(_ value: T?) {
    guard let value else { return write(UInt8(0)) }
    write(UInt8(1))
    value.write(to: &self)
  }

  mutating func write<T: BinaryCodable>(_ values: [T]) {
    write(varint: UInt64(values.count))
    // Each element borrowed where it is: `for value in values` copied every one (a checkpoint's
    // line items hold a dozen strings each, retained and released again).
    for i in values.indices { values[i].write(to: &self) }
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
        write(byte)
        byte = 0
      }
    }
    if flags.count & 7 != 0 { write(byte) }
  }
}

/// Unsigned LEB128 varints and the zigzag mapping of signed integers, as Thrift's compact
/// protocol (the Parquet footer and page headers), the RLE/bit-packed hybrid's run headers and
/// the checkpoints' binary format write them.
enum Varint {
  /// Appends `value` 7 bits a byte, least significant first, high bit = more.
  static func append(_ value: UInt64, to bytes: inout [UInt8]) {
    var v = value
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  /// Zigzag mapping of signed to unsigned: 0, -1, 1, -2, 2 … become 0, 1, 2, 3, 4 ….
  static func zigzag(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value << 1) ^ (value >> 63))
  }

  /// The inverse of ``zigzag(_:)``.
  static func unzigzag(_ value: UInt64) -> Int64 {
    Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
  }
}

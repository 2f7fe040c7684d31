/// Parquet's PLAIN encoding: little-endian fixed-width numbers, length-prefixed byte arrays,
/// and booleans packed one bit a value, least significant bit first.
enum PlainEncoding {
  /// Appends `value` as 4 little-endian bytes.
  static func append(_ value: Int32, to out: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
  }

  /// Appends `value` as 8 little-endian bytes.
  static func append(_ value: Int64, to out: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
  }

  /// Appends a contiguous run of fixed-width integers, little-endian.
  static func append<Integer: FixedWidthInteger>(contentsOf values: ArraySlice<Integer>, to out: inout [UInt8]) {
    #if _endian(little)
      values.withUnsafeBytes { out.append(contentsOf: $0) }
    #else
      for value in values {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
      }
    #endif
  }

  /// Appends a byte array: its length as 4 little-endian bytes, then the bytes.
  static func appendByteArray(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    append(Int32(bytes.count), to: &out)
    out.append(contentsOf: bytes)
  }

  /// Appends booleans bit-packed, 8 a byte, the first value in the least significant bit.
  static func append(booleans values: ArraySlice<Bool>, to out: inout [UInt8]) {
    var byte: UInt8 = 0
    var bit: UInt8 = 0
    for value in values {
      if value { byte |= 1 << bit }
      bit += 1
      if bit == 8 {
        out.append(byte)
        byte = 0
        bit = 0
      }
    }
    if bit > 0 { out.append(byte) }
  }
}

/// Why bytes could not be read back as a checkpoint: the checkpoint is then treated as missing
/// and rebuilt. Offsets are into the decompressed payload.
enum BinaryDecodingError: Error, Equatable, CustomStringConvertible {
  /// The bytes end before a value does.
  case truncated(offset: Int)
  /// A varint longer than 10 bytes or above `UInt64.max`.
  case badVarint(offset: Int)
  /// A tag byte (optional, enum case) that no value has.
  case badTag(UInt8, offset: Int, of: String)
  /// A count larger than the bytes left could hold.
  case badCount(Int, offset: Int)
  /// An integer outside the range of its field.
  case outOfRange(offset: Int)
  /// Bytes left over after the value: the layout is not the one this version writes.
  case trailingBytes(count: Int)
  /// The file does not start with ``CheckpointFormat/magic``: another format or version.
  case badHeader
  /// The bytes are not those written: the CRC-32 or the compressed block does not match.
  case damaged

  var description: String {
    switch self {
    case .truncated(let o): return "truncated at byte \(o)"
    case .badVarint(let o): return "malformed varint at byte \(o)"
    case .badTag(let t, let o, let of): return "unknown tag \(t) for \(of) at byte \(o)"
    case .badCount(let n, let o): return "count \(n) at byte \(o) exceeds the bytes left"
    case .outOfRange(let o): return "integer out of range at byte \(o)"
    case .trailingBytes(let n): return "\(n) bytes left over"
    case .badHeader: return "not a checkpoint of this format version"
    case .damaged: return "damaged: not the bytes that were written"
    }
  }
}

/// The file format of the per-document checkpoints under `_state/extract` and `_state/transform`:
/// the line ``magic``, then the value in the binary format of ``BinaryWriter``, gzipped (level 1).
///
/// The magic names the format's version. A file that does not start with it (a JSON checkpoint
/// of an earlier version, a file cut short, anything else) is not read: ``decode(_:from:)``
/// throws and the checkpoint is rebuilt. The gzip trailer's CRC-32 catches damaged bytes.
///
/// The binary format is positional. Any change to the fields (or their order) of a checkpointed
/// type, or to the tags of its enums, must bump ``version`` so no checkpoint is misread (the
/// bundles' `source` and `summary` entries carry it in their names too).
enum CheckpointFormat {
  static let version = 2
  static let magic = Array("BUDGETETL-CKPT-\(version)\n".utf8)
  static let gzipLevel = 1

  /// The file's bytes for `value`.
  static func encode<T: BinaryCodable>(_ value: T) throws -> [UInt8] {
    var writer = BinaryWriter(capacity: 64 * 1024)
    writer.write(value)
    var out = magic
    out.append(contentsOf: try Deflater.compress(writer.bytes, level: gzipLevel))
    return out
  }

  /// The value a checkpoint file holds; throws when the bytes are not a whole checkpoint of
  /// this version holding a `T`.
  static func decode<T: BinaryCodable>(_: T.Type, from bytes: [UInt8]) throws -> T {
    guard bytes.count > magic.count, bytes[0..<magic.count].elementsEqual(magic) else {
      throw BinaryDecodingError.badHeader
    }
    var reader = BinaryReader(try Inflater.gunzip(Array(bytes[magic.count...])))
    let value = try T(from: &reader)
    try reader.expectEnd()
    return value
  }
}

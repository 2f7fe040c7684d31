/// The file format of the per-document checkpoints under `_state/extract` and `_state/transform`:
/// the line ``magic``, the length of the value in the binary format of ``BinaryWriter`` (a
/// varint), those bytes compressed as an ``LZBlock``, and the CRC-32 of everything after the
/// magic line (4 bytes, little-endian).
///
/// The magic names the format's version. A file that does not start with it (a gzipped
/// checkpoint of version 2, a JSON one of an earlier version, a file cut short, anything else)
/// is not read: ``decode(_:from:)`` throws and the checkpoint is rebuilt. The CRC-32 catches
/// damaged bytes before they are decompressed.
///
/// Version 3 traded gzip (level 1) for ``LZBlock``: compressing the checkpoints took a tenth
/// of a run with gzip; the files are about a fifth larger.
///
/// The binary format is positional. Any change to the fields (or their order) of a checkpointed
/// type, or to the tags of its enums, must bump ``version`` so no checkpoint is misread (the
/// bundles' `source` and `summary` entries carry it in their names too).
enum CheckpointFormat {
  static let version = 3
  static let magic = Array("BUDGETETL-CKPT-\(version)\n".utf8)

  /// The file's bytes for `value`.
  static func encode<T: BinaryCodable>(_ value: T) throws -> [UInt8] {
    var writer = BinaryWriter(capacity: 64 * 1024)
    writer.write(value)
    let block = writer.withBytes { LZBlock.compress($0) }
    var out = magic
    out.reserveCapacity(magic.count + 10 + block.count + 4)
    Varint.append(UInt64(writer.count), to: &out)
    out.append(contentsOf: block)
    ValueCodec.appendU32(DocumentBundle.crc32(out[magic.count...]), &out)
    return out
  }

  /// The value a checkpoint file holds; throws when the bytes are not a whole checkpoint of
  /// this version holding a `T`.
  static func decode<T: BinaryCodable>(_: T.Type, from bytes: [UInt8]) throws -> T {
    guard bytes.count >= magic.count + 5, bytes[0..<magic.count].elementsEqual(magic) else {
      throw BinaryDecodingError.badHeader
    }
    let end = bytes.count - 4
    let stored = UInt32(bytes[end]) | UInt32(bytes[end + 1]) << 8 | UInt32(bytes[end + 2]) << 16 | UInt32(bytes[end + 3]) << 24
    guard DocumentBundle.crc32(bytes[magic.count..<end]) == stored else { throw BinaryDecodingError.damaged }
    var lengthReader = BinaryReader(Array(bytes[magic.count..<min(end, magic.count + 10)]))
    let length = try lengthReader.readVarint()
    let blockStart = magic.count + lengthReader.offset
    guard length <= UInt64(Int.max), blockStart <= end else { throw BinaryDecodingError.damaged }
    let payload: [UInt8]
    do {
      payload = try LZBlock.decompress(bytes[blockStart..<end], count: Int(length))
    } catch {
      throw BinaryDecodingError.damaged
    }
    var reader = BinaryReader(payload)
    let value = try T(from: &reader)
    try reader.expectEnd()
    return value
  }
}

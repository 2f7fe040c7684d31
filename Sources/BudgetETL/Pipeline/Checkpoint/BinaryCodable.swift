/// A type the checkpoints store in their binary format (see ``BinaryWriter``).
///
/// `write(to:)` and `init(from:)` must agree field by field; the round-trip tests in
/// `CheckpointCodecTests` check every checkpointed type against the seed documents.
protocol BinaryCodable {
  func write(to writer: inout BinaryWriter)
  init(from reader: inout BinaryReader) throws(BinaryDecodingError)
}

/// JSON text written by hand, byte for byte as Foundation's `JSONEncoder` prints it, for the
/// values the state writes once per file (``StateIndexWriter``, ``FindingsSpill``): the encoder
/// builds a tree of boxed values and sorts every object's keys for each call, which was a fifth
/// of a re-run over unchanged input.
///
/// What `JSONEncoder` does and this copies (swift-foundation's `JSONWriter`): strings escape `"`,
/// `\`, `/` (unless `.withoutEscapingSlashes`), `\b \f \n \r \t`, and the other bytes below 0x20
/// as `\u00xx` with lowercase hex; every other byte is copied, UTF-8 unescaped. Sorted keys sort
/// by their UTF-8 bytes. Integers print in decimal. Synthesized `Codable` leaves out a nil
/// optional. The tests compare each writer here with `JSONEncoder` itself.
struct EncoderJSON {
  private(set) var bytes: [UInt8] = []
  /// Whether `/` is printed as `\/` (`JSONEncoder`'s default).
  let escapesSlashes: Bool

  init(escapesSlashes: Bool = true, capacity: Int = 512) {
    self.escapesSlashes = escapesSlashes
    bytes.reserveCapacity(capacity)
  }

  private static let hex = Array("0123456789abcdef".utf8)

  mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func integer<T: BinaryInteger>(_ value: T) {
    bytes.append(contentsOf: String(value).utf8)
  }

  /// A string in quotes, escaped as `JSONEncoder` escapes it.
  mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    value.withUTF8Bytes { utf8 in
      var mark = 0
      for i in utf8.indices {
        let byte = utf8[i]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C || (byte == 0x2F && escapesSlashes) else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i]))
        bytes.append(0x5C)
        switch byte {
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x20...: bytes.append(byte)  // " \ /
        default: bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 15)]])
        }
        mark = i + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// `"key":` (compact) — the key must need no escape, as the field names here do not.
  mutating func key(_ name: StaticString, first: Bool = false) {
    if !first { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\""))
    raw(name)
    raw("\":")
  }

  /// A `[String: Int]` as a compact object, its keys in UTF-8 byte order.
  mutating func object(_ counts: [String: Int]) {
    bytes.append(UInt8(ascii: "{"))
    for (i, key) in Self.sortedKeys(counts).enumerated() {
      if i > 0 { bytes.append(UInt8(ascii: ",")) }
      string(key)
      bytes.append(UInt8(ascii: ":"))
      integer(counts[key]!)
    }
    bytes.append(UInt8(ascii: "}"))
  }

  /// The keys in the order `.sortedKeys` prints them.
  static func sortedKeys<V>(_ dictionary: [String: V]) -> [String] {
    dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}

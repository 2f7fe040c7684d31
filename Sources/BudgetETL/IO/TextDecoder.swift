#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file's bytes could not be read as text.
public enum DecodingError: Error, Equatable, CustomStringConvertible {
  case empty
  case binary(offset: Int)
  case malformed(encoding: String, offset: Int)
  /// Neither strict UTF-8 nor GB18030: where each of them found a bad byte sequence.
  case undecodable(utf8Offset: Int, gb18030Offset: Int)
  case converterUnavailable(String)

  public var description: String {
    switch self {
    case .empty: return "empty file"
    case .binary(let offset): return "binary data, not text (NUL byte at offset \(offset))"
    case .malformed(let encoding, let offset):
      return "not valid \(encoding) text (bad byte sequence at offset \(offset))"
    case .undecodable(let u, let g):
      return "neither UTF-8 nor GB18030 text (bad byte sequence at offset \(u) as UTF-8, at offset \(g) as GB18030)"
    case .converterUnavailable(let name): return "iconv cannot convert from \(name) on this machine"
    }
  }
}

/// A file's text, decoded to UTF-8, and the encoding it was found in.
public struct DecodedText: Sendable {
  /// The text. Changing it clears ``isCheckedUTF8``: the check was of the bytes as decoded.
  public var utf8: [UInt8] {
    didSet { isCheckedUTF8 = false }
  }
  /// `utf-8`, `utf-8-bom`, `gb18030`, `utf-16le`, `utf-16be`.
  public var encoding: String
  /// When the file ends inside a character (a cut file): the offset of that character's first
  /// byte. The text before it was decoded.
  public var truncatedAt: Int?
  /// `utf8` passed ``TextDecoder/firstInvalidUTF8(_:)`` (text read as UTF-8): whoever cuts
  /// it into Strings need not validate it again. False for what iconv made, never checked.
  /// Only the decoder sets it: Strings are made from checked bytes without validating them,
  /// so a caller's claim could make an invalid String.
  public internal(set) var isCheckedUTF8: Bool

  /// Text from elsewhere: not checked, so its Strings are validated as they are made.
  public init(utf8: [UInt8], encoding: String, truncatedAt: Int? = nil) {
    self.init(utf8: utf8, encoding: encoding, truncatedAt: truncatedAt, isCheckedUTF8: false)
  }

  init(utf8: [UInt8], encoding: String, truncatedAt: Int?, isCheckedUTF8: Bool) {
    self.utf8 = utf8
    self.encoding = encoding
    self.truncatedAt = truncatedAt
    self.isCheckedUTF8 = isCheckedUTF8
  }
}

/// Detects a file's encoding and converts it to UTF-8: strict UTF-8 first (with or without
/// BOM), UTF-16 by its BOM or, without one, by where its zero bytes fall, then GB18030 (which
/// also decodes GBK) through glibc's iconv.
public enum TextDecoder {
  public static func decode(_ bytes: [UInt8]) throws -> DecodedText {
    if bytes.isEmpty { throw DecodingError.empty }
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      let body = Array(bytes[3...])
      var cut: Int?
      if let bad = firstInvalidUTF8(body) {
        guard isIncompleteUTF8Tail(body, from: bad) else { throw DecodingError.malformed(encoding: "UTF-8", offset: bad + 3) }
        cut = bad
      }
      let text = cut.map { Array(body[..<$0]) } ?? body
      if let nul = firstZero(text) { throw DecodingError.binary(offset: nul + 3) }
      return DecodedText(utf8: text, encoding: "utf-8-bom", truncatedAt: cut.map { $0 + 3 }, isCheckedUTF8: true)
    }
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
      let (text, cut) = try iconv(Array(bytes[2...]), from: "UTF-16LE", offsetBase: 2)
      return DecodedText(utf8: text, encoding: "utf-16le", truncatedAt: cut)
    }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
      let (text, cut) = try iconv(Array(bytes[2...]), from: "UTF-16BE", offsetBase: 2)
      return DecodedText(utf8: text, encoding: "utf-16be", truncatedAt: cut)
    }
    if let nul = firstZero(bytes) {
      // UTF-16 without a BOM: its ASCII (digits, tabs, line ends) puts a zero in every other byte.
      if let order = bomlessUTF16(bytes) {
        let name = order == .little ? "UTF-16LE" : "UTF-16BE"
        do {
          let (text, cut) = try iconv(bytes, from: name, offsetBase: 0)
          if !text.contains(0), !looksBinary(text) {
            return DecodedText(utf8: text, encoding: order == .little ? "utf-16le" : "utf-16be", truncatedAt: cut)
          }
        } catch DecodingError.malformed {
          // not UTF-16 after all: binary, below
        }
      }
      throw DecodingError.binary(offset: nul)
    }
    guard let bad = firstInvalidUTF8(bytes) else {
      return DecodedText(utf8: bytes, encoding: "utf-8", truncatedAt: nil, isCheckedUTF8: true)
    }
    if isIncompleteUTF8Tail(bytes, from: bad) {
      return DecodedText(utf8: Array(bytes[..<bad]), encoding: "utf-8", truncatedAt: bad, isCheckedUTF8: true)
    }
    let converted: [UInt8]
    let cut: Int?
    do {
      (converted, cut) = try iconv(bytes, from: "GB18030", offsetBase: 0)
    } catch DecodingError.malformed(_, let offset) {
      throw DecodingError.undecodable(utf8Offset: bad, gb18030Offset: offset)
    }
    if looksBinary(converted) { throw DecodingError.binary(offset: 0) }
    return DecodedText(utf8: converted, encoding: "gb18030", truncatedAt: cut)
  }

  enum ByteOrder { case little, big }

  /// The byte order of UTF-16 text without a BOM, or nil when the zero bytes do not say. Text
  /// in a budget document holds digits, tabs and line ends: as UTF-16 each puts a zero in the
  /// high byte (odd offsets little-endian, even ones big-endian), while a zero low byte comes
  /// only from the rarer characters U+xx00 (一 is U+4E00). Reads the first 64 KiB.
  static func bomlessUTF16(_ bytes: [UInt8]) -> ByteOrder? {
    let pairs = min(bytes.count, 65_536) / 2
    guard pairs >= 2 else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    for p in 0..<pairs {
      if bytes[2 * p] == 0 { evenZeros += 1 }
      if bytes[2 * p + 1] == 0 { oddZeros += 1 }
    }
    // A tenth of the characters ASCII, and four times as many zeros on one side as the other.
    if oddZeros * 10 >= pairs && oddZeros >= 4 * evenZeros { return .little }
    if evenZeros * 10 >= pairs && evenZeros >= 4 * oddZeros { return .big }
    return nil
  }

  /// True when the bytes from `offset` to the end are the start of one UTF-8 character cut
  /// off by the end of the file: a lead byte and fewer continuation bytes than it announces.
  static func isIncompleteUTF8Tail(_ bytes: [UInt8], from offset: Int) -> Bool {
    let lead = bytes[offset]
    let length = lead & 0xE0 == 0xC0 ? 2 : lead & 0xF0 == 0xE0 ? 3 : lead & 0xF8 == 0xF0 ? 4 : 0
    let rest = bytes.count - offset
    guard length > 0, rest < length else { return false }
    return bytes[(offset + 1)...].allSatisfy { $0 & 0xC0 == 0x80 }
  }

  /// The offset of the first byte that is not part of valid UTF-8, or nil.
  public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) }
  }

  /// `bytes.firstIndex(of: 0)` with `memchr`: every document is searched for a NUL (binary
  /// files have one), and the generic search read the bytes one at a time.
  static func firstZero(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress, let hit = memchr(base, 0, b.count) else { return nil }
      return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }
  }

  /// Runs of ASCII are stepped over eight bytes at a time, and the three-byte sequences of
  /// Chinese text are checked without decoding their scalar: this scan reads every byte of
  /// every document once.
  static func firstInvalidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let p = buffer.baseAddress else { return nil }
    let raw = UnsafeRawPointer(p)
    let n = buffer.count
    var i = 0
    while i < n {
      let b = p[i]
      if b < 0x80 {
        i += 1
        while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
          i += 8
        }
        continue
      }
      if b & 0xF0 == 0xE0 {
        // E0 needs A0…BF next (no overlong form), ED needs 80…9F (no surrogate).
        guard i + 2 < n else { return i }
        let c1 = p[i + 1]
        let c2 = p[i + 2]
        guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80 else { return i }
        if b == 0xE0 && c1 < 0xA0 { return i }
        if b == 0xED && c1 > 0x9F { return i }
        i += 3
        continue
      }
      if b & 0xE0 == 0xC0 {
        // C0 and C1 lead only overlong forms.
        guard b >= 0xC2, i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return i }
        i += 2
        continue
      }
      // F0 needs 90…BF next (no overlong form), F4 needs 80…8F (at most U+10FFFF).
      guard b >= 0xF0, b <= 0xF4, i + 3 < n else { return i }
      let c1 = p[i + 1]
      guard c1 & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else { return i }
      if b == 0xF0 && c1 < 0x90 { return i }
      if b == 0xF4 && c1 > 0x8F { return i }
      i += 4
    }
    return nil
  }

  /// Control characters other than tab, line ends and form feed in more than 1% of the text.
  static func looksBinary(_ utf8: [UInt8]) -> Bool {
    var control = 0
    for b in utf8 where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { control += 1 }
    return control * 100 > utf8.count
  }

  /// Converts `bytes` from `encoding` to UTF-8 with glibc's iconv; a bad sequence names its
  /// offset. An incomplete character at the end (a cut file) ends the text: its offset is
  /// returned with what came before it.
  static func iconv(_ bytes: [UInt8], from encoding: String, offsetBase: Int) throws -> ([UInt8], Int?) {
    let cd = iconv_open("UTF-8", encoding)
    if cd == iconv_t(bitPattern: -1) { throw DecodingError.converterUnavailable(encoding) }
    defer { iconv_close(cd) }
    var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
    var input = bytes
    var produced = 0
    var truncatedAt: Int?
    try input.withUnsafeMutableBufferPointer { inBuf in
      var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?
        .assumingMemoryBound(to: CChar.self)
      var inLeft = inBuf.count
      while inLeft > 0 {
        if output.count - produced < 16 { output.append(contentsOf: [UInt8](repeating: 0, count: output.count)) }
        let result: Int = output.withUnsafeMutableBufferPointer { outBuf in
          var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress! + produced)
            .assumingMemoryBound(to: CChar.self)
          var outLeft = outBuf.count - produced
          let before = outLeft
          let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
          produced += before - outLeft
          return r
        }
        if result == -1 {
          let err = errno
          if err == E2BIG { output.append(contentsOf: [UInt8](repeating: 0, count: output.count)); continue }
          let offset = offsetBase + (inBuf.count - inLeft)
          if err == EINVAL {
            truncatedAt = offset
            break
          }
          throw DecodingError.malformed(encoding: encoding, offset: offset)
        }
      }
    }
    output.removeSubrange(produced...)
    return (output, truncatedAt)
  }
}

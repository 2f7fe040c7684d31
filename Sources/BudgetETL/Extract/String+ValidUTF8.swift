extension String {
  /// A copy of bytes already known to be valid UTF-8 — a piece of another String cut at ASCII
  /// bytes (tabs, line ends), or text `TextDecoder.firstInvalidUTF8` passed — made without
  /// validating them again. `String(decoding:as:)` re-validates every byte: for a document's
  /// lines and its table cells that second check was about 1% of a run.
  ///
  /// The ASCII flag is set exactly as validation would set it (all bytes below 0x80), so the
  /// String takes the same fast paths as one `String(decoding:as:)` makes.
  ///
  /// - Precondition: `bytes` is valid UTF-8; anything else is undefined behaviour, hence the
  ///   debug check.
  init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    self.init(validUTF8: bytes, isASCII: Self.isASCII(bytes))
  }

  /// ``init(validUTF8:)`` for bytes whose ASCII flag the caller found in its own pass over
  /// them (`isASCII` must be `String.isASCII(bytes)`; the debug check holds it to that).
  init(validUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII ascii: Bool) {
    assert(TextDecoder.firstInvalidUTF8(bytes) == nil, "not valid UTF-8")
    assert(ascii == Self.isASCII(bytes), "wrong ASCII flag")
    if #available(macOS 26, *) {
      self = unsafe String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: ascii))
    } else {
      self = String(decoding: bytes, as: UTF8.self)
    }
  }

  /// True when every byte is below 0x80, read eight bytes at a time.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let n = bytes.count
    var i = 0
    var or: UInt64 = 0
    while i + 8 <= n {
      or |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      i += 8
    }
    var tail: UInt8 = 0
    while i < n {
      tail |= base[i]
      i += 1
    }
    return or & 0x8080_8080_8080_8080 == 0 && tail & 0x80 == 0
  }
}

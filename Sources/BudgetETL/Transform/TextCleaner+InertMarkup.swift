/// ``TextCleaner/stripMarkup(notClean:)`` on the bytes of inert text (``LiteralSearch/isInert(_:)``):
/// there every scalar has no canonical decomposition, combines with nothing and is a character
/// of its own, so two such texts are equal exactly when their bytes are, and finding the tags, removing `**` and `__` and dropping the leading `#`, bullets and quotes byte by byte
/// gives what the `Character` walks and `Substring` prefixes give, in one output buffer.
extension TextCleaner {
  /// ``stripMarkup(notClean:)`` of inert text that holds markup (``LiteralSearch/mayHoldMarkup(_:)``
  /// said so, or it starts with `>` or `|`).
  static func stripMarkupOfInertText(_ text: String) -> String {
    return text.withUTF8Bytes { b -> String in
      // Known tags removed (`removeKnownTags`).
      var s: [UInt8] = []
      s.reserveCapacity(b.count)
      let n = b.count
      var i = 0
      while i < n {
        if b[i] == 0x3C, let close = knownTagEnd(b, from: i) {
          i = close + 1
          continue
        }
        s.append(b[i])
        i += 1
      }
      // `**` then `__` removed, each left to right.
      s = removingPairs(of: 0x2A, from: s)
      s = removingPairs(of: 0x5F, from: s)
      // Leading spaces and U+3000, then `#`s and the spaces after them, a bullet, a quote.
      var start = 0
      while true {
        if start < s.count, s[start] == 0x20 {
          start += 1
        } else if start + 2 < s.count, s[start] == 0xE3, s[start + 1] == 0x80, s[start + 2] == 0x80 {
          start += 3
        } else {
          break
        }
      }
      if start < s.count, s[start] == 0x23 {
        while start < s.count, s[start] == 0x23 { start += 1 }
        while start < s.count, s[start] == 0x20 { start += 1 }
      }
      if start + 1 < s.count, s[start] == 0x2D || s[start] == 0x2A || s[start] == 0x2B, s[start + 1] == 0x20 { start += 2 }
      if start + 1 < s.count, s[start] == 0x3E, s[start + 1] == 0x20 { start += 2 }
      if start == 0 && s.count == n { return text }
      return String(decoding: s[start...], as: UTF8.self)
    }
  }

  /// The offset of the `>` closing a known tag whose `<` is at `open`, or nil: the tag's text
  /// runs to the first `>` before any other `<`; without a `/` at either end, its letters
  /// (lowercased) name a known tag, followed by nothing or by a space.
  private static func knownTagEnd(_ b: UnsafeBufferPointer<UInt8>, from open: Int) -> Int? {
    var j = open + 1
    while j < b.count, b[j] != 0x3E, b[j] != 0x3C { j += 1 }
    guard j < b.count, b[j] == 0x3E else { return nil }
    var start = open + 1
    var end = j
    if start < end, b[start] == 0x2F { start += 1 }
    if start < end, b[end - 1] == 0x2F { end -= 1 }
    // The name: the ASCII letters, then the end or a space. Anything else after them (a
    // letter that is not ASCII included) makes a name no known tag is: no inert letter that is
    // not ASCII lowercases to ASCII (the Kelvin sign, which does, is not inert).
    var k = start
    var name = ""
    while k < end, isASCIILetter(b[k]) {
      name.unicodeScalars.append(Unicode.Scalar(b[k] | 0x20))
      k += 1
    }
    guard knownTags.contains(name), k == end || b[k] == 0x20 else { return nil }
    return j
  }

  @inline(__always)
  private static func isASCIILetter(_ c: UInt8) -> Bool {
    (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
  }

  /// `bytes` without each non-overlapping pair of `byte`, read left to right.
  private static func removingPairs(of byte: UInt8, from bytes: [UInt8]) -> [UInt8] {
    guard let first = bytes.indices.first(where: { $0 + 1 < bytes.count && bytes[$0] == byte && bytes[$0 + 1] == byte }) else {
      return bytes
    }
    var out = Array(bytes[..<first])
    out.reserveCapacity(bytes.count)
    var i = first
    while i < bytes.count {
      if i + 1 < bytes.count, bytes[i] == byte, bytes[i + 1] == byte {
        i += 2
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return out
  }
}

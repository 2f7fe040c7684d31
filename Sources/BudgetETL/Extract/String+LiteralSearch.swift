import Foundation

/// Substring search on UTF-8 bytes for the text this pipeline reads, with Foundation's results.
///
/// Foundation's `contains(_:)`, `range(of:)` and `replacingOccurrences(of:with:)` compare by
/// canonical equivalence, character cluster by character cluster, through `CFStringFind`:
/// correct, and most of the pipeline's time on budget documents. For text in which every
/// scalar is *inert* — it has no canonical decomposition, does not combine with its neighbours
/// and is a character cluster of its own (ASCII but CR, CJK ideographs, CJK and full-width
/// punctuation, the usual symbols) — canonical equivalence is scalar equality, so a byte search
/// finds exactly what Foundation finds. Anything else (combining marks, Hangul, CJK
/// compatibility ideographs, accented Latin, an empty needle) goes to Foundation as before.
///
/// These overloads are more specific than Foundation's generic ones, so every call on a
/// `String` in this module takes them; calls on a `Substring` still go to Foundation.
extension String {
  /// True when `other` occurs in the string (Foundation's `contains(_:)`).
  func contains(_ other: String) -> Bool {
    if let found = LiteralSearch.firstOffset(of: other, in: self) { return found >= 0 }
    return self[...].range(of: other) != nil
  }

  /// The first range of `other` in the string (Foundation's `range(of:)`).
  func range(of other: String) -> Range<String.Index>? {
    if let found = LiteralSearch.firstOffset(of: other, in: self) {
      guard found >= 0 else { return nil }
      let lower = utf8.index(utf8.startIndex, offsetBy: found)
      return lower..<utf8.index(lower, offsetBy: other.utf8.count)
    }
    return self[...].range(of: other)
  }

  /// The string with every occurrence of `target` replaced, left to right, without overlap
  /// (Foundation's `replacingOccurrences(of:with:)`).
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    // No other spelling is canonically a space: text without a space byte holds none (most
    // calls remove spaces from text that has none).
    if target.utf8.count == 1, target.utf8.first == 0x20, !containsByte(0x20) { return self }
    if let result = LiteralSearch.replacing(target, with: replacement, in: self) { return result }
    return self[...].replacingOccurrences(of: target, with: replacement)
  }
}

/// The byte searches behind the `String` overloads above.
enum LiteralSearch {
  /// The byte offset of the first occurrence of `needle` (-1 when there is none), or nil when
  /// either string is not inert and only Foundation can answer.
  static func firstOffset(of needle: String, in haystack: String) -> Int? {
    return needle.withUTF8Bytes { n in
      haystack.withUTF8Bytes { h in
        guard !n.isEmpty, isInert(n), isInert(h) else { return nil }
        return find(n, in: h, from: 0) ?? -1
      }
    }
  }

  static func replacing(_ target: String, with replacement: String, in text: String) -> String? {
    let original = text
    return target.withUTF8Bytes { n -> String? in
      text.withUTF8Bytes { h -> String? in
        guard !n.isEmpty, isInert(n), isInert(h) else { return nil }
        guard let out = replacingAll(n, with: Array(replacement.utf8), in: h) else { return original }
        return String(decoding: out, as: UTF8.self)
      }
    }
  }

  /// The bytes `h` with every occurrence of `n` (not empty), left to right, replaced by `r`
  /// (`replacingOccurrences(of:with:)` on inert text); nil when `n` does not occur.
  static func replacingAll(_ n: UnsafeBufferPointer<UInt8>, with r: [UInt8], in h: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard var match = find(n, in: h, from: 0) else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(h.count)
    var start = 0
    while true {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: h[start..<match]))
      out.append(contentsOf: r)
      start = match + n.count
      guard let next = find(n, in: h, from: start) else { break }
      match = next
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: h[start...]))
    return out
  }

  /// Whether inert text holds `<`, `*`, `#`, `- ` or `__` (one pass instead of five
  /// searches); nil when the text is not inert.
  ///
  /// One pass for both questions: the markup is looked for among the ASCII bytes while the
  /// other scalars are checked for inertness (``isInert(_:)`` then a second scan was two
  /// passes over every line the noise filter reads).
  static func mayHoldMarkup(_ text: String) -> Bool? {
    return text.withUTF8Bytes { b -> Bool? in
      var found = false
      var previous: UInt8 = 0
      var i = 0
      let count = b.count
      while i < count {
        let c = b[i]
        if c < 0x80 {
          if c == 0x0D { return nil }  // CR LF is one cluster: not inert
          if c == 0x3C || c == 0x2A || c == 0x23 { found = true }  // < * #
          if c == 0x20 && previous == 0x2D { found = true }  // "- "
          if c == 0x5F && previous == 0x5F { found = true }  // "__"
          previous = c
          i += 1
          continue
        }
        // A scalar that is not ASCII: inert or the answer is nil; it ends with a continuation
        // byte, which is no byte of the markup.
        previous = 0
        // CJK ideographs (lead bytes E5–E9, and E4 but the hexagrams E4 B7) as `isInert` takes them.
        if i + 2 < count && (c >= 0xE5 && c <= 0xE9 || c == 0xE4 && b[i + 1] != 0xB7) {
          i += 3
          continue
        }
        let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
        guard i + length <= count, isInert(UnsafeBufferPointer(rebasing: b[i..<(i + length)])) else { return nil }
        i += length
      }
      return found
    }
  }

  /// `trimmingASCIIAndIdeographicSpaces()` on bytes: drops leading and trailing space, tab,
  /// U+3000 and U+00A0. Nil when a scalar next to a trimmed one is not inert (it might join
  /// the space into a larger character cluster, which the `Character` comparison would not
  /// trim), so the caller compares characters as before.
  static func trimmingSpaces(_ original: String) -> String? {
    // Most text starts with no byte a space starts with (20, 09, C2, E3) and ends with none a
    // space ends with (20, 09, A0, 80): it is its own trimming, settled by two bytes without
    // copying the string to read them (a third of the time of trimming, which every cell and
    // line gets, most of them more than once).
    let untrimmed = original.utf8.withContiguousStorageIfAvailable { b -> Bool in
      guard let first = b.first, let last = b.last else { return false }
      return first != 0x20 && first != 0x09 && first != 0xC2 && first != 0xE3
        && last != 0x20 && last != 0x09 && last != 0xA0 && last != 0x80
    }
    if untrimmed == true { return original }
    return original.withUTF8Bytes { b -> String? in
      let count = b.count
      // The length of a trimmable space starting at `i`, or 0.
      func spaceLength(at i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || c == 0x09 { return 1 }
        if c == 0xC2, i + 1 < count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE3, i + 2 < count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        return 0
      }
      var start = 0
      while start < count {
        let n = spaceLength(at: start)
        if n == 0 { break }
        start += n
      }
      guard start < count else { return start == 0 ? original : "" }
      // The scalar after the leading spaces must start a cluster of its own.
      guard start == 0 || scalarIsInert(b, at: start) else { return nil }
      var end = count
      while end > start {
        // The trailing space candidates are 1 to 3 bytes long.
        if b[end - 1] == 0x20 || b[end - 1] == 0x09 {
          end -= 1
        } else if end - 2 >= start, b[end - 2] == 0xC2, b[end - 1] == 0xA0 {
          end -= 2
        } else if end - 3 >= start, b[end - 3] == 0xE3, b[end - 2] == 0x80, b[end - 1] == 0x80 {
          end -= 3
        } else {
          break
        }
      }
      if end < count {
        // The scalar before the trailing spaces must not hold on to them (a prepend mark).
        var last = end - 1
        while last > start, b[last] & 0xC0 == 0x80 { last -= 1 }
        guard scalarIsInert(b, at: last) else { return nil }
      }
      if start == 0 && end == count { return original }
      // Whole space scalars were cut off a String: the rest is valid UTF-8 as it stands.
      return String(validUTF8: UnsafeBufferPointer(rebasing: b[start..<end]))
    }
  }

  /// The scalar of valid UTF-8 starting at byte `i`, and its length in bytes.
  @inline(__always)
  static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
    let b0 = b[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    if b0 < 0xE0 { return (UInt32(b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
    if b0 < 0xF0 {
      return (UInt32(b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
    }
    let value =
      UInt32(b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
    return (value, 4)
  }

  /// Whether the text has at most `limit` characters, from its first scalars when they are
  /// inert: between two inert scalars there is always a cluster break, so `limit + 1` inert
  /// scalars at the start make at least `limit + 1` characters, and text of inert scalars
  /// only has one character per scalar. Nil when a scalar that is not inert comes first.
  static func hasAtMostInertScalars(_ limit: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
    var i = 0
    var count = 0
    let n = b.count
    while i < n {
      let b0 = b[i]
      if b0 < 0x80 {
        if b0 == 0x0D { return nil }
        i += 1
      } else if b0 >= 0xE5 && b0 <= 0xE9 && i + 2 < n {
        i += 3
      } else if b0 == 0xE4 && i + 2 < n && b[i + 1] != 0xB7 {
        i += 3
      } else {
        guard scalarIsInert(b, at: i) else { return nil }
        i += b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
      }
      count += 1
      if count > limit { return false }
    }
    return true
  }

  /// True when the scalar starting at byte `i` is inert.
  static func scalarIsInert(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    var n = 1
    let b0 = b[i]
    if b0 >= 0xF0 { n = 4 } else if b0 >= 0xE0 { n = 3 } else if b0 >= 0xC0 { n = 2 }
    guard i + n <= b.count else { return false }
    return isInert(UnsafeBufferPointer(rebasing: b[i..<(i + n)]))
  }

  /// The first offset at or after `from` where `needle` starts in `haystack`. Candidates are
  /// found with `memchr` on the needle's last byte (vectorized), then the bytes before it are
  /// compared. The last byte of a Chinese word is a continuation byte (80–BF, 64 values),
  /// rarer in the text than its first, a lead byte (most ideographs start with one of E4–E9):
  /// `memchr` on the first byte stopped every few ideographs, a call for a few bytes.
  static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    let n = needle.count
    guard n <= haystack.count - from, let base = haystack.baseAddress else { return nil }
    let k = n - 1
    let last = needle[k]
    // `i` runs over the offsets where the needle's last byte may stand, in order: the first
    // match found is the first occurrence.
    var i = from + k
    let end = haystack.count
    while i < end {
      guard let hit = memchr(base + i, Int32(last), end - i) else { return nil }
      i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      let start = i - k
      var j = 0
      while j < k && haystack[start + j] == needle[j] { j += 1 }
      if j == k { return start }
      i += 1
    }
    return nil
  }

  /// True when every scalar of the (valid) UTF-8 is inert: no canonical decomposition, no
  /// composition with a neighbour, a character cluster of its own.
  static func isInert(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let count = bytes.count
    while i < count {
      let b0 = bytes[i]
      if b0 < 0x80 {
        if b0 == 0x0D { return false }  // CR LF is one cluster
        i += 1
        continue
      }
      // U+5000–U+9FFF (lead bytes E5–E9): CJK ideographs, the bulk of the text.
      if b0 >= 0xE5 && b0 <= 0xE9 && i + 2 < count {
        i += 3
        continue
      }
      // U+4000–U+4FFF (lead byte E4) but U+4DC0–U+4DFF (E4 B7 xx, the Yijing hexagrams):
      // extension A and the first unified ideographs (一 丁 上 不 中 …).
      if b0 == 0xE4 && i + 2 < count && bytes[i + 1] != 0xB7 {
        i += 3
        continue
      }
      let scalar: UInt32
      if b0 & 0xE0 == 0xC0, i + 1 < count {
        scalar = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        i += 2
      } else if b0 & 0xF0 == 0xE0, i + 2 < count {
        scalar = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        i += 3
      } else if b0 & 0xF8 == 0xF0, i + 3 < count {
        scalar =
          UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
          | UInt32(bytes[i + 3] & 0x3F)
        i += 4
      } else {
        return false
      }
      guard isInert(scalar) else { return false }
    }
    return true
  }

  @inline(__always)
  static func isInert(_ v: UInt32) -> Bool {
    switch v {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF: return true  // CJK unified ideographs
    case 0x3000...0x3029, 0x3030...0x303F: return true  // CJK symbols and punctuation (not 302A–302F: combining)
    case 0xFF01...0xFF9D, 0xFFA0...0xFFEF: return true  // full-width and half-width forms (not FF9E–FF9F)
    case 0x2010...0x2027, 0x2030...0x205E: return true  // dashes, quotes, ellipsis, ‰ ※ (not spaces, joiners)
    case 0x00A0...0x00AC, 0x00AE...0x00BF, 0x00D7, 0x00F7: return true  // Latin-1 signs (not the soft hyphen)
    case 0x2103, 0x2160...0x2188, 0x2190...0x2199, 0x2264, 0x2265: return true  // ℃, Ⅰ…, arrows, ≤ ≥
    case 0x2460...0x24FF, 0x2500...0x25FF: return true  // ① …, box drawing, shapes
    case 0x20000...0x2F7FF: return true  // CJK extensions (not the compatibility supplement)
    default: return false
    }
  }
}

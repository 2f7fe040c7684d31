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
    if let result = LiteralSearch.replacing(target, with: replacement, in: self) { return result }
    return self[...].replacingOccurrences(of: target, with: replacement)
  }
}

/// The byte searches behind the `String` overloads above.
enum LiteralSearch {
  /// The byte offset of the first occurrence of `needle` (-1 when there is none), or nil when
  /// either string is not inert and only Foundation can answer.
    static func firstOffset(of needle: String, in haystack: String) -> Int? {
    var needle = needle
    var haystack = haystack
    return needle.withUTF8 { n in
      haystack.withUTF8 { h in
        guard !n.isEmpty, isInert(n), isInert(h) else { return nil }
        return find(n, in: h, from: 0) ?? -1
      }
    }
  }

  static func replacing(_ target: String, with replacement: String, in text: String) -> String? {
    var target = target
    var text = text
    return target.withUTF8 { n -> String? in
      text.withUTF8 { h -> String? in
        guard !n.isEmpty, isInert(n), isInert(h) else { return nil }
        guard var match = find(n, in: h, from: 0) else { return String(decoding: h, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(h.count)
        let r = Array(replacement.utf8)
        var start = 0
        while true {
          out.append(contentsOf: UnsafeBufferPointer(rebasing: h[start..<match]))
          out.append(contentsOf: r)
          start = match + n.count
          guard let next = find(n, in: h, from: start) else { break }
          match = next
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: h[start...]))
        return String(decoding: out, as: UTF8.self)
      }
    }
  }

  /// The first offset at or after `from` where `needle` starts in `haystack`.
  static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    let n = needle.count
    guard n <= haystack.count - from else { return nil }
    let first = needle[0]
    var i = from
    let last = haystack.count - n
    while i <= last {
      if haystack[i] == first {
        var k = 1
        while k < n && haystack[i + k] == needle[k] { k += 1 }
        if k == n { return i }
      }
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

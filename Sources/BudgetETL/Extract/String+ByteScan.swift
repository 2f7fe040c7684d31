import Foundation

/// Questions the readers ask of every cell and line, answered on UTF-8 bytes with the same
/// results as the `Character`-based `String` operations they replace.
///
/// `String`'s `==`, `hasPrefix`, `hasSuffix` and `count` are Unicode-aware: on Chinese text
/// they normalize and break character clusters, which made them a large share of the readers'
/// time. The answers below come from the bytes when the bytes settle them, and from the
/// standard library otherwise (a combining mark or another scalar that is not a cluster of its
/// own next to the compared part: see ``LiteralSearch/isInert(_:)``).
extension String {
  /// `self == literal`, for a literal whose scalars are inert (no other spelling is
  /// canonically equivalent to it): equal bytes, or the standard library when the bytes differ
  /// and `self` holds a scalar that is not inert.
  @inline(__always)
  func isLiteral(_ literal: String) -> Bool {
    isLiteral(literal, settledOnBytes: comparesOnBytes)
  }

  /// True when comparing the string with an inert literal is settled by the bytes alone: it is
  /// ASCII, or every scalar is inert. Computed once, it serves a string compared with many
  /// literals (``isLiteral(_:settledOnBytes:)``, ``hasLiteralSuffix(_:settledOnBytes:)``),
  /// which otherwise rescan the whole string for every literal whose bytes differ.
  var comparesOnBytes: Bool { isASCIIOnly || allScalarsInert }

  /// `isLiteral(literal)` for a string whose ``comparesOnBytes`` is `settledOnBytes` (asked
  /// only when the bytes differ).
  @inline(__always)
  func isLiteral(_ literal: String, settledOnBytes settled: @autoclosure () -> Bool) -> Bool {
    if utf8.count == literal.utf8.count && utf8Matches(literal, at: 0) { return true }
    return !settled() && self == literal
  }

  /// `hasPrefix(prefix)` for a prefix of inert scalars.
  ///
  /// Bytes that differ settle it when the string's scalars over the prefix's length are inert
  /// (the rest of the string cannot matter): there each scalar but the last is a character,
  /// and the last one's character is a scalar of the prefix only when no mark follows it, so a
  /// prefix that is there is there byte for byte. Only those scalars are read, not the whole
  /// string (``comparesOnBytes``).
  func hasLiteralPrefix(_ prefix: String) -> Bool {
    hasLiteralPrefix(prefix, settledOnBytes: inertScalars(overFirstBytes: prefix.utf8.count))
  }

  /// `hasLiteralPrefix(prefix)` for a string whose ``comparesOnBytes`` is `settledOnBytes`
  /// (asked only when the bytes differ).
  func hasLiteralPrefix(_ prefix: String, settledOnBytes settled: @autoclosure () -> Bool) -> Bool {
    let n = prefix.utf8.count
    guard utf8.count >= n, utf8Matches(prefix, at: 0) else {
      // Bytes that differ can still be canonically equivalent only with a scalar that is not inert.
      return !settled() && hasPrefix(prefix)
    }
    // The prefix must end a character cluster: the scalar after it must start one.
    return utf8.count == n || scalarStartsCluster(atByte: n) ? true : hasPrefix(prefix)
  }

  /// `hasSuffix(suffix)` for a suffix of inert scalars; bytes that differ are settled by the
  /// scalars over the suffix's length at the end, as ``hasLiteralPrefix(_:)`` is at the start
  /// (a character that ends in an inert scalar but starts before it, after a prepend mark or a
  /// joiner, is no scalar of the suffix).
  func hasLiteralSuffix(_ suffix: String) -> Bool {
    hasLiteralSuffix(suffix, settledOnBytes: inertScalars(overLastBytes: suffix.utf8.count))
  }

  /// True when every scalar that has a byte among the first `count` bytes is ASCII other than
  /// CR, or inert (the whole string when it is shorter).
  func inertScalars(overFirstBytes count: Int) -> Bool {
    return self.withUTF8Bytes { b in
      var end = Swift.min(count, b.count)
      // To the end of the scalar the last of those bytes belongs to.
      while end < b.count, b[end] & 0xC0 == 0x80 { end += 1 }
      return LiteralSearch.isInert(UnsafeBufferPointer(rebasing: b[0..<end]))
    }
  }

  /// True when every scalar that has a byte among the last `count` bytes is ASCII other than
  /// CR, or inert (the whole string when it is shorter).
  func inertScalars(overLastBytes count: Int) -> Bool {
    // No byte to look at (and `b[b.count]` below would read past the end).
    guard count > 0 else { return true }
    return self.withUTF8Bytes { b in
      var start = Swift.max(0, b.count - count)
      // From the start of the scalar the first of those bytes belongs to.
      while start > 0, b[start] & 0xC0 == 0x80 { start -= 1 }
      return LiteralSearch.isInert(UnsafeBufferPointer(rebasing: b[start..<b.count]))
    }
  }

  /// `hasLiteralSuffix(suffix)` for a string whose ``comparesOnBytes`` is `settledOnBytes`
  /// (asked only when the bytes differ).
  func hasLiteralSuffix(_ suffix: String, settledOnBytes settled: @autoclosure () -> Bool) -> Bool {
    let n = suffix.utf8.count
    guard utf8.count >= n, utf8Matches(suffix, at: utf8.count - n) else {
      return !settled() && hasSuffix(suffix)
    }
    // The suffix must start a character cluster: the scalar before it must not hold on to it.
    return utf8.count == n || scalarEndsCluster(beforeByte: utf8.count - n) ? true : hasSuffix(suffix)
  }

  /// True when the bytes of `other` stand at byte `offset` of the string's:
  /// `utf8.dropFirst(offset).prefix(n).elementsEqual(other.utf8)` for `n = other.utf8.count`, as
  /// one `memcmp` (the generic `elementsEqual` walks both views through iterators, byte by
  /// byte); false when `other` does not fit.
  @inline(__always)
  func utf8Matches(_ other: String, at offset: Int) -> Bool {
    let n = other.utf8.count
    guard offset >= 0, offset + n <= utf8.count else { return false }
    if n == 0 { return true }
    let compared = utf8.withContiguousStorageIfAvailable { a in
      other.utf8.withContiguousStorageIfAvailable { b in memcmp(a.baseAddress! + offset, b.baseAddress!, n) == 0 }
    }
    if let compared, let compared { return compared }
    return utf8.dropFirst(offset).prefix(n).elementsEqual(other.utf8)
  }

  /// `utf8.contains(byte)` with `memchr` (vectorized) instead of a walk through the view.
  @inline(__always)
  func containsByte(_ byte: UInt8) -> Bool {
    let found = utf8.withContiguousStorageIfAvailable { b in
      b.isEmpty ? false : memchr(b.baseAddress!, Int32(byte), b.count) != nil
    }
    return found ?? utf8.contains(byte)
  }

  /// `contains("\t")` (Foundation's search, which does not see a tab a combining mark follows:
  /// `"\t\u{301}"` holds none) from the bytes: a tab followed by the end, an ASCII byte or an
  /// inert scalar is one the search finds; a string without a tab byte holds no tab. Only when
  /// every tab is followed by another scalar does the search decide.
  func containsTab() -> Bool {
    let settled = self.withUTF8Bytes { b -> Bool? in
      guard let base = b.baseAddress, var hit = memchr(base, 0x09, b.count) else { return false }
      while true {
        let next = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) + 1
        if next == b.count || b[next] < 0x80 || LiteralSearch.scalarIsInert(b, at: next) { return true }
        guard let another = memchr(base + next, 0x09, b.count - next) else { return nil }
        hit = another
      }
    }
    return settled ?? contains("\t")
  }

  /// False only when the string cannot contain `literal` (inert scalars) in any spelling: its
  /// bytes do not hold the literal's and every scalar is inert. A gate before costlier checks.
  func mayContain(_ literal: String) -> Bool {
    return literal.withUTF8Bytes { n in
      self.withUTF8Bytes { h in
        n.isEmpty || LiteralSearch.find(n, in: h, from: 0) != nil || !LiteralSearch.isInert(h)
      }
    }
  }

  /// True when the string holds none of `marks` (inert literals): one pass over the bytes per
  /// mark instead of a search that first checks the whole string, or the standard search when
  /// the string is not inert.
  func containsNone(of marks: [String]) -> Bool {
    var haystack = self
    let inert = haystack.withUTF8 { LiteralSearch.isInert($0) }
    guard inert else { return !marks.contains { contains($0) } }
    return haystack.withUTF8 { h in
      for mark in marks {
        if mark.withUTF8Bytes({ LiteralSearch.find($0, in: h, from: 0) }) != nil { return false }
      }
      return true
    }
  }

  /// The tab-separated fields of a line, empty ones included: `split(separator: "\t",
  /// omittingEmptySubsequences: false)` on bytes (a tab is always a character cluster of its own).
  /// Fields are cut at tabs from valid UTF-8, so they are copied without validating again.
  func tabFields() -> [String] {
    var fields: [String] = []
    self.withUTF8Bytes { b in
      // One field more than tabs: the array is sized once instead of growing. Tabs are found
      // with `memchr` (``nextTab(_:from:)``): a cell is a dozen bytes or more.
      fields.reserveCapacity(Self.tabCount(b) + 1)
      var start = 0
      var tab = Self.nextTab(b, from: 0)
      while tab < b.count {
        fields.append(String(validUTF8: UnsafeBufferPointer(rebasing: b[start..<tab])))
        start = tab + 1
        tab = Self.nextTab(b, from: start)
      }
      fields.append(String(validUTF8: UnsafeBufferPointer(rebasing: b[start..<b.count])))
    }
    return fields
  }

  /// `count <= limit`, without counting past `limit` characters.
  @inline(__always)
  func hasAtMostCharacters(_ limit: Int) -> Bool {
    if utf8.count <= limit { return true }
    // Inert scalars are separated by cluster breaks: counting them settles most strings
    // without the grapheme breaking of `index(_:offsetBy:limitedBy:)`.
    let counted = utf8.withContiguousStorageIfAvailable { LiteralSearch.hasAtMostInertScalars(limit, $0) }
    if let counted, let counted { return counted }
    guard let end = index(startIndex, offsetBy: limit, limitedBy: endIndex) else { return true }
    return end == endIndex
  }

  /// `trimmingASCIIAndIdeographicSpaces().isEmpty`, on bytes and without making the trimmed
  /// string: every scalar is a space, a tab, U+00A0 or U+3000. (Those scalars are characters
  /// of their own, and no other character equals one of them, so the bytes settle it.) The
  /// segmenter asked it of most lines twice, trimming each into a new string to ask.
  var isOnlySpaces: Bool {
    utf8.withContiguousStorageIfAvailable { Self.isOnlySpaces($0) }
      ?? trimmingASCIIAndIdeographicSpaces().isEmpty
  }

  static func isOnlySpaces(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = b.count
    while i < n {
      switch b[i] {
      case 0x20, 0x09: i += 1
      case 0xC2 where i + 1 < n && b[i + 1] == 0xA0: i += 2
      case 0xE3 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80: i += 3
      default: return false
      }
    }
    return true
  }

  /// True when every byte is ASCII.
  var isASCIIOnly: Bool { utf8.allSatisfy { $0 < 0x80 } }

  /// True when every scalar is inert (``LiteralSearch/isInert(_:)``): no canonical decomposition,
  /// combines with nothing, a character cluster of its own.
  var allScalarsInert: Bool {
    return self.withUTF8Bytes { LiteralSearch.isInert($0) }
  }

  /// True when the scalar starting at byte offset `offset` begins a character cluster whatever
  /// precedes it (ASCII other than LF, or an inert scalar).
  private func scalarStartsCluster(atByte offset: Int) -> Bool {
    return self.withUTF8Bytes { b in
      let c = b[offset]
      if c < 0x80 { return c != 0x0A }  // LF joins a CR before it
      if c & 0xC0 == 0x80 { return false }  // not a scalar boundary
      return LiteralSearch.scalarIsInert(b, at: offset)
    }
  }

  /// True when the scalar ending just before byte offset `offset` lets a cluster start there
  /// (ASCII other than CR, or an inert scalar: no prepend mark, no joiner).
  private func scalarEndsCluster(beforeByte offset: Int) -> Bool {
    return self.withUTF8Bytes { b in
      var start = offset - 1
      if b[start] < 0x80 { return b[start] != 0x0D }
      while start > 0, b[start] & 0xC0 == 0x80 { start -= 1 }
      return LiteralSearch.scalarIsInert(b, at: start)
    }
  }
}

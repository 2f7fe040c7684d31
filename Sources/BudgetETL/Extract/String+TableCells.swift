import Foundation

extension String {
  /// A table line's cells: `tabFields().map(TextCleaner.cell)` with the blank cells at the end
  /// dropped, as the segmenter makes a row. One pass over the line's bytes finds each field's
  /// end and asks, as it goes, whether the field is already clean
  /// (``TextCleaner/isAlreadyClean(bytes:)``, most of them) and ASCII: such a field becomes its
  /// cell straight from the bytes. Finding the tabs with `memchr`, then reading each field
  /// again for the clean check and a third time for the ASCII flag, was most of the time of
  /// making rows (cells are a few bytes: a call per tab cost more than the bytes). A field is
  /// a piece of this String cut at tabs, so valid UTF-8: it is copied without checking again.
  func tableCells() -> [String] {
    var cells: [String] = []
    self.withUTF8Bytes { b in
      let n = b.count
      guard n > 0 else { return }
      // One cell more than tabs: the array is sized once instead of growing.
      cells.reserveCapacity(Self.tabCount(b) + 1)
      var start = 0
      while true {
        let (end, clean, ascii) = Self.tableField(b, from: start)
        let field = UnsafeBufferPointer(rebasing: b[start..<end])
        if field.isEmpty {
          cells.append("")
        } else if clean {
          cells.append(String(validUTF8: field, isASCII: ascii))
        } else {
          cells.append(TextCleaner.cell(String(validUTF8: field)))
        }
        if end == n { break }
        start = end + 1
      }
    }
    while let l = cells.last, l.isEmpty { cells.removeLast() }
    return cells
  }

  /// The end of the tab-separated field of `b` that starts at `start` (its tab, or the end),
  /// whether the field is already clean (``TextCleaner/isAlreadyClean(bytes:)``: the same
  /// bytes looked for, the same scalars stepped over) and whether it is ASCII (meaningful only
  /// when clean). A tab is never a byte of a longer scalar, so stepping over continuation
  /// bytes cannot miss one; the bytes a lead byte is checked with are its own scalar's, in
  /// the field.
  @inline(__always)
  static func tableField(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, clean: Bool, ascii: Bool) {
    let n = b.count
    var i = start
    var ascii = true
    while i < n {
      let c = b[i]
      if c < 0x80 {
        switch c {
        case 0x09: return (i, true, ascii)
        case 0x3C, 0x2A, 0x23, 0x5F, 0x2D, 0x3E, 0x7C, 0x20: return (nextTab(b, from: i), false, false)
        default: i += 1
        }
        continue
      }
      ascii = false
      if c >= 0xE0 {
        if c == 0xE3 {
          if i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80 { return (nextTab(b, from: i), false, false) }
        } else if c == 0xEF {
          if i + 1 < n && (b[i + 1] == 0xBC || b[i + 1] == 0xBD) { return (nextTab(b, from: i), false, false) }
        }
        i += c >= 0xF0 ? 4 : 3
      } else {
        if c == 0xC2 && i + 1 < n && b[i + 1] == 0xA0 { return (nextTab(b, from: i), false, false) }
        i += c >= 0xC0 ? 2 : 1
      }
    }
    return (n, true, ascii)
  }

  /// The tabs in `b`, counted eight bytes at a time: in each word XORed with tabs, a byte is
  /// zero exactly where a tab was, and the classic exact test (no borrow crosses bytes) marks
  /// each zero byte's high bit. The byte loop it replaces was a fifth of `tableCells`.
  static func tabCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = b.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let n = b.count
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    var count = 0
    var i = 0
    while i + 8 <= n {
      let y = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0909_0909_0909_0909
      count += (~(((y & low7) &+ low7) | y | low7)).nonzeroBitCount
      i += 8
    }
    while i < n {
      if base[i] == 0x09 { count += 1 }
      i += 1
    }
    return count
  }

  /// The first tab at or after `from`, or the end, found with `memchr` (the rest of a field
  /// that is not clean).
  static func nextTab(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
    guard from < b.count, let base = b.baseAddress, let hit = memchr(base + from, 0x09, b.count - from) else {
      return b.count
    }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
  }
}

/// A markdown pipe table row (`| 收入 | 12.00 |`) and its separator row (`|---|:---:|`).
enum MarkdownPipeTable {
  /// A line that starts and ends with `|` and has at least two pipes (spaces around allowed).
  ///
  /// Read through a buffer pointer from the front first: nearly every line's first byte is no
  /// space and no `|`, which settles it (every line of every document is asked, before any
  /// other reading; walking `String.UTF8View` indices from both ends was 0.1% of a run).
  static func isPipeRow(_ text: String) -> Bool {
    func isPipeRow(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
      var first = 0
      while first < b.count, isSpace(b[first]) { first += 1 }
      guard first < b.count, b[first] == UInt8(ascii: "|") else { return false }
      // b[first] is no space: the walk back stops there at the latest.
      var last = b.count - 1
      while isSpace(b[last]) { last -= 1 }
      return b[last] == UInt8(ascii: "|") && first < last
    }
    return text.utf8.withContiguousStorageIfAvailable(isPipeRow) ?? Array(text.utf8).withUnsafeBufferPointer(isPipeRow)
  }

  /// The header separator: every cell is dashes with optional alignment colons. A row of
  /// short dashes (`| - | - |`) is a separator only as the second row of a block; elsewhere it
  /// is a row of zero amounts.
  static func isSeparatorRow(_ text: String, secondRowOfBlock: Bool) -> Bool {
    let cells = self.cells(text)
    guard !cells.isEmpty else { return false }
    var longest = 0
    for cell in cells {
      var body = Substring(cell)
      if body.hasPrefix(":") { body = body.dropFirst() }
      if body.hasSuffix(":") { body = body.dropLast() }
      guard !body.isEmpty, body.allSatisfy({ $0 == "-" }) else { return false }
      longest = max(longest, body.count)
    }
    return longest >= 3 || secondRowOfBlock
  }

  /// The row's cells joined by tabs; a one-cell row keeps a tab so that it stays a table line.
  static func tabSeparatedRow(_ text: String) -> String {
    let cells = self.cells(text)
    return cells.count == 1 ? cells[0] + "\t" : cells.joined(separator: "\t")
  }

  /// The cells between the outer pipes, trimmed; `\|` is a pipe inside a cell, and a tab
  /// inside a cell becomes a space.
  static func cells(_ text: String) -> [String] {
    var bytes = Array(text.utf8)
    while let l = bytes.last, isSpace(l) { bytes.removeLast() }
    var start = 0
    while start < bytes.count, isSpace(bytes[start]) { start += 1 }
    guard start < bytes.count, bytes[start] == UInt8(ascii: "|") else { return [] }
    var cells: [String] = []
    var cell: [UInt8] = []
    var i = start + 1
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "|") {
        cell.append(UInt8(ascii: "|"))
        i += 2
        continue
      }
      if b == UInt8(ascii: "|") {
        cells.append(String(decoding: cell, as: UTF8.self).trimmingASCIIAndIdeographicSpaces())
        cell.removeAll(keepingCapacity: true)
      } else {
        cell.append(b == 0x09 ? 0x20 : b)
      }
      i += 1
    }
    // Text after the last pipe (none in a well-formed row) is a last cell.
    let tail = String(decoding: cell, as: UTF8.self).trimmingASCIIAndIdeographicSpaces()
    if !tail.isEmpty { cells.append(tail) }
    return cells
  }

  private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
}

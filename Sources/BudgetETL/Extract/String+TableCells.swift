import Foundation

extension String {
  /// A table line's cells: `tabFields().map(TextCleaner.cell)` with the blank cells at the end
  /// dropped, as the segmenter makes a row. One pass over the line's bytes: a field that is
  /// already clean (``TextCleaner/isAlreadyClean(bytes:)``, most of them) becomes its cell
  /// straight from the bytes; splitting into an array of fields, then mapping it into a
  /// second one that asked each field again, was most of the time of making rows. A field is
  /// a piece of this String cut at tabs, so valid UTF-8: it is copied without checking again.
  func tableCells() -> [String] {
    var cells: [String] = []
    self.withUTF8Bytes { b in
      guard let base = b.baseAddress, !b.isEmpty else { return }
      func nextTab(from: Int) -> Int {
        guard from < b.count, let hit = memchr(base + from, 0x09, b.count - from) else { return b.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      }
      var tabs = 0
      var i = nextTab(from: 0)
      while i < b.count {
        tabs += 1
        i = nextTab(from: i + 1)
      }
      cells.reserveCapacity(tabs + 1)
      var start = 0
      while true {
        let end = nextTab(from: start)
        let field = UnsafeBufferPointer(rebasing: b[start..<end])
        if field.isEmpty {
          cells.append("")
        } else if TextCleaner.isAlreadyClean(bytes: field) {
          cells.append(String(validUTF8: field))
        } else {
          cells.append(TextCleaner.cell(String(validUTF8: field)))
        }
        if end == b.count { break }
        start = end + 1
      }
    }
    while let l = cells.last, l.isEmpty { cells.removeLast() }
    return cells
  }
}

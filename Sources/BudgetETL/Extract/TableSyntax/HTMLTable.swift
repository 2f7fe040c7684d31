/// An HTML table (`<table>`, `<tr>`, `<td>`/`<th>` with `colspan`/`rowspan`, a `<caption>`)
/// read into tab-separated rows. Tags may carry any attributes and span lines, and so may
/// cells; `<br>` and line breaks inside a cell become spaces; entities are decoded. Any other
/// tag inside a cell is left to the cleaning every cell gets, and `<` not followed by a letter
/// is text (`<2022年全市医疗保障工作要点>`).
enum HTMLTable {
  /// Most columns one cell may span, and rows: larger values are converter noise.
  static let maxColspan = 256
  static let maxRowspan = 1_000

  /// What converting one table gives.
  struct Conversion {
    /// The table's rows (and any text before it on its first line), one line each.
    var lines: [SourceLine]
    /// The index of the line where the table ended.
    var resumeLine: Int
    /// What follows `</table>` on that line, when there is anything; still to be read.
    var rest: SourceLine?
  }

  /// The byte offset of `<table` (any case, followed by `>` or a space) in a line, or nil.
  static func start(in text: String) -> Int? {
    let utf8 = text.utf8
    guard text.containsByte(UInt8(ascii: "<")) else { return nil }
    let bytes = Array(utf8)
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "<"), let tag = Tag.parseName(bytes, at: i), tag.name == "table", !tag.isClose {
        return i
      }
      i += 1
    }
    return nil
  }

  /// Converts the table that starts at byte `offset` of `firstLine` (the text of `lines[index]`
  /// as still to be read) up to its `</table>`, or to the end of the text when it has none.
  ///
  /// - Complexity: O(n) in the bytes of the table's lines.
  static func convert(_ lines: [SourceLine], from index: Int, firstLine: SourceLine, at offset: Int) -> Conversion {
    var reader = Reader()
    let firstBytes = Array(firstLine.text.utf8)
    var k = index
    var bytes = Array(firstBytes[offset...])
    var rest: SourceLine?
    while true {
      let line = k == index ? firstLine : lines[k]
      if let end = reader.read(bytes, lineIndex: k) {
        let text = String(decoding: bytes[end...], as: UTF8.self)
        if !text.trimmingASCIIAndIdeographicSpaces().isEmpty {
          rest = SourceLine(number: line.number, page: line.page, text: text)
        }
        break
      }
      guard k + 1 < lines.count else {
        reader.finish()
        break
      }
      k += 1
      bytes = Array(lines[k].text.utf8)
      reader.newLine()
    }
    // One line per source line: the text before the table, then the caption and rows that
    // start on it; a blank line where nothing does (unless the rest of the line follows).
    var out: [SourceLine] = []
    let prefix = String(decoding: firstBytes[..<offset], as: UTF8.self)
    if !prefix.trimmingASCIIAndIdeographicSpaces().isEmpty {
      out.append(SourceLine(number: firstLine.number, page: firstLine.page, text: prefix))
    }
    // A caption printed after the rows still goes before them on its line, in reading order.
    let rows = reader.rows.enumerated().sorted { ($0.element.lineIndex, $0.offset) < ($1.element.lineIndex, $1.offset) }
      .map(\.element)
    var next = 0
    for j in index...k {
      let line = j == index ? firstLine : lines[j]
      let before = out.count
      while next < rows.count, rows[next].lineIndex == j {
        out.append(SourceLine(number: line.number, page: line.page, text: rows[next].text))
        next += 1
      }
      if out.count == before && !(j == k && rest != nil) && !(j == index && !out.isEmpty) {
        out.append(SourceLine(number: line.number, page: line.page, text: ""))
      }
    }
    return Conversion(lines: out, resumeLine: k, rest: rest)
  }

  /// A tag's name (lowercased ASCII letters and digits) and whether it closes.
  struct Tag {
    var name: String
    var isClose: Bool
    /// Offset just past the name.
    var nameEnd: Int

    /// The tag name at `bytes[i]` (a `<`), when a letter follows `<` or `</`.
    static func parseName(_ bytes: [UInt8], at i: Int) -> Tag? {
      var j = i + 1
      var isClose = false
      if j < bytes.count, bytes[j] == UInt8(ascii: "/") {
        isClose = true
        j += 1
      }
      guard j < bytes.count, isLetter(bytes[j]) else { return nil }
      var name: [UInt8] = []
      while j < bytes.count, isLetter(bytes[j]) || (bytes[j] >= 0x30 && bytes[j] <= 0x39), name.count < 16 {
        name.append(bytes[j] | 0x20)
        j += 1
      }
      if j < bytes.count, isLetter(bytes[j]) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) { return nil }
      return Tag(name: String(decoding: name, as: UTF8.self), isClose: isClose, nameEnd: j)
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
  }
}

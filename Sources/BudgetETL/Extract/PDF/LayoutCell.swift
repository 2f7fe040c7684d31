/// A cell of a `pdftotext -layout` line: its text and the character columns it occupies.
///
/// `pdftotext -layout` gives every character one column, a CJK ideograph included, and pads
/// with spaces so that the cells of a printed table line up from line to line; positions are
/// therefore counted in Characters, not in display width.
struct LayoutCell: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    case text
    case amount
    /// A classification code or one of its 类|款|项 parts.
    case code
    /// Digits alone after the amounts of a line: a code or an amount, decided by the table.
    case undecided
  }

  var text: String
  /// First column (0-based) and the column after the last.
  var start: Int
  var end: Int
  var kind: Kind

  var center: Double { Double(start + end) / 2 }
  var width: Int { end - start }
  var isDigitsOnly: Bool { !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
}

/// Splits `pdftotext -layout` lines into cells.
enum LayoutLine {
  /// The cells of a line: runs of text separated by two or more spaces; numbers are cells of
  /// their own even when a single space separates them from their neighbours
  /// (`91,016,775.35 一、一般公共服务支出`, `2.85 0.39`).
  static func cells(_ line: String) -> [LayoutCell] {
    var words: [(text: [Character], start: Int)] = []
    var current: [Character] = []
    var start = 0
    var column = 0
    for ch in line {
      if ch == " " {
        if !current.isEmpty {
          words.append((current, start))
          current = []
        }
      } else {
        if current.isEmpty { start = column }
        current.append(ch)
      }
      column += 1
    }
    if !current.isEmpty { words.append((current, start)) }

    var cells: [LayoutCell] = []
    var segment: [Character] = []
    var segmentStart = 0
    var segmentEnd = 0
    var segmentIsNumber = false
    func flush() {
      guard !segment.isEmpty else { return }
      let text = String(segment)
      cells.append(LayoutCell(text: text, start: segmentStart, end: segmentEnd, kind: isNumber(text) ? .amount : .text))
      segment = []
    }
    for word in words {
      let wordIsNumber = isNumber(String(word.text))
      if !segment.isEmpty, word.start - segmentEnd == 1, !wordIsNumber, !segmentIsNumber {
        segment.append(" ")
        segment.append(contentsOf: word.text)
        segmentEnd = word.start + word.text.count
        continue
      }
      flush()
      segment = word.text
      segmentStart = word.start
      segmentEnd = word.start + word.text.count
      segmentIsNumber = wordIsNumber
    }
    flush()
    return mergeSpacedWords(cells)
  }

  /// Words whose characters the converter spread over a cell: `合   计`, `金    额`.
  static let spacedWords: Set<String> = ["合计", "总计", "小计", "金额", "项目", "名称", "科目", "备注", "单位"]

  static func mergeSpacedWords(_ cells: [LayoutCell]) -> [LayoutCell] {
    guard cells.count >= 2 else { return cells }
    var out: [LayoutCell] = []
    for cell in cells {
      if let last = out.last, last.kind == .text, cell.kind == .text, last.text.count == 1, cell.text.count == 1,
        cell.start - last.end <= 6, spacedWords.contains(last.text + cell.text)
      {
        out[out.count - 1] = LayoutCell(text: last.text + cell.text, start: last.start, end: cell.end, kind: .text)
      } else {
        out.append(cell)
      }
    }
    return out
  }

  /// A printed number: digits with thousands separators in groups of three, at most one
  /// decimal point followed by digits, an optional leading minus. `1.` (a list numbering) is not one.
  static func isNumber(_ text: String) -> Bool {
    var bytes = Substring(text).utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    guard let first = bytes.first, first >= 48, first <= 57 else { return false }
    var digitsInGroup = 0
    var sawComma = false
    var sawPoint = false
    var decimals = 0
    for b in bytes {
      switch b {
      case 48...57:
        if sawPoint { decimals += 1 } else { digitsInGroup += 1 }
      case UInt8(ascii: ","):
        if sawPoint || (sawComma ? digitsInGroup != 3 : digitsInGroup > 3) { return false }
        sawComma = true
        digitsInGroup = 0
      case UInt8(ascii: "."):
        if sawPoint || (sawComma && digitsInGroup != 3) { return false }
        sawPoint = true
      default:
        return false
      }
    }
    if sawComma && !sawPoint && digitsInGroup != 3 { return false }
    return !sawPoint || decimals > 0
  }

  /// Decides which numbers of a line are codes: digits alone (3 to 9 of them) where a row's
  /// label column starts — at the start of the line or after the amounts of a side-by-side
  /// block — and the 1- or 2-digit 款/项 parts right after such a code (`201   03   01`).
  /// Digits alone at the very end of a line after its amounts stay undecided.
  static func resolveCodes(_ cells: inout [LayoutCell]) {
    var stub = true
    var afterCode = false
    for i in cells.indices {
      guard cells[i].kind == .amount else {
        stub = false
        afterCode = false
        continue
      }
      if stub, cells[i].isDigitsOnly {
        let n = cells[i].text.count
        if afterCode, n <= 2 {
          cells[i].kind = .code
          continue
        }
        if !afterCode, (3...9).contains(n) {
          cells[i].kind = i > 0 && i == cells.count - 1 ? .undecided : .code
          afterCode = true
          continue
        }
      }
      stub = true
      afterCode = false
    }
  }
}

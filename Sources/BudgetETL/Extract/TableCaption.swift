import Foundation

/// What the lines printed above a table say about it: number, title, unit and agency.
public struct TableCaption: Sendable, Hashable {
  public var tableNo: String?
  public var title: String?
  public var unit: String?
  public var agency: String?
  /// Lines (indexes into the document's lines) that belong to the caption.
  public var lineIndexes: [Int] = []
  /// Line and page of the title (or of the table number when there is no title).
  public var titleLine: Int?
  public var titlePage: Int?

  public init() {}

  public var isEmpty: Bool { tableNo == nil && title == nil }

  /// A table number alone on a line: 表5, 表 14-1, 附表1, 预算01表, 公开01表, 预算公开表1, 部门预算公开表3.
  public static func tableNumber(_ line: String) -> String? {
    tableNumberFromTitle(TextCleaner.title(line))
  }

  /// ``tableNumber(_:)`` of a line whose ``TextCleaner/title(_:)`` is `titled`.
  static func tableNumberFromTitle(_ titled: String) -> String? {
    let t = titled.replacingOccurrences(of: " ", with: "")
    // Both forms hold 表: a line that cannot (inert, without its bytes) is none, settled
    // before the length, which `count` found by breaking every character of long lines.
    guard !t.isEmpty, t.mayContain("表"), t.hasAtMostCharacters(14) else { return nil }
    let scalars = Array(t)
    func digitsOrDash(_ s: ArraySlice<Character>) -> Bool {
      !s.isEmpty && s.first!.isASCIIDigit && s.allSatisfy { $0.isASCIIDigit || $0 == "-" || $0 == "—" || $0 == "－" }
    }
    // …表N, …表N-M
    if let biao = scalars.lastIndex(of: "表"), biao + 1 < scalars.count, digitsOrDash(scalars[(biao + 1)...]) {
      let head = String(scalars[..<biao])
      if head.isEmpty || head == "附" || head.hasSuffix("公开") || head.hasSuffix("预算") || head.hasSuffix("决算") {
        return t
      }
    }
    // 预算01表, 公开01表, 决算01表
    if scalars.last == "表", scalars.count >= 4 {
      let body = scalars.dropLast()
      if let firstDigit = body.firstIndex(where: \.isASCIIDigit), digitsOrDash(body[firstDigit...]) {
        let head = String(body[..<firstDigit])
        if ["预算", "公开", "决算", "部门预算", "单位预算", "附"].contains(head) { return t }
      }
    }
    return nil
  }

  /// The unit a line declares: `单位：元`, `单位:万元`, `金额单位：万元`.
  public static func unit(_ line: String) -> String? {
    unitFromTitle(TextCleaner.title(line))
  }

  /// ``unit(_:)`` of a line whose ``TextCleaner/title(_:)`` is `titled`.
  static func unitFromTitle(_ titled: String) -> String? {
    let t = titled.replacingOccurrences(of: " ", with: "")
    if let onBytes = unitOfInertText(t) { return onBytes }
    return unitBySearch(t)
  }

  /// ``unit(_:)`` of a titled line without spaces, by Foundation's search: for text that is
  /// not inert, and the reading ``unitOfInertText(_:)`` is tested against.
  static func unitBySearch(_ t: String) -> String? {
    for marker in ["单位：", "单位:"] {
      var search = t.startIndex..<t.endIndex
      while let r = t.range(of: marker, range: search) {
        let rest = t[r.upperBound...]
        for unit in ["万元", "亿元", "元"] where rest.hasPrefix(unit) { return unit }
        search = r.upperBound..<t.endIndex
      }
    }
    return nil
  }

  /// ``unit(_:)`` on the bytes of inert text, where Foundation's search finds what a byte
  /// search finds and every scalar is a character (the units' prefixes compare as bytes);
  /// nil when `t` is not inert. Foundation's `range(of:range:)` was most of the captions' time.
  static func unitOfInertText(_ t: String) -> String?? {
    return t.withUTF8Bytes { b -> String?? in
      guard LiteralSearch.isInert(b) else { return nil }
      for marker in ["单位：", "单位:"] {
        let m = Array(marker.utf8)
        var from = 0
        while let found = m.withUnsafeBufferPointer({ LiteralSearch.find($0, in: b, from: from) }) {
          let rest = found + m.count
          for unit in ["万元", "亿元", "元"] {
            let u = unit.utf8
            if rest + u.count <= b.count, b[rest..<(rest + u.count)].elementsEqual(u) { return .some(unit) }
          }
          from = rest
        }
      }
      return .some(nil)
    }
  }

  /// The agency a line names: `单位名称：…`, `部门名称：…`, `部门（单位）名称：…`, `编制部门：…`.
  public static func agency(_ line: String) -> String? {
    agencyFromTitle(TextCleaner.title(line))
  }

  static let agencyKeys = [
    "部门（单位）名称", "部门(单位)名称", "单位名称", "部门名称", "编制部门", "编制单位", "预算单位", "预算主管部门",
    "主管部门名称",
  ]

  /// ``agency(_:)`` of a line whose ``TextCleaner/title(_:)`` is `titled`.
  static func agencyFromTitle(_ t: String) -> String? {
    // Most lines name no agency: one scan settles that for all the keys.
    if t.containsNone(of: agencyKeys) { return nil }
    for key in agencyKeys {
      guard let r = t.range(of: key) else { continue }
      var rest = t[r.upperBound...]
      guard let f = rest.first, f == "：" || f == ":" else { continue }
      rest = rest.dropFirst()
      var value = String(rest).trimmingASCIIAndIdeographicSpaces()
      for stop in ["单位：", "单位:", "金额单位", "\t"] {
        if let s = value.range(of: stop) { value = String(value[..<s.lowerBound]) }
      }
      value = value.replacingOccurrences(of: " ", with: "")
      return value.isEmpty ? nil : value
    }
    return nil
  }

  /// `(2023年度)`, `（2024年度）`: a year line under a form's title.
  static func isYearLine(_ line: String) -> Bool {
    guard line.mayContain("度") else { return false }
    return isYearLineOfCleanText(line) ?? isYearLineByCharacters(line)
  }

  /// ``isYearLine(_:)`` through the title and Foundation's trimming: for lines that are not
  /// clean inert text, and the reading ``isYearLineOfCleanText(_:)`` is tested against.
  static func isYearLineByCharacters(_ line: String) -> Bool {
    let t = TextCleaner.title(line).replacingOccurrences(of: " ", with: "")
    let inner = t.trimmingCharacters(in: yearLineBrackets)
    return inner.count <= 8 && inner.hasSuffix("年度") && inner.first?.isASCIIDigit == true
  }

  private static let yearLineBrackets = CharacterSet(charactersIn: "()（）")

  /// ``isYearLine(_:)`` on the bytes of a line that is its own title (``TextCleaner/isAlreadyClean(_:)``:
  /// no markup, space or full-width form) and inert, where every scalar is a character: the
  /// brackets trimmed off both ends, at most eight scalars left, the first an ASCII digit, the
  /// last two 年度. Nil for other lines. (Most lines that hold 度 are narrative; Foundation's
  /// trimming was most of this function's time.)
  static func isYearLineOfCleanText(_ line: String) -> Bool? {
    guard TextCleaner.isAlreadyClean(line) else { return nil }
    return line.withUTF8Bytes { b -> Bool? in
      guard LiteralSearch.isInert(b) else { return nil }
      // ( ) are ASCII; （ ） are EF BC 88 and EF BC 89.
      func bracketLength(at i: Int) -> Int {
        if b[i] == 0x28 || b[i] == 0x29 { return 1 }
        if b[i] == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC, b[i + 2] == 0x88 || b[i + 2] == 0x89 { return 3 }
        return 0
      }
      var start = 0
      while start < b.count, case let n = bracketLength(at: start), n > 0 { start += n }
      var end = b.count
      while end > start {
        if b[end - 1] == 0x28 || b[end - 1] == 0x29 {
          end -= 1
        } else if end - 3 >= start, b[end - 3] == 0xEF, b[end - 2] == 0xBC, b[end - 1] == 0x88 || b[end - 1] == 0x89 {
          end -= 3
        } else {
          break
        }
      }
      let inner = UnsafeBufferPointer(rebasing: b[start..<end])
      guard let first = inner.first, first >= 0x30 && first <= 0x39, inner.count >= 7 else { return false }
      let suffix: [UInt8] = [0xE5, 0xB9, 0xB4, 0xE5, 0xBA, 0xA6]  // 年度
      guard inner.suffix(6).elementsEqual(suffix) else { return false }
      // At most eight scalars: count the lead bytes.
      return inner.lazy.filter { $0 & 0xC0 != 0x80 }.count <= 8
    }
  }

  /// A line that can be a table title: short, not a sentence, not a definition or a note.
  static func isTitleCandidate(_ line: String) -> Bool {
    isTitleCandidateFromTitle(TextCleaner.title(line))
  }

  /// ``isTitleCandidate(_:)`` of a line whose ``TextCleaner/title(_:)`` is `t`.
  static func isTitleCandidateFromTitle(_ t: String) -> Bool {
    guard !t.isEmpty, t.hasAtMostCharacters(70) else { return false }
    if t.hasLiteralSuffix("。") || t.hasLiteralPrefix("注") || t.contains("：") || t.contains(":") { return false }
    if t.contains("，") || t.contains("；") { return false }
    return true
  }
}

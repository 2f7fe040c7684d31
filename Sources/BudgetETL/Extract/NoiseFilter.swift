import Foundation

/// Finds the lines that are converter or OCR noise and never reach any output: watermark and
/// stamp lines (仅供内部审核, or a short line repeated at page breaks throughout a document),
/// page numbers (`- 12 -`, `第 3 页`, `3/40`, a bare `8` alone between blank lines),
/// table-of-contents lines with dot leaders, empty chart captions and bare markup.
public struct NoiseFilter: Sendable {
  /// Phrases that mark a watermark or stamp line wherever they stand alone on a line.
  public var watermarks: [String] = ["仅供内部审核", "内部资料", "仅供审核", "征求意见稿", "样稿", "草稿"]
  /// A short line repeated at least this often is a watermark.
  public var repeatThreshold = 4

  public init() {}

  /// Returns a flag per line: true when the line is noise.
  public func noiseFlags(_ lines: [SourceLine]) -> [Bool] {
    // Each line's text without markup, computed once for both passes.
    let hasTab = lines.map { $0.text.containsByte(0x09) }
    var cleaned = [String?](repeating: nil, count: lines.count)
    // Whether a line without tabs is a repeat or running-header candidate: only those are
    // counted, so only those need their count looked up (hashing every line was a tenth of
    // the filter's time).
    var isCandidate = [Bool](repeating: false, count: lines.count)
    var counts: [String: Int] = [:]
    for (i, line) in lines.enumerated() where !hasTab[i] {
      let t = TextCleaner.stripMarkup(line.text).trimmingASCIIAndIdeographicSpaces()
      cleaned[i] = t
      if isScreenedCandidate(t, screen: Self.candidateScreen(t)) {
        isCandidate[i] = true
        counts[t, default: 0] += 1
      }
    }
    let watermark = WatermarkMatcher(watermarks)
    var flags = [Bool](repeating: false, count: lines.count)
    for (i, line) in lines.enumerated() {
      if hasTab[i] && !Self.isDotLeaderLine(line.text) { continue }
      let t = cleaned[i] ?? TextCleaner.stripMarkup(line.text).trimmingASCIIAndIdeographicSpaces()
      if t.isEmpty {
        flags[i] = !line.text.trimmingASCIIAndIdeographicSpaces().isEmpty  // bare markup like `**`
        continue
      }
      // A line without tabs was counted when it is a candidate; another line's text may
      // still equal a counted one.
      let repeated =
        hasTab[i]
        ? (counts[t] ?? 0) >= repeatThreshold && (isRepeatCandidate(t) || isRunningHeaderCandidate(t))
        : isCandidate[i] && (counts[t] ?? 0) >= repeatThreshold
      if watermark.matches(t) || repeated {
        flags[i] = true
      } else if Self.isPageNumber(t, lines: lines, index: i)
        || Self.isPageNumber(line.text.trimmingASCIIAndIdeographicSpaces(), lines: lines, index: i)
      {
        // (`- 12 -` reads as a markdown bullet `12 -` once markup is stripped)
        flags[i] = true
      } else if Self.isDotLeaderLine(line.text) {
        flags[i] = true
      } else if Self.isChartCaption(t) {
        flags[i] = true
      }
    }
    return flags
  }

  /// A short line that may be a repeated stray (no digits, caption, note or numbering).
  /// ``isScreenedCandidate(_:screen:)`` answers this and ``isRunningHeaderCandidate(_:)`` for
  /// inert text from the byte screen: a condition added here must be added there too.
  func isRepeatCandidate(_ t: String) -> Bool {
    guard !t.isEmpty, t.hasAtMostCharacters(15) else { return false }
    if t.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) { return false }
    if t.hasLiteralPrefix("注") || t.contains("表") || t.contains("：") || t.contains(":") { return false }
    if NumberingPrefix.match(t) != nil { return false }
    return true
  }

  /// A running header or footer (`阳城县医疗保障局2023年部门预算`): a short line that is no
  /// caption, note, heading or sentence, with no digits but a year. Repeated, it is noise.
  /// (Its twin for inert text is ``isScreenedCandidate(_:screen:)``: keep the two in step.)
  func isRunningHeaderCandidate(_ t: String) -> Bool {
    guard t.hasAtMostCharacters(40), !t.hasAtMostCharacters(3) else { return false }
    if t.hasLiteralPrefix("注") || t.contains("表") || TableCaption.isYearLine(t) { return false }
    guard t.containsNone(of: Self.sentenceMarks) else { return false }
    if NumberingPrefix.match(t) != nil || HeadingNumber.parse(Array(t.unicodeScalars)) != nil { return false }
    // Digits only as a year: 2023, never an amount or a count.
    var digits = 0
    for c in t.unicodeScalars {
      if ("0"..."9").contains(c) {
        digits += 1
      } else {
        if digits != 0 && digits != 4 { return false }
        digits = 0
      }
    }
    return digits == 0 || digits == 4
  }

  static let sentenceMarks = ["：", ":", "，", "。", "；", ";", "、"]

  /// `- 12 -`, `— 3 —`, `第 3 页`, `第3页 共40页`, `3/40`, or bare digits alone between blank lines
  /// (or page breaks).
  static func isPageNumber(_ t: String, lines: [SourceLine], index: Int) -> Bool {
    guard Self.holdsOnlyPageNumberCharacters(t) else { return false }
    let compact = t.filter { $0 != " " }
    let scalars = Array(compact.unicodeScalars)
    func allDigits<S: Sequence>(_ s: S) -> Bool where S.Element == Unicode.Scalar {
      var any = false
      for c in s {
        guard ("0"..."9").contains(c) else { return false }
        any = true
      }
      return any
    }
    if scalars.count >= 3, let f = scalars.first, let l = scalars.last,
      "-—－–".unicodeScalars.contains(f), "-—－–".unicodeScalars.contains(l),
      allDigits(scalars.dropFirst().dropLast())
    {
      return true
    }
    if compact.hasPrefix("第") && compact.contains("页") {
      let inner = compact.replacingOccurrences(of: "第", with: "").replacingOccurrences(of: "页", with: "")
        .replacingOccurrences(of: "共", with: "")
      return allDigits(inner.unicodeScalars)
    }
    if let slash = scalars.firstIndex(of: "/"), allDigits(scalars[..<slash]), allDigits(scalars[(slash + 1)...]) {
      return true
    }
    if allDigits(scalars), scalars.count <= 4 {
      // A page break (form feed) counts as a blank line: `8` ending a page is its number.
      let before = index == 0 || lines[index - 1].text.trimmingASCIIAndIdeographicSpaces().isEmpty
        || lines[index - 1].page != lines[index].page
      let after = index + 1 >= lines.count || lines[index + 1].text.trimmingASCIIAndIdeographicSpaces().isEmpty
        || lines[index + 1].page != lines[index].page
      return before && after
    }
    return false
  }

  /// True when `t` holds nothing but what the page-number forms are made of: ASCII digits,
  /// spaces, `/`, the dashes `-` `—` `–` `－`, and 第 页 共. One pass over the bytes; any other
  /// scalar rules every form out.
  static func holdsOnlyPageNumberCharacters(_ t: String) -> Bool {
    return t.withUTF8Bytes { b in
      var i = 0
      while i < b.count {
        let c = b[i]
        if c < 0x80 {
          guard c == 0x20 || c == 0x2D || c == 0x2F || (c >= 0x30 && c <= 0x39) else { return false }
          i += 1
          continue
        }
        guard i + 2 < b.count else { return false }
        switch (c, b[i + 1], b[i + 2]) {
        case (0xE2, 0x80, 0x94), (0xE2, 0x80, 0x93), (0xEF, 0xBC, 0x8D): break  // — – －
        case (0xE7, 0xAC, 0xAC), (0xE9, 0xA1, 0xB5), (0xE5, 0x85, 0xB1): break  // 第 页 共
        default: return false
        }
        i += 3
      }
      return true
    }
  }

  /// A table-of-contents entry: dot leaders (`.....`, `……`, `···`) then a page number.
  static func isDotLeaderLine(_ text: String) -> Bool {
    guard mayEndDotLeader(text), mayHoldDotLeader(text), !text.containsNone(of: ["....", "……", "···", "．．．"]) else {
      return false
    }
    let trimmed = text.trimmingASCIIAndIdeographicSpaces()
    guard let last = trimmed.unicodeScalars.last else { return false }
    return ("0"..."9").contains(last) || last == "." || last == "…"
  }

  /// False when the text's last scalar once trimmed cannot be a digit, `.` or `…`, read from
  /// its last bytes: spaces (20, 09, C2 A0, E3 80 80) stepped back over, then the byte a digit,
  /// `.` or `…` (E2 80 A6) ends in. The trimming by characters, where the bytes leave it
  /// undecided, drops only such spaces, and fewer: its last scalar is then a space. Most lines
  /// end otherwise (`。`, a heading's word), and need not be scanned for leaders.
  static func mayEndDotLeader(_ text: String) -> Bool {
    return text.withUTF8Bytes { b in
      var end = b.count
      while end > 0 {
        if b[end - 1] == 0x20 || b[end - 1] == 0x09 {
          end -= 1
        } else if end >= 2, b[end - 2] == 0xC2, b[end - 1] == 0xA0 {
          end -= 2
        } else if end >= 3, b[end - 3] == 0xE3, b[end - 2] == 0x80, b[end - 1] == 0x80 {
          end -= 3
        } else {
          break
        }
      }
      guard end > 0 else { return false }
      let last = b[end - 1]
      if last == 0x2E || (last >= 0x30 && last <= 0x39) { return true }
      return end >= 3 && last == 0xA6 && b[end - 2] == 0x80 && b[end - 3] == 0xE2
    }
  }

  /// False when `text` cannot hold a dot leader in any spelling: none of its bytes start `..`
  /// (the leader `....` has no other spelling; a lone `.` is every amount's decimal point, and
  /// table lines were all searched four times for it), `…` (E2 80 A6), `·` (C2 B7, or U+0387
  /// CE 87, canonically `·`) or `．` (EF BC 8E). One pass; most lines hold none, and need not
  /// be searched four times.
  static func mayHoldDotLeader(_ text: String) -> Bool {
    return text.withUTF8Bytes { b in
      let n = b.count
      var i = 0
      while i < n {
        // A CJK ideograph's lead byte (E4–E9; most of the text) starts three bytes of which
        // none is a leader's first byte: skipped whole.
        if b[i] >= 0xE4 && b[i] <= 0xE9 {
          i += 3
          continue
        }
        switch b[i] {
        case 0x2E where i + 1 < n && b[i + 1] == 0x2E: return true
        case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0xA6: return true
        case 0xC2 where i + 1 < n && b[i + 1] == 0xB7: return true
        case 0xCE where i + 1 < n && b[i + 1] == 0x87: return true
        case 0xEF where i + 2 < n && b[i + 1] == 0xBC && b[i + 2] == 0x8E: return true
        default: break
        }
        i += 1
      }
      return false
    }
  }

  /// The chart kinds an empty chart caption ends with.
  static let chartNames = ["结构图", "分布图", "饼图", "柱状图", "示意图", "趋势图", "构成图"]

  /// An empty chart caption: a short line naming a chart (结构图, 分布图, 饼图) with nothing else.
  static func isChartCaption(_ t: String) -> Bool {
    // Every chart name ends in 图: a line that does not is none (most lines; asked first, the
    // length and the searches, which scan the whole line, are spared).
    guard t.hasLiteralSuffix("图") else { return false }
    guard t.hasAtMostCharacters(30), !t.contains("。"), !t.contains("，") else { return false }
    let settled = t.comparesOnBytes
    return chartNames.contains { t.hasLiteralSuffix($0, settledOnBytes: settled) }
  }
}

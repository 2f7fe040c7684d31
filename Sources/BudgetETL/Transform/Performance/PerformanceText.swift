import Foundation

/// Cleaning of the text cells of 绩效目标 forms: markup, OCR spaces, numbering, placeholders.
///
/// A caseless namespace so that these helpers do not collide with the other stages' cleaners.
enum PerformanceText {
  /// Removes known markup, drops the spaces OCR put next to Chinese characters, collapses
  /// other runs of spaces to one, and trims.
  static func clean(_ text: String) -> String {
    if TextCleaner.isAlreadyClean(text) { return text }
    let s = stripMarkup(text)
    if let onBytes = cleanSpacesOfInertText(s) { return onBytes }
    return cleanSpacesByCharacters(s)
  }

  /// ``clean(_:)``'s space handling on `Character`s: for text that is not inert, and the
  /// reading ``cleanSpacesOfInertText(_:)`` is tested against.
  static func cleanSpacesByCharacters(_ s: String) -> String {
    var out = ""
    var pendingSpace = false
    var previous: Character?
    for c in s {
      if isSpace(c) {
        pendingSpace = true
        continue
      }
      if pendingSpace {
        // Keep one space only between two characters that are not Chinese (`DRG 试点` loses it).
        if let p = previous, !isCJK(p), !isCJK(c) { out.append(" ") }
        pendingSpace = false
      }
      out.append(c)
      previous = c
    }
    return out
  }

  /// Removes known markup (`**`, `<b>`, `<br>`, `<td>`) and trims; inner spaces stay as printed.
  static func stripMarkup(_ text: String) -> String {
    if TextCleaner.isAlreadyClean(text) { return text }
    // Every tag holds `<` or `*`: inert text without either (one pass) holds none, and the
    // eight searches (each scanning the text for inertness again) are not needed.
    if LiteralSearch.mayHoldMarkup(text) == false { return text.trimmingASCIIAndIdeographicSpaces() }
    return stripMarkupSearchingTags(text)
  }

  /// ``stripMarkup(_:)`` searching the text for each tag: for text that may hold one, and the
  /// reading the shortcut is tested against.
  static func stripMarkupSearchingTags(_ text: String) -> String {
    if TextCleaner.isAlreadyClean(text) { return text }
    var s = text
    for tag in ["**", "<b>", "</b>", "<br>", "<br/>", "<br />", "<td>", "</td>"] where s.contains(tag) {
      s = s.replacingOccurrences(of: tag, with: "")
    }
    return s.trimmingASCIIAndIdeographicSpaces()
  }

  /// Removes every space: the form used to compare labels (`绩效 指标` → `绩效指标`).
  static func compact(_ text: String) -> String {
    if TextCleaner.isAlreadyClean(text) { return text }
    return removingSpaces(clean(text))
  }

  /// The text without any space (`isSpace`); the text itself when its bytes hold none.
  static func removingSpaces(_ text: String) -> String {
    guard !TextCleaner.isAlreadyClean(text) else { return text }
    if let onBytes = removingSpacesOfInertText(text) { return onBytes }
    return String(text.filter { !isSpace($0) })
  }

  static func isSpace(_ c: Character) -> Bool {
    c == " " || c == "\t" || c == "\u{3000}" || c == "\u{a0}"
  }

  /// Chinese characters and the punctuation printed with them (CJK blocks, full-width forms,
  /// curly quotes, the em dash and ellipsis).
  static func isCJK(_ c: Character) -> Bool {
    guard let v = c.unicodeScalars.first?.value else { return false }
    return isCJK(v)
  }

  /// ``isCJK(_:)`` of a character whose first scalar is `v`.
  @inline(__always)
  static func isCJK(_ v: UInt32) -> Bool {
    return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFFEF).contains(v)
      || (0x2014...0x201D).contains(v) || v == 0x2026 || (0x20000...0x2FA1F).contains(v)
  }

  /// `维修(护)费` → `维修（护）费`.
  static func fullWidthParentheses(_ text: String) -> String {
    text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
  }

  /// `（万元）` → `(万元)`, for matching only.
  static func halfWidthParentheses(_ text: String) -> String {
    text.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
  }

  private static let chineseNumerals: Set<Character> = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
  ]
  private static let circledNumbers: Set<Character> = [
    "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮",
  ]

  /// Removes leading numbering: `一、`, `（一）`, `1、`, `1.`, `(1)`, `（1）`, `①`, repeatedly.
  static func stripNumbering(_ text: String) -> String {
    stripNumberingOfInertText(text) ?? stripNumberingByCharacters(text)
  }

  /// ``stripNumbering(_:)`` on `Character`s: for text that is not inert, and the reading
  /// ``stripNumberingOfInertText(_:)`` is tested against.
  static func stripNumberingByCharacters(_ text: String) -> String {
    var s = Substring(text)
    while true {
      let before = s
      if let f = s.first, circledNumbers.contains(f) {
        s = s.dropFirst()
      } else if let f = s.first, f == "(" || f == "（",
        let close = s.firstIndex(where: { $0 == ")" || $0 == "）" })
      {
        let inner = s[s.index(after: s.startIndex)..<close]
        if !inner.isEmpty, inner.count <= 3,
          inner.allSatisfy({ $0.isASCII && $0.isNumber || chineseNumerals.contains($0) })
        {
          s = s[s.index(after: close)...]
        }
      } else {
        let lead = s.prefix { $0.isASCII && $0.isNumber || chineseNumerals.contains($0) }
        if !lead.isEmpty, lead.count <= 3 {
          let rest = s.dropFirst(lead.count)
          if let sep = rest.first, sep == "、" || sep == "，" {
            s = rest.dropFirst()
          } else if let sep = rest.first, sep == "." || sep == "．",
            let next = rest.dropFirst().first, !(next.isASCII && next.isNumber)
          {
            s = rest.dropFirst()
          }
        }
      }
      s = s.drop { isSpace($0) }
      // Every step drops characters from the front: nothing was dropped when the start did
      // not move (comparing the texts, normalizing Chinese, was most of this function's time).
      if s.startIndex == before.startIndex { break }
    }
    return String(s)
  }

  /// Splits a template prefix `指标1：`/`指标2:` off an indicator cell. The text is nil when the
  /// cell is only a placeholder (`指标1：`, `.....`, `…`).
  static func indicatorText(_ cell: String) -> String? {
    let cleaned = clean(cell)
    if let onBytes = indicatorTextOfInertText(cleaned) { return onBytes }
    return indicatorText(cleaned: cleaned)
  }

  /// ``indicatorText(_:)`` of a cleaned cell through `Substring`s and `Character`s: for text
  /// that is not inert, and the reading ``indicatorTextOfInertText(_:)`` is tested against.
  static func indicatorText(cleaned: String) -> String? {
    var s = Substring(cleaned)
    if cleaned.hasLiteralPrefix("指标") {
      let rest = s.dropFirst(2)
      let digits = rest.prefix { $0.isNumber }
      let afterDigits = rest.dropFirst(digits.count)
      if !digits.isEmpty, let sep = afterDigits.first, sep == ":" || sep == "：" {
        s = afterDigits.dropFirst()
      }
    }
    let trimmed = trimSeparators(String(s))
    if trimmed.isEmpty || isPlaceholder(trimmed) { return nil }
    return trimmed
  }

  /// True when every character is `.`, `…`, `。` or `·`: a placeholder (`.....`, `…`). Settled
  /// by the first byte for almost every indicator: a character equal to one of them starts
  /// with the byte 2E, E2, E3 or C2, or CE (U+0387, canonically `·`); comparing Chinese text
  /// with them as `Character`s goes through normalization.
  static func isPlaceholder(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return true }
    guard first == 0x2E || first == 0xE2 || first == 0xE3 || first == 0xC2 || first == 0xCE else { return false }
    return text.allSatisfy { $0 == "." || $0 == "…" || $0 == "。" || $0 == "·" }
  }

  /// Trims spaces and trailing `;`, `；`, `、`, `,`, `，`.
  static func trimSeparators(_ text: String) -> String {
    if let onBytes = trimSeparatorsOfInertText(text) { return onBytes }
    var s = Substring(text)
    while let l = s.last, isSpace(l) || l == ";" || l == "；" || l == "、" || l == "," || l == "，" {
      s = s.dropLast()
    }
    while let f = s.first, isSpace(f) { s = s.dropFirst() }
    return String(s)
  }

  /// Splits `text` at any of `separators`, trimming the parts and dropping empty ones.
  static func split(_ text: String, at separators: Set<Character>) -> [String] {
    splitInertText(text, at: separators) ?? splitByCharacters(text, at: separators)
  }

  /// ``split(_:at:)`` for separators whose ``separatorScalars(_:)`` are `scalars` (worked out
  /// once by the caller instead of on every split).
  static func split(_ text: String, at separators: Set<Character>, scalars: [UInt32]?) -> [String] {
    scalars.flatMap { splitInertText(text, atScalars: $0) } ?? splitByCharacters(text, at: separators)
  }

  /// ``split(_:at:)`` on `Character`s: for text that is not inert, and the reading
  /// ``splitInertText(_:at:)`` is tested against.
  static func splitByCharacters(_ text: String, at separators: Set<Character>) -> [String] {
    text.split(whereSeparator: { separators.contains($0) })
      .map { String($0).trimmingASCIIAndIdeographicSpaces() }
      .filter { !$0.isEmpty }
  }
}

extension NarrativeParser {
  /// A joined paragraph, decided to be a heading or not.
  struct Unit: Sendable, Hashable {
    var piece: Piece
    /// The heading's numbering; nil for a paragraph.
    var heading: HeadingNumber?
    /// What the block prints: the paragraph's text, or the heading in canonical form.
    var text: NarrativeText.Scalars

    /// `heading != nil`, read by its case: `==` on the optional copied both numberings into a
    /// tuple to compare them, and destroyed it, for every pair of blocks compared.
    var isHeading: Bool {
      if case .some = heading { return true }
      return false
    }
  }

  /// The numbering of `text` when it reads like a heading, nil otherwise.
  ///
  /// A heading is a numbered line (not a bulleted list item) whose title is not a sentence:
  /// no 。！？；, no colon followed by more text (`一、财政拨款收入：是指…` is a definition), no
  /// money amount or percentage, not ending in a comma; it may end in 。 or a colon
  /// (`（一）主要职责。`, `1、车辆情况：`). Its length is at most 30 characters, or 50 when it
  /// has no comma at all (project names such as S1:531). A bare numbering (`第一部分` alone)
  /// also qualifies.
  static func headingCandidate(_ text: NarrativeText.Scalars, bulleted: Bool) -> HeadingNumber? {
    guard !bulleted, let number = HeadingNumber.parse(text) else { return nil }
    if text.count > 50 { return nil }
    var end = text.count
    if end > number.length, isDroppableHeadingEnd(text[end - 1]) { end -= 1 }
    let title = text[number.length..<end]
    var commas = 0
    for (offset, c) in zip(title.indices, title) {
      switch c {
      case "。", "！", "？", "；", ";", "!", "?", "：", ":": return nil
      case "%": return nil
      case "，", ",":
        commas += 1
        if offset == title.index(before: title.endIndex) { return nil }
      case "、":
        if offset == title.index(before: title.endIndex) { return nil }
      default: break
      }
    }
    if commas > 0 && text.count > 30 { return nil }
    if containsMoneyAmount(title) { return nil }
    return number
  }

  private static func isDroppableHeadingEnd(_ c: Unicode.Scalar) -> Bool {
    c == "。" || c == "：" || c == ":" || c == "." || c == "．"
  }

  /// Whether a number followed by 元, 万 or 亿 occurs in `text`.
  static func containsMoneyAmount(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
    var i = text.startIndex
    while i < text.endIndex {
      guard NarrativeText.isASCIIDigit(text[i]) else {
        i += 1
        continue
      }
      while i < text.endIndex, NarrativeText.isASCIIDigit(text[i]) || text[i] == "." || text[i] == "," {
        i += 1
      }
      while i < text.endIndex, NarrativeText.isSpace(text[i]) { i += 1 }
      if i < text.endIndex, text[i] == "元" || text[i] == "万" || text[i] == "亿" { return true }
    }
    return false
  }

  /// Decides which paragraphs are headings.
  ///
  /// Beyond `headingCandidate`, a list is not a run of headings: numbered paragraphs of one rank
  /// that follow each other directly with consecutive numbers (1、 2、 3、, nothing between them)
  /// are list items when one of them is not a heading candidate, or when all of them end in 。
  /// (S0:37-41: `1、负责全县医疗保险政策培训工作。` is short, but `2、` is a long sentence).
  /// A list item that is only a term and a colon (`六、财政专户管理资金：`, S1:1028) is the
  /// start of a definition whose text follows on the next paragraph, and is joined to it.
  static func classify(_ paragraphs: [Piece]) -> [Unit] {
    var isHeading = paragraphs.map { headingCandidate($0.text, bulleted: $0.bulleted) != nil }
    var i = 0
    while i < paragraphs.count {
      guard let number = paragraphs[i].number else {
        i += 1
        continue
      }
      var j = i + 1
      var previous = number
      while j < paragraphs.count, let next = paragraphs[j].number, next.rank == previous.rank,
        next.value == previous.value + 1
      {
        previous = next
        j += 1
      }
      if j - i >= 2 {
        let members = i..<j
        let anyProse = members.contains { !isHeading[$0] }
        let allEndInFullStop = members.allSatisfy { paragraphs[$0].text.last == "。" }
        if anyProse || allEndInFullStop {
          for m in members { isHeading[m] = false }
        }
      }
      i = j
    }

    var units: [Unit] = []
    units.reserveCapacity(paragraphs.count)
    var k = 0
    while k < paragraphs.count {
      var piece = paragraphs[k]
      if isHeading[k], let number = piece.number {
        units.append(Unit(piece: piece, heading: number, text: headingText(piece.text, number)))
        k += 1
        continue
      }
      if isDefinitionStart(piece), k + 1 < paragraphs.count, paragraphs[k + 1].number == nil,
        !paragraphs[k + 1].bulleted
      {
        piece.append(paragraphs[k + 1])
        k += 1
      }
      units.append(Unit(piece: piece, heading: nil, text: piece.text))
      k += 1
    }
    return units
  }

  /// A numbered term followed only by a colon: `六、财政专户管理资金：`.
  private static func isDefinitionStart(_ piece: Piece) -> Bool {
    guard let number = piece.number, let last = piece.text.last, NarrativeText.isColon(last),
      piece.text.count <= 30
    else { return false }
    return !piece.text[number.length..<(piece.text.count - 1)].contains {
      NarrativeText.isSentenceFinal($0) || NarrativeText.isColon($0) || NarrativeText.isComma($0)
    }
  }

  /// The heading as printed in blocks and section paths: the numbering in canonical form
  /// (`(一) ` → `（一）`), a space after `第X部分`, the title without a final 。 or colon.
  static func headingText(_ text: NarrativeText.Scalars, _ number: HeadingNumber)
    -> NarrativeText.Scalars
  {
    var end = text.count
    while end > number.length, isDroppableHeadingEnd(text[end - 1]) || NarrativeText.isSpace(text[end - 1]) {
      end -= 1
    }
    var out = NarrativeText.scalars(number.canonical)
    if number.length < end {
      if number.rank == .part { out.append(" ") }
      out.append(contentsOf: text[number.length..<end])
    }
    return out
  }
}

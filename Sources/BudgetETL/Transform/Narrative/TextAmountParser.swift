/// Finds the amounts the narrative quotes: the `text_amounts` dataset.
///
/// An amount is a printed number followed (spaces allowed) by 元, 万元 or 亿元. Percentages,
/// counts (人, 辆, 台, 个) and numbers without a money unit are not amounts. For each amount:
///
/// - **`subject`**: the words before it, back to the previous amount or the nearest ，；：
///   (see `AmountSubject`). A `change` names its subject before the verb
///   (`一般公共预算收支预算减少258.51万元`) or, when the clause is only a comparison
///   (`较上年减少`, `与上年相比预算数减少`), is about the first `level` amount of its sentence (in
///   `本单位当年预算收入 123.98 万元，其中…，较上年减少 69.26 万元` the change is the 当年预算收入's)
///   or, when its sentence has none, the block's last `level` amount, and takes its codes.
/// - **`amount_kind`**, first match wins: `threshold` — 以上/以下/以内 right after the unit
///   (`单价 20 万元以上`); `change` — the clause ends in a change verb (增加, 减少, 增长, 下降…)
///   or compares (较, 比, 相比) with one; `prior` — the clause, or a sentence opening such as
///   `2022年，`, names last year (上年, 去年, the fiscal year minus one:
///   `2022年机关运行经费预算数为57.33万元`), but not 上年结转/上年结余/上年底 (this year's
///   money, or a date); `other` — a per-unit rate (`元/人`, 每…), a
///   difference (相差, 差额), or another year; `level` otherwise.
/// - **codes**: the last 3/5/7-digit code in parentheses in the subject (`（303）`, `(505)`,
///   `（2101506）`) — 2xx function, 3xx economic, 5xx government economic; it stays in the
///   subject, its parentheses made full-width.
/// - **`amount_yuan`**: exact, through `PrintedNumber.fen(unitMultiplier:)`; the sign is as
///   printed (a decrease is positive, its direction is in the text).
public enum TextAmountParser {
  /// Finds the amounts quoted in narrative blocks, each traced to the line that carries it.
  ///
  /// - Parameters:
  ///   - blocks: Blocks from `NarrativeParser.parseLocated(lines:docID:options:)`.
  ///   - fiscalYear: The document's year, to tell last year's amounts (`2022年…` in a 2023
  ///     budget); when nil it is read from the title (`2023年度单位预算公开`), if there is one.
  /// - Returns: The amounts in document order; `amountNo` is 1-based within each block.
  /// - Complexity: O(*n*) in the length of the text.
  public static func parse(blocks: [NarrativeBlock], fiscalYear: Int? = nil) -> [TextAmount] {
    let year = fiscalYear ?? self.fiscalYear(in: blocks.map(\.textBlock))
    var amounts: [TextAmount] = []
    for block in blocks {
      amounts.append(contentsOf: parse(block, fiscalYear: year))
    }
    return amounts
  }

  /// Finds the amounts quoted in text blocks that have no line map: every amount gets its
  /// block's `sourceLine`. Prefer `parse(blocks:fiscalYear:)` with `NarrativeBlock`s.
  public static func parse(blocks: [TextBlock], fiscalYear: Int? = nil) -> [TextAmount] {
    parse(blocks: blocks.map { NarrativeBlock(textBlock: $0, lineStarts: []) }, fiscalYear: fiscalYear)
  }

  /// The fiscal year a document's title states: the first `20xx年` (or `20xx 年度`) followed by
  /// 预算 or 决算, possibly after 单位/部门/政府 (`2023 年单位预算公开说明`, `2024年度部门预算`;
  /// not `2022年机关运行经费预算数`).
  public static func fiscalYear(in blocks: [TextBlock]) -> Int? {
    for block in blocks {
      let s = NarrativeText.scalars(block.text)
      var i = 0
      while i + 4 < s.count {
        guard let (year, end) = yearAt(s, i) else {
          i += 1
          continue
        }
        var k = end
        if k < s.count, s[k] == "度" { k += 1 }
        while k < s.count, NarrativeText.isSpace(s[k]) { k += 1 }
        if let scope = budgetScopes.first(where: { NarrativeText.matches(s, at: k, $0) }) {
          k += scope.count
        }
        if NarrativeText.matches(s, at: k, budgetWord) || NarrativeText.matches(s, at: k, finalWord) {
          return year
        }
        i = end
      }
    }
    return nil
  }

  // MARK: - One block

  /// One amount found in a block's text.
  private struct Found {
    var numberStart: Int
    var end: Int
    var printed: String
    var unit: MoneyUnit
    var fen: Int64
    var threshold: Bool
    var perUnit: Bool
  }

  /// A block's amounts, read from its text's scalars (``parse(_:fiscalYear:)`` asks this only
  /// of text that holds a digit).
  static func parseScalars(_ block: NarrativeBlock, fiscalYear: Int?) -> [TextAmount] {
    let s = NarrativeText.scalars(block.textBlock.text)
    var amounts: [TextAmount] = []
    var sentenceStart = 0
    var lastEnd = 0
    var sentenceLevel: AmountSubject?
    var blockLevel: AmountSubject?
    var i = 0
    while i < s.count {
      let c = s[i]
      if NarrativeText.isSentenceFinal(c) {
        sentenceStart = i + 1
        sentenceLevel = nil
        i += 1
        continue
      }
      guard NarrativeText.isASCIIDigit(c) else {
        i += 1
        continue
      }
      if i > 0, NarrativeText.isASCIILetter(s[i - 1]) || s[i - 1] == "." {
        i = numberEnd(s, from: i)
        continue
      }
      guard let found = amount(s, at: i) else {
        i = numberEnd(s, from: i)
        continue
      }
      let leadStart = max(lastEnd, sentenceStart)
      let lead = s[leadStart..<found.numberStart]
      var clauseStart = found.numberStart
      while clauseStart > leadStart, !isClauseBreak(s[clauseStart - 1]) { clauseStart -= 1 }
      let clause = s[clauseStart..<found.numberStart]
      let kind = self.kind(found, clause: clause, lead: lead, fiscalYear: fiscalYear)
      let own = AmountSubject(clause: clause, isChange: kind == .change)
      var subject = own
      switch kind {
      case .change:
        if own.text.isEmpty { subject = sentenceLevel ?? blockLevel ?? own }
      case .level:
        if own.text.isEmpty { subject = sentenceLevel ?? blockLevel ?? own }
        if sentenceLevel == nil { sentenceLevel = subject }
        blockLevel = subject
      case .prior, .other, .threshold:
        if own.text.isEmpty { subject = sentenceLevel ?? blockLevel ?? own }
      }
      let location = block.sourceLocation(atScalarOffset: found.numberStart)
      amounts.append(
        TextAmount(
          docID: block.textBlock.docID, blockNo: block.textBlock.blockNo, amountNo: amounts.count + 1,
          subject: subject.text, kind: kind, functionCode: subject.functionCode,
          econCode: subject.econCode, govEconCode: subject.govEconCode, amountFen: found.fen,
          sourceValue: found.printed, sourceUnit: found.unit.rawValue, sourceLine: location.line,
          sourcePage: location.page))
      lastEnd = found.end
      i = found.end
    }
    return amounts
  }

  /// Where the number starting at `start` ends: digits, `,` before groups of three, one `.`.
  static func numberEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
    var j = start
    while j < s.count, NarrativeText.isASCIIDigit(s[j]) { j += 1 }
    while j + 3 < s.count, s[j] == ",", (1...3).allSatisfy({ NarrativeText.isASCIIDigit(s[j + $0]) }),
      j + 4 == s.count || !NarrativeText.isASCIIDigit(s[j + 4])
    {
      j += 4
    }
    if j + 1 < s.count, s[j] == ".", NarrativeText.isASCIIDigit(s[j + 1]) {
      j += 1
      while j < s.count, NarrativeText.isASCIIDigit(s[j]) { j += 1 }
    }
    return j
  }

  private static let units: [(NarrativeText.Scalars, MoneyUnit)] = [
    (NarrativeText.scalars("亿元"), .yiYuan), (NarrativeText.scalars("万元"), .wanYuan),
    (NarrativeText.scalars("元"), .yuan),
  ]

  private static let thresholdWords: [NarrativeText.Scalars] = [
    "及以上", "及以下", "以上", "以下", "以内", "（含）以上", "(含)以上", "（含）以下", "(含)以下",
  ].map(NarrativeText.scalars)

  /// The amount whose number starts at `start`, if a money unit follows it.
  private static func amount(_ s: [Unicode.Scalar], at start: Int) -> Found? {
    let end = numberEnd(s, from: start)
    var k = end
    while k < s.count, NarrativeText.isSpace(s[k]) { k += 1 }
    guard let (literal, unit) = units.first(where: { NarrativeText.matches(s, at: k, $0.0) }) else {
      return nil
    }
    let printed = NarrativeText.string(s[start..<end])
    guard let number = PrintedNumber(printed), let (fen, _) = number.fen(unitMultiplier: unit.multiplier)
    else { return nil }
    var after = k + literal.count
    var m = after
    while m < s.count, NarrativeText.isSpace(s[m]) { m += 1 }
    var threshold = false
    if let word = thresholdWords.first(where: { NarrativeText.matches(s, at: m, $0) }) {
      threshold = true
      after = m + word.count
    }
    let perUnit = m < s.count && (s[m] == "/" || s[m] == "每")
    return Found(
      numberStart: start, end: after, printed: printed, unit: unit, fen: fen, threshold: threshold,
      perUnit: perUnit)
  }

  /// Where a subject's words begin: after a comma, colon or semicolon. Not after 、, which joins
  /// the parts of one subject (`办公费、印刷费共计`, `收、支总计`); items of a list of amounts
  /// are told apart by the amounts themselves.
  private static func isClauseBreak(_ c: Unicode.Scalar) -> Bool {
    NarrativeText.isComma(c) || NarrativeText.isColon(c) || c == "；" || c == ";"
      || NarrativeText.isSentenceFinal(c)
  }

  // MARK: - Kinds

  private static let changeVerbs = AmountSubject.changeVerbs
  private static let comparators: [NarrativeText.Scalars] = ["较", "比", "相比", "同比"].map(
    NarrativeText.scalars)
  private static let lastYearWords: [NarrativeText.Scalars] = ["上年", "去年", "上一年"].map(
    NarrativeText.scalars)
  private static let thisYearMoneyAfterLastYear: [NarrativeText.Scalars] = [
    "结转", "结余", "底", "末", "期末", "年底", "年末",
  ].map(NarrativeText.scalars)
  private static let otherWords: [NarrativeText.Scalars] = ["相差", "差额", "人均", "每"].map(
    NarrativeText.scalars)
  private static let budgetWord = NarrativeText.scalars("预算")
  private static let budgetScopes: [NarrativeText.Scalars] = ["单位", "部门", "政府", "本级"].map(
    NarrativeText.scalars)
  private static let finalWord = NarrativeText.scalars("决算")

  private static func kind(
    _ found: Found, clause: ArraySlice<Unicode.Scalar>, lead: ArraySlice<Unicode.Scalar>,
    fiscalYear: Int?
  ) -> TextAmount.Kind {
    if found.threshold { return .threshold }
    let clauseScalars = Array(clause)
    if isChange(clauseScalars) { return .change }
    let opening = openingTimeClause(lead)
    if namesLastYear(clauseScalars, fiscalYear: fiscalYear)
      || namesLastYear(opening, fiscalYear: fiscalYear)
    {
      return .prior
    }
    if found.perUnit || otherWords.contains(where: { NarrativeText.contains(clauseScalars, $0) }) {
      return .other
    }
    if let fiscalYear,
      years(in: opening + clauseScalars).contains(where: { $0 != fiscalYear && $0 != fiscalYear - 1 })
    {
      return .other
    }
    return .level
  }

  /// A short first clause that only says when (`2022年，…`, `上年，…`), which holds for the
  /// rest of the sentence; empty when the lead does not open with one.
  ///
  /// Only the lead's first nine scalars are read (a break further on is no opening clause):
  /// copying the whole lead to search it was a copy per amount.
  static func openingTimeClause(_ lead: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
    let head = lead.prefix(9)
    guard let end = head.firstIndex(where: isClauseBreak) else { return [] }
    let clause = Array(head[head.startIndex..<end])
    return clause.last == "年" || clause.last == "度" ? clause : []
  }

  /// ``openingTimeClause(_:)`` as it read before, on a copy of the whole lead: the reading the
  /// test compares with.
  static func openingTimeClauseCopyingTheLead(_ lead: [Unicode.Scalar]) -> [Unicode.Scalar] {
    guard let end = lead.firstIndex(where: isClauseBreak), end <= 8 else { return [] }
    let clause = Array(lead[0..<end])
    return clause.last == "年" || clause.last == "度" ? clause : []
  }

  /// The clause ends in a change verb (`较上年减少`, `与上年相比预算数减少`, `增加（减少）`), or
  /// compares and names one (`比上年增加了`).
  private static func isChange(_ clause: [Unicode.Scalar]) -> Bool {
    var end = clause.count
    while end > 0, AmountSubject.isChangeFiller(clause[end - 1]) { end -= 1 }
    let trimmed = Array(clause[0..<end])
    if changeVerbs.contains(where: { NarrativeText.hasSuffix(trimmed, $0) }) { return true }
    return comparators.contains { NarrativeText.contains(trimmed, $0) }
      && changeVerbs.contains { NarrativeText.contains(trimmed, $0) }
  }

  /// The text names last year: 上年/去年/上一年 (not 上年结转, 上年结余, 上年底…), or the
  /// fiscal year minus one (`2022年`, not a date such as `2022年12月31日`).
  private static func namesLastYear(_ text: [Unicode.Scalar], fiscalYear: Int?) -> Bool {
    for word in lastYearWords {
      var from = 0
      while let at = NarrativeText.firstIndex(of: word, in: text, from: from) {
        let after = at + word.count
        var k = after
        if k < text.count, text[k] == "度" { k += 1 }
        if !thisYearMoneyAfterLastYear.contains(where: { NarrativeText.matches(text, at: k, $0) }) {
          return true
        }
        from = after
      }
    }
    if let fiscalYear {
      return years(in: text).contains(fiscalYear - 1)
    }
    return false
  }

  /// Years named in the text (`2022年`, `2022 年度`), dates (`2022年12月`) and year ends
  /// (`2022年底`) left out.
  private static func years(in text: [Unicode.Scalar]) -> [Int] {
    var found: [Int] = []
    var i = 0
    while i + 4 < text.count {
      if let (year, end) = yearAt(text, i) {
        var k = end
        if k < text.count, text[k] == "度" { k += 1 }
        let isDate = k < text.count && NarrativeText.isASCIIDigit(text[k])
        let isYearEnd = k < text.count && (text[k] == "底" || text[k] == "末")
        if !isDate && !isYearEnd { found.append(year) }
        i = end
      } else {
        i += 1
      }
    }
    return found
  }

  /// A year `19xx`/`20xx` printed at `i` (not inside a longer number) followed by 年, spaces
  /// allowed before 年: the year and the index after 年.
  private static func yearAt(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int)? {
    guard i + 4 < s.count, i == 0 || !NarrativeText.isASCIIDigit(s[i - 1]),
      (s[i] == "1" && s[i + 1] == "9") || (s[i] == "2" && s[i + 1] == "0"),
      (0..<4).allSatisfy({ NarrativeText.isASCIIDigit(s[i + $0]) })
    else { return nil }
    var k = i + 4
    while k < s.count, NarrativeText.isSpace(s[k]) { k += 1 }
    guard k < s.count, s[k] == "年" else { return nil }
    let year = (0..<4).reduce(0) { $0 * 10 + Int(s[i + $1].value - 0x30) }
    return (year, k + 1)
  }
}

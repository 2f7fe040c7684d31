/// What a quoted amount is: the words before it, cleaned, and the classification code they name.
///
/// From `其中：（1）工资福利支出(301) ` it keeps `工资福利支出（301）` with economic code 301: list
/// numbering, connectives (其中, 主要用于, 为, 共…), the year (`2023年度`) and the agency
/// (`本单位`, `阳城县医疗保障局部门各单位`) go; parentheses become full-width; spaces go. Words
/// that tell this year's money from last year's (当年, 本年, 上年结转) stay.
struct AmountSubject: Sendable, Hashable {
  var text: String
  var functionCode: String?
  var econCode: String?
  var govEconCode: String?

  init(text: String, functionCode: String? = nil, econCode: String? = nil, govEconCode: String? = nil) {
    self.text = text
    self.functionCode = functionCode
    self.econCode = econCode
    self.govEconCode = govEconCode
  }

  typealias Scalars = NarrativeText.Scalars

  /// Cleans the words of a clause that precede an amount.
  ///
  /// - Parameters:
  ///   - clause: The words between the previous clause break (or amount) and the number.
  ///   - isChange: The amount is a change: the change verb and the comparison (`较上年`,
  ///     `与上年相比预算数`, `比2022年同口径`) go too, so what is left names the subject when the
  ///     clause has one (`一般公共预算收支预算减少` → `一般公共预算收支预算`), and nothing when
  ///     it has not.
  init(clause: ArraySlice<Unicode.Scalar>, isChange: Bool = false) {
    var s = Scalars()
    s.reserveCapacity(clause.count)
    for c in clause where !NarrativeText.isSpace(c) {
      s.append(c == "(" ? "（" : c == ")" ? "）" : c)
    }
    if isChange { Self.removeTrailingChange(&s) }
    let leading = isChange ? Self.leadingWords + Self.comparisonWords : Self.leadingWords
    var changed = true
    while changed && !s.isEmpty {
      changed = false
      if let number = HeadingNumber.parse(s), number.length < s.count {
        s.removeFirst(number.length)
        changed = true
      }
      if let end = Self.ordinalShiEnd(s) {
        s.removeFirst(end)
        changed = true
      }
      for prefix in leading where NarrativeText.hasPrefix(s, prefix) {
        s.removeFirst(prefix.count)
        changed = true
        break
      }
      if let end = Self.yearEnd(s), end < s.count {
        s.removeFirst(end)
        changed = true
      }
      if let end = Self.agencyEnd(s) {
        s.removeFirst(end)
        changed = true
      }
      while let first = s.first, Self.isLeadingPunctuation(first) {
        s.removeFirst()
        changed = true
      }
    }
    changed = true
    while changed && !s.isEmpty {
      changed = false
      for suffix in Self.trailingWords where NarrativeText.hasSuffix(s, suffix) {
        s.removeLast(suffix.count)
        changed = true
        break
      }
      while let last = s.last, NarrativeText.isColon(last) || NarrativeText.isComma(last) || last == "、" {
        s.removeLast()
        changed = true
      }
    }
    self.init(text: NarrativeText.string(s))
    if let code = Self.trailingCode(s) {
      switch (code.first, code.count) {
      case ("2", 3), ("2", 5), ("2", 7): functionCode = code
      case ("3", 3), ("3", 5): econCode = code
      case ("5", 3), ("5", 5): govEconCode = code
      default: break
      }
    }
  }

  private static let leadingWords: [Scalars] = [
    "其中", "主要用于以下方面", "主要用于", "主要包括", "主要是", "主要为", "包括", "用于", "涉及",
    "分别为", "分别是", "共计", "共有", "合计为", "为", "是", "共", "即", "另",
    "本单位", "本部门", "我单位", "我部门", "本局", "我局", "本中心", "本机关", "本级", "所属单位",
    "各单位", "安排",
  ].map(NarrativeText.scalars)

  /// Verbs that make an amount a change.
  static let changeVerbs: [Scalars] = [
    "增加", "减少", "增长", "下降", "降低", "上升", "压减", "缩减", "核减", "调减", "调增", "节约",
    "节省", "增", "减",
  ].map(NarrativeText.scalars)

  /// Words between a change verb and its amount (`增加了`, `减少额为`, `增加（减少）`).
  static func isChangeFiller(_ c: Unicode.Scalar) -> Bool {
    c == "了" || c == "为" || c == "约" || c == "共" || c == "计" || c == "达" || c == "额" || c == "（"
      || c == "）" || c == "(" || c == ")" || NarrativeText.isSpace(c)
  }

  private static let comparisonWords: [Scalars] = [
    "与", "较", "同比", "相比", "比", "上年", "去年", "上一年", "度", "同期", "同口径", "年初预算数",
    "预算数", "决算数", "预算",
  ].map(NarrativeText.scalars)

  private static func removeTrailingChange(_ s: inout Scalars) {
    var changed = true
    while changed {
      changed = false
      while let last = s.last, isChangeFiller(last) {
        s.removeLast()
        changed = true
      }
      if let verb = changeVerbs.first(where: { NarrativeText.hasSuffix(s, $0) }) {
        s.removeLast(verb.count)
        changed = true
      }
    }
  }

  private static let trailingWords: [Scalars] = [
    "为", "是", "共计", "共", "达", "约", "的", "各", "合计为", "总计为", "分别为",
  ].map(NarrativeText.scalars)

  private static func isLeadingPunctuation(_ c: Unicode.Scalar) -> Bool {
    NarrativeText.isColon(c) || NarrativeText.isComma(c) || c == "、" || c == "；" || c == ";"
      || c == "。"
  }

  /// `一是`, `二是`: the end of such an ordinal.
  private static func ordinalShiEnd(_ s: Scalars) -> Int? {
    let (value, end) = HeadingNumber.chineseNumber(s, from: 0)
    guard value > 0, end < s.count, s[end] == "是", end + 1 < s.count else { return nil }
    return end + 1
  }

  /// `2023年`, `2023年度`, `2023 年`: the end of a leading year.
  private static func yearEnd(_ s: Scalars) -> Int? {
    guard s.count >= 5, (0..<4).allSatisfy({ NarrativeText.isASCIIDigit(s[$0]) }), s[4] == "年" else {
      return nil
    }
    return s.count > 5 && s[5] == "度" ? 6 : 5
  }

  private static let agencySuffixes: [Scalars] = ["委员会", "办公室", "中心", "机构", "局"].map(
    NarrativeText.scalars)

  private static let agencyTails: [Scalars] = ["部门", "本级", "各单位", "所属单位", "机关"].map(
    NarrativeText.scalars)

  /// A leading agency name: Han characters naming a place (县, 市, 区…) and ending in 局, 中心,
  /// 委员会, 办公室 or 机构 (`阳城县医疗保障局`, `温县医疗保障局`), with what qualifies it
  /// (`部门各单位`), when words remain after it.
  private static func agencyEnd(_ s: Scalars) -> Int? {
    var sawPlace = false
    var i = 0
    while i < min(s.count, 20), NarrativeText.isHan(s[i]) {
      if s[i] == "县" || s[i] == "市" || s[i] == "区" || s[i] == "省" || s[i] == "州" || s[i] == "旗" {
        sawPlace = true
      }
      if sawPlace, i >= 2 {
        for suffix in agencySuffixes where NarrativeText.matches(s, at: i, suffix) {
          var end = i + suffix.count
          var more = true
          while more {
            more = false
            for word in agencyTails where NarrativeText.matches(s, at: end, word) {
              end += word.count
              more = true
            }
          }
          return s.count - end >= 2 ? end : nil
        }
      }
      i += 1
    }
    return nil
  }

  /// The digits of the last 3/5/7-digit code in parentheses: `工资福利支出（301）` → `301`,
  /// `医疗保障经办事务（2101506）支出` → `2101506`.
  private static func trailingCode(_ s: Scalars) -> String? {
    var close = s.count - 1
    while close > 0 {
      if s[close] == "）" {
        var i = close - 1
        while i >= 0, NarrativeText.isASCIIDigit(s[i]) { i -= 1 }
        let digits = close - 1 - i
        if i >= 0, s[i] == "（", digits == 3 || digits == 5 || digits == 7 {
          return NarrativeText.string(s[(i + 1)..<close])
        }
      }
      close -= 1
    }
    return nil
  }

}

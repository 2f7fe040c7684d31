/// One pass over a line's bytes that rules out, for most lines, both candidate checks of the
/// noise filter (a repeat candidate, a running header) before they search the line eight to
/// ten times: profiled, the two checks were 1.2% of all samples on a 1,000-document archive,
/// nearly all of them on lines one of the cheap facts below already rules out.
extension NoiseFilter {
  /// Which of the two candidate checks can still say yes; false means that check is false.
  struct CandidateScreen: Equatable {
    var repeatCandidate: Bool
    var runningHeader: Bool
    /// The text was read to the end and is inert: a check the screen keeps need not ask again
    /// what the screen settled (``isScreenedCandidate(_:screen:)``).
    var inert = false
    /// The text holds 度 (E5 BA A6), which every year line does; meaningful when `inert`.
    var holdsDu = true
    static let undecided = CandidateScreen(repeatCandidate: true, runningHeader: true)
  }

  /// `isRepeatCandidate(t) || isRunningHeaderCandidate(t)` for text whose screen is `screen`:
  /// on inert text only what the screen left open is asked (the 注 prefix, the year line when
  /// the text holds 度, the numbering and heading prefixes); the searches for 表, ：, the
  /// sentence marks and digits, and the character counts, were most of the time of the checks.
  func isScreenedCandidate(_ t: String, screen: CandidateScreen) -> Bool {
    guard screen.inert else {
      return screen.repeatCandidate && isRepeatCandidate(t) || screen.runningHeader && isRunningHeaderCandidate(t)
    }
    guard screen.repeatCandidate || screen.runningHeader, !t.hasLiteralPrefix("注"),
      NumberingPrefix.match(t) == nil
    else { return false }
    if screen.repeatCandidate { return true }
    if screen.holdsDu && TableCaption.isYearLine(t) { return false }
    return HeadingNumber.parse(Array(t.unicodeScalars)) == nil
  }

  /// Rules the checks out from facts that hold for inert text (every scalar its own character
  /// cluster, so a byte search finds what the `Character` searches find and scalars count
  /// characters): `表`, `：` or `:` rules both out; more than 15 characters or any ASCII digit
  /// rules out a repeat; fewer than 4 or more than 40 characters, `，` `。` `；` `;` `、`, or a
  /// run of digits that is not 4 long (no year) rules out a running header. Text that is not
  /// inert is left to the checks (`undecided`). Text that starts with more than 40 inert
  /// scalars is ruled out for both without reading the rest (and not marked `inert`).
  static func candidateScreen(_ t: String) -> CandidateScreen {
    let screened = t.utf8.withContiguousStorageIfAvailable { b -> CandidateScreen? in
      let n = b.count
      var i = 0
      var scalars = 0
      var digits = 0
      var anyDigit = false
      var badDigitRun = false
      var sentenceMark = false
      // 表, ： or : seen: both checks are out, once the rest of the text proves inert (a
      // combining mark after one would make it another character).
      var bothOut = false
      var du = false
      while i < n {
        // Forty-one inert scalars (every one read so far is) are forty-one characters or
        // more, as ``String/hasAtMostCharacters(_:)`` counts them: too long for either check.
        // Most narrative lines are longer, and need not be read to the end.
        if scalars > 40 { return CandidateScreen(repeatCandidate: false, runningHeader: false) }
        let c = b[i]
        scalars += 1
        if c < 0x80 {
          if c >= 0x30 && c <= 0x39 {
            digits += 1
            anyDigit = true
            i += 1
            continue
          }
          if digits != 0 && digits != 4 { badDigitRun = true }
          digits = 0
          if c == 0x0D { return nil }  // CR LF is one cluster: not inert
          if c == 0x3A { bothOut = true }  // :
          if c == 0x3B { sentenceMark = true }  // ;
          i += 1
          continue
        }
        if digits != 0 && digits != 4 { badDigitRun = true }
        digits = 0
        // CJK ideographs (lead bytes E5–E9, and E4 but the hexagrams E4 B7) as `isInert` takes them.
        if i + 2 < n && (c >= 0xE5 && c <= 0xE9 || c == 0xE4 && b[i + 1] != 0xB7) {
          if c == 0xE8 && b[i + 1] == 0xA1 && b[i + 2] == 0xA8 { bothOut = true }  // 表
          if c == 0xE5 && b[i + 1] == 0xBA && b[i + 2] == 0xA6 { du = true }  // 度
          i += 3
          continue
        }
        let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
        guard i + length <= n, LiteralSearch.isInert(UnsafeBufferPointer(rebasing: b[i..<(i + length)])) else {
          return nil
        }
        if length == 3 {
          switch (c, b[i + 1], b[i + 2]) {
          case (0xEF, 0xBC, 0x9A): bothOut = true  // ：
          case (0xEF, 0xBC, 0x8C), (0xE3, 0x80, 0x82), (0xEF, 0xBC, 0x9B), (0xE3, 0x80, 0x81):  // ， 。 ； 、
            sentenceMark = true
          default: break
          }
        }
        i += length
      }
      if digits != 0 && digits != 4 { badDigitRun = true }
      if bothOut { return CandidateScreen(repeatCandidate: false, runningHeader: false, inert: true, holdsDu: du) }
      return CandidateScreen(
        repeatCandidate: scalars >= 1 && scalars <= 15 && !anyDigit,
        runningHeader: scalars >= 4 && scalars <= 40 && !sentenceMark && !badDigitRun, inert: true, holdsDu: du)
    }
    return (screened ?? nil) ?? .undecided
  }
}

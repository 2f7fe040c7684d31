import Foundation
import Testing

@testable import BudgetETL

/// The noise filter's byte screen before its two candidate checks, and the dot-leader gate that
/// skips ideographs, against the code they replace (kept here as oracles).
@Suite struct NoiseFilterCandidateScreenTests {
  /// `noiseFlags` as it was before the screen: both candidate checks on every line without tabs.
  static func oracleNoiseFlags(_ filter: NoiseFilter, _ lines: [SourceLine]) -> [Bool] {
    let hasTab = lines.map { $0.text.containsByte(0x09) }
    var cleaned = [String?](repeating: nil, count: lines.count)
    var isCandidate = [Bool](repeating: false, count: lines.count)
    var counts: [String: Int] = [:]
    for (i, line) in lines.enumerated() where !hasTab[i] {
      let t = TextCleaner.stripMarkup(line.text).trimmingASCIIAndIdeographicSpaces()
      cleaned[i] = t
      if filter.isRepeatCandidate(t) || filter.isRunningHeaderCandidate(t) {
        isCandidate[i] = true
        counts[t, default: 0] += 1
      }
    }
    let watermark = WatermarkMatcher(filter.watermarks)
    var flags = [Bool](repeating: false, count: lines.count)
    for (i, line) in lines.enumerated() {
      if hasTab[i] && !oracleIsDotLeaderLine(line.text) { continue }
      let t = cleaned[i] ?? TextCleaner.stripMarkup(line.text).trimmingASCIIAndIdeographicSpaces()
      if t.isEmpty {
        flags[i] = !line.text.trimmingASCIIAndIdeographicSpaces().isEmpty
        continue
      }
      let repeated =
        hasTab[i]
        ? (counts[t] ?? 0) >= filter.repeatThreshold
          && (filter.isRepeatCandidate(t) || filter.isRunningHeaderCandidate(t))
        : isCandidate[i] && (counts[t] ?? 0) >= filter.repeatThreshold
      if watermark.matches(t) || repeated {
        flags[i] = true
      } else if NoiseFilter.isPageNumber(t, lines: lines, index: i)
        || NoiseFilter.isPageNumber(line.text.trimmingASCIIAndIdeographicSpaces(), lines: lines, index: i)
      {
        flags[i] = true
      } else if oracleIsDotLeaderLine(line.text) {
        flags[i] = true
      } else if NoiseFilter.isChartCaption(t) {
        flags[i] = true
      }
    }
    return flags
  }

  static func oracleIsDotLeaderLine(_ text: String) -> Bool {
    guard oracleMayHoldDotLeader(text), !text.containsNone(of: ["....", "……", "···", "．．．"]) else { return false }
    let trimmed = text.trimmingASCIIAndIdeographicSpaces()
    guard let last = trimmed.unicodeScalars.last else { return false }
    return ("0"..."9").contains(last) || last == "." || last == "…"
  }

  /// The byte gate before it skipped ideographs: every byte looked at.
  static func oracleMayHoldDotLeader(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { b in
      let n = b.count
      var i = 0
      while i < n {
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

  static let pieces = [
    "表", "：", ":", "，", "。", "；", ";", "、", "2023", "12", "1", "年", "预算", "阳城县医疗保障局", "注", "一、", "（一）",
    "\u{301}", "\r\n", "\r", "\u{3000}", "\u{A0}", " ", "\u{F9FA}", "\u{FAAE}", "１２", "\u{FFFD}", "a", "第", "页", "-",
    "仅供内部审核", "结构图", "....", "……", "·", "\u{387}", "．", "\t", "8", "12.00", "表\u{301}", "：\u{301}", "e\u{301}",
    "2023年度", "（2023年度）", "度", "度\u{301}", "第一章",
  ]

  /// Whenever the screen rules a check out, the check says no; and the screened union is the
  /// union it replaces, on random text with every trap and on every cleaned seed line.
  @Test func screenNeverRulesOutACandidate() {
    let filter = NoiseFilter()
    var ruledOut = 0
    var candidates = 0
    var settledCandidates = 0
    func check(_ t: String) {
      let screen = NoiseFilter.candidateScreen(t)
      let repeatCandidate = filter.isRepeatCandidate(t)
      let runningHeader = filter.isRunningHeaderCandidate(t)
      if !screen.repeatCandidate { #expect(!repeatCandidate, "\(t.debugDescription)") }
      if !screen.runningHeader { #expect(!runningHeader, "\(t.debugDescription)") }
      let screened = screen.repeatCandidate && repeatCandidate || screen.runningHeader && runningHeader
      #expect(screened == (repeatCandidate || runningHeader), "\(t.debugDescription)")
      // What noiseFlags asks: the checks less what the screen settled on inert text.
      #expect(filter.isScreenedCandidate(t, screen: screen) == (repeatCandidate || runningHeader), "\(t.debugDescription)")
      if screen.inert && (repeatCandidate || runningHeader) { settledCandidates += 1 }
      if !screen.repeatCandidate && !screen.runningHeader { ruledOut += 1 }
      if repeatCandidate || runningHeader { candidates += 1 }
    }
    var rng = SplitMix64(seed: 41_2026)
    for _ in 0..<30_000 {
      check(rng.text(from: Self.pieces, fewerThan: 9))
    }
    // Long text, past the 40 scalars after which the screen stops reading.
    var cutShort = 0
    func checkLong(_ t: String) {
      check(t)
      if NoiseFilter.candidateScreen(t) == NoiseFilter.CandidateScreen(repeatCandidate: false, runningHeader: false) {
        cutShort += 1
      }
    }
    for _ in 0..<10_000 {
      checkLong(rng.text(from: Self.pieces, fewerThan: 40))
    }
    for seed in Seed.allCases {
      for line in seed.lines {
        checkLong(TextCleaner.stripMarkup(line.text).trimmingASCIIAndIdeographicSpaces())
        checkLong(line.text)
      }
    }
    #expect(cutShort > 1_000)
    #expect(ruledOut > 10_000)
    #expect(candidates > 1_000)
    #expect(settledCandidates > 500)
  }

  @Test func screenExactValues() {
    // Inert text without 度, as all of these are.
    func S(repeatCandidate: Bool, runningHeader: Bool) -> NoiseFilter.CandidateScreen {
      NoiseFilter.CandidateScreen(repeatCandidate: repeatCandidate, runningHeader: runningHeader, inert: true, holdsDu: false)
    }
    #expect(
      NoiseFilter.candidateScreen("（2023年度）")
        == NoiseFilter.CandidateScreen(repeatCandidate: false, runningHeader: true, inert: true, holdsDu: true))
    #expect(NoiseFilter.candidateScreen("a\u{301}部门") == .undecided)
    #expect(!NoiseFilter().isScreenedCandidate("（2023年度）", screen: NoiseFilter.candidateScreen("（2023年度）")))  // a year line
    #expect(NoiseFilter().isScreenedCandidate("阳城县医疗保障局2023年部门预算", screen: NoiseFilter.candidateScreen("阳城县医疗保障局2023年部门预算")))
    #expect(!NoiseFilter().isScreenedCandidate("一、部门职责", screen: NoiseFilter.candidateScreen("一、部门职责")))  // numbered
    #expect(NoiseFilter.candidateScreen("阳城县医疗保障局2023年部门预算") == S(repeatCandidate: false, runningHeader: true))
    #expect(NoiseFilter.candidateScreen("内部资料") == S(repeatCandidate: true, runningHeader: true))
    #expect(NoiseFilter.candidateScreen("样稿") == S(repeatCandidate: true, runningHeader: false))
    #expect(NoiseFilter.candidateScreen("一、部门职责") == S(repeatCandidate: true, runningHeader: false))
    #expect(NoiseFilter.candidateScreen("表1 收支总表") == S(repeatCandidate: false, runningHeader: false))
    #expect(NoiseFilter.candidateScreen("单位：万元") == S(repeatCandidate: false, runningHeader: false))
    #expect(NoiseFilter.candidateScreen("12345 部门") == S(repeatCandidate: false, runningHeader: false))
    #expect(NoiseFilter.candidateScreen("2023 部门") == S(repeatCandidate: false, runningHeader: true))
    #expect(NoiseFilter.candidateScreen("\u{3000}部门\u{A0}") == S(repeatCandidate: true, runningHeader: true))
    #expect(NoiseFilter.candidateScreen("") == S(repeatCandidate: false, runningHeader: false))
    // Past 40 inert scalars both are out, the rest unread (a mark after them changes nothing);
    // 40 and a mark after them are 40 characters, left to the checks.
    let forty = String(repeating: "部门", count: 20)
    #expect(NoiseFilter.candidateScreen(forty) == S(repeatCandidate: false, runningHeader: true))
    #expect(NoiseFilter().isScreenedCandidate(forty, screen: NoiseFilter.candidateScreen(forty)))
    let cut = NoiseFilter.CandidateScreen(repeatCandidate: false, runningHeader: false)
    #expect(NoiseFilter.candidateScreen(forty + "局") == S(repeatCandidate: false, runningHeader: false))  // read to the end
    #expect(NoiseFilter.candidateScreen(forty + "局局") == cut)
    #expect(NoiseFilter.candidateScreen(forty + "局\u{301}") == cut)
    #expect(NoiseFilter.candidateScreen(forty + "1234567") == cut)
    #expect(NoiseFilter.candidateScreen(forty + "\u{301}") == .undecided)
    #expect(NoiseFilter().isRunningHeaderCandidate(forty + "\u{301}"))
    #expect(NoiseFilter().isScreenedCandidate(forty + "\u{301}", screen: .undecided))
    // Not inert: a combining mark after ASCII, CR LF, a compatibility ideograph.
    #expect(NoiseFilter.candidateScreen("a\u{301}表") == .undecided)
    #expect(NoiseFilter.candidateScreen("部门\r\n表") == .undecided)
    #expect(NoiseFilter.candidateScreen("\u{F9FA}表") == .undecided)
    #expect(NoiseFilter.candidateScreen("\u{FFFD}表") == .undecided)
    #expect(NoiseFilter.candidateScreen("表\u{301}") == .undecided)
    #expect(NoiseFilter.candidateScreen("：\u{301}部门") == .undecided)
  }

  /// The gate that skips ideographs' bytes against the one that read every byte, and the whole
  /// filter against the one without the screen, on the seeds with page-break noise.
  @Test func dotLeaderGateAndFlagsAgreeWithTheOracles() {
    var rng = SplitMix64(seed: 42_2026)
    var leaders = 0
    for _ in 0..<30_000 {
      let s = rng.text(from: Self.pieces, fewerThan: 9)
      let expected = Self.oracleMayHoldDotLeader(s)
      #expect(NoiseFilter.mayHoldDotLeader(s) == expected, "\(s.debugDescription)")
      if expected { leaders += 1 }
    }
    #expect(leaders > 5_000)
    #expect(NoiseFilter.mayHoldDotLeader("预算……3"))
    #expect(NoiseFilter.mayHoldDotLeader("一\u{387}"))
    #expect(!NoiseFilter.mayHoldDotLeader("预算表。12.5"))
    let filter = NoiseFilter()
    var flagged = 0
    for (index, seed) in Seed.allCases.enumerated() {
      for line in seed.lines {
        #expect(NoiseFilter.mayHoldDotLeader(line.text) == Self.oracleMayHoldDotLeader(line.text))
      }
      let text = NoiseFilterTests.rewatermark(seed, index: index).text
      let lines = NormalizedText(decoded: Array(text.utf8)).lines()
      let flags = filter.noiseFlags(lines)
      #expect(flags == Self.oracleNoiseFlags(filter, lines), "\(seed)")
      flagged += flags.filter { $0 }.count
    }
    // Random lines, repeated so some become watermarks.
    var lines: [SourceLine] = []
    let base = (0..<60).map { _ in rng.text(from: Self.pieces, fewerThan: 6) }
    for k in 0..<600 {
      lines.append(SourceLine(number: k + 1, page: k / 50, text: base[rng.below(base.count)]))
    }
    let flags = filter.noiseFlags(lines)
    #expect(flags == Self.oracleNoiseFlags(filter, lines))
    flagged += flags.filter { $0 }.count
    #expect(flagged > 100)
  }
}

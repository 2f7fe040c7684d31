import Foundation
import Testing

@testable import BudgetETL

/// The byte-level answers of `String+ByteScan` and of the cleaners' fast paths against the
/// `Character`-based operations they replace, on hand-picked traps and on random text mixing
/// Chinese, markup, spaces of every kind, full-width forms, combining marks and CJK
/// compatibility ideographs (which equal a unified ideograph under canonical equivalence).
@Suite struct ByteScanTests {
  @Test func literalEqualityFollowsCanonicalEquivalence() {
    #expect("合计".isLiteral("合计"))
    #expect(!"合计 ".isLiteral("合计"))
    #expect(!"-\u{301}".isLiteral("-"))  // a dash with an accent is another character
    // U+F9FA is canonically the unified U+72C0 狀: equal for String, unequal bytes.
    #expect("\u{F9FA}".isLiteral("\u{72C0}") == ("\u{F9FA}" == "\u{72C0}"))
    #expect("\u{F9FA}".isLiteral("\u{72C0}"))
  }

  @Test func prefixAndSuffixEndOnCharacterBoundaries() {
    #expect("其中：财政拨款".hasLiteralPrefix("其中"))
    #expect(!"其\u{301}中".hasLiteralPrefix("其"))  // 其 with a combining mark is not 其
    #expect("其\u{301}中".hasPrefix("其") == "其\u{301}中".hasLiteralPrefix("其"))
    #expect("一般公共预算合计".hasLiteralSuffix("合计"))
    #expect(!"合计\u{301}".hasLiteralSuffix("合计"))
    #expect("\u{F9FA}合计".hasLiteralPrefix("\u{72C0}"))  // compatibility ideograph, as String says
    #expect("合\u{F9FA}".hasLiteralSuffix("\u{72C0}"))
  }

  @Test func numberingsSpelledWithCompatibilityIdeographs() {
    // U+F9D1 is canonically 六, U+F9B2 零: a numbering as the Character reading sees it.
    #expect(NumberingPrefix.match("\u{F9D1}、其他支出") == NumberingPrefix(rank: 1, length: 2))
    #expect(NumberingPrefix.match("（\u{F9B2}）其他") == NumberingPrefix.match(Array("（\u{F9B2}）其他".prefix(12))))
  }

  @Test func tabFieldsKeepEmptyCells() {
    #expect("支出\t\t12.00\t".tabFields() == ["支出", "", "12.00", ""])
    #expect("".tabFields() == [""])
    #expect("a\u{301}\tb".tabFields() == ["a\u{301}", "b"])
  }

  /// Foundation's search does not find a tab a combining mark follows; the byte reading agrees.
  @Test func tabsAreFoundAsFoundationFindsThem() {
    for text in [
      "支出\t12.00", "\t", "a\t\u{301}", "\t\u{301}\t", "\t\u{301}", "\t\u{301}\tx", "\u{301}\t", "\t\u{F9FA}", "\t\u{200D}",
      "\t\r\n", "无", "", "\t\u{1100}", "\t中",
    ] {
      #expect(text.containsTab() == text[...].contains("\t"), "\(text.debugDescription)")
    }
    #expect(!"\t\u{301}".containsTab())
    #expect("\t\u{301}\t".containsTab())
  }

  @Test func characterLimitsCountClusters() {
    #expect("合计".hasAtMostCharacters(2))
    #expect(!"合计".hasAtMostCharacters(1))
    #expect("e\u{301}e\u{301}".hasAtMostCharacters(2))  // four scalars, two characters
    #expect("".hasAtMostCharacters(0))
  }

  @Test func twoCellLinesAreSettledOnBytes() {
    #expect(DocumentSegmenter.holdsTwoCells("合计\t12.00"))
    #expect(!DocumentSegmenter.holdsTwoCells("表一 收支总表\t\t"))
    #expect(!DocumentSegmenter.holdsTwoCells("<b>合计</b>\t<span 中>"))  // tags may go: not settled
  }

  /// Random text: every fast path answers what the slow one does.
  @Test func fastPathsAgreeWithTheCharacterOperations() {
    let pieces = [
      "合", "计", "其中", "总计", "第", "页", "一", "、", "（", "）", "(", ")", "1", "2", "0", ".", ",", "-", "—", "－",
      " ", "\u{3000}", "\u{A0}", "\t", "*", "**", "#", "_", "<b>", "</td>", ">", "|", "：", "。", "１", "Ａ", "万元",
      "元", "\u{301}", "\u{F9FA}", "\u{72C0}", "①", "年度", "a", "Z", "·", "…", "部", "分", "．", "三", "⑳", "\u{F9D1}",
    ]
    let literals = ["合计", "其中", "元", "万元", "—", "-", "第", "\u{72C0}", "１"]
    var rng = SplitMix64(seed: 20_261_123)
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 8)
      if TextCleaner.isAlreadyClean(s) {
        #expect(TextCleaner.title(s) == s, "title(\(s.debugDescription))")
        #expect(TextCleaner.cell(s) == s, "cell(\(s.debugDescription))")
        #expect(PerformanceText.clean(s) == s, "clean(\(s.debugDescription))")
      }
      let settled = s.comparesOnBytes
      for literal in literals {
        #expect(s.isLiteral(literal) == (s == literal), "\(s.debugDescription) == \(literal)")
        #expect(s.isLiteral(literal, settledOnBytes: settled) == (s == literal), "\(s.debugDescription) == \(literal)")
        #expect(
          s.hasLiteralSuffix(literal, settledOnBytes: settled) == s.hasSuffix(literal),
          "\(s.debugDescription) suffix \(literal)")
        #expect(s.contains(literal) == s[...].contains(literal), "\(s.debugDescription) contains \(literal)")
        #expect(s.hasLiteralPrefix(literal) == s.hasPrefix(literal), "\(s.debugDescription) prefix \(literal)")
        #expect(s.hasLiteralSuffix(literal) == s.hasSuffix(literal), "\(s.debugDescription) suffix \(literal)")
      }
      let limit = rng.below(6)
      #expect(s.hasAtMostCharacters(limit) == (s.count <= limit))
      #expect(s.tabFields() == s.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
      #expect(s.containsTab() == s[...].contains("\t"), "tab in \(s.debugDescription)")
      // The first-byte gate of amounts rejects only what the parser would.
      let trimmed = s.trimmingASCIIAndIdeographicSpaces()
      let ungated = trimmed.isEmpty ? nil : AmountCell.parse(trimmed: trimmed)
      #expect(AmountCell.parse(s) == ungated, "amount \(s.debugDescription)")
      // The scalar reading of numberings agrees with the Character one.
      let byCharacters = NumberingPrefix.match(Array(s.prefix(12)))
      #expect(NumberingPrefix.match(s) == byCharacters, "numbering \(s.debugDescription)")
    }
  }

  /// The byte scan's fast paths for whole lead bytes (E4, E5–E9) answer what the scalar
  /// table says, for every scalar they cover and its neighbours (U+4DC0–U+4DFF is not inert).
  @Test func inertBytesAgreeWithTheScalarTable() {
    for value in UInt32(0x80)...UInt32(0xFFFF) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      var bytes = Array(String(scalar).utf8)
      let byBytes = bytes.withUnsafeBufferPointer { LiteralSearch.isInert($0) }
      #expect(byBytes == LiteralSearch.isInert(value), "U+\(String(value, radix: 16))")
      // After an ideograph, as in running text.
      bytes.insert(contentsOf: Array("中".utf8), at: 0)
      #expect(bytes.withUnsafeBufferPointer { LiteralSearch.isInert($0) } == LiteralSearch.isInert(value))
    }
  }

  /// The `memchr` search finds the first occurrence a plain byte-by-byte search finds, from
  /// any start, with needles at the ends, repeated first bytes and partial matches.
  @Test func byteSearchFindsWhatAPlainSearchFinds() {
    let pieces: [[UInt8]] = [[0x2E], [0x2E, 0x2E], Array("…".utf8), Array("中".utf8), Array("合计".utf8), [0xE4], [0x20]]
    let needles: [[UInt8]] = [[0x2E, 0x2E, 0x2E, 0x2E], Array("……".utf8), Array("合计".utf8), [0x20], Array("中中".utf8)]
    func plain(_ n: [UInt8], _ h: [UInt8], _ from: Int) -> Int? {
      guard n.count <= h.count - from else { return nil }
      for i in from...(h.count - n.count) where Array(h[i..<(i + n.count)]) == n { return i }
      return nil
    }
    var rng = SplitMix64(seed: 4_2026)
    for _ in 0..<5_000 {
      var h: [UInt8] = []
      for _ in 0..<rng.below(12) { h += pieces[rng.below(pieces.count)] }
      let n = needles[rng.below(needles.count)]
      let from = rng.below(h.count + 2)
      let found = n.withUnsafeBufferPointer { nb in h.withUnsafeBufferPointer { LiteralSearch.find(nb, in: $0, from: from) } }
      #expect(found == plain(n, h, from), "\(h) \(n) from \(from)")
    }
    // Needles made of the pieces too (one byte, a last byte repeated, a needle as long as the
    // text), from every start, on longer text; and the searches of inert text on real lines.
    var hits = 0
    for _ in 0..<3_000 {
      var h: [UInt8] = []
      for _ in 0..<rng.below(30) { h += pieces[rng.below(pieces.count)] }
      var n: [UInt8] = []
      for _ in 0...rng.below(3) { n += pieces[rng.below(pieces.count)] }
      for from in 0...(h.count + 1) {
        let found = n.withUnsafeBufferPointer { nb in h.withUnsafeBufferPointer { LiteralSearch.find(nb, in: $0, from: from) } }
        #expect(found == plain(n, h, from), "\(h) \(n) from \(from)")
        if found != nil { hits += 1 }
      }
    }
    #expect(hits > 20_000)
    #expect(Array("..中..合计".utf8).withUnsafeBufferPointer { h in Array("合计".utf8).withUnsafeBufferPointer { LiteralSearch.find($0, in: h, from: 0) } } == 7)
    #expect(Array("计合计".utf8).withUnsafeBufferPointer { h in Array("合计".utf8).withUnsafeBufferPointer { LiteralSearch.find($0, in: h, from: 1) } } == 3)
    #expect(Array("合计".utf8).withUnsafeBufferPointer { h in Array("合计".utf8).withUnsafeBufferPointer { LiteralSearch.find($0, in: h, from: 1) } } == nil)
    let words = ["预算", "合计", "表", "单位：", "单位名称", "：", "。", "....", "……", "2023", "年度", "部门（单位）名称", "收入"]
    var lines = Seed.allCases.flatMap(\.lines).map(\.text)
    let generator = ArchiveGenerator(templates: ArchiveGeneratorTests.templates, seed: 1)
    for i in 0..<6 { lines += NormalizedText(decoded: generator.document(i).bytes).lines().map(\.text) }
    var found = 0
    for line in lines {
      let h = Array(line.utf8)
      for word in words {
        let n = Array(word.utf8)
        let offset = n.withUnsafeBufferPointer { nb in h.withUnsafeBufferPointer { LiteralSearch.find(nb, in: $0, from: 0) } }
        #expect(offset == plain(n, h, 0), "\(line.debugDescription) \(word)")
        if offset != nil { found += 1 }
      }
    }
    #expect(found > 1_000)
  }

  /// The comparator and label readers' fast paths against Foundation and `Character` on random
  /// text with their traps: ≧ and ≦ (no canonical equivalent, but not in the inert table),
  /// U+F967 (canonically 不), combining marks after a trimmed colon, full-width forms.
  @Test func comparatorPrefixesAndColonTrimmingAgreeWithFoundation() {
    let pieces = [
      ">", "=", "<", "≥", "≧", "≦", "＞", "＝", "不", "\u{F967}", "低于", "大于", "等于", "或", ":", "：", " ", "\u{301}",
      "5", "%", "人", "\r", "\n", "a",
    ]
    let literals = [">=", "≧", "≦", "＞＝", "＞", "=", "不低于", "大于或等于", "大于"]
    var rng = SplitMix64(seed: 2_026_1123)
    for _ in 0..<10_000 {
      let s = rng.text(from: pieces, fewerThan: 7)
      let settled = s.comparesOnBytes
      for literal in literals {
        #expect(s.hasLiteralPrefix(literal, settledOnBytes: settled) == s.hasPrefix(literal), "\(s.debugDescription) prefix \(literal)")
      }
      #expect(s.trimmingScalars([":", "："]) == s.trimmingCharacters(in: [":", "："]), "\(s.debugDescription)")
      #expect(s.trimmingScalars([":", "：", " "]) == s.trimmingCharacters(in: [":", "：", " "]), "\(s.debugDescription)")
    }
    #expect(IndicatorTarget.parse("≧90%") == IndicatorTarget(raw: "≧90%", comparator: ">=", value: 900_000, unit: "%"))
    #expect(IndicatorTarget.parse("\u{F967}低于5人").comparator == ">=")  // a compatibility 不 is 不
  }

  /// The decimals of a printed amount read on bytes equal the `split`/`Character` reading,
  /// with empty parts, several points, CR LF, full-width digits and combining marks.
  @Test func printedDecimalsAgreeWithTheSplitReading() {
    let pieces = [".", "..", "1", "23", "0", ",", "-", "\r", "\n", "a", "５", "\u{301}", "万", " "]
    var rng = SplitMix64(seed: 1_123)
    for _ in 0..<10_000 {
      let s = rng.text(from: pieces, fewerThan: 8)
      let bySplit = s.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isASCIIDigit }.count } ?? 0
      #expect(GridTableReader.printedDecimals(s) == bySplit, "\(s.debugDescription)")
    }
    #expect(GridTableReader.printedDecimals("1,234.50") == 2)
    #expect(GridTableReader.printedDecimals(".5") == 0)
  }

  /// The level names compared on bytes find what hashing them found, with compatibility
  /// ideographs (U+F97E is canonically 量) and combining marks in the cell.
  @Test func indicatorLevelNamesAgreeWithTheHashedLookup() {
    func hashed(_ cell: String) -> IndicatorVocabulary.Term? {
      let c = PerformanceText.compact(cell)
      guard !c.hasAtMostCharacters(3) else { return nil }
      if c == IndicatorVocabulary.costName { return .cost }
      if IndicatorVocabulary.level1Names.contains(c) { return .level1(c) }
      if IndicatorVocabulary.level2Parents[c] != nil { return .level2(c) }
      return nil
    }
    let pieces = ["数", "量", "\u{F97E}", "质", "指标", "产出", "成本", "经济", "效益", "\u{301}", " ", "a"]
    var rng = SplitMix64(seed: 77)
    for _ in 0..<10_000 {
      let s = rng.text(from: pieces, fewerThan: 6)
      let term = IndicatorVocabulary.term(s)
      if let exact = hashed(s) {
        #expect(term == exact, "\(s.debugDescription)")
      } else if let term {
        // Otherwise only a cut-short level-2 name can be found.
        guard case .level2(let name) = term else {
          Issue.record("\(s.debugDescription): \(term)")
          continue
        }
        #expect(IndicatorVocabulary.level2Parents[name] != nil)
      }
    }
    #expect(IndicatorVocabulary.term("数\u{F97E}指标") == .level2("数量指标"))
    #expect(IndicatorVocabulary.term("数量指标") == .level2("数量指标"))
    #expect(IndicatorVocabulary.term("成本指标") == .cost)
  }
}

/// The segmenter's cell-by-cell comparison of a row with a header row against comparing the
/// whole normalized rows, on random cells with markup, spaces, blanks, combining marks and
/// compatibility ideographs (U+F9FA is canonically 狀, so `狀` and `\u{F9FA}` cells are equal).
@Suite struct SegmenterCellComparisonTests {
  @Test func cellByCellComparisonAgreesWithWholeRows() {
    let pieces = ["项目", "合计", "狀", "\u{F9FA}", "\u{72C0}", "\u{301}", " ", "**", "12", "-", "１", "（", "）", "", "<b>"]
    var rng = SplitMix64(seed: 31_2026)
    let segmenter = DocumentSegmenter()
    var equal = 0
    for _ in 0..<20_000 {
      func cell() -> String {
        let s = rng.text(from: pieces, fewerThan: 3)
        return s
      }
      let header = RawRow(cells: (0..<rng.below(4)).map { _ in cell() }, line: 1, page: nil)
      // Rows often equal to the header up to a cell or two, so that both answers occur.
      var cells = header.cells
      if rng.below(2) == 0, !cells.isEmpty { cells[rng.below(cells.count)] = cell() }
      if rng.below(3) == 0 { cells.append(rng.below(2) == 0 ? "" : cell()) }
      // Rows shorter than the header too, which must never compare equal to it.
      if rng.below(4) == 0, !cells.isEmpty { cells.removeLast(rng.below(cells.count) + 1) }
      let row = RawRow(cells: cells, line: 2, page: nil)
      let normalized = segmenter.normalizedCells(header)
      let whole = segmenter.normalizedCells(row) == normalized
      #expect(DocumentSegmenter.cells(of: row, normalizeTo: normalized) == whole, "\(row.cells) vs \(header.cells)")
      if whole { equal += 1 }
    }
    #expect(equal > 2_000)
    // Canonically equal cells in other bytes are the same cell.
    #expect(DocumentSegmenter.cells(of: RawRow(cells: ["\u{F9FA}", ""], line: 1, page: nil), normalizeTo: ["\u{72C0}"]))
    #expect(!DocumentSegmenter.cells(of: RawRow(cells: ["狀", "1"], line: 1, page: nil), normalizeTo: ["狀"]))
    // A row that stops before the header's last cell is not the header.
    #expect(!DocumentSegmenter.cells(of: RawRow(cells: ["项目"], line: 1, page: nil), normalizeTo: ["项目", "合计"]))
  }
}

/// `TextCleaner`'s byte readings of OCR spaces and full-width forms against the `Character`
/// reading, on random text with every kind of space, CJK punctuation, combining marks (which
/// join a space into one character), CR LF and compatibility ideographs.
@Suite struct OCRSpaceTests {
  @Test func spacesGoWhereTheCharacterReadingDropsThem() {
    let pieces = [
      " ", "  ", "\u{3000}", "补", "助", "2023", "年", "a", "b", "Z", "，", "、", "（", "）", "１", "Ａ", "—", "…", "\u{301}",
      "\u{F9FA}", "\r", "\n", "\t", "·", "℃", "①", "\u{A0}",
    ]
    var rng = SplitMix64(seed: 3_000)
    var changed = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 9)
      let removed = TextCleaner.removeOCRSpaces(s)
      #expect(removed == TextCleaner.removeOCRSpacesByCharacters(s), "\(s.debugDescription)")
      #expect(Array(removed.utf8) == Array(TextCleaner.removeOCRSpacesByCharacters(s).utf8), "bytes of \(s.debugDescription)")
      if removed != s { changed += 1 }
      let halfWidth = String(String.UnicodeScalarView(s.unicodeScalars.map { s in
        let fold = (0xFF10...0xFF19).contains(s.value) || (0xFF21...0xFF3A).contains(s.value)
          || (0xFF41...0xFF5A).contains(s.value) || s.value == 0xFF0E || s.value == 0xFF05
        return fold ? Unicode.Scalar(s.value - 0xFEE0)! : s
      }))
      #expect(TextCleaner.halfWidthDigits(s) == halfWidth, "\(s.debugDescription)")
    }
    #expect(changed > 5_000)
    #expect(TextCleaner.removeOCRSpaces("补 助  2023 年 a  b") == "补助2023年a b")
    #expect(TextCleaner.removeOCRSpaces(" a\u{3000}\u{3000}b ") == "a b")
    #expect(TextCleaner.removeOCRSpaces("a \u{301}b") == "a \u{301}b")  // the space carries the mark: no space
    #expect(TextCleaner.removeOCRSpacesOnBytes("a \u{301}b") == nil)
  }
}

/// `PerformanceText`'s byte readings of spaces and separators against the `Character`
/// readings, on random text with every space, the separators, Chinese and Latin text,
/// combining marks, CR LF, U+037E (canonically `;`) and compatibility ideographs.
@Suite struct PerformanceTextSpaceTests {
  static func trimSeparators(_ text: String) -> String {
    var s = Substring(text)
    while let l = s.last, PerformanceText.isSpace(l) || l == ";" || l == "；" || l == "、" || l == "," || l == "，" { s = s.dropLast() }
    while let f = s.first, PerformanceText.isSpace(f) { s = s.dropFirst() }
    return String(s)
  }

  /// The targets' and names' separators, and sets the byte reading must leave to `Character`s.
  static let separatorSets: [Set<Character>] = [
    IndicatorTarget.targetSeparators, IndicatorTarget.listSeparators, IndicatorTarget.nameSeparators, ["\u{37E}"],
    ["e\u{301}", ","], ["\r\n"],
  ]

  @Test func targetsSplitAsByCharacters() throws {
    #expect(PerformanceText.split("4853家；910家", at: IndicatorTarget.targetSeparators) == ["4853家", "910家"])
    #expect(PerformanceText.split(" ；a ; ；", at: IndicatorTarget.targetSeparators) == ["a"])
    #expect(PerformanceText.splitInertText("a\u{301};b", at: IndicatorTarget.targetSeparators) == nil)
    #expect(PerformanceText.splitInertText("a;b", at: ["\u{37E}"]) == nil)
    #expect(PerformanceText.split("a;b", at: ["\u{37E}"]) == PerformanceText.splitByCharacters("a;b", at: ["\u{37E}"]))
  }

  @Test func spacesAndSeparatorsAgreeWithTheCharacterReading() {
    let pieces = [
      " ", "\t", "\u{3000}", "\u{A0}", "DRG", "试点", "56.8", "万人", "；", ";", "\u{37E}", "、", ",", "，", "…", "—", "\u{301}",
      "\u{F9FA}", "\r\n", "a", "指标", "1", "：",
    ]
    var rng = SplitMix64(seed: 5_2026)
    var inert = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 8)
      if let fast = PerformanceText.cleanSpacesOfInertText(s) {
        inert += 1
        #expect(fast == PerformanceText.cleanSpacesByCharacters(s), "clean \(s.debugDescription)")
      }
      #expect(
        PerformanceText.clean(s) == PerformanceText.cleanSpacesByCharacters(PerformanceText.stripMarkup(s))
          || TextCleaner.isAlreadyClean(s) && PerformanceText.clean(s) == s, "clean \(s.debugDescription)")
      #expect(PerformanceText.trimSeparators(s) == Self.trimSeparators(s), "trim \(s.debugDescription)")
      let removed = PerformanceText.removingSpaces(s)
      #expect(removed == String(s.filter { !PerformanceText.isSpace($0) }), "remove \(s.debugDescription)")
      #expect(Array(removed.utf8) == Array(String(s.filter { !PerformanceText.isSpace($0) }).utf8))
      for separators in Self.separatorSets {
        let bySplit = PerformanceText.splitByCharacters(s, at: separators)
        #expect(PerformanceText.split(s, at: separators) == bySplit, "split \(s.debugDescription) at \(separators)")
        if let fast = PerformanceText.splitInertText(s, at: separators) {
          #expect(fast.map { Array($0.utf8) } == bySplit.map { Array($0.utf8) }, "split \(s.debugDescription)")
        }
      }
    }
    #expect(inert > 5_000)
    #expect(PerformanceText.trimSeparators(" 数量；\u{37E}") == "数量")  // U+037E is `;` to String
    #expect(PerformanceText.clean("DRG  试点 a  b") == "DRG试点a b")
    #expect(PerformanceText.indicatorText("指标1：门诊人次；") == "门诊人次")
  }
}

@Suite struct UTF8MatchTests {
  /// The `memcmp` comparison of bytes at an offset against the byte-by-byte one, for small
  /// (inline) and large strings, at every offset including past the end.
  @Test func bytesAtAnOffsetMatchAsTheirElementsDo() {
    let pieces = ["合", "计", "a", "1", "\u{301}", "\u{F9FA}", "万元", " ", "一般公共预算财政拨款收入合计"]
    var rng = SplitMix64(seed: 8_2026)
    var matches = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 6)
      let other = rng.text(from: pieces, fewerThan: 3)
      let bytes = Array(s.utf8)
      let n = other.utf8.count
      for offset in -1...(bytes.count + 1) {
        let fits = offset >= 0 && offset + n <= bytes.count
        let expected = fits && bytes[offset..<(offset + n)].elementsEqual(other.utf8)
        #expect(s.utf8Matches(other, at: offset) == expected, "\(s.debugDescription) at \(offset): \(other.debugDescription)")
        if expected { matches += 1 }
      }
    }
    #expect(matches > 5_000)
    #expect("一般公共预算财政拨款收入合计".utf8Matches("合计", at: "一般公共预算财政拨款收入".utf8.count))
    #expect(!"合计".utf8Matches("合计 ", at: 0))
  }
}

@Suite struct ContainsByteTests {
  /// `memchr` finds a byte where the view's walk does, in small and large strings.
  @Test func containsByteAgreesWithTheUTF8View() {
    let pieces = ["\t", "<", "合计", "a", "１", "\u{301}", "\u{F9FA}", " ", "一般公共预算财政拨款收入合计"]
    var rng = SplitMix64(seed: 9_2026)
    for _ in 0..<10_000 {
      let s = rng.text(from: pieces, fewerThan: 6)
      for byte: UInt8 in [0x09, 0x3C, 0xEF, 0xE5, 0x00] {
        #expect(s.containsByte(byte) == s.utf8.contains(byte), "\(s.debugDescription) \(byte)")
      }
      // A line with a tab byte is a table line only when the search finds the tab too.
      #expect((s.containsByte(0x09) && s.contains("\t")) == s.contains("\t"))
    }
    #expect("预算\t12.00".containsByte(0x09))
    #expect(!"".containsByte(0x09))
  }
}

/// The caption readers' byte search for units and their one-scan gate for agencies against
/// the Foundation searches, on random caption lines with both colons, spaces, combining
/// marks (元 with an accent is no unit) and compatibility ideographs.
@Suite struct CaptionSearchTests {
  static func agencyByFoundation(_ t: String) -> String? {
    for key in TableCaption.agencyKeys {
      guard let r = t[...].range(of: key) else { continue }
      var rest = t[r.upperBound...]
      guard let f = rest.first, f == "：" || f == ":" else { continue }
      rest = rest.dropFirst()
      var value = String(rest).trimmingASCIIAndIdeographicSpaces()
      for stop in ["单位：", "单位:", "金额单位", "\t"] {
        if let s = value[...].range(of: stop) { value = String(value[..<s.lowerBound]) }
      }
      value = value.replacingOccurrences(of: " ", with: "")
      return value.isEmpty ? nil : value
    }
    return nil
  }

  static let yearPieces = [
    "2023", "1", "年度", "年度", "年", "度", "(", ")", "（", "）", "（", " ", "\u{301}", "\u{F9FA}", "\u{F98E}", "\u{3000}", "**", "１", "预算",
    "\r\n", "—",
  ]

  @Test func unitsAndAgenciesAgreeWithFoundation() {
    let pieces = [
      "单位：", "单位:", "单位", "：", ":", "万元", "亿元", "元", "万", "金额", " ", "\u{301}", "\u{F9FA}", "部门名称", "单位名称",
      "测试局", "编制部门", "（", "）", "\t", "2024", "预算",
    ]
    var rng = SplitMix64(seed: 10_2026)
    var units = 0
    var agencies = 0
    var years = 0
    var onBytes = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 7)
      let unit = TableCaption.unitFromTitle(s)
      #expect(unit == TableCaption.unitBySearch(s.replacingOccurrences(of: " ", with: "")), "unit \(s.debugDescription)")
      let agency = TableCaption.agencyFromTitle(s)
      #expect(agency == Self.agencyByFoundation(s), "agency \(s.debugDescription)")
      if unit != nil { units += 1 }
      if agency != nil { agencies += 1 }
      // Year lines: bracketed years, against the title and Foundation's trimming.
      var y = ""
      for _ in 0..<rng.below(6) { y += Self.yearPieces[rng.below(Self.yearPieces.count)] }
      let year = TableCaption.isYearLine(y)
      #expect(year == (y.mayContain("度") && TableCaption.isYearLineByCharacters(y)), "year \(y.debugDescription)")
      if let fast = TableCaption.isYearLineOfCleanText(y) {
        onBytes += 1
        #expect(fast == TableCaption.isYearLineByCharacters(y), "year \(y.debugDescription)")
      }
      if year { years += 1 }
    }
    #expect(units > 400)
    #expect(agencies > 300)
    #expect(years > 300)
    #expect(onBytes > 4_000)
    for line in ["2023年度", "（2023年度）", "((2023年度", "2023年度)", "(（2023年度）)", "2023 年度", "二〇二三年度", "20231年度", "1年度"] {
      #expect(TableCaption.isYearLine(line) == TableCaption.isYearLineByCharacters(line), "\(line)")
    }
    #expect(TableCaption.isYearLine("（2024年度）"))
    #expect(!TableCaption.isYearLine("2024年度预算"))
    #expect(TableCaption.unit("金额单位：万元") == "万元")
    #expect(TableCaption.unit("单位：元\u{301}") == nil)
    #expect(TableCaption.agency("部门名称：测试局  单位：元") == "测试局")
  }
}

/// The pointer reading of `isAlreadyClean` and the byte formatting of `yuan` against the
/// readings they replace.
@Suite struct CleanBytesTests {
  /// `isAlreadyClean` as it read through the `UTF8View` with the two bytes before each.
  static func isAlreadyCleanByView(_ text: String) -> Bool {
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for b in text.utf8 {
      switch b {
      case 0x3C, 0x2A, 0x23, 0x5F, 0x2D, 0x3E, 0x7C, 0x20, 0x09: return false
      case 0xA0 where previous == 0xC2: return false
      case 0x80 where previous == 0x80 && beforePrevious == 0xE3: return false
      case 0xBC where previous == 0xEF: return false
      case 0xBD where previous == 0xEF: return false
      default: break
      }
      beforePrevious = previous
      previous = b
    }
    return true
  }

  static func yuanByGroups(_ fen: Int64) -> String {
    let negative = fen < 0
    let m = fen.magnitude
    var whole = String(m / 100)
    var groups: [String] = []
    while whole.count > 3 {
      groups.insert(String(whole.suffix(3)), at: 0)
      whole = String(whole.dropLast(3))
    }
    groups.insert(whole, at: 0)
    let cents = m % 100
    return (negative ? "-" : "") + groups.joined(separator: ",") + "." + (cents < 10 ? "0" : "") + String(cents)
  }

  /// The byte reading steps over continuation bytes: a byte looked for right after a two-,
  /// three- or four-byte scalar, or a lead byte looked for right after one, is still found.
  @Test func cleanTextAgreesWithTheViewReading() {
    let pieces = [
      "合计", "a", "1", "<", "*", "#", "_", "-", ">", "|", " ", "\t", "\u{A0}", "\u{3000}", "\u{3001}", "\u{3080}", "Ａ", "１",
      "\u{FF61}", "\u{FFE5}", "\u{FE30}", "\u{C0}", "\u{301}", "\u{F9FA}", "〇", "”", "…", "\u{20000}", "\u{1F600}", "\r\n",
      "\u{FF01}", "\u{FF3F}", "\u{FF40}", "\u{FF7F}", "\u{FF80}", "\u{3000}\u{301}",
    ]
    var rng = SplitMix64(seed: 12_2026)
    var clean = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 6)
      let fast = TextCleaner.isAlreadyClean(s)
      #expect(fast == Self.isAlreadyCleanByView(s), "\(s.debugDescription)")
      if fast { clean += 1 }
    }
    #expect(clean > 1_000)
    for s in [
      "中<", "é*", "\u{20000}#", "中\u{3000}", "é\u{A0}", "\u{20000}Ａ", "\u{FF40}", "\u{FF3F}中", "中\u{FF80}", "\u{E000}\u{3000}",
      "中文", "\u{20000}", "１２", "\r\n",
    ] {
      #expect(TextCleaner.isAlreadyClean(s) == Self.isAlreadyCleanByView(s), "\(s.debugDescription)")
    }
  }

  @Test func yuanAgreesWithTheGroupedReading() {
    var rng = SplitMix64(seed: 13_2026)
    for _ in 0..<10_000 {
      let digits = rng.below(19)
      var fen = Int64(rng.below(10))
      for _ in 0..<digits { fen = fen.multipliedReportingOverflow(by: 10).partialValue + Int64(rng.below(10)) }
      if rng.below(2) == 0 { fen = -fen }
      #expect(yuan(fen) == Self.yuanByGroups(fen), "\(fen)")
    }
    for fen: Int64 in [0, 5, -5, 100, 99_999, 100_000, -115_044_100, .max, .min, .min + 1] {
      #expect(yuan(fen) == Self.yuanByGroups(fen), "\(fen)")
    }
    #expect(yuan(115_044_100) == "1,150,441.00")
  }
}

@Suite struct ScalarStringTests {
  /// Scalars written as UTF-8 into a string's storage give the string the scalar view builds,
  /// for scalars of every length, arrays and slices, empty ones included.
  @Test func encodedScalarsAgreeWithTheScalarView() {
    let samples: [Unicode.Scalar] = ["a", "\u{0}", "\u{7F}", "\u{80}", "\u{A0}", "\u{301}", "\u{7FF}", "\u{800}", "合", "\u{3000}",
      "\u{F9FA}", "\u{FFFD}", "\u{FFFF}", "\u{10000}", "\u{20000}", "\u{10FFFF}", "\r", "\n"]
    var rng = SplitMix64(seed: 16_2026)
    for _ in 0..<10_000 {
      let scalars = (0..<rng.below(10)).map { _ in samples[rng.below(samples.count)] }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars)
      let expected = String(view)
      #expect(Array(NarrativeText.string(scalars).utf8) == Array(expected.utf8))
      if !scalars.isEmpty {
        let slice = scalars[1...]
        var sliceView = String.UnicodeScalarView()
        sliceView.append(contentsOf: slice)
        #expect(Array(NarrativeText.string(slice).utf8) == Array(String(sliceView).utf8))
      }
    }
  }
}

@Suite struct IndicatorCellTests {
  /// The block labels compared on bytes find what the set lookup finds, with compatibility
  /// ideographs and combining marks in the cell.
  @Test func blockLabelsAgreeWithTheSetLookup() {
    let labels: Set<String> = ["绩效指标", "年度绩效指标", "绩效目标", "年度绩效目标"]
    let pieces = ["绩效", "指标", "目标", "年度", "\u{301}", "\u{F9FA}", " ", "1"]
    var rng = SplitMix64(seed: 17_2026)
    var found = 0
    for _ in 0..<10_000 {
      let s = rng.text(from: pieces, fewerThan: 5)
      #expect(PerformanceForm.isBlockLabel(s) == labels.contains(s), "\(s.debugDescription)")
      if labels.contains(s) { found += 1 }
    }
    #expect(found > 50)
    #expect(IndicatorTarget.parse("≥ 90 %") == IndicatorTarget(raw: "≥ 90 %", comparator: ">=", value: 900_000, unit: "%"))
  }
}

@Suite struct MeasureLevelTests {
  /// The last level of a measure path on bytes against `split`, with empty levels, combining
  /// marks after a slash (`/\u{301}` is no separator) and compatibility ideographs; and
  /// removing spaces from text without a space byte against Foundation.
  @Test func lastLevelsAndSpacesAgreeWithTheCharacterReadings() {
    let pieces = ["/", "//", "合计", "其中", "a", "\u{301}", "\u{F9FA}", " ", "\u{3000}", "1"]
    var rng = SplitMix64(seed: 18_2026)
    for _ in 0..<10_000 {
      let s = rng.text(from: pieces, fewerThan: 7)
      let bySplit = s.split(separator: "/").last.map(String.init) ?? s
      #expect(GridTableReader.lastLevel(s) == bySplit, "\(s.debugDescription)")
      #expect(Array(GridTableReader.lastLevel(s).utf8) == Array(bySplit.utf8), "\(s.debugDescription)")
      #expect(s.replacingOccurrences(of: " ", with: "") == s[...].replacingOccurrences(of: " ", with: ""), "\(s.debugDescription)")
    }
    #expect(GridTableReader.measureKind("支出/其中：人员经费") == .memo)
    #expect(GridTableReader.measureKind("本年支出/合计/") == .total)
  }
}

@Suite struct CharacterLimitTests {
  /// Counting inert scalars answers what counting characters does, with CR LF (one
  /// character), combining marks (joined to the scalar before them), compatibility
  /// ideographs, Hangul jamo, a prepend mark and regional indicators.
  @Test func characterLimitsAgreeWithCount() {
    let pieces = [
      "合", "计", "a", "1", " ", "\r", "\n", "\r\n", "\u{301}", "\u{F9FA}", "\u{1100}", "\u{1161}", "\u{600}", "\u{1F1E8}",
      "\u{1F1F3}", "·", "①", "\u{3000}", "\u{4DC0}", "\u{200D}", "\u{20000}",
    ]
    var rng = SplitMix64(seed: 19_2026)
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 14)
      let limit = rng.below(10)
      #expect(s.hasAtMostCharacters(limit) == (s.count <= limit), "\(s.debugDescription) ≤ \(limit)")
    }
    #expect(!"阳城县医疗保障局2023年部门预算".hasAtMostCharacters(3))
    #expect("阳城县医疗保障局2023年部门预算".hasAtMostCharacters(17))
    #expect(!"阳城县医疗保障局2023年部门预算".hasAtMostCharacters(16))
    #expect("合\u{301}计\u{301}".hasAtMostCharacters(2))
  }
}

@Suite struct LabelGateTests {
  /// The byte gates of dot leaders, parentheses and trailing colons against the searches and
  /// `Character` comparisons they skip, with U+0387 (canonically `·`), U+037E (canonically
  /// `;`) and combining marks after the marks.
  @Test func gatesAgreeWithTheSearches() {
    let pieces = [
      ".", "....", "…", "……", "·", "···", "\u{387}", "．", "(", ")", ":", "：", ";", "；", "\u{37E}", "\u{301}", "合计", "12", " ",
    ]
    var rng = SplitMix64(seed: 20_2026)
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 8)
      let holds = !s.containsNone(of: ["....", "……", "···", "．．．"])
      if holds { #expect(NoiseFilter.mayHoldDotLeader(s), "\(s.debugDescription)") }
      let parenthesized = s.contains("(") || s.contains(")")
        ? s.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）") : s
      #expect(TextCleaner.fullWidthParentheses(s) == parenthesized, "\(s.debugDescription)")
      var t = s.trimmingASCIIAndIdeographicSpaces()
      while let l = t.last, l == ":" || l == "：" || l == ";" || l == "；" { t.removeLast() }
      let byCharacters = TextCleaner.fullWidthParentheses(t)
      if NumberingPrefix.match(s) == nil, !s.hasPrefix("其中") {
        #expect(TextCleaner.label(titled: s) == byCharacters, "\(s.debugDescription)")
      }
    }
    #expect(TextCleaner.label(titled: "合计\u{37E}") == "合计")
    #expect(TextCleaner.label(titled: "合计：\u{301}") == "合计：\u{301}")
  }
}

@Suite struct SpaceTrimmingTests {
  /// Trimming on bytes (the two end bytes first, then the space runs) against the `Character`
  /// reading, with every space it trims, CR LF, a combining mark or ZWJ after a space, a
  /// prepend mark before one, compatibility ideographs, full-width digits and ideographs that
  /// end in the byte 80 (一, E4 B8 80) as U+3000 does.
  @Test func trimmingAgreesWithTheCharacterReading() {
    let pieces = [
      " ", "\t", "\u{3000}", "\u{A0}", "\r\n", "\r", "\n", "\u{301}", "\u{200D}", "\u{600}", "\u{F9FA}", "合计", "一",
      "１２", "a", "·", "\u{3001}",
    ]
    var rng = SplitMix64(seed: 21_2026)
    var untouched = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 7)
      let byCharacters = s.trimmingSpacesByCharacters()
      let trimmed = s.trimmingASCIIAndIdeographicSpaces()
      #expect(Array(trimmed.utf8) == Array(byCharacters.utf8), "\(s.debugDescription)")
      if let onBytes = LiteralSearch.trimmingSpaces(s) {
        #expect(Array(onBytes.utf8) == Array(byCharacters.utf8), "\(s.debugDescription)")
      }
      if trimmed.utf8.count == s.utf8.count { untouched += 1 }
    }
    #expect(untouched > 2_000)
    for s in [
      "", " ", "合计", " 合计", "合计\u{3000}", "\u{3000}合计\u{A0}", "\t一", "一", "合计 \u{301}", " \u{301}合计", "\u{600} 合计",
      "合计\r\n", "\r\n合计", "１２\u{3000}", "\u{F9FA} ", "合计 \u{200D}",
    ] {
      #expect(Array(s.trimmingASCIIAndIdeographicSpaces().utf8) == Array(s.trimmingSpacesByCharacters().utf8), "\(s.debugDescription)")
    }
    #expect("\u{3000}合计 ".trimmingASCIIAndIdeographicSpaces() == "合计")
    #expect("一".trimmingASCIIAndIdeographicSpaces() == "一")
  }
}

@Suite struct LiteralAffixTests {
  /// No byte to look at is no scalar that could join a cluster, and reads nothing.
  @Test func noLastBytesAreInert() {
    #expect("合计".inertScalars(overLastBytes: 0))
    #expect("".inertScalars(overLastBytes: 0))
    #expect("a\u{301}".inertScalars(overLastBytes: 1) == false)
  }

  /// Prefixes and suffixes settled by the scalars over the literal's length only, against the
  /// standard library: marks, variation selectors and joiners right after (or before) that
  /// span and far from it, a prepend mark and a ZWJ emoji sequence before an inert
  /// pictograph (©), CR LF, Hangul jamo and compatibility ideographs.
  @Test func prefixesAndSuffixesAgreeWithTheStandardLibrary() {
    let pieces = [
      "合", "计", "其中", "中", "注", "本表", "元", "a", " ", "\n", "\r", "\r\n", "\u{301}", "\u{FE0F}", "\u{200D}", "\u{600}", "©",
      "\u{1F600}", "\u{F9FA}", "\u{72C0}", "\u{1100}", "\u{AC00}", "（按大类）", "/", ">", "|", "\u{338}",
    ]
    // With the ASCII prefixes `stripMarkup` asks for: the standard library compares all-ASCII
    // text byte by byte, so its "\r\n".hasPrefix("\r") is true.
    let literals = [
      "合计", "其中", "注", "本表", "\u{72C0}", "元", "计", "©", "\n", "\r", "a", "（按大类）", "/基本支出", "中", ">", "|", "> ",
    ]
    var rng = SplitMix64(seed: 22_2026)
    var prefixes = 0
    var suffixes = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 8)
      for literal in literals {
        let prefix = s.hasPrefix(literal)
        let suffix = s.hasSuffix(literal)
        #expect(s.hasLiteralPrefix(literal) == prefix, "\(s.debugDescription) prefix \(literal.debugDescription)")
        #expect(s.hasLiteralSuffix(literal) == suffix, "\(s.debugDescription) suffix \(literal.debugDescription)")
        if prefix { prefixes += 1 }
        if suffix { suffixes += 1 }
      }
    }
    #expect(prefixes > 1_000 && suffixes > 1_000)
    for (s, literal) in [
      ("合\u{301}计", "合计"), ("其他\u{301}", "其中"), ("\u{F9FA}中", "\u{72C0}"), ("\u{600}元", "元"), ("\u{1F600}\u{200D}©", "©"),
      ("中\u{301}", "中"), ("本\u{FE0F}表", "本表"), ("\u{301}注", "注"), ("注", "注释"), ("", "注"), ("合", "合计"),
    ] {
      #expect(s.hasLiteralPrefix(literal) == s.hasPrefix(literal), "\(s.debugDescription) prefix \(literal)")
      #expect(s.hasLiteralSuffix(literal) == s.hasSuffix(literal), "\(s.debugDescription) suffix \(literal)")
    }
    // Only the span is read: a mark far from it leaves the answer to the bytes.
    #expect("其他支出\u{301}".inertScalars(overFirstBytes: 6))
    #expect("其\u{301}他".inertScalars(overFirstBytes: 3))  // a mark after the span: settled by the match's boundary
    #expect(!"其\u{301}他".inertScalars(overFirstBytes: 4))  // the mark's scalar starts within the span
    #expect(!"\u{600}合计".inertScalars(overLastBytes: 7))
    #expect("\u{600}合计".inertScalars(overLastBytes: 6))
  }
}

/// The two-cell scan that steps over continuation bytes, and the `memchr` split at tabs,
/// against the byte-by-byte readings they replace.
@Suite struct LeadByteStepTests {
  /// `holdsTwoCells` as it read every byte of the `UTF8View`.
  static func holdsTwoCellsByView(_ text: String) -> Bool {
    var cells = 0
    var content = false
    var tag = false
    for b in text.utf8 {
      switch b {
      case 0x09:
        if content && !tag { cells += 1 }
        if cells >= 2 { return true }
        content = false
        tag = false
      case 0x3C: tag = true
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xC3...0xE2, 0xE4...0xF4: content = true
      default: break
      }
    }
    if content && !tag { cells += 1 }
    return cells >= 2
  }

  @Test func stepsAgreeWithTheByteByByteReadings() {
    // Scalars of every length next to tabs, tags, digits and letters, and the spaces and
    // marks that hold no content.
    let pieces = [
      "\t", "\t\t", ".", "…", "·", "\u{387}", "．", "<", "<b>", "合计", "12", "a", " ", "\u{3000}", "\u{A0}", "é", "\u{20000}",
      "\u{1F600}", "\u{301}", "\r\n", "丮", "\u{2026}\u{301}", "\u{E0}", "\u{FF0E}", "\u{E2}\u{80}", "\u{3001}", "Ａ", "\u{C0}",
    ]
    var rng = SplitMix64(seed: 26_2026)
    var twoCells = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 9)
      let two = Self.holdsTwoCellsByView(s)
      #expect(DocumentSegmenter.holdsTwoCells(s) == two, "two cells \(s.debugDescription)")
      #expect(s.tabFields() == s.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), "\(s.debugDescription)")
      if two { twoCells += 1 }
    }
    #expect(twoCells > 300 && twoCells < 18_000)
    for s in ["", "\t", "\t\t", "a\t", "\ta", "合计\t\t12.00\t", "é.", "\u{20000}.", "é\t1\t2", "\u{20000}\t合\t计"] {
      #expect(s.tabFields() == s.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), "\(s.debugDescription)")
      #expect(DocumentSegmenter.holdsTwoCells(s) == Self.holdsTwoCellsByView(s), "\(s.debugDescription)")
    }
  }
}

@Suite struct NumberingScalarTests {
  /// Numberings read from scalars decoded off the bytes against the `Character` reading, with
  /// four-byte scalars, CR LF, marks and compatibility ideographs among the first 13 scalars.
  @Test func numberingsFromBytesAgreeWithTheCharacterReading() {
    let pieces = [
      "一", "十", "、", "（", "）", "(", ")", "1", "2", "１", ".", "．", "第", "部分", "①", "⑳", " ", "\u{3000}", "其他", "\r\n",
      "\u{20000}", "\u{301}", "\u{F9D1}", "\u{F9B2}", "a",
    ]
    var rng = SplitMix64(seed: 27_2026)
    var found = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 10)
      let byCharacters = NumberingPrefix.match(Array(s.prefix(12)))
      #expect(NumberingPrefix.match(s) == byCharacters, "\(s.debugDescription)")
      if byCharacters != nil { found += 1 }
    }
    #expect(found > 1_000)
    #expect(NumberingPrefix.match("（一）\u{20000}") == NumberingPrefix(rank: 2, length: 3))
    #expect(NumberingPrefix.match("") == nil)
  }
}

@Suite struct TotalLabelTests {
  /// Total labels (suffix first, length last) against the standard library's reading, with
  /// spaces, marks after 计, compatibility ideographs, and labels either side of 12 characters.
  @Test func totalLabelsAgreeWithTheStandardLibrary() {
    let pieces = ["合计", "总计", "小计", "计", "合", "本年收入", "部门", " ", "\u{301}", "\u{F9FA}", "“三公”经费", "a", "１", "\r\n"]
    func byStrings(_ s: String) -> Bool {
      let t = s[...].replacingOccurrences(of: " ", with: "")
      return t.count <= 12 && (t.hasSuffix("合计") || t.hasSuffix("总计") || t.hasSuffix("小计"))
    }
    var rng = SplitMix64(seed: 30_2026)
    var totals = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 8)
      let expected = byStrings(s)
      #expect(LabelKind.isTotal(s) == expected, "\(s.debugDescription)")
      if expected { totals += 1 }
    }
    #expect(totals > 2_000)
    #expect(LabelKind.isTotal("本年收入合计"))
    #expect(!LabelKind.isTotal("一般公共预算财政拨款收入合计"))  // 14 characters
    #expect(!LabelKind.isTotal("合计\u{301}"))
  }
}

@Suite struct MarkupScanTests {
  /// `mayHoldMarkup` as it read before: the inertness scan, then the markup scan.
  static func mayHoldMarkupInTwoPasses(_ text: String) -> Bool? {
    let b = Array(text.utf8)
    guard b.withUnsafeBufferPointer({ LiteralSearch.isInert($0) }) else { return nil }
    var previous: UInt8 = 0
    for c in b {
      if c == 0x3C || c == 0x2A || c == 0x23 { return true }
      if c == 0x20 && previous == 0x2D { return true }
      if c == 0x5F && previous == 0x5F { return true }
      previous = c
    }
    return false
  }

  /// The one-pass scan against the two passes, with markup before and after scalars that are
  /// not inert (marks, compatibility ideographs, CR LF, the hexagrams U+4DC0), a dash or an
  /// underscore before a multi-byte scalar, and four-byte scalars.
  @Test func onePassAgreesWithTheTwoPasses() {
    let pieces = [
      "<", "*", "#", "-", " ", "_", "__", "- ", "合计", "一", "\u{4DC0}", "\u{301}", "\u{F9FA}", "\r\n", "\n", "\u{20000}", "\u{2F800}",
      "é", "\u{3000}", "Ａ", "a", "1",
    ]
    var rng = SplitMix64(seed: 31_2026)
    var answers = [Bool?: Int]()
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 8)
      let expected = Self.mayHoldMarkupInTwoPasses(s)
      #expect(LiteralSearch.mayHoldMarkup(s) == expected, "\(s.debugDescription)")
      answers[expected, default: 0] += 1
    }
    #expect(answers.count == 3 && answers.values.allSatisfy { $0 > 1_000 })
    #expect(TextCleaner.cell(" **合计** ") == "合计")
    #expect(TextCleaner.title("# 一、 收入 ") == "一、收入")
  }
}

@Suite struct ChartCaptionTests {
  /// Chart captions (the shared 图 first) against the standard library's reading, with marks
  /// after 图, compatibility ideographs, 。 and ， inside, and captions either side of 30
  /// characters.
  @Test func chartCaptionsAgreeWithTheStandardLibrary() {
    let pieces = [
      "结构图", "分布图", "饼图", "柱状图", "示意图", "趋势图", "构成图", "图", "支出", "2023年", "。", "，", "\u{301}", "\u{F9FA}", " ",
      "一般公共预算支出功能分类",
    ]
    func byStrings(_ t: String) -> Bool {
      guard t.count <= 30, !t[...].contains("。"), !t[...].contains("，") else { return false }
      return NoiseFilter.chartNames.contains { t.hasSuffix($0) }
    }
    var rng = SplitMix64(seed: 32_2026)
    var captions = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 6)
      let expected = byStrings(s)
      #expect(NoiseFilter.isChartCaption(s) == expected, "\(s.debugDescription)")
      if expected { captions += 1 }
    }
    #expect(captions > 2_000)
    #expect(!NoiseFilter.isChartCaption("支出结构图\u{301}"))
  }
}

@Suite struct DotLeaderTests {
  /// Dot-leader lines (behind the byte gate, which now wants two dots in a row) against
  /// Foundation's searches, with amounts' decimal points, dots a mark follows, U+0387
  /// (canonically `·`), full-width dots and tabs.
  @Test func dotLeaderLinesAgreeWithFoundation() {
    let pieces = [
      ".", "..", "....", "…", "……", "·", "···", "\u{387}", "．", "．．．", "\u{301}", "12.00", "\t", "合计", "3", " ", "第一部分",
      "\u{3000}", "\u{A0}", "。", "\u{2026}\u{301}", "9\u{20DD}",
    ]
    func byFoundation(_ text: String) -> Bool {
      guard ["....", "……", "···", "．．．"].contains(where: { text[...].contains($0) }) else { return false }
      guard let last = text.trimmingASCIIAndIdeographicSpaces().unicodeScalars.last else { return false }
      return ("0"..."9").contains(last) || last == "." || last == "…"
    }
    var rng = SplitMix64(seed: 33_2026)
    var leaders = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 7)
      let expected = byFoundation(s)
      #expect(NoiseFilter.isDotLeaderLine(s) == expected, "\(s.debugDescription)")
      if expected { leaders += 1 }
    }
    #expect(leaders > 2_000)
    // The end screen is only a screen: every leader line passes it, and it alone rules most
    // other lines out.
    #expect(NoiseFilter.mayEndDotLeader("目录……3\u{3000} \u{A0}\t"))
    #expect(NoiseFilter.mayEndDotLeader("目录……"))
    #expect(!NoiseFilter.mayEndDotLeader("目录……3\u{301}"))
    #expect(!NoiseFilter.mayEndDotLeader("第一部分。"))
    #expect(!NoiseFilter.mayEndDotLeader(" \u{3000}"))
    var seedLeaders = 0
    var screened = 0
    for seed in Seed.allCases {
      for line in seed.lines {
        #expect(NoiseFilter.isDotLeaderLine(line.text) == byFoundation(line.text), "\(seed) line \(line.number)")
        if byFoundation(line.text) { seedLeaders += 1 }
        if !NoiseFilter.mayEndDotLeader(line.text) { screened += 1 }
      }
    }
    #expect(seedLeaders > 0)
    #expect(screened > 1_000)
    #expect(!NoiseFilter.mayHoldDotLeader("合计\t12.00\t3.50"))  // decimal points are no leader
    #expect(NoiseFilter.mayHoldDotLeader("目录..3"))
  }
}

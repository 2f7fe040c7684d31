import Testing

@testable import BudgetETL

@Suite struct PerformanceIndicatorTargetTests {
  @Test(
    arguments: [
      // Printed in S1:600, S4:389, S3:590, S2:631, S2:648, S0:459, S0:487, S3:566, S0:484.
      ("≥5000人", ">=", 50_000_000, "人"), ("≥90 %", ">=", 900_000, "%"), ("56.8 万人", nil, 568_000, "万人"),
      ("≥3.6万人", ">=", 36_000, "万人"), ("≤30工作日", "<=", 300_000, "工作日"), ("≤2次", "<=", 20_000, "次"),
      ("123.9844万元", nil, 1_239_844, "万元"), ("900m2", nil, 9_000_000, "m2"), ("1", nil, 10_000, nil),
      ("＞5", ">", 50_000, nil), (">=60%", ">=", 600_000, "%"), ("不低于95%", ">=", 950_000, "%"),
      ("0%", nil, 0, "%"), ("12个月", nil, 120_000, "个月"),
    ] as [(String, String?, Int64, String?)])
  func readsNumericTargets(printed: String, comparator: String?, value: Int64, unit: String?) {
    let t = IndicatorTarget.parse(printed)
    #expect(t.raw == printed)
    #expect(t.comparator == comparator)
    #expect(t.value == value)
    #expect(t.unit == unit)
  }

  @Test(arguments: ["有所提升", "每季度", "2024年1月-12月", "2023年12月31日前", "不低于上年", "元", "≥"])
  func textTargetsHaveNoValue(printed: String) {
    let t = IndicatorTarget.parse(printed)
    #expect(t.raw == printed)
    #expect(t.value == nil)
    #expect(t.unit == nil)
  }

  @Test func aCellMayListSeveralTargets() {
    // S3:699 and S3:704.
    #expect(IndicatorTarget.targets(in: "4853家；910家").map(\.value) == [48_530_000, 9_100_000])
    #expect(IndicatorTarget.targets(in: "100%；100%；100%；100%").count == 4)
    // A trailing separator is not a second target (S3:698, S3:542).
    #expect(IndicatorTarget.targets(in: "≥100%；").map(\.raw) == ["≥100%"])
    #expect(IndicatorTarget.targets(in: "326家;").map(\.raw) == ["326家"])
    // 、 separates numbers, not words.
    #expect(IndicatorTarget.targets(in: "100%、95%").count == 2)
    #expect(IndicatorTarget.targets(in: "及时、准确").map(\.raw) == ["及时、准确"])
    #expect(IndicatorTarget.targets(in: "").isEmpty)
  }
}

@Suite struct PerformanceTextTests {
  @Test func removesOCRSpacesInsideChineseButNotBetweenLatinWords() {
    #expect(PerformanceText.clean("医保业务“马上办”、“ 门口办 ” 打通") == "医保业务“马上办”、“门口办”打通")
    #expect(PerformanceText.clean("市县(区)财政资 金") == "市县(区)财政资金")
    #expect(PerformanceText.clean(" **DRG  pilot** ") == "DRG pilot")
  }

  @Test func templatePlaceholdersAreNotNames() {
    #expect(PerformanceText.indicatorText("指标1：") == nil)
    #expect(PerformanceText.indicatorText("指标2:") == nil)
    #expect(PerformanceText.indicatorText(".....") == nil)
    #expect(PerformanceText.indicatorText("指标1：全县拉通专网") == "全县拉通专网")
    #expect(PerformanceText.indicatorText("指标2: 资金拨付, 使用合格率") == "资金拨付,使用合格率")
    #expect(PerformanceText.indicatorText("医保三级下沉基层单位数;") == "医保三级下沉基层单位数")
  }

  @Test func numberingIsStrippedButNotDecimals() {
    #expect(PerformanceText.stripNumbering("(1)政府预算资金") == "政府预算资金")
    #expect(PerformanceText.stripNumbering("1、资金来源") == "资金来源")
    #expect(PerformanceText.stripNumbering("（一）主要职责") == "主要职责")
    #expect(PerformanceText.stripNumbering("①会议费") == "会议费")
    #expect(PerformanceText.stripNumbering("2022年度公务员医疗补助") == "2022年度公务员医疗补助")
    #expect(PerformanceText.stripNumbering("1.5倍") == "1.5倍")
  }

  @Test func levelNamesComeFromTheVocabulary() {
    #expect(IndicatorVocabulary.term("满意度指标") == .level1("满意度指标"))
    #expect(IndicatorVocabulary.term("可持续影响指标") == .level2("可持续影响指标"))
    // Printed short in S1's 年度 half (S1:612) and without 指标 (S1:612, S1:791).
    #expect(IndicatorVocabulary.term("服务对象满意度指") == .level2("服务对象满意度指标"))
    #expect(IndicatorVocabulary.term("服务对象满意度") == .level2("服务对象满意度指标"))
    #expect(IndicatorVocabulary.term("成本指标") == .cost)
    #expect(IndicatorVocabulary.term("群众满意度") == nil)
  }
}

@Suite struct PlaceholderTests {
  /// The first-byte gate of placeholders against the `Character` comparison it skips, with
  /// U+0387 (canonically `·`), marks after the marks, full-width dots and Chinese text.
  @Test func placeholdersAgreeWithTheCharacterComparison() {
    let pieces = [".", "…", "。", "·", "\u{387}", "\u{301}", "．", "a", "合", "\u{2026}\u{301}", "..", "\u{3001}", "\u{A0}", "\u{E9}"]
    var rng = SplitMix64(seed: 28_2026)
    var placeholders = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 6)
      let byCharacters = s.allSatisfy { $0 == "." || $0 == "…" || $0 == "。" || $0 == "·" }
      #expect(PerformanceText.isPlaceholder(s) == byCharacters, "\(s.debugDescription)")
      if byCharacters { placeholders += 1 }
    }
    #expect(placeholders > 1_000)
    #expect(PerformanceText.isPlaceholder("\u{387}\u{387}"))
    #expect(!PerformanceText.isPlaceholder("产出指标"))
    #expect(PerformanceText.indicatorText("指标1：……") == nil)
  }
}

@Suite struct NumberingStripTests {
  /// `stripNumbering` as it stopped before: when the text no longer changed as a `String`.
  static func stripNumberingComparingText(_ text: String) -> String {
    let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    let circledNumbers = Set("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮")
    var s = Substring(text)
    while true {
      let before = s
      if let f = s.first, circledNumbers.contains(f) {
        s = s.dropFirst()
      } else if let f = s.first, f == "(" || f == "（", let close = s.firstIndex(where: { $0 == ")" || $0 == "）" }) {
        let inner = s[s.index(after: s.startIndex)..<close]
        if !inner.isEmpty, inner.count <= 3, inner.allSatisfy({ $0.isASCII && $0.isNumber || chineseNumerals.contains($0) }) {
          s = s[s.index(after: close)...]
        }
      } else {
        let lead = s.prefix { $0.isASCII && $0.isNumber || chineseNumerals.contains($0) }
        if !lead.isEmpty, lead.count <= 3 {
          let rest = s.dropFirst(lead.count)
          if let sep = rest.first, sep == "、" || sep == "，" {
            s = rest.dropFirst()
          } else if let sep = rest.first, sep == "." || sep == "．", let next = rest.dropFirst().first,
            !(next.isASCII && next.isNumber)
          {
            s = rest.dropFirst()
          }
        }
      }
      s = s.drop { PerformanceText.isSpace($0) }
      if s == before { break }
    }
    return String(s)
  }

  /// Stopping when the start stops moving strips what comparing the texts did, with repeated
  /// numberings, spaces of every kind, marks after numbers and separators, and compatibility
  /// ideographs.
  @Test func strippingStopsWhereComparingTheTextsDid() {
    let pieces = [
      "一", "十", "、", "，", "（", "）", "(", ")", "1", "2", ".", "．", "①", "⑮", " ", "\u{3000}", "\u{A0}", "\t", "\u{301}", "\u{F9D1}",
      "项目", "a",
    ]
    var rng = SplitMix64(seed: 29_2026)
    var stripped = 0
    for _ in 0..<20_000 {
      let s = rng.text(from: pieces, fewerThan: 9)
      let expected = Self.stripNumberingComparingText(s)
      #expect(PerformanceText.stripNumbering(s) == expected, "\(s.debugDescription)")
      if expected != s { stripped += 1 }
    }
    #expect(stripped > 3_000)
    #expect(PerformanceText.stripNumbering("（一）1、① 项目") == "项目")
  }
}

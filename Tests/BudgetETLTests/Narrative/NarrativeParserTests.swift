import Testing

@testable import BudgetETL

/// Facts about the seeds' narrative, read by hand from the documents.
@Suite struct NarrativeParserTests {
  static func blocks(_ seed: Seed, _ ranges: [ClosedRange<Int>]? = nil) throws -> [TextBlock] {
    NarrativeParser.parse(lines: try seed.narrativeLines(ranges), docID: seed.docID)
  }

  static func block(_ blocks: [TextBlock], atLine line: Int) throws -> TextBlock {
    try #require(blocks.first { $0.sourceLine == line }, "no block starts at line \(line)")
  }

  static func lines(_ texts: [String], page: Int? = nil) -> [SourceLine] {
    texts.enumerated().map { SourceLine(number: $0.offset + 1, page: page, text: $0.element) }
  }

  // MARK: Section paths and headings

  @Test func incomeParagraphSitsUnderItsThreeHeadings() throws {
    let blocks = try Self.blocks(.s0)
    let block = try #require(blocks.first { $0.text.contains("本单位当年预算收入 123.98 万元") })
    #expect(block.sectionPath == "第二部分 收支情况 > 四、收支说明 > （一）收支预算总体情况")
    #expect(block.kind == .paragraph)
    #expect(block.sourceLine == 86)
    #expect(block.docID == "731074827a2ad24a")
  }

  @Test(arguments: [
    // S0:55 and S0:90 carry `##` like a part heading; their numbering says rank （二）.
    (Seed.s0, 55, "（二）深入推进医保支付方式管理的改革", "第一部分 单位概况 > 二、工作任务"),
    (.s0, 90, "（二）财政拨款收支情况", "第二部分 收支情况 > 四、收支说明"),
    // S0:140 is `###` but a part; S0:112 `(1)` under `3、`.
    (.s0, 140, "第三部分 其他情况", ""),
    (
      .s0, 112, "（1）按照部门预算支出经济分类的类级科目说明",
      "第二部分 收支情况 > 四、收支说明 > （三）一般公共预算拨款支出明细情况 > 3、支出按经济科目分类的明细情况"
    ),
    // A heading may end in 。 (S4:34) or a colon (S1:994, S3:56); they are dropped from the heading.
    (.s4, 34, "（一）主要职责", "第一部分 单位概况 > 一、主要职责及机构设置"),
    (.s1, 994, "1、车辆情况", "第三部分 2023年度单位预算情况说明 > 十一、国有资产占有使用情况"),
    (.s3, 56, "（一）认真学习贯彻党的二十大精神全力以赴完成全年目标", "第一部分 单位概况 > 二、工作任务"),
    // S2:37 prints `第一部分` alone and its title two lines further down.
    (.s2, 37, "第一部分 温县医疗保障局概况", ""),
    // A project name longer than 30 characters with no comma (S1:531).
    (
      .s1, 531, "（2）2023年中央财政医疗服务与保障能力提升补助资金(医疗保障服务能力建设部分)",
      "第三部分 2023年度单位预算情况说明 > 十、绩效管理情况 > 2、绩效目标情况（附表说明）"
    ),
    // `(一) ` in half-width with a space becomes the canonical `（一）`.
    (.s1, 1008, "（一）政府购买服务指导性目录", "第三部分 2023年度单位预算情况说明 > 十二、其他说明"),
  ])
  func headingsComeFromNumbering(seed: Seed, line: Int, text: String, parents: String) throws {
    let block = try Self.block(try Self.blocks(seed), atLine: line)
    #expect(block.kind == .heading)
    #expect(block.text == text)
    #expect(block.sectionPath == parents)
  }

  @Test(arguments: [
    // Definitions are not headings (S2:155, S0:176, S1:1018).
    (Seed.s2, 155, "第三部分 名词解释"),
    (.s0, 176, "第三部分 其他情况 > 十、专业名词解释"),
    (.s1, 1018, "第四部分 名词解释"),
    // A short item of a list whose other items are sentences (S0:37 among S0:37-41).
    (.s0, 37, "第一部分 单位概况 > 一、主要职责及机构设置 > （一）部门主要职责"),
    (.s0, 41, "第一部分 单位概况 > 一、主要职责及机构设置 > （一）部门主要职责"),
    // Numbered sentences with amounts (S2:119, S4:80).
    (.s2, 119, "第二部分 温县医疗保障局2024年度预算情况说明 > 九、一般公共预算“三公”经费支出预算情况说明"),
    (.s4, 80, "第二部分 收支情况 > 四、收支说明 > （三）一般公共预算拨款支出明细情况 > 2、支出按功能科目分类的明细情况"),
  ])
  func numberedProseStaysAParagraph(seed: Seed, line: Int, path: String) throws {
    let block = try Self.block(try Self.blocks(seed), atLine: line)
    #expect(block.kind == .paragraph)
    #expect(block.sectionPath == path)
  }

  @Test func definitionWhoseTextFollowsOnTheNextParagraphIsOneBlock() throws {
    // S1:1028 `六、财政专户管理资金：` / S1:1030 `专指教育收费，…`.
    let blocks = try Self.blocks(.s1, [992...1041])
    let block = try Self.block(blocks, atLine: 1028)
    #expect(block.kind == .paragraph)
    #expect(block.text.hasPrefix("六、财政专户管理资金：专指教育收费，包括目前在财政专户管理的高中以上学费"))
    #expect(!blocks.contains { $0.sourceLine == 1030 })
  }

  // MARK: Table of contents

  @Test(arguments: [
    (Seed.s0, 6...29, 31), (.s1, 23...58, 72), (.s2, 8...35, 37), (.s3, 6...34, 36),
    (.s4, 5...28, 30),
  ])
  func tableOfContentsGivesNoBlocks(seed: Seed, contents: ClosedRange<Int>, firstHeading: Int)
    throws
  {
    let blocks = try Self.blocks(seed)
    #expect(!blocks.contains { contents.contains($0.sourceLine) })
    #expect(!blocks.contains { $0.text == "目录" || $0.text == "目 录" })
    let first = try Self.block(blocks, atLine: firstHeading)
    #expect(first.kind == .heading)
    #expect(first.text.hasPrefix("第一部分"))
    #expect(first.sectionPath == "")
  }

  @Test func contentsWithoutRecurringEntryDropsOnlyTheTitle() {
    // The entries were removed upstream; what follows 目录 is content.
    let blocks = NarrativeParser.parse(
      lines: Self.lines(["目录", "", "第一部分 概况", "", "一、本单位职责", "", "负责全县医疗保障工作，完成县委县政府交办的其他任务。"]),
      docID: "d")
    #expect(blocks.map(\.text) == ["第一部分 概况", "一、本单位职责", "负责全县医疗保障工作，完成县委县政府交办的其他任务。"])
    #expect(blocks.map(\.kind) == [.heading, .heading, .paragraph])
  }

  // MARK: Joining lines and paragraphs

  @Test func paragraphBrokenByABlankLineIsJoined() throws {
    let blocks = try Self.blocks(.s0)
    // S0:61 ends `并及时上报`, S0:63 starts `市医保局医保信息科进行处理`.
    let block = try Self.block(blocks, atLine: 61)
    #expect(block.text.contains("对于县区处理不了的问题，并及时上报市医保局医保信息科进行处理；四是持续做好医保信息化建设"))
    #expect(block.text.hasSuffix("结算清单上传等工作。"))
    #expect(!blocks.contains { $0.sourceLine == 63 })
    // S0:86-88, S0:104-106, S4:120-122, S3:133-135.
    #expect(try Self.block(blocks, atLine: 86).text.hasSuffix("部分人员划转，人员减少，人员经费减少。"))
    #expect(try Self.block(blocks, atLine: 104).text.hasSuffix("人员减少，人员经费公用经费减少。"))
    let s4 = try Self.blocks(.s4)
    #expect(try Self.block(s4, atLine: 120).text.contains("较上年增加（减少）0 万元；公务接待费 5000 元"))
    let s3 = try Self.blocks(.s3)
    #expect(try Self.block(s3, atLine: 133).text.hasSuffix("下降的主要原因是：老干部医药费项目减少；"))
  }

  @Test func wrappedLinesAreJoined() throws {
    // S2:45-46 wraps inside a word: `…（党的建设工` / `作办公室）…`.
    let blocks = try Self.blocks(.s2)
    let block = try Self.block(blocks, atLine: 45)
    #expect(block.text == "1、局机关设4个内设机构：办公室（党的建设工作办公室）、政策法规和待遇保障股、医药服务管理股、基金监管股。")
    #expect(!blocks.contains { $0.sourceLine == 46 })
  }

  @Test func titleLinesAcrossABlankLineStayApart() throws {
    let blocks = try Self.blocks(.s1, [1...114])
    #expect(try Self.block(blocks, atLine: 11).text == "阳城县医疗保障局")
    #expect(try Self.block(blocks, atLine: 13).text == "2023年度单位预算公开")
  }

  @Test func headingIsNotJoinedToTheParagraphRightBelowIt() {
    let blocks = NarrativeParser.parse(
      lines: Self.lines(["二、工作任务", "组织开展基金监管集中宣传月活动，加强对《条例》的解读。"]), docID: "d")
    #expect(blocks.map(\.kind) == [.heading, .paragraph])
    #expect(blocks[1].sectionPath == "二、工作任务")
  }

  // MARK: Repeats

  @Test func runRepeatedRightAfterItselfIsDroppedOnce() throws {
    // S4:100-106 prints `1、当年…情况。` / text / `1、当年…情况。` / text.
    let blocks = try Self.blocks(.s4)
    let around = blocks.filter { (98...110).contains($0.sourceLine) }
    #expect(around.map(\.sourceLine) == [98, 100, 102, 108, 110])
    #expect(around.map(\.kind) == [.heading, .heading, .paragraph, .heading, .paragraph])
  }

  @Test(arguments: Seed.allCases)
  func noBlockRepeatsTheOneBeforeIt(seed: Seed) throws {
    let blocks = try Self.blocks(seed)
    for (a, b) in zip(blocks, blocks.dropFirst()) {
      #expect(a.text != b.text, "blocks \(a.blockNo) and \(b.blockNo) repeat")
    }
  }

  @Test func sameParagraphUnderAnotherHeadingIsKept() throws {
    // S1:529, S1:541 and S1:549 print the same text under (1), (4) and (6).
    let blocks = try Self.blocks(.s1)
    let text = try Self.block(blocks, atLine: 529).text
    #expect(blocks.filter { $0.text == text }.map(\.sourceLine) == [529, 541, 549])
  }

  // MARK: Cleaning

  @Test(arguments: Seed.allCases)
  func noDebrisOrWatermarkReachesABlock(seed: Seed) throws {
    let blocks = try Self.blocks(seed)
    #expect(!blocks.isEmpty)
    for block in blocks {
      for debris in ["**", "<b>", "</b>", "#", "仅供内部审核", "- ", "....."] {
        #expect(!block.text.contains(debris), "block \(block.blockNo) holds \(debris)")
        #expect(!block.sectionPath.contains(debris))
      }
      #expect(block.text == block.text.trimmingASCIIAndIdeographicSpaces())
      #expect(!block.text.isEmpty)
    }
    #expect(blocks.map(\.blockNo) == Array(1...blocks.count))
    #expect(blocks.allSatisfy { $0.docID == seed.docID })
  }

  @Test func onlyKnownHTMLTagsAreRemoved() {
    let blocks = NarrativeParser.parse(
      lines: Self.lines([
        "<b>立项依据</b>：晋城市医疗保障局《关于印发<2022年全市医疗保障工作要点>的通知》<br/>(晋市医保发【2022】1号)。"
      ]), docID: "d")
    #expect(blocks.map(\.text) == ["立项依据：晋城市医疗保障局《关于印发<2022年全市医疗保障工作要点>的通知》(晋市医保发【2022】1号)。"])
  }

  @Test(arguments: [
    ("对个人和家庭的补 助支出", "对个人和家庭的补助支出"),
    ("持续做好 HIS 系统与医保信息平台衔接。", "持续做好 HIS 系统与医保信息平台衔接。"),
    ("本单位当年预算收入 123.98 万元。", "本单位当年预算收入 123.98 万元。"),
    ("原因是： 人员增加。", "原因是：人员增加。"),
    ("合计１２３．４５万元，增长１５％。", "合计123.45万元，增长15%。"),
    ("- 1、负责全县医疗保险政策培训工作。", "1、负责全县医疗保险政策培训工作。"),
    ("#### **（四）深化药品集中带量采购**", "（四）深化药品集中带量采购"),
  ])
  func cleansOneLine(printed: String, cleaned: String) {
    #expect(NarrativeParser.parse(lines: Self.lines([printed]), docID: "d").map(\.text) == [cleaned])
  }

  @Test func masksMobileNumbersUnlessConfiguredOff() {
    let lines = Self.lines(["联系人：冯倩，联系电话：18835626427，办公电话：0356-4220000，预算 13800000000 元。"])
    let masked = NarrativeParser.parse(lines: lines, docID: "d")
    #expect(masked.map(\.text) == ["联系人：冯倩，联系电话：188****6427，办公电话：0356-4220000，预算 13800000000 元。"])
    let kept = NarrativeParser.parse(
      lines: lines, docID: "d", options: .init(maskMobileNumbers: false))
    #expect(kept[0].text.contains("18835626427"))
  }

  // MARK: Lines and pages

  @Test func blockCarriesLineAndPageOfItsFirstLineAndMapsTheRest() throws {
    let lines = [
      SourceLine(number: 40, page: 3, text: "本单位当年一般公共预算支出 936760 元，较上年增加"),
      SourceLine(number: 41, page: 3, text: ""),
      SourceLine(number: 42, page: 4, text: "322170 元，原因是人员工资增长。"),
    ]
    let located = NarrativeParser.parseLocated(lines: lines, docID: "d")
    let block = try #require(located.first)
    #expect(located.count == 1)
    #expect(block.textBlock.sourceLine == 40)
    #expect(block.textBlock.sourcePage == 3)
    // The second line's text starts right after the first line's (no separator between 加 and 3).
    let second = "本单位当年一般公共预算支出 936760 元，较上年增加".unicodeScalars.count
    #expect(block.textBlock.text.hasSuffix("较上年增加322170 元，原因是人员工资增长。"))
    #expect(block.sourceLocation(atScalarOffset: 0) == (40, 3))
    #expect(block.sourceLocation(atScalarOffset: second - 1) == (40, 3))
    #expect(block.sourceLocation(atScalarOffset: second) == (42, 4))
  }
}

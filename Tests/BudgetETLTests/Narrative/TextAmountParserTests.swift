import Testing

@testable import BudgetETL

/// Amounts the seeds' narrative quotes, read by hand from the documents.
@Suite struct TextAmountParserTests {
  static func amounts(_ seed: Seed, _ ranges: [ClosedRange<Int>]? = nil) throws -> [TextAmount] {
    let blocks = NarrativeParser.parseLocated(lines: try seed.narrativeLines(ranges), docID: seed.docID)
    return TextAmountParser.parse(blocks: blocks)
  }

  /// The amounts of the block that starts at `line`, the fiscal year read from the whole document.
  static func amounts(_ seed: Seed, blockAt line: Int) throws -> [TextAmount] {
    let blocks = NarrativeParser.parseLocated(lines: try seed.narrativeLines(), docID: seed.docID)
    let block = try #require(blocks.first { $0.textBlock.sourceLine == line }, "no block at line \(line)")
    let year = TextAmountParser.fiscalYear(in: blocks.map(\.textBlock))
    return TextAmountParser.parse(blocks: [block], fiscalYear: year)
  }

  /// Fen as the dataset prints 元: `123980000` → `1239800.00`.
  static func yuan(_ fen: Int64) -> String {
    let sign = fen < 0 ? "-" : ""
    let cents = fen.magnitude % 100
    return "\(sign)\(fen.magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
  }

  static func parse(_ texts: [String], fiscalYear: Int? = nil) -> [TextAmount] {
    let lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, page: nil, text: $0.element) }
    return TextAmountParser.parse(
      blocks: NarrativeParser.parseLocated(lines: lines, docID: "d"), fiscalYear: fiscalYear)
  }

  // MARK: Subjects, kinds and exact values

  @Test func totalIncomeParagraphOfS0() throws {
    // S0:86-88: 当年预算收入 123.98 万元，其中一般公共预算拨款收入 123.98 万元、政府性基金拨款收入
    // 0 万元，较上年减少 69.26 万元 …；当年预算支出 … 较上年减少 69.26 万元 ….
    let amounts = try Self.amounts(.s0, blockAt: 86)
    #expect(amounts.map(\.kind) == [.level, .level, .level, .change, .level, .level, .level, .change])
    #expect(
      amounts.map { Self.yuan($0.amountFen) } == [
        "1239800.00", "1239800.00", "0.00", "692600.00", "1239800.00", "1239800.00", "0.00", "692600.00",
      ])
    #expect(amounts.map(\.amountNo) == Array(1...8))
    let grant = amounts[1]
    #expect(grant.subject == "一般公共预算拨款收入")
    #expect(grant.sourceValue == "123.98")
    #expect(grant.sourceUnit == "万元")
    #expect(grant.sourceLine == 86)
    #expect(grant.docID == "731074827a2ad24a")
    // The change is the total's, not the last part's.
    #expect(amounts[3].subject == "当年预算收入")
    #expect(amounts[7].subject == "当年预算支出")
    #expect(amounts.allSatisfy { $0.functionCode == nil && $0.econCode == nil && $0.govEconCode == nil })
  }

  @Test(
    arguments: [
      // S0:104 (function), S0:120 (economic), S0:126 (government economic), S3:133, S4:82.
      (Seed.s0, 104, "医疗保障经办事务（2101506）", "1150400.00", "648700.00", "2101506", nil, nil),
      (.s0, 120, "对个人和家庭的补助支出（303）", "200.00", "500.00", nil, "303", nil),
      (.s0, 126, "对事业单位经常性补助（505）", "1239600.00", "692100.00", nil, nil, "505"),
      (.s3, 133, "事业运行（2101550）", "3596600.00", "106300.00", "2101550", nil, nil),
      (.s3, 163, "对事业单位资本性补助（506）", "20000.00", "15000.00", nil, nil, "506"),
      (.s4, 94, "商品和服务支出（302）", "50400.00", "73600.00", nil, "302", nil),
    ] as [(Seed, Int, String, String, String, String?, String?, String?)])
  func codedSubjectAndItsChange(
    seed: Seed, line: Int, subject: String, level: String, change: String, function: String?,
    econ: String?, govEcon: String?
  ) throws {
    let amounts = try Self.amounts(seed, blockAt: line)
    #expect(amounts.count == 2)
    for (amount, (kind, value)) in zip(amounts, [(TextAmount.Kind.level, level), (.change, change)]) {
      #expect(amount.kind == kind)
      #expect(Self.yuan(amount.amountFen) == value)
      #expect(amount.subject == subject)
      #expect(amount.functionCode == function)
      #expect(amount.econCode == econ)
      #expect(amount.govEconCode == govEcon)
    }
  }

  @Test func percentagesAreNotAmounts() throws {
    // S1:486: …卫生健康支出5,936.46万元,占89.25%;住房保障支出62.78万元,占0.94%。
    let amounts = try Self.amounts(.s1, blockAt: 486)
    #expect(amounts.map(\.subject) == ["一般公共预算当年拨款", "社会保障和就业支出", "卫生健康支出", "住房保障支出"])
    let health = amounts[2]
    #expect(Self.yuan(health.amountFen) == "59364600.00")
    #expect(health.sourceValue == "5,936.46")
    #expect(health.kind == .level)
    #expect(!amounts.contains { $0.sourceValue == "89.25" || $0.sourceValue == "9.80" })
  }

  @Test func countsAreNotAmounts() throws {
    // S0:76 (人), S0:160 (辆, 台), S2:143 (辆, 台), S3:78 (家).
    #expect(try Self.amounts(.s0, blockAt: 76).isEmpty)
    #expect(try Self.amounts(.s3, blockAt: 78).isEmpty)
    let assets = try Self.amounts(.s2, blockAt: 143)
    #expect(assets.map(\.sourceValue) == ["156.74", "0", "35.97", "95.64", "0", "25.13", "50", "100"])
  }

  @Test func lastYearsAmountIsPrior() throws {
    // S1:513 (a 2023 budget): 2023年…预算数为57.64万元，2022年机关运行经费预算数为57.33万元.
    let amounts = try Self.amounts(.s1, blockAt: 513)
    #expect(amounts.map(\.kind) == [.level, .prior])
    #expect(amounts.map(\.subject) == ["机关运行经费预算数", "机关运行经费预算数"])
    #expect(amounts.map { Self.yuan($0.amountFen) } == ["576400.00", "573300.00"])
  }

  @Test func carryOverFromLastYearIsThisYearsMoney() throws {
    // S1:461: 本年收入6,651.28万元，上年结转0万元，比上年增加1633.21万元.
    let amounts = try Self.amounts(.s1, blockAt: 461)
    let carry = try #require(amounts.first { $0.subject == "上年结转" })
    #expect(carry.kind == .level)
    #expect(amounts.filter { $0.kind == .change }.map { Self.yuan($0.amountFen) } == ["16332100.00", "16332100.00"])
    #expect(Self.yuan(amounts[0].amountFen) == "66512800.00")
  }

  @Test(arguments: [
    (Seed.s0, 160, ["单价", "购置单价"], ["200000.00", "200000.00"], "万元"),
    (.s4, 126, ["单价"], ["200000.00"], "元"),
    (.s1, 1004, ["现无价值"], ["500000.00"], "万元"),
  ])
  func thresholds(seed: Seed, line: Int, subjects: [String], values: [String], unit: String) throws {
    let amounts = try Self.amounts(seed, blockAt: line)
    #expect(amounts.map(\.kind) == Array(repeating: .threshold, count: values.count))
    #expect(amounts.map(\.subject) == subjects)
    #expect(amounts.map { Self.yuan($0.amountFen) } == values)
    #expect(amounts.allSatisfy { $0.sourceUnit == unit })
  }

  @Test func subjectLosesYearAgencyAndConnectives() throws {
    // S1:517: 2023年阳城县医疗保障局部门各单位政府采购预算总额5.27万元。其中：政府采购货物预算5.27万元、…
    let amounts = try Self.amounts(.s1, blockAt: 517)
    #expect(amounts.map(\.subject) == ["政府采购预算总额", "政府采购货物预算", "政府采购工程预算", "政府采购服务预算"])
    #expect(Self.yuan(amounts[0].amountFen) == "52700.00")
  }

  @Test(arguments: [
    // The clause names the subject before the verb (S2:95).
    (Seed.s2, 95, 4, "一般公共预算收支预算"),
    // A bare comparison takes the sentence's first level amount (S1:505) …
    (.s1, 505, 3, "公务接待费"),
    // … or, in a new sentence with none, the block's last one (S2:115).
    (.s2, 115, 2, "“三公”经费预算"),
    (.s1, 503, 2, "财政拨款安排的“三公”经费预算"),
  ])
  func changeSubjects(seed: Seed, line: Int, amountNo: Int, subject: String) throws {
    let amount = try #require(try Self.amounts(seed, blockAt: line).first { $0.amountNo == amountNo })
    #expect(amount.kind == .change)
    #expect(amount.subject == subject)
  }

  @Test func differenceIsOther() throws {
    // S1:1014: …相差的1214.24万元为上级转移支付资金。
    let amounts = try Self.amounts(.s1, blockAt: 1014)
    #expect(amounts.map(\.kind) == [.level, .level, .other])
    #expect(Self.yuan(amounts[2].amountFen) == "12142400.00")
  }

  // MARK: Lines

  @Test func amountCarriesTheLineOfItsNumber() throws {
    // S4:88-90: `…支出 936760 元，较上年增加` / blank / `322170 元，原因是人员工资增长。`
    let joined = try Self.amounts(.s4, blockAt: 88)
    #expect(joined.map(\.sourceLine) == [88, 90])
    #expect(joined.map(\.kind) == [.level, .change])
    #expect(joined.map { Self.yuan($0.amountFen) } == ["936760.00", "322170.00"])
    // S4:120-122: `…；公` / blank / `务接待费 5000 元，…`.
    let split = try Self.amounts(.s4, blockAt: 120)
    let reception = try #require(split.first { $0.sourceLine == 122 })
    #expect(reception.subject == "公务接待费")
    #expect(reception.kind == .level)
    #expect(Self.yuan(reception.amountFen) == "5000.00")
    #expect(split.map(\.amountNo) == Array(1...split.count))
  }

  @Test func unitBrokenOverALineEndIsJoined() {
    let amounts = Self.parse(["本单位当年一般公共预算支出 156.60 万", "元，较上年减少 1.5", "万元。"])
    #expect(amounts.map(\.sourceUnit) == ["万元", "万元"])
    #expect(amounts.map { Self.yuan($0.amountFen) } == ["1566000.00", "15000.00"])
    #expect(amounts.map(\.sourceLine) == [1, 2])
    #expect(amounts.map(\.kind) == [.level, .change])
  }

  @Test(arguments: [
    ("其中：医疗保障经办事务（2101506）支出 115.04 万元。", "医疗保障经办事务（2101506）支出", "2101506", nil, nil),
    ("（3）其他资本性支出(31099) 2.5 万元。", "其他资本性支出（31099）", nil, "31099", nil),
    ("对事业单位经常性补助（50501）123.96万元。", "对事业单位经常性补助（50501）", nil, nil, "50501"),
    ("（2）项目支出（2023年）5万元。", "项目支出（2023年）", nil, nil, nil),
    ("（1）其他支出（1234）5万元。", "其他支出（1234）", nil, nil, nil),
  ] as [(String, String, String?, String?, String?)])
  func codesNamedInTheSubject(text: String, subject: String, function: String?, econ: String?, govEcon: String?) {
    let amounts = Self.parse([text], fiscalYear: 2023)
    #expect(amounts.map(\.subject) == [subject])
    #expect(amounts.first?.functionCode == function)
    #expect(amounts.first?.econCode == econ)
    #expect(amounts.first?.govEconCode == govEcon)
  }

  @Test func unitBrokenAfterAShortNumberedLineIsJoined() {
    // A short numbered first line would pass for a heading; the unit on the next line says not.
    let amounts = Self.parse(["（1）医疗保障经办事务（2101506）115.04", "", "万元，较上年减少 64.87 万元。"])
    #expect(amounts.map { Self.yuan($0.amountFen) } == ["1150400.00", "648700.00"])
    #expect(amounts.map(\.functionCode) == ["2101506", "2101506"])
    #expect(amounts.map(\.sourceLine) == [1, 3])
  }

  @Test func pageComesFromTheLineOfTheNumber() throws {
    let lines = [
      SourceLine(number: 7, page: 2, text: "本单位当年预算收入 123.98 万元，其中一般公共预算拨款收入"),
      SourceLine(number: 8, page: 3, text: "123.98 万元。"),
    ]
    let amounts = TextAmountParser.parse(blocks: NarrativeParser.parseLocated(lines: lines, docID: "d"))
    #expect(amounts.map(\.sourceLine) == [7, 8])
    #expect(amounts.map(\.sourcePage) == [2, 3])
    #expect(amounts.map(\.subject) == ["当年预算收入", "一般公共预算拨款收入"])
  }

  @Test func blocksWithoutLineMapUseTheirFirstLine() throws {
    let blocks = NarrativeParser.parse(lines: try Seed.s4.narrativeLines(), docID: "x")
    let amounts = TextAmountParser.parse(blocks: blocks.filter { $0.sourceLine == 88 })
    #expect(amounts.map(\.sourceLine) == [88, 88])
    let block = try #require(blocks.first { $0.sourceLine == 88 })
    #expect(amounts.map(\.blockNo) == [block.blockNo, block.blockNo])
    #expect(amounts.allSatisfy { $0.docID == "x" })
  }

  // MARK: Fiscal year

  @Test(arguments: [(Seed.s0, 2023), (.s1, 2023), (.s2, 2024), (.s3, 2024), (.s4, 2023)])
  func fiscalYearComesFromTheTitle(seed: Seed, year: Int) throws {
    let blocks = NarrativeParser.parse(lines: try seed.narrativeLines(), docID: seed.docID)
    #expect(TextAmountParser.fiscalYear(in: blocks) == year)
  }

  @Test func fiscalYearIsNotTakenFromAnyYearNearABudgetWord() {
    let blocks = [
      TextBlock(
        docID: "d", blockNo: 1, sectionPath: "", kind: .paragraph,
        text: "2022年机关运行经费预算数为57.33万元。", sourceLine: 1, sourcePage: nil)
    ]
    #expect(TextAmountParser.fiscalYear(in: blocks) == nil)
  }

  @Test func givenFiscalYearDecidesWhichYearIsLast() {
    let text = ["2022年机关运行经费预算数为57.33万元。"]
    #expect(Self.parse(text, fiscalYear: 2023).map(\.kind) == [.prior])
    #expect(Self.parse(text, fiscalYear: 2022).map(\.kind) == [.level])
    #expect(Self.parse(text, fiscalYear: 2025).map(\.kind) == [.other])
  }

  // MARK: Every seed

  @Test(arguments: Seed.allCases)
  func everyAmountIsExactAndWellFormed(seed: Seed) throws {
    let amounts = try Self.amounts(seed)
    #expect(!amounts.isEmpty)
    for amount in amounts {
      let unit = try #require(MoneyUnit(rawValue: amount.sourceUnit))
      let number = try #require(PrintedNumber(amount.sourceValue))
      let converted = try #require(number.fen(unitMultiplier: unit.multiplier))
      #expect(converted.fen == amount.amountFen)
      #expect(converted.exact)
      #expect(!amount.subject.isEmpty, "amount \(amount.blockNo)/\(amount.amountNo) has no subject")
      #expect(!amount.subject.contains(" ") && !amount.subject.contains("("))
    }
    let byBlock = Dictionary(grouping: amounts, by: \.blockNo)
    for (_, group) in byBlock {
      #expect(group.map(\.amountNo) == Array(1...group.count))
    }
  }
}

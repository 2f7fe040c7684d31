import Testing

@testable import BudgetETL

/// Facts read by hand from the seeds' 绩效目标 tables (S0:449-533, S1:579-990, S2:564-663,
/// S3:531-746, S4:369-504).
@Suite struct PerformanceFormReaderTests {
  /// The one indicator printed on `line` whose name is `name` (and in `section`, when given).
  func indicator(
    _ result: PerformanceFormResult, line: Int, _ name: String, section: String? = nil
  ) throws -> Indicator {
    let found = result.indicators.filter { $0.sourceLine == line && $0.indicator == name && $0.section == section }
    try #require(found.count == 1, "\(found.count) indicators 「\(name)」 at line \(line)")
    return found[0]
  }

  /// A target's printed number as `Indicator.targetValue` holds it: scaled by 10^4.
  func scaled(_ number: Int64) -> Int64 { number * 10_000 }

  func lineItem(_ result: PerformanceFormResult, line: Int, column: Int) throws -> LineItem {
    let found = result.lineItems.filter { $0.sourceLine == line && $0.colNo == column }
    try #require(found.count == 1, "\(found.count) line items at line \(line), column \(column)")
    return found[0]
  }

  // MARK: S0

  @Test func s0ProjectFormTargets() throws {
    let r = try SeedTable.read(seed: 0, title: 449, rows: 451...466, agency: "西乡县医疗保险基金管理中心")
    #expect(r.kind == .project)
    #expect(r.project == "医保基金信息建设维护综合服务能力")

    let paid = try indicator(r, line: 458, "医保基金及时支付率")
    #expect(paid.targetRaw == "100%")
    #expect(paid.targetValue == scaled(100))
    #expect(paid.targetUnit == "%")
    #expect(paid.comparator == nil)
    #expect(paid.level1 == "产出指标")
    #expect(paid.level2 == "数量指标")
    #expect(paid.project == "医保基金信息建设维护综合服务能力")
    #expect(paid.colNo == 5)
    #expect(paid.targetNo == 1)
    #expect(paid.section == nil)
    #expect(paid.docID == "seed0")
    #expect(paid.tableID == "t900")

    let failures = try indicator(r, line: 459, "医保信息系统故障发生率次数")
    #expect(failures.targetRaw == "≤2次")
    #expect(failures.comparator == "<=")
    #expect(failures.targetValue == scaled(2))
    #expect(failures.targetUnit == "次")
    #expect(failures.level2 == "质量指标")

    let known = try indicator(r, line: 463, "参保对象医保政策知晓率")
    #expect(known.targetRaw == "≥90%")
    #expect(known.comparator == ">=")
    #expect(known.targetValue == scaled(90))
    #expect(known.level1 == "效益指标")
    #expect(known.level2 == "社会效益指标")

    // 成本指标 is a level-2 name under 产出指标 in this template (S0:461).
    let cost = try indicator(r, line: 461, "医保政策宣传印刷、基金监管、药品集采督导、基金支付、网络信息维护等所需经费")
    #expect(cost.level1 == "产出指标")
    #expect(cost.level2 == "成本指标")
    #expect(cost.targetValue == scaled(50_000))

    let rising = try indicator(r, line: 462, "提高医保基金使用率")
    #expect(rising.targetRaw == "有所提升")
    #expect(rising.targetValue == nil)
    #expect(rising.targetUnit == nil)

    // Rows 458-466, less 无/无 at S0:464.
    #expect(r.indicators.count == 8)
    #expect(!r.indicators.contains { $0.sourceLine == 464 })
    // The money block's amounts are blank (S0:453-455): no line items.
    #expect(r.lineItems.isEmpty)
    #expect(r.warnings.isEmpty)
  }

  @Test func s0WholeFormTargetsAndTaskAmounts() throws {
    let r = try SeedTable.read(seed: 0, title: 475, rows: 477...492, agency: "西乡县医疗保险基金管理中心")
    #expect(r.kind == .whole)
    #expect(r.project == "西乡县医疗保险基金管理中心")

    let budget = try indicator(r, line: 487, "整体预算金额")
    #expect(budget.targetRaw == "123.9844万元")
    #expect(budget.targetValue == 1_239_844)
    #expect(budget.targetUnit == "万元")
    #expect(budget.project == "西乡县医疗保险基金管理中心")
    #expect(budget.colNo == 6)
    #expect(try indicator(r, line: 492, "单位干部满意度").level1 == "满意度指标")
    #expect(r.indicators.count == 7)  // S0:484-492 less the two 无 rows

    // 123.9844 万元 = 1,239,844.00 元 (S0:480-481).
    #expect(r.lineItems.count == 4)
    let task = try lineItem(r, line: 480, column: 4)
    #expect(task.label == "医疗保险基金管理工作")
    #expect(task.amountFen == 123_984_400)
    #expect(task.sourceValue == "123.9844")
    #expect(task.sourceUnit == "万元")
    #expect(task.measure == "预算金额（万元）/总额")
    #expect(task.measureKind == .total)
    #expect(task.rowKind == .detail)
    #expect(task.tableType == .performance)
    #expect(task.agency == "西乡县医疗保险基金管理中心")
    #expect(task.fiscalYear == 2023)
    #expect(task.functionCode == nil && task.agencyCode == nil && task.projectCode == nil)
    let grant = try lineItem(r, line: 480, column: 5)
    #expect(grant.measure == "预算金额（万元）/财政拨款")
    #expect(grant.measureKind == .part)
    #expect(grant.amountFen == 123_984_400)
    let total = try lineItem(r, line: 481, column: 4)
    #expect(total.label == "金额合计")
    #expect(total.isTotal)
    #expect(total.rowKind == .total)
    #expect(total.amountFen == 123_984_400)
    #expect(r.warnings.isEmpty)
  }

  @Test func s0TemplateGivesNothing() throws {
    let r = try SeedTable.read(seed: 0, title: 497, rows: 499...533, agency: "西乡县医疗保险基金管理中心")
    #expect(r.indicators.isEmpty)
    #expect(r.lineItems.isEmpty)
    #expect(r.project == nil)
  }

  // MARK: S1

  @Test func s1ProjectMoneyBlockHalves() throws {
    let r = try SeedTable.read(seed: 1, title: 579, rows: 583...614, agency: "阳城县医疗保障局")
    #expect(r.project == "2023年省级财政医疗救助补助资金(城乡医疗救助补助资金)")

    let period = try lineItem(r, line: 586, column: 3)
    #expect(period.label == "实施期资金总额")
    #expect(period.section == "实施期")
    #expect(period.amountFen == 393_530_000)
    #expect(period.sourceValue == "3,935,300")
    #expect(period.sourceUnit == "元")
    #expect(period.rowKind == .total)
    #expect(period.isTotal)
    #expect(period.parentRowNo == nil)
    let year = try lineItem(r, line: 586, column: 6)
    #expect(year.label == "年度资金总额")
    #expect(year.section == "年度")
    #expect(year.amountFen == 393_530_000)

    // 其中 and the rows after it add up to the total: they are its children (S1:586-591).
    let central = try lineItem(r, line: 587, column: 3)
    #expect(central.label == "中央财政资金")
    #expect(central.amountFen == 0)
    #expect(central.sourceValue == "0")
    #expect(central.rowKind == .detail)
    #expect(central.parentRowNo == period.rowNo)
    let province = try lineItem(r, line: 588, column: 3)
    #expect(province.label == "省级财政资金")
    #expect(province.amountFen == 393_530_000)
    #expect(province.section == "实施期")
    #expect(province.parentRowNo == period.rowNo)
    let county = try lineItem(r, line: 589, column: 6)
    #expect(county.section == "年度")
    #expect(county.amountFen == 393_530_000)
    #expect(county.label == "市县（区）财政资")
    // 其他资金 is blank in both halves (S1:591): 5 rows × 2 halves − 2.
    #expect(r.lineItems.count == 10)
    #expect(r.lineItems.allSatisfy { $0.measure == "项目资金" && $0.measureKind == .part })
  }

  @Test func s1TargetsInBothHalves() throws {
    let r = try SeedTable.read(seed: 1, title: 579, rows: 583...614, agency: "阳城县医疗保障局")
    for (section, column) in [("实施期", 5), ("年度", 8)] {
      let inpatients = try indicator(r, line: 600, "住院救助人数", section: section)
      #expect(inpatients.targetRaw == "≥5000人")
      #expect(inpatients.comparator == ">=")
      #expect(inpatients.targetValue == scaled(5_000))
      #expect(inpatients.targetUnit == "人")
      #expect(inpatients.level1 == "产出指标")
      #expect(inpatients.level2 == "数量指标")
      #expect(inpatients.colNo == column)
    }
    // S1:609 is shifted three columns left; its levels are carried from S1:606.
    let relief = try indicator(r, line: 609, "减轻困难群众医疗费用负担", section: "实施期")
    #expect(relief.level1 == "效益指标")
    #expect(relief.level2 == "社会效益指标")
    #expect(relief.targetRaw == "减轻")
    #expect(try indicator(r, line: 609, "减轻困难群众医", section: "年度").targetRaw == "减轻")
    // S1:606 prints 社会效益指标 in the 实施期 half only.
    #expect(try indicator(r, line: 606, "提高困难群众看", section: "年度").level2 == "社会效益指标")
    // 满意度指标 in the 一级 column, 服务对象满意度(指) in each half (S1:612).
    let staff = try indicator(r, line: 612, "工作人员满意度", section: "年度")
    #expect(staff.level1 == "满意度指标")
    #expect(staff.level2 == "服务对象满意度指标")
    #expect(staff.targetValue == scaled(92))
    // 11 rows with targets in both halves (S1:600-613).
    #expect(r.indicators.count == 22)
    #expect(r.indicators.filter { $0.section == "实施期" }.count == 11)
  }

  @Test func s1SignatureRowIsNeitherTargetNorAmount() throws {
    let r = try SeedTable.read(seed: 1, title: 579, rows: 583...614, agency: "阳城县医疗保障局")
    #expect(!r.indicators.contains { $0.sourceLine == 614 })
    #expect(!r.lineItems.contains { $0.sourceLine == 614 })
    for phoneOrDate in ["18835626427", "20230202105009"] {
      #expect(!r.indicators.contains { "\($0)".contains(phoneOrDate) })
      #expect(!r.lineItems.contains { "\($0)".contains(phoneOrDate) })
      #expect(!r.warnings.contains { $0.message.contains(phoneOrDate) })
    }
  }

  @Test func s1TargetMissingFromOneHalf() throws {
    // S1:889: the 实施期 half names 工作人员满意度 without a target; the 年度 half has ≥92%.
    let r = try SeedTable.read(seed: 1, title: 859, rows: 863...890, agency: "阳城县医疗保障局")
    let staff = r.indicators.filter { $0.sourceLine == 889 }
    #expect(staff.count == 1)
    #expect(staff.first?.section == "年度")
    #expect(staff.first?.targetRaw == "≥92%")
    #expect(staff.first?.level2 == "服务对象满意度指标")
    #expect(r.warnings.contains { $0.line == 889 })
    // S1:888: a name in the 二级 column is a name, not a level.
    let crowd = try indicator(r, line: 888, "群众满意度", section: "实施期")
    #expect(crowd.level1 == "满意度指标")
    #expect(crowd.level2 == nil)
  }

  // MARK: S2

  @Test func s2WholeFormBudgetBlock() throws {
    let r = try SeedTable.read(seed: 2, title: 564, rows: 568...619, agency: "温县医疗保障局")
    #expect(r.kind == .whole)
    #expect(r.project == "温县医疗保障局")
    // 部门预算总额(万元) declares the unit of its block (S2:573), in a table with no 单位 line.
    let total = try lineItem(r, line: 573, column: 4)
    #expect(total.label == "部门预算总额")
    #expect(total.amountFen == 7_895_930_000)
    #expect(total.sourceUnit == "万元")
    #expect(total.isTotal)
    let government = try lineItem(r, line: 574, column: 4)
    #expect(government.label == "政府预算资金")
    #expect(government.section == "资金来源")
    #expect(government.rowKind == .detail)
    #expect(government.parentRowNo == total.rowNo)
    #expect(government.sourceUnit == "万元")
    // 资金结构 breaks the same total down again: memo rows, so nothing counts twice.
    let basic = try lineItem(r, line: 577, column: 4)
    #expect(basic.label == "基本支出")
    #expect(basic.section == "资金结构")
    #expect(basic.rowKind == .memo)
    #expect(basic.amountFen == 441_990_000)
    let projects = try lineItem(r, line: 578, column: 3)
    #expect(projects.label == "项目支出")
    #expect(projects.rowKind == .memo)
    #expect(projects.amountFen == 7_453_940_000)
    #expect(r.lineItems.count == 4)
  }

  @Test func s2WholeFormLevelsOutsideTheVocabulary() throws {
    let r = try SeedTable.read(seed: 2, title: 564, rows: 568...619, agency: "温县医疗保障局")
    let related = try indicator(r, line: 580, "年度履职目标相关性")
    #expect(related.level1 == "工作目标管理")
    #expect(related.level2 == "年度履职目标相关性")
    #expect(related.targetRaw == "相关")
    // S2:587 and S2:589 stand alone on their lines; S2:591 is shifted two columns left,
    // its 指标值说明 with it.
    let adjustment = try indicator(r, line: 591, "预算调整率")
    #expect(adjustment.level1 == "投入管理指标")
    #expect(adjustment.level2 == "预算和财务管理")
    #expect(adjustment.targetRaw == "≤5%")
    #expect(adjustment.targetValue == scaled(5))
    #expect(try indicator(r, line: 600, "绩效监控完成率").targetRaw == "100%")
    let counties = try indicator(r, line: 605, "县域范围内开通门诊慢特病相关治疗费用跨省联网定点医疗机构数量")
    #expect(counties.level1 == "产出指标")
    #expect(counties.level2 == "重点工作任务完成")
    #expect(counties.targetValue == scaled(4))
    #expect(counties.targetUnit == "个")
    // No 指标值说明 is a target.
    #expect(r.indicators.allSatisfy { $0.targetRaw.count <= 20 })
    #expect(r.indicators.count == 34)  // S2:580-619 less the level rows S2:587, S2:589
  }

  @Test func s2ProjectList() throws {
    let r = try SeedTable.read(seed: 2, title: 621, rows: 623...663, agency: "温县医疗保障局")
    #expect(r.kind == .projectList)
    let insured = try indicator(r, line: 631, "参保人数")
    #expect(insured.targetRaw == "≥3.6万人")
    #expect(insured.targetValue == 36_000)
    #expect(insured.targetUnit == "万人")
    #expect(insured.project == "城镇职工医保工作开展经费")
    #expect(insured.level1 == "产出指标")
    #expect(insured.level2 == nil)
    // The pairs sit one column left of their header (S2:628 against S2:624-625).
    let execution = try indicator(r, line: 628, "预算执行率")
    #expect(execution.level1 == "成本指标")
    #expect(execution.project == "城乡居民医保工作开展经费")
    #expect(try indicator(r, line: 628, "参保对象满意度").level1 == "满意度指标")
    #expect(r.warnings.contains { $0.message.contains("target columns") })

    let agency = try lineItem(r, line: 626, column: 3)
    #expect(agency.agencyCode == "614")
    #expect(agency.rowKind == .subtotal)
    let unit = try lineItem(r, line: 627, column: 3)
    #expect(unit.agencyCode == "614001")
    #expect(unit.parentRowNo == agency.rowNo)
    let project = try lineItem(r, line: 628, column: 3)
    #expect(project.label == "城乡居民医保工作开展经费")
    #expect(project.projectCode == "410825240000000004019")
    #expect(project.amountFen == 4_750_000)
    #expect(project.sourceUnit == "万元")
    #expect(project.measure == "项目金额(万元)/资金总额")
    #expect(project.measureKind == .total)
    #expect(project.rowKind == .detail)
    #expect(project.parentRowNo == unit.rowNo)
    #expect(try lineItem(r, line: 628, column: 4).measure == "项目金额(万元)/政府预算资金")
    #expect(try lineItem(r, line: 646, column: 3).projectCode == "41082524000000004016")
  }

  // MARK: S3

  @Test func s3AmountWithItsUnitInTheCell() throws {
    let r = try SeedTable.read(seed: 3, title: 533, rows: 535...553, agency: "西安市长安区医疗保险经办中心")
    #expect(r.project == "医保业务下沉工作经费")
    let total = try lineItem(r, line: 537, column: 5)
    #expect(total.label == "实施期资金总额")
    #expect(total.amountFen == 7_200_000)
    #expect(total.sourceValue == "7.2万")
    #expect(total.sourceUnit == "万元")
    #expect(total.section == "实施期")
    let grant = try lineItem(r, line: 538, column: 5)
    #expect(grant.label == "财政拨款")
    #expect(grant.parentRowNo == total.rowNo)
    #expect(r.lineItems.count == 2)

    let units = try indicator(r, line: 542, "医保三级下沉基层单位数")
    #expect(units.targetRaw == "326家")
    #expect(units.targetValue == scaled(326))
    #expect(try indicator(r, line: 548, "总成本").targetUnit == "万")
    #expect(try indicator(r, line: 551, "医保业务“马上办”、“门口办”打通服务群众“最后一公里”").level2 == "社会效益指标")
  }

  @Test func s3SpacedTarget() throws {
    let r = try SeedTable.read(seed: 3, title: 581, rows: 583...597, agency: "西安市长安区医疗保险经办中心")
    let residents = try indicator(r, line: 590, "全区参保居民")
    #expect(residents.targetRaw == "56.8 万人")
    #expect(residents.targetValue == 568_000)
    #expect(residents.targetUnit == "万人")
    #expect(try lineItem(r, line: 585, column: 5).amountFen == 8_000_000)
  }

  @Test func s3WholeFormSeveralTargetsInOneCell() throws {
    let r = try SeedTable.read(seed: 3, title: 686, rows: 688...715, agency: "西安市长安区医疗保障局")
    #expect(r.project == "西安市长安区医疗保险经办中心")
    let listed = r.indicators.filter { $0.sourceLine == 699 }
    #expect(listed.map(\.targetNo) == [1, 2])
    #expect(listed.map(\.targetValue) == [48_530_000, 9_100_000])
    #expect(listed.map(\.targetUnit) == ["家", "家"])
    #expect(listed.map(\.indicator) == ["年审企业", "双定机构"])
    #expect(Set(listed.map(\.colNo)) == [6])
    #expect(r.indicators.filter { $0.sourceLine == 704 }.count == 4)

    let first = try lineItem(r, line: 691, column: 4)
    #expect(first.label == "任务1")
    #expect(first.amountFen == 485_580_000)
    #expect(first.sourceUnit == "万元")
    #expect(try lineItem(r, line: 693, column: 4).amountFen == 23_000_000)
    #expect(try lineItem(r, line: 694, column: 4).amountFen == 1_061_970_000)
    // 金额合计 prints 1061.79 under 财政拨款 where the tasks add up to 1061.97 (S3:694).
    #expect(r.warnings.contains { $0.line == 694 && $0.message.contains("1061.79") })
    #expect(!r.warnings.contains { $0.line == 694 && $0.message.contains("总额") })
  }

  // MARK: S4

  @Test func s4WholeFormShiftedHeaderAndPrefixedNames() throws {
    let r = try SeedTable.read(seed: 4, title: 450, rows: 452...473, agency: "麟游县医疗保障局")
    let network = try indicator(r, line: 462, "全县拉通专网")
    #expect(network.targetRaw == "77条")
    #expect(network.targetValue == scaled(77))
    #expect(network.targetUnit == "条")
    #expect(network.project == "麟游县医疗保障局")
    #expect(network.level1 == "产出指标")
    #expect(try indicator(r, line: 473, "参保群众对医保服务满意度").level1 == "满意度指标")
    #expect(!r.indicators.contains { $0.indicator.hasPrefix("指标") })

    // The header (S4:453-454) sits one column left of the amounts.
    let task = try lineItem(r, line: 455, column: 4)
    #expect(task.label == "任务1")
    #expect(task.measure == "预算金额（元）/总额")
    #expect(task.amountFen == 27_510_000)
    #expect(task.sourceUnit == "元")
    #expect(try lineItem(r, line: 455, column: 6).measure == "预算金额（元）/其他资金")
    let total = try lineItem(r, line: 459, column: 4)
    #expect(total.isTotal)
    #expect(total.amountFen == 93_676_000)
    #expect(r.lineItems.count == 15)
    #expect(r.warnings.contains { $0.line == 454 })
  }

  @Test func s4ProjectFormInYuan() throws {
    let r = try SeedTable.read(seed: 4, title: 371, rows: 373...389, agency: "麟游县医疗保障局")
    let satisfied = try indicator(r, line: 389, "参保群众对医保服务满意度")
    #expect(satisfied.targetRaw == "≥90 %")
    #expect(satisfied.targetValue == scaled(90))
    #expect(satisfied.targetUnit == "%")
    let total = try lineItem(r, line: 375, column: 5)
    #expect(total.amountFen == 27_510_000)
    #expect(total.sourceUnit == "元")
  }

  // MARK: Units and detection

  @Test func theTableUnitAppliesWhenNothingCloserDeclaresOne() throws {
    // S4:402 with its block label's (元) taken away and the table declaring 万元.
    var table = try SeedTable.table(seed: 4, title: 398, rows: 400...416)
    table.rows[2].cells[0] = "资金金额"
    let context = TableContext(docID: "seed4", tableID: "t900", tableType: .performance, fiscalYear: 2023, agency: nil)
    let r = PerformanceFormReader.read(table, context: context, declaredUnit: .wanYuan)
    let total = try lineItem(r, line: 402, column: 4)
    #expect(total.sourceUnit == "万元")
    #expect(total.amountFen == 50_000 * 1_000_000)
    let asPrinted = PerformanceFormReader.read(
      try SeedTable.table(seed: 4, title: 398, rows: 400...416), context: context, declaredUnit: .wanYuan)
    #expect(try lineItem(asPrinted, line: 402, column: 4).sourceUnit == "元")
  }

  @Test func wholeFormWithoutANameRowUsesTheAgency() throws {
    let r = try SeedTable.read(seed: 0, title: 475, rows: 478...492, agency: "西乡县医疗保险基金管理中心（测试）")
    #expect(r.kind == .whole)
    #expect(r.project == "西乡县医疗保险基金管理中心（测试）")
    #expect(r.indicators.allSatisfy { $0.project == "西乡县医疗保险基金管理中心（测试）" })
  }

  @Test func detectsPerformanceForms() throws {
    #expect(PerformanceFormReader.looksLikePerformanceForm(try SeedTable.table(seed: 0, title: 475, rows: 477...492)))
    #expect(PerformanceFormReader.looksLikePerformanceForm(try SeedTable.table(seed: 2, title: nil, rows: 623...663)))
    #expect(!PerformanceFormReader.looksLikePerformanceForm(try SeedTable.table(seed: 0, title: 433, rows: 437...443)))
  }
}

@Suite struct PerformanceFormEdgeTests {
  @Test func aDateLineAboveTheFormDoesNotEndIt() throws {
    // S4:373-389 with a 填报单位/填报日期 line put above it, as some templates print.
    var table = try SeedTable.table(seed: 4, title: 371, rows: 373...389)
    table.rows.insert(RawRow(cells: ["填报单位：麟游县医疗保障局", "", "填报日期：20230115", ""], line: 372, page: nil), at: 0)
    let context = TableContext(docID: "seed4", tableID: "t900", tableType: .performance, fiscalYear: 2023, agency: nil)
    let r = PerformanceFormReader.read(table, context: context)
    #expect(r.indicators.count == 5)
    #expect(r.lineItems.count == 2)
    #expect(!r.lineItems.contains { $0.sourceValue.contains("20230115") })
  }
}

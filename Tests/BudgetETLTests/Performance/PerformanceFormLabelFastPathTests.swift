import Testing

@testable import BudgetETL

/// ``PerformanceForm/nameLabelOfInertText(_:)`` and ``PerformanceForm/endsFormOfInertText(_:)``
/// against the string readings they replace, on every seed cell (compacted) and on random
/// cells made of the labels' pieces, both kinds of parentheses and colons, combining marks,
/// CR and compatibility ideographs.
@Suite struct PerformanceFormLabelFastPathTests {
  @Test func randomCellsReadAsTheStringsReadThem() {
    let pieces = [
      "项目名称", "单位名称", "部门(单位)名称", "项目", "名称", "部门", "单位", "预算", "(", ")", "（", "）", ":", "：", "负责人", "填报人", "注", "审核人", "联系电话", "填报日期",
      "联系", "日期", "a", "1", "\u{301}", "\u{F9FA}", "\r", "\n",
    ]
    var rng = SplitMix64(seed: 2026_1124_2)
    var labels: [PerformanceForm.NameLabel: Int] = [:]
    var ends = 0
    var inert = 0
    for _ in 0..<40_000 {
      let c = rng.text(from: pieces, fewerThan: 7)
      let label = PerformanceForm.nameLabelComparingStrings(c)
      let end = PerformanceForm.endsFormComparingStrings(c)
      if let fast = PerformanceForm.nameLabelOfInertText(c) {
        inert += 1
        #expect(fast == label, "\(c.debugDescription)")
      }
      if let fast = PerformanceForm.endsFormOfInertText(c) { #expect(fast == end, "\(c.debugDescription)") }
      labels[label, default: 0] += 1
      if end { ends += 1 }
    }
    #expect(inert > 20_000)
    #expect(labels[.project, default: 0] > 500)
    #expect(labels[.unit, default: 0] > 20)
    #expect(ends > 10_000)
  }

  @Test func everySeedCellReadsAsTheStringsReadIt() throws {
    var projects = 0
    var ends = 0
    for cell in try SeedTable.cells() {
      let c = PerformanceText.removingSpaces(PerformanceText.clean(cell))
      let label = PerformanceForm.nameLabelComparingStrings(c)
      let end = PerformanceForm.endsFormComparingStrings(c)
      #expect((PerformanceForm.nameLabelOfInertText(c) ?? label) == label, "\(c.debugDescription)")
      #expect((PerformanceForm.endsFormOfInertText(c) ?? end) == end, "\(c.debugDescription)")
      if label == .project { projects += 1 }
      if end { ends += 1 }
    }
    #expect(projects > 10)
    #expect(ends > 10)
  }

  @Test func inertCellsReadExactly() {
    #expect(PerformanceForm.nameLabelOfInertText("：项目名称：") == .project)
    #expect(PerformanceForm.nameLabelOfInertText("部门（单位）名称:") == .unit)
    #expect(PerformanceForm.nameLabelOfInertText("单位（部门）名称") == .unit)
    #expect(PerformanceForm.nameLabelOfInertText("部门（单位）名称称") == .other)
    #expect(PerformanceForm.nameLabelOfInertText("项目名\u{301}称") == nil)
    #expect(PerformanceForm.endsFormOfInertText("注：单位为万元") == true)
    #expect(PerformanceForm.endsFormOfInertText("项目联系电话") == true)
    #expect(PerformanceForm.endsFormOfInertText("备注") == false)
  }
}

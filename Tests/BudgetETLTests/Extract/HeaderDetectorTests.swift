import Testing

@testable import BudgetETL

/// Which rows `HeaderDetector.isDataRow` takes for data, not header: a row with a printed
/// amount (a point, a comma or a unit), a total, a numbered or coded label, a lone label after
/// the first row; not a row of titles, nor one whose only figures could be years or counts.
@Suite struct HeaderDetectorTests {
  @Test(arguments: [
    (["项目", "金额"], 0, false),
    (["项目", "金额"], 1, false),
    (["工资", "12.00"], 0, true),
    (["工资", "1,200"], 0, true),
    (["工资", "3万元"], 0, true),
    (["工资", "12"], 0, false),
    (["合计", "300"], 0, true),
    (["一、工资福利支出", "300"], 0, true),
    (["201", "社会保障和就业支出"], 0, true),
    (["", "", ""], 0, false),
    // A label alone in the first cell: a title in the first row, a category row after it.
    (["一般公共服务支出", ""], 0, false),
    (["一般公共服务支出", ""], 1, true),
    (["", "一般公共服务支出"], 1, false),
  ])
  func dataOrHeader(_ cells: [String], _ index: Int, _ isData: Bool) {
    #expect(HeaderDetector.isDataRow(RawRow(cells: cells, line: 1, page: nil), index: index) == isData, "\(cells) \(index)")
  }
}

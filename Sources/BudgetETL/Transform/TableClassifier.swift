import Foundation

/// Decides a table's type from its title (and, failing that, its header).
public enum TableClassifier {
  public static func classify(_ table: RawTable) -> TableType {
    let title = (table.title ?? "").replacingOccurrences(of: " ", with: "")
    // Each text is searched for many words: its scalars are checked once (`SearchedText`), and
    // the cells are searched one by one as if joined by `|` (`SearchedCells`).
    let header = SearchedCells(table.headerRows.flatMap(\.cells))
    let firstRows = SearchedCells(table.rows.prefix(6).flatMap(\.cells))
    if header.contains("是否空表") || firstRows.contains("是否空表") || title == "目录" || title == "报表目录" { return .catalog }
    if title.contains("绩效") || firstRows.contains("一级指标") || firstRows.contains("绩效指标") { return .performance }
    if let t = byTitle(SearchedText(title)) { return t }
    if header.contains("功能科目") || header.contains("功能分类") { return .generalByFunction }
    if header.contains("经济科目") || header.contains("经济分类") { return .generalByEconomic }
    return .other
  }

  static func byTitle(_ title: SearchedText) -> TableType? {
    let t = title
    guard !t.text.isEmpty else { return nil }
    if t.contains("三公") { return .threePublic }
    if t.contains("机关运行经费") || t.contains("机构）运行经费") || t.contains("机构)运行经费") || t.contains("运行经费") {
      return .operatingCosts
    }
    if t.contains("政府采购") { return .procurement }
    if t.contains("政府性基金") { return .governmentFund }
    if t.contains("国有资本经营") { return .stateCapital }
    if t.contains("财政拨款收支") || t.contains("财政拨款收入支出") { return .fiscalAppropriation }
    if t.contains("收支总表") || t.contains("收入支出决算总表") || t.contains("收支预算表") || t.contains("收支预算总表")
      || t.contains("收支决算总表")
    {
      return .summary
    }
    if t.contains("经济分类汇总") || t.contains("支出经济分类汇总") { return .economicSummary }
    if t.contains("基本支出") {
      if t.contains("功能") { return .basicByFunction }
      if t.contains("经济") { return .basicByEconomic }
      if t.contains("明细") { return .basicDetail }
      return .basicByEconomic
    }
    if t.contains("项目支出") || t.contains("专项业务经费") || t.contains("专项资金") || t.contains("项目表") { return .projects }
    if t.contains("一般公共预算") {
      if t.contains("经济") { return .generalByEconomic }
      return .generalByFunction
    }
    if t.contains("收入总表") || t.contains("收入预算表") || t.contains("收入预算总表") || t.contains("收入决算表")
      || t.text.hasSuffix("收入表")
    {
      return .income
    }
    if t.contains("支出总表") || t.contains("支出预算表") || t.contains("支出预算总表") || t.contains("支出决算表")
      || t.text.hasSuffix("支出表")
    {
      return .expenditure
    }
    return nil
  }
}

/// Something dubious the reader met in a form: a misaligned block, a figure that does not add
/// up, a target without a name. Feeds the `checks` dataset as a warning.
public struct PerformanceFormWarning: Sendable, Hashable, Codable {
  public var message: String
  /// The source line concerned, when there is one.
  public var line: Int?

  public init(message: String, line: Int?) {
    self.message = message
    self.line = line
  }
}

/// The layouts of 绩效目标 tables the reader knows.
public enum PerformanceFormKind: String, Sendable, Hashable, Codable {
  /// One project's form: 项目名称, a money block (资金金额/项目资金), targets; S0:449, S1:579.
  case project
  /// An agency's form (部门/单位整体支出绩效目标表): tasks with 预算金额, targets; S0:475, S3:686.
  case whole
  /// One row per project, money columns and targets side by side; S2:621.
  case projectList
}

/// What a 绩效目标 table gives: its targets, the amounts of its money block, and warnings.
public struct PerformanceFormResult: Sendable, Hashable {
  public var kind: PerformanceFormKind
  /// The form's project (项目名称), or the unit a 整体 form is about; nil for a project list
  /// or an empty template.
  public var project: String?
  public var indicators: [Indicator]
  /// `table_type` performance, in row then column order.
  public var lineItems: [LineItem]
  public var warnings: [PerformanceFormWarning]

  public init(
    kind: PerformanceFormKind, project: String?, indicators: [Indicator], lineItems: [LineItem],
    warnings: [PerformanceFormWarning]
  ) {
    self.kind = kind
    self.project = project
    self.indicators = indicators
    self.lineItems = lineItems
    self.warnings = warnings
  }
}

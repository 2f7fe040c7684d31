/// What a table column holds.
public enum ColumnRole: Sendable, Hashable {
  case label
  case code(CodeKind)
  case amount
  case ordinal
  case note
}

/// Which classification a code column carries.
public enum CodeKind: Sendable, Hashable {
  case function
  case economic
  case governmentEconomic
  case agency
  case project
  /// 科目编码 without a qualifier: decided per value (2… function, 3… economic, 5… government economic).
  case bySubject
}

/// A column of a table: its header path, role, and the unit its header declares.
public struct TableColumn: Sendable, Hashable {
  /// 0-based index in the merged table.
  public var index: Int
  /// Header cells from the top row down, cleaned; empty when the column has no header.
  public var path: [String]
  public var role: ColumnRole
  public var headerUnit: MoneyUnit?
  /// For 类|款|项 columns: which part of a split code this column is (0 类, 1 款, 2 项).
  public var codePart: Int?
}

/// The logical type of a published column; every writer derives its representation from it.
public enum ColumnType: Sendable, Hashable {
  case string
  /// A whole number that fits 32 bits (line numbers, ordinals, counts).
  case int32
  /// A whole number that needs 64 bits (byte sizes).
  case int64
  /// An exact decimal stored on INT64: money is `decimal(precision: 18, scale: 2)`.
  case decimal(precision: Int, scale: Int)
  case boolean

  /// The Frictionless Table Schema type name.
  public var frictionlessType: String {
    switch self {
    case .string: return "string"
    case .int32, .int64: return "integer"
    case .decimal: return "number"
    case .boolean: return "boolean"
    }
  }
}

/// One column of a dataset: its name, type, whether it may be null, and what it means.
public struct ColumnSpec: Sendable, Hashable {
  public var name: String
  public var type: ColumnType
  public var nullable: Bool
  public var description: String
  /// A regular expression every non-null value matches (codes), for `datapackage.json`.
  public var pattern: String?
  /// The allowed values, when the column is an enumeration.
  public var allowed: [String]?

  public init(
    _ name: String, _ type: ColumnType, nullable: Bool = true, _ description: String,
    pattern: String? = nil, allowed: [String]? = nil
  ) {
    self.name = name
    self.type = type
    self.nullable = nullable
    self.description = description
    self.pattern = pattern
    self.allowed = allowed
  }
}

/// A foreign key from this dataset's fields to another dataset's fields.
public struct ForeignKey: Sendable, Hashable {
  public var fields: [String]
  public var resource: String
  public var referencedFields: [String]
}

/// A published dataset's schema, declared once: the CSV, JSON Lines and Parquet writers and
/// `datapackage.json` all derive from it.
public struct DatasetSchema: Sendable, Hashable {
  public var name: String
  public var title: String
  public var description: String
  public var columns: [ColumnSpec]
  public var primaryKey: [String]
  public var foreignKeys: [ForeignKey]

  public init(
    name: String, title: String, description: String, columns: [ColumnSpec], primaryKey: [String],
    foreignKeys: [ForeignKey] = []
  ) {
    self.name = name
    self.title = title
    self.description = description
    self.columns = columns
    self.primaryKey = primaryKey
    self.foreignKeys = foreignKeys
  }

  /// The index of the named column. A missing column is a programming error.
  public func index(of column: String) -> Int {
    guard let i = columns.firstIndex(where: { $0.name == column }) else {
      preconditionFailure("dataset \(name) has no column \(column)")
    }
    return i
  }
}

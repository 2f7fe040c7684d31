/// A logical table after its page-split fragments are merged: the `tables` dataset's row.
public struct TableInfo: Sendable, Hashable, Codable {
  public var docID: String
  /// `t` and the table's 1-based order in the document, three digits.
  public var tableID: String
  /// As printed, inner spaces removed (表5, 预算01表), or nil.
  public var tableNo: String?
  public var title: String?
  public var type: TableType
  /// The declared unit (元 or 万元); 元 when none is declared.
  public var unit: String
  /// Column header paths, ` | ` separated.
  public var columns: String
  public var rows: Int
  public var fragments: Int
  public var isEmpty: Bool
  public var sourceLine: Int
  public var sourcePage: Int?

  public init(
    docID: String, tableID: String, tableNo: String?, title: String?, type: TableType, unit: String,
    columns: String, rows: Int, fragments: Int, isEmpty: Bool, sourceLine: Int, sourcePage: Int?
  ) {
    self.docID = docID
    self.tableID = tableID
    self.tableNo = tableNo
    self.title = title
    self.type = type
    self.unit = unit
    self.columns = columns
    self.rows = rows
    self.fragments = fragments
    self.isEmpty = isEmpty
    self.sourceLine = sourceLine
    self.sourcePage = sourcePage
  }
}

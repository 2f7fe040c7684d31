/// A dataset's JSON Lines keys (``RowEncoder/jsonKeys(_:)``, each with its colon) back to back,
/// and where each starts, then where the last ends: what ``DocumentRowsEncoder`` writes before
/// each cell. The published datasets' tables are built once (``of(_:)``), not once per dataset
/// per document (an array per key, joined, then freed).
///
/// `@unchecked Sendable`: the memory is written in `init` only, and read-only after (the stored
/// pointers are not mutable ones).
final class JSONKeyTable: @unchecked Sendable {
  let bytes: UnsafeBufferPointer<UInt8>
  let ends: UnsafeBufferPointer<Int>

  init(_ schema: DatasetSchema) {
    let keys = RowEncoder.jsonKeys(schema)
    let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: keys.reduce(0) { $0 + $1.count })
    _ = bytes.initialize(from: keys.joined())
    let ends = UnsafeMutableBufferPointer<Int>.allocate(capacity: keys.count + 1)
    _ = ends.initialize(from: keys.reduce(into: [0]) { $0.append($0.last! + $1.count) })
    self.bytes = UnsafeBufferPointer(bytes)
    self.ends = UnsafeBufferPointer(ends)
  }

  deinit {
    bytes.deallocate()
    ends.deallocate()
  }

  /// The published datasets' tables, by name, with the column names they were built from.
  private static let published: [String: (names: [String], table: JSONKeyTable)] = Dictionary(
    uniqueKeysWithValues: Datasets.all.map { ($0.name, ($0.columns.map(\.name), JSONKeyTable($0))) })

  /// The table of a published dataset's keys, built once; a schema that is not one of them
  /// (its name, or any column's name, differs) has its own built. Column names are compared on
  /// their bytes, which the keys are: `String`'s `==` takes canonical equivalents (K and the
  /// Kelvin sign) as equal.
  static func of(_ schema: DatasetSchema) -> JSONKeyTable {
    if let entry = published[schema.name], entry.names.count == schema.columns.count,
      entry.names.indices.allSatisfy({ entry.names[$0].utf8.elementsEqual(schema.columns[$0].name.utf8) })
    {
      return entry.table
    }
    return JSONKeyTable(schema)
  }
}

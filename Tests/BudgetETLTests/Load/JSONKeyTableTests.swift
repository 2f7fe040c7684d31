import Testing

@testable import BudgetETL

/// The rows encoder's keys come from a table built once per published dataset: the same keys
/// `RowEncoder.jsonKeys` makes, and a schema that only shares a published dataset's name gets
/// its own.
@Suite struct JSONKeyTableTests {
  /// The table's keys, one array per column, read back through its pointers.
  static func keys(_ table: JSONKeyTable, width: Int) -> [[UInt8]] {
    (0..<width).map { Array(table.bytes[table.ends[$0]..<table.ends[$0 + 1]]) }
  }

  @Test(arguments: Datasets.all.map(\.name))
  func publishedDatasetsKeysAreBuiltOnce(dataset: String) throws {
    let schema = try #require(Datasets.all.first { $0.name == dataset })
    let table = JSONKeyTable.of(schema)
    #expect(table === JSONKeyTable.of(schema))
    #expect(table.ends[0] == 0)
    #expect(Self.keys(table, width: schema.columns.count) == RowEncoder.jsonKeys(schema))
    #expect(table.ends[schema.columns.count] == RowEncoder.jsonKeys(schema).reduce(0) { $0 + $1.count })
  }

  @Test func theLineItemsKeysSpellTheirNames() {
    let table = JSONKeyTable.of(Datasets.lineItems)
    let keys = Self.keys(table, width: 3).map { String(decoding: $0, as: UTF8.self) }
    #expect(keys == [#""doc_id":"#, #""fiscal_year":"#, #""agency":"#])
  }

  /// A schema named as a published dataset, with a column renamed, one dropped, or one added,
  /// is not given the published keys.
  @Test func aSchemaThatOnlySharesANameGetsItsOwnKeys() {
    var renamed = Datasets.lineItems
    renamed.columns[4].name = "table_kind"
    var dropped = Datasets.lineItems
    dropped.columns.removeLast()
    var added = Datasets.lineItems
    added.columns.append(ColumnSpec("extra \"quoted\"", .string, ""))
    for schema in [renamed, dropped, added] {
      let table = JSONKeyTable.of(schema)
      #expect(table !== JSONKeyTable.of(Datasets.lineItems))
      #expect(Self.keys(table, width: schema.columns.count) == RowEncoder.jsonKeys(schema))
    }
    let row = [Value](repeating: .int(7), count: added.columns.count)
    let encoded = DocumentRowsEncoder.encode([row], schema: added)
    #expect(String(decoding: encoded.jsonl, as: UTF8.self).hasSuffix(#","extra \"quoted\"":7}"# + "\n"))
  }
}

import Testing

@testable import BudgetETL

/// The bundle's three encodings made in one pass are the bytes the separate encoders write:
/// a repeated cell's copied text is the text the cell would get, whatever its kind.
@Suite struct DocumentRowsEncoderTests {
  static func separately(_ rows: [[Value]], _ schema: DatasetSchema) -> (csv: [UInt8], jsonl: [UInt8], binary: [UInt8]) {
    var csv: [UInt8] = []
    var jsonl: [UInt8] = []
    var binary: [UInt8] = []
    let keys = RowEncoder.jsonKeys(schema)
    for row in rows {
      RowEncoder.csvRow(row, into: &csv)
      RowEncoder.jsonRow(row, keys: keys, into: &jsonl)
    }
    ValueCodec.encode(rows, into: &binary)
    return (csv, jsonl, binary)
  }

  static func expectSame(_ rows: [[Value]], _ schema: DatasetSchema, _ comment: Comment? = nil) {
    let together = DocumentRowsEncoder.encode(rows, schema: schema)
    let apart = separately(rows, schema)
    #expect(together.csv == apart.csv, comment)
    #expect(together.jsonl == apart.jsonl, comment)
    #expect(together.binary == apart.binary, comment)
  }

  @Test(arguments: Datasets.all.map(\.name))
  func sampleRowsOfEveryDataset(dataset: String) throws {
    let schema = try #require(Datasets.all.first { $0.name == dataset })
    Self.expectSame(ParquetSampleRows.rows(for: schema, count: 500), schema)
    Self.expectSame([], schema)
  }

  @Test(arguments: Seed.allCases) func everyDatasetOfADocument(_ seed: Seed) throws {
    let processed = DocumentProcessor().process(relativePath: "\(seed.rawValue).txt", bytes: seed.bytes)
    let result = try #require(processed.result)
    for schema in Datasets.all where schema.name != Datasets.sources.name {
      Self.expectSame(result.rows(of: schema), schema, "\(seed) \(schema.name)")
    }
  }

  /// Every kind of value repeated and changed, text that needs quoting and escaping, an empty
  /// string under a null, and canonically equivalent strings (different bytes).
  @Test func repeatsOfEveryKind() {
    let schema = DatasetSchema(
      name: "t", title: "T", description: "",
      columns: (0..<4).map { ColumnSpec("c\($0)", .string, nullable: true, "") }, primaryKey: [])
    let values: [Value] = [
      .null, .string(""), .string("a,\"b\"\n\t\u{1}\\"), .string("\u{E9}"), .string("e\u{301}"), .int(Int64.min),
      .int(-1), .int(0), .decimal(unscaled: -5, scale: 2), .decimal(unscaled: -5, scale: 0), .bool(true),
      .bool(false),
    ]
    var rows: [[Value]] = []
    for (i, value) in values.enumerated() {
      let next = values[(i + 1) % values.count]
      rows.append([value, value, next, .string("合计")])
      rows.append([value, next, next, .string("合计")])
    }
    Self.expectSame(rows, schema)
  }
}

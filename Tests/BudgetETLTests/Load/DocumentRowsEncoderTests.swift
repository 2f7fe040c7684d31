import Foundation
import Testing

@testable import BudgetETL

/// The bundle's three encodings made in one pass are the bytes the separate encoders write:
/// a repeated cell's copied text is the text the cell would get, whatever its kind.
@Suite struct DocumentRowsEncoderTests {
  /// The rows as the array encoders before `ByteSink` wrote them (``ArrayRowEncoderOracle``):
  /// independent of the cell writers the one-pass encoder and `RowEncoder` now share.
  static func separately(_ rows: [[Value]], _ schema: DatasetSchema) -> (csv: [UInt8], jsonl: [UInt8], binary: [UInt8]) {
    var csv: [UInt8] = []
    var jsonl: [UInt8] = []
    let keys = ArrayRowEncoderOracle.jsonKeys(schema.columns.map(\.name))
    for row in rows {
      ArrayRowEncoderOracle.csvRow(row, into: &csv)
      ArrayRowEncoderOracle.jsonRow(row, keys: keys, into: &jsonl)
    }
    return (csv, jsonl, ArrayRowEncoderOracle.binaryRows(rows))
  }

  /// `RowEncoder`'s own rows and `ValueCodec.encode` write what the oracle writes.
  static func expectReferenceEncoders(_ rows: [[Value]], _ schema: DatasetSchema, _ comment: Comment? = nil) {
    var csv: [UInt8] = []
    var jsonl: [UInt8] = []
    var binary: [UInt8] = []
    let keys = RowEncoder.jsonKeys(schema)
    for row in rows {
      RowEncoder.csvRow(row, into: &csv)
      RowEncoder.jsonRow(row, keys: keys, into: &jsonl)
    }
    ValueCodec.encode(rows, into: &binary)
    let apart = separately(rows, schema)
    #expect(csv == apart.csv, comment)
    #expect(jsonl == apart.jsonl, comment)
    #expect(binary == apart.binary, comment)
  }

  static func expectSame(_ rows: [[Value]], _ schema: DatasetSchema, _ comment: Comment? = nil) {
    let together = DocumentRowsEncoder.encode(rows, schema: schema)
    let apart = separately(rows, schema)
    #expect(together.csv == apart.csv, comment)
    #expect(together.jsonl == apart.jsonl, comment)
    #expect(together.binary == apart.binary, comment)
    expectReferenceEncoders(rows, schema, comment)
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

  /// Runs of repeated cells are copied with their commas and keys: at the start of a row, in its
  /// middle, up to the end of a shorter row above, and over a whole row; exact bytes.
  @Test func runsOfRepeatedCellsAreCopiedWhole() throws {
    let schema = DatasetSchema(
      name: "t", title: "T", description: "",
      columns: ["k", "n", "s", "q"].map { ColumnSpec($0, .string, nullable: true, "") }, primaryKey: [])
    let rows: [[Value]] = [
      [.string("合计"), .int(7), .string("a,b"), .null],
      [.string("合计"), .int(7), .string("x"), .null],
      [.string("合计"), .int(7)],
      [.string("合计"), .int(7), .string("x"), .bool(true)],
      [.string("合计"), .int(7), .string("x"), .bool(true)],
      [.string("y"), .int(7), .string("x"), .bool(false)],
    ]
    let encoded = DocumentRowsEncoder.encode(rows, schema: schema)
    #expect(
      String(decoding: encoded.csv, as: UTF8.self)
        == "合计,7,\"a,b\",\n合计,7,x,\n合计,7\n合计,7,x,true\n合计,7,x,true\ny,7,x,false\n")
    #expect(
      String(decoding: encoded.jsonl, as: UTF8.self)
        == """
        {"k":"合计","n":7,"s":"a,b","q":null}
        {"k":"合计","n":7,"s":"x","q":null}
        {"k":"合计","n":7}
        {"k":"合计","n":7,"s":"x","q":true}
        {"k":"合计","n":7,"s":"x","q":true}
        {"k":"y","n":7,"s":"x","q":false}

        """)
    #expect((try? ValueCodec.decode(encoded.binary)) == rows)
    Self.expectSame(rows, schema)
  }

  /// Adversarial values (from a review): runs of bytes that take six bytes each in JSON and two
  /// in CSV, decimals of every scale to 19 with extreme values, short rows, repeated cells, and
  /// strings longer than the sink's first buffer. A debug build traps on a write past a
  /// reservation, so a cell writer that reserves too little fails here.
  static let extremes: [Int64] = [Int64.min, Int64.min + 1, Int64.max, 0, -1, 1, 9, 10, -10, 999_999_999_999_999_999, -1_000_000_000_000_000_000]

  static func randomValue(_ rng: inout SplitMix64) -> Value {
    let pieces = [
      "\u{1}", "\u{1F}", "\u{0}", "\u{7F}", "\"", "\\", ",", "\n", "\r", "\r\n", "\t", "合计", "é", "e\u{301}", "\u{FFFD}",
      "\u{200D}", "\u{3000}", "\u{A0}", "|", "a", " ", "\u{2028}", "👍🏽", "\u{F9FA}",
    ]
    func i64() -> Int64 {
      rng.below(2) == 0 ? extremes[rng.below(extremes.count)] : Int64(bitPattern: rng.next() >> UInt64(rng.below(64)))
    }
    switch rng.below(7) {
    case 0: return .null
    case 1:
      if rng.below(20) == 0 {
        // Long runs of bytes that each escape to 6 bytes in JSON and quote-double in CSV.
        let unit = ["\u{1}", "\"", "\u{1F}"][rng.below(3)]
        return .string(String(repeating: unit, count: 1 + rng.below(9000)))
      }
      return .string(rng.text(from: pieces, fewerThan: 12))
    case 2: return .int(i64())
    case 3, 4: return .decimal(unscaled: i64(), scale: rng.below(20))
    case 5: return .bool(rng.below(2) == 0)
    default: return .string("")
    }
  }

  @Test func adversarialValuesAsTheSeparateEncodersWriteThem() {
    var rng = SplitMix64(seed: 0xBEEF)
    for round in 0..<300 {
      let width = 1 + rng.below(8)
      let names = ["a", "b\"q", "c\\d", "\u{1}e", "合计", "f,g", "h\ni", "j"]
      let schema = DatasetSchema(
        name: "t", title: "T", description: "",
        columns: (0..<width).map { ColumnSpec(names[$0] + "\($0)", .string, nullable: true, "") }, primaryKey: [])
      var rows: [[Value]] = []
      for r in 0..<rng.below(60) {
        let n = rng.below(4) == 0 ? rng.below(width + 1) : width
        var row: [Value] = []
        for c in 0..<n {
          if r > 0, c < rows[r - 1].count, rng.below(2) == 0 { row.append(rows[r - 1][c]) } else { row.append(Self.randomValue(&rng)) }
        }
        rows.append(row)
      }
      let together = DocumentRowsEncoder.encode(rows, schema: schema)
      let apart = Self.separately(rows, schema)
      #expect(together.csv == apart.csv, "round \(round)")
      #expect(together.jsonl == apart.jsonl, "round \(round)")
      #expect(together.binary == apart.binary, "round \(round)")
      Self.expectReferenceEncoders(rows, schema, "round \(round)")
    }
  }

  /// The bundle encodes a document's items straight from their cells (``DocumentResult/encodedRows(of:)``):
  /// the bytes the oracle writes for their rows of values, over the seeds and, when the
  /// benchmark archive is there, 60 of its documents.
  static func expectItemsEncodedAsTheirRows(_ result: DocumentResult, _ comment: String) {
    for schema in Datasets.all where schema.name != Datasets.sources.name {
      let rows = result.rows(of: schema)
      let encoded = result.encodedRows(of: schema)
      let (rowCount, csv, jsonl, binary) = (encoded.rowCount, encoded.csv.bytes, encoded.jsonl.bytes, encoded.binary.bytes)
      let apart = separately(rows, schema)
      #expect(rowCount == rows.count, "\(comment) \(schema.name)")
      #expect(csv == apart.csv, "\(comment) \(schema.name)")
      #expect(jsonl == apart.jsonl, "\(comment) \(schema.name)")
      #expect(binary == apart.binary, "\(comment) \(schema.name)")
    }
  }

  @Test(arguments: Seed.allCases) func itemsOfASeedAsTheirRows(_ seed: Seed) throws {
    let processed = DocumentProcessor().process(relativePath: "\(seed.rawValue).txt", bytes: seed.bytes)
    let result = try #require(processed.result)
    #expect(!result.lineItems.isEmpty)
    Self.expectItemsEncodedAsTheirRows(result, "\(seed)")
  }

  @Test func itemsOfArchiveDocumentsAsTheirRows() throws {
    let generator = ArchiveGenerator(templates: ArchiveGeneratorTests.templates, seed: 1)
    var documents = 0
    for i in 0..<60 {
      let document = generator.document(i)
      let processed = DocumentProcessor().process(relativePath: document.relativePath, bytes: document.bytes)
      guard let result = processed.result else { continue }
      documents += 1
      Self.expectItemsEncodedAsTheirRows(result, document.relativePath)
    }
    #expect(documents == 60)
  }

  /// An item's row is its cells in the schema's order, as the array each `row` was written as
  /// before the cells: every optional both ways, exact values.
  @Test func aLineItemsRowHoldsItsFieldsInOrder() {
    var item = LineItem(
      docID: "d", fiscalYear: 2024, agency: "局", tableID: "t001", tableType: .generalByFunction, rowNo: 3,
      colNo: 4, parentRowNo: 2, rowKind: .detail, section: "s", label: "l", functionCode: "20101", econCode: "301",
      govEconCode: "501", agencyCode: "1", projectCode: "p", measure: "m", measureKind: .part, amountFen: -12345,
      sourceValue: "-123.45", sourceUnit: "元", isTotal: false, sourceLine: 9, sourcePage: 1, printedNo: "一")
    #expect(
      item.row == [
        .string("d"), .int(2024), .string("局"), .string("t001"), .string(item.tableType.rawValue), .int(3), .int(4), .int(2),
        .string("detail"), .string("s"), .string("l"), .string("20101"), .int(2), .string("301"), .int(1), .string("501"),
        .string("1"), .string("p"), .string("m"), .string("part"), .decimal(unscaled: -12345, scale: 2), .string("-123.45"),
        .string("元"), .bool(false), .int(9), .int(1), .string("一"),
      ])
    item.fiscalYear = nil
    item.agency = ""
    item.parentRowNo = nil
    item.section = nil
    item.functionCode = nil
    item.econCode = "3011"
    item.govEconCode = nil
    item.agencyCode = nil
    item.projectCode = nil
    item.sourcePage = nil
    item.printedNo = nil
    item.isTotal = true
    #expect(
      item.row == [
        .string("d"), .null, .null, .string("t001"), .string(item.tableType.rawValue), .int(3), .int(4), .null,
        .string("detail"), .null, .string("l"), .null, .null, .string("3011"), .null, .null,
        .null, .null, .string("m"), .string("part"), .decimal(unscaled: -12345, scale: 2), .string("-123.45"),
        .string("元"), .bool(true), .int(9), .null, .null,
      ])
  }

  /// ``ByteSink/bytesEqual(_:_:)``, which compares short runs by their ends, says what
  /// `elementsEqual` says: every length to 40, equal runs and runs that differ in one byte.
  @Test func byteSinkComparesRunsAsElementsEqual() {
    var rng = SplitMix64(seed: 0x5EED)
    var sink = ByteSink()
    var copy: [UInt8] = []
    for _ in 0..<4000 {
      let byte = UInt8(truncatingIfNeeded: rng.below(3))
      sink.reserve(1)
      sink.put(byte)
      copy.append(byte)
    }
    var differing = 0
    for _ in 0..<20000 {
      let length = rng.below(41)
      let a = rng.below(copy.count - length)
      var b = rng.below(copy.count - length)
      if rng.below(3) == 0 {
        // The same bytes.
        b = a
      }
      let lengthB = rng.below(8) == 0 ? length + rng.below(2) : length
      let expected = copy[a..<(a + length)].elementsEqual(copy[b..<(b + lengthB)])
      if !expected { differing += 1 }
      let equal = sink.bytesEqual(a..<(a + length), b..<(b + lengthB))
      #expect(equal == expected, "\(a) \(b) \(length) \(lengthB)")
    }
    #expect(differing > 1000)
    var other = ByteSink()
    other.reserve(34)
    for k in 0..<17 { other.put(UInt8(k)) }
    for k in 0..<17 { other.put(UInt8(k == 16 ? 99 : k)) }
    let results = [other.bytesEqual(0..<17, 17..<34), other.bytesEqual(0..<16, 17..<33), other.bytesEqual(1..<17, 18..<34)]
    #expect(results == [false, true, false])
    // Every length the ends are compared for, equal and then differing at each position in turn.
    for length in 0...20 {
      for changed in -1..<length {
        var pair = ByteSink()
        pair.reserve(2 * length)
        for k in 0..<length { pair.put(UInt8(k + 1)) }
        for k in 0..<length { pair.put(UInt8(k == changed ? 0 : k + 1)) }
        #expect(pair.bytesEqual(0..<length, length..<(2 * length)) == (changed < 0), "\(length) \(changed)")
      }
    }
  }
}

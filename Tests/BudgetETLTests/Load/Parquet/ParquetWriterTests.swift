import Foundation
import Testing

@testable import BudgetETL

@Suite struct ParquetWriterTests {
  /// A fresh path in a fresh temporary directory.
  static func temporaryPath(_ name: String = "t.parquet") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parquet-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  static func schema(_ columns: [ColumnSpec]) -> DatasetSchema {
    DatasetSchema(name: "test", title: "Test", description: "", columns: columns, primaryKey: [])
  }

  /// Writes `rows` and reads the file back.
  static func roundTrip(
    _ columns: [ColumnSpec], _ rows: [[Value]], rowGroupRows: Int = 65_536, limits: ParquetWriterLimits = .standard
  ) throws -> ParquetTestFile {
    let path = try temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    let writer = try ParquetWriter(
      schema: schema(columns), path: path, compressionLevel: 6, rowGroupRows: rowGroupRows, createdBy: "test",
      limits: limits)
    for row in rows { try writer.write(row: row) }
    try writer.close()
    return try ParquetTestFile(path: path)
  }

  @Test func dictionaryPageForABA() throws {
    let file = try Self.roundTrip(
      [ColumnSpec("s", .string, nullable: false, "")], [[.string("a")], [.string("b")], [.string("a")]])
    let pages = try file.pages(rowGroup: 0, column: 0)
    #expect(pages.count == 2)
    // Dictionary page: PLAIN "a", "b" = 01 00 00 00 61 01 00 00 00 62.
    #expect(pages[0].type == 2)
    #expect(pages[0].header[7]?.fields?[1]?.int == 2)  // num_values
    #expect(pages[0].header[7]?.fields?[2]?.int == 0)  // PLAIN
    #expect(pages[0].data == [0x01, 0x00, 0x00, 0x00, 0x61, 0x01, 0x00, 0x00, 0x00, 0x62])
    // Data page: bit width 1, then indices [0, 1, 0] as one bit-packed group: 03 02.
    // REQUIRED column: no definition levels.
    #expect(pages[1].type == 0)
    #expect(pages[1].header[5]?.fields?[1]?.int == 3)
    #expect(pages[1].header[5]?.fields?[2]?.int == 8)  // RLE_DICTIONARY
    #expect(pages[1].data == [0x01, 0x03, 0x02])
    let meta = file.columnMetaData(rowGroup: 0, column: 0)
    #expect(meta[2]?.list == [.int(0), .int(3), .int(8)])  // PLAIN, RLE, RLE_DICTIONARY
    #expect(meta[4]?.int == 2)  // GZIP
    #expect(meta[5]?.int == 3)
    #expect(meta[11]?.int == 4)  // the dictionary page follows the magic
    #expect(meta[9]!.int! > 4)
    let stats = meta[12]!.fields!
    #expect(stats[3]?.int == 0)
    #expect(stats[6]?.binary == [0x61])
    #expect(stats[5]?.binary == [0x62])
    #expect(try file.values(column: 0) == [.string("a"), .string("b"), .string("a")])
  }

  @Test func allNullColumn() throws {
    let file = try Self.roundTrip([ColumnSpec("s", .string, "")], [[.null], [.null], [.null]])
    let pages = try file.pages(rowGroup: 0, column: 0)
    #expect(pages.count == 1)
    // No dictionary; the data page is only definition levels: length 2, then three 0s, too
    // short a run for RLE, as one zero-padded bit-packed group (header 1 << 1 | 1 = 03, 00).
    #expect(pages[0].header[5]?.fields?[2]?.int == 0)
    #expect(pages[0].data == [0x02, 0x00, 0x00, 0x00, 0x03, 0x00])
    let stats = file.columnMetaData(rowGroup: 0, column: 0)[12]!.fields!
    #expect(stats[3]?.int == 3)
    #expect(stats[5] == nil && stats[6] == nil)
    #expect(try file.values(column: 0) == [.null, .null, .null])
  }

  @Test func definitionLevelsOfEightValuesAndANull() throws {
    let rows: [[Value]] = (1...8).map { [.int($0)] } + [[.null]]
    let file = try Self.roundTrip([ColumnSpec("n", .int32, "")], rows)
    let page = try file.pages(rowGroup: 0, column: 0)[0]
    // Levels 1×8 then 0: 04 00 00 00 | 10 01 | 03 00; then eight INT32 little-endian.
    var expected: [UInt8] = [0x04, 0x00, 0x00, 0x00, 0x10, 0x01, 0x03, 0x00]
    for i in 1...8 { expected += [UInt8(i), 0, 0, 0] }
    #expect(page.data == expected)
    let stats = file.columnMetaData(rowGroup: 0, column: 0)[12]!.fields!
    #expect(stats[3]?.int == 1)
    #expect(stats[6]?.binary == [1, 0, 0, 0])
    #expect(stats[5]?.binary == [8, 0, 0, 0])
  }

  @Test func emptyDatasetIsAValidFile() throws {
    let path = try Self.temporaryPath()
    let writer = try ParquetWriter(
      schema: Datasets.lineItems, path: path, compressionLevel: 6, createdBy: "budget-etl test")
    try writer.close()
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(Array(bytes.prefix(4)) == Array("PAR1".utf8))
    #expect(Array(bytes.suffix(4)) == Array("PAR1".utf8))
    let file = try ParquetTestFile(bytes: bytes)
    #expect(file.numRows == 0)
    #expect(file.rowGroups.isEmpty)
    #expect(file.schema.count == Datasets.lineItems.columns.count + 1)
    #expect(file.schema[0][5]?.int == Int64(Datasets.lineItems.columns.count))
    #expect(file.footer[6]?.string == "budget-etl test")
    #expect(file.footer[7]?.list?.count == Datasets.lineItems.columns.count)
  }

  @Test func multiByteUTF8IsStoredAsItsBytes() throws {
    let text = "卫生健康支出"
    let utf8 = Array(text.utf8)
    #expect(utf8.count == 18)
    let file = try Self.roundTrip([ColumnSpec("s", .string, "")], [[.string(text)], [.null], [.string("卫生")]])
    let pages = try file.pages(rowGroup: 0, column: 0)
    // Dictionary: 12 00 00 00 + 18 bytes, 06 00 00 00 + "卫生" (6 bytes).
    #expect(pages[0].data == [0x12, 0, 0, 0] + utf8 + [0x06, 0, 0, 0] + Array("卫生".utf8))
    let stats = file.columnMetaData(rowGroup: 0, column: 0)[12]!.fields!
    #expect(stats[6]?.binary == Array("卫生".utf8))  // a prefix sorts first
    #expect(stats[5]?.binary == utf8)
    #expect(try file.values(column: 0) == [.string(text), .null, .string("卫生")])
    let element = file.schema[1]
    #expect(element[1]?.int == 6)  // BYTE_ARRAY
    #expect(element[6]?.int == 0)  // UTF8
    #expect(element[10]?.fields?[1] != nil)  // LogicalType STRING
  }

  @Test func stringsSortAsUnsignedBytes() throws {
    // "é" (C3 A9) > "z" (7A) unsigned; a signed comparison would put it first.
    let file = try Self.roundTrip(
      [ColumnSpec("s", .string, nullable: false, "")], [[.string("z")], [.string("é")], [.string("a")]])
    let stats = file.columnMetaData(rowGroup: 0, column: 0)[12]!.fields!
    #expect(stats[6]?.binary == Array("a".utf8))
    #expect(stats[5]?.binary == Array("é".utf8))
  }

  @Test func canonicallyEquivalentStringsStayDistinct() throws {
    // Swift's String == says these are equal; the dictionary must not merge them.
    let composed = "\u{E9}"
    let decomposed = "e\u{301}"
    let file = try Self.roundTrip(
      [ColumnSpec("s", .string, nullable: false, "")], [[.string(composed)], [.string(decomposed)]])
    let values = try file.values(column: 0)
    guard case .string(let first) = values[0], case .string(let second) = values[1] else {
      Issue.record("expected strings")
      return
    }
    #expect(Array(first.utf8) == [0xC3, 0xA9])
    #expect(Array(second.utf8) == [0x65, 0xCC, 0x81])
  }

  @Test func negativeAndLargeDecimals() throws {
    let money = ColumnSpec("amount_yuan", .decimal(precision: 18, scale: 2), nullable: false, "")
    let file = try Self.roundTrip([money], [[.fen(-1200)], [.fen(9_999_999_999_999_999)], [.fen(0)]])
    let page = try file.pages(rowGroup: 0, column: 0)[0]
    // -1200 = 0xFFFF_FFFF_FFFF_FB50; 9_999_999_999_999_999 = 0x0023_86F2_6FC0_FFFF; 0.
    let minus1200: [UInt8] = [0x50, 0xFB, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
    let large: [UInt8] = [0xFF, 0xFF, 0xC0, 0x6F, 0xF2, 0x86, 0x23, 0x00]
    #expect(page.data == minus1200 + large + [0, 0, 0, 0, 0, 0, 0, 0])
    let stats = file.columnMetaData(rowGroup: 0, column: 0)[12]!.fields!
    #expect(stats[6]?.binary == minus1200)  // signed order
    #expect(stats[5]?.binary == large)
    let element = file.schema[1]
    #expect(element[1]?.int == 2)  // INT64
    #expect(element[3]?.int == 0)  // REQUIRED
    #expect(element[6]?.int == 5)  // DECIMAL
    #expect(element[7]?.int == 2 && element[8]?.int == 18)
    #expect(element[10]?.fields?[5]?.fields?[1]?.int == 2)
    #expect(element[10]?.fields?[5]?.fields?[2]?.int == 18)
  }

  @Test func decimalsAreRescaledExactlyOrRejected() throws {
    let target = ColumnSpec("target_value", .decimal(precision: 18, scale: 4), "")
    let path = try Self.temporaryPath()
    let writer = try ParquetWriter(schema: Self.schema([target]), path: path, compressionLevel: 1, createdBy: "t")
    try writer.write(row: [.decimal(unscaled: 5, scale: 0)])  // 5 -> 5.0000
    try writer.write(row: [.decimal(unscaled: 1_250_000, scale: 6)])  // 1.250000 -> 1.2500
    #expect(throws: ParquetWriterError.self) { try writer.write(row: [.decimal(unscaled: 1_234_567, scale: 6)]) }
    #expect(throws: ParquetWriterError.self) {
      try writer.write(row: [.decimal(unscaled: 1_000_000_000_000_000, scale: 0)])  // 10^18 needs 23 digits at scale 4
    }
    #expect(throws: ParquetWriterError.self) { try writer.write(row: [.int(5)]) }
    try writer.close()
    let file = try ParquetTestFile(path: path)
    #expect(file.numRows == 2)
    #expect(try file.values(column: 0) == [.decimal(unscaled: 50_000, scale: 4), .decimal(unscaled: 12_500, scale: 4)])
  }

  static let rescalingCases: [(Int64, Int, Int, Int64?)] = [
    (5, 0, 2, 500), (1230, 3, 2, 123), (1234, 3, 2, nil), (-1200, 2, 2, -1200),
    (999_999_999_999_999_999, 2, 2, 999_999_999_999_999_999), (Int64.max, 0, 2, nil), (1, -1, 2, nil),
    (0, 40, 2, 0), (0, 0, 40, 0), (1, 0, 40, nil),
  ]

  @Test(arguments: rescalingCases)
  func rescaling(unscaled: Int64, scale: Int, target: Int, expected: Int64?) {
    #expect(ParquetColumn.unscaled(unscaled, scale: scale, toScale: target, precision: 18) == expected)
  }

  @Test func booleansArePackedBits() throws {
    let file = try Self.roundTrip(
      [ColumnSpec("b", .boolean, nullable: false, "")], [[.bool(true)], [.bool(false)], [.bool(true)]])
    #expect(try file.pages(rowGroup: 0, column: 0)[0].data == [0x05])
    let stats = file.columnMetaData(rowGroup: 0, column: 0)[12]!.fields!
    #expect(stats[6]?.binary == [0] && stats[5]?.binary == [1])
  }

  @Test func int64ValuesAndStatistics() throws {
    let file = try Self.roundTrip(
      [ColumnSpec("bytes", .int64, "")], [[.int(5_000_000_000)], [.int(-7)], [.null]])
    #expect(try file.values(column: 0) == [.int(5_000_000_000), .int(-7), .null])
    let stats = file.columnMetaData(rowGroup: 0, column: 0)[12]!.fields!
    #expect(stats[6]?.binary == [0xF9, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
    #expect(stats[5]?.binary == [0x00, 0xF2, 0x05, 0x2A, 0x01, 0x00, 0x00, 0x00])
  }

  @Test func badRowsAreRejectedWithoutHarm() throws {
    let columns = [ColumnSpec("id", .string, nullable: false, ""), ColumnSpec("n", .int32, "")]
    let path = try Self.temporaryPath()
    let writer = try ParquetWriter(schema: Self.schema(columns), path: path, compressionLevel: 6, createdBy: "t")
    try writer.write(row: [.string("a"), .int(1)])
    #expect(throws: ParquetWriterError.rowWidth(dataset: "test", row: 2, expected: 2, actual: 1)) {
      try writer.write(row: [.string("b")])
    }
    // The string is checked before anything is appended, so the later int32 error leaves no trace.
    #expect(throws: ParquetWriterError.self) { try writer.write(row: [.string("b"), .int(Int64(Int32.max) + 1)]) }
    #expect(throws: ParquetWriterError.self) { try writer.write(row: [.null, .int(1)]) }
    #expect(throws: ParquetWriterError.self) { try writer.write(row: [.int(3), .int(1)]) }
    try writer.write(row: [.string("c"), .null])
    try writer.close()
    let file = try ParquetTestFile(path: path)
    #expect(try file.values(column: 0) == [.string("a"), .string("c")])
    #expect(try file.values(column: 1) == [.int(1), .null])
  }

  @Test func errorsNameTheDatasetColumnAndRow() {
    let error = ParquetWriterError.invalidValue(
      dataset: "line_items", column: "amount_yuan", row: 7, value: "1.234", reason: "is not exactly a decimal(18, 2)")
    #expect(
      error.errorDescription
        == "line_items row 7, column amount_yuan: 1.234 is not exactly a decimal(18, 2); the row was not written.")
  }

  @Test func unsupportedSchemasAndSettingsThrow() throws {
    let path = try Self.temporaryPath()
    #expect(throws: ParquetWriterError.self) {
      _ = try ParquetWriter(
        schema: Self.schema([ColumnSpec("x", .decimal(precision: 20, scale: 2), "")]), path: path, compressionLevel: 6,
        createdBy: "t")
    }
    #expect(throws: ParquetWriterError.self) {
      _ = try ParquetWriter(schema: Datasets.checks, path: path, compressionLevel: 10, createdBy: "t")
    }
    #expect(throws: ParquetWriterError.self) {
      _ = try ParquetWriter(schema: Datasets.checks, path: path, compressionLevel: 6, rowGroupRows: 0, createdBy: "t")
    }
    #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    #expect(throws: ParquetWriterError.self) {
      _ = try ParquetWriter(
        schema: Datasets.checks, path: "/nonexistent-dir/x.parquet", compressionLevel: 6, createdBy: "t")
    }
  }

  @Test func publishesOnlyOnClose() throws {
    let path = try Self.temporaryPath()
    let writer = try ParquetWriter(
      schema: Self.schema([ColumnSpec("n", .int64, nullable: false, "")]), path: path, compressionLevel: 6,
      rowGroupRows: 10, createdBy: "t")
    for i in 0..<25 { try writer.write(row: [.int(Int64(i))]) }  // two row groups already flushed
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(FileManager.default.fileExists(atPath: path + ".tmp"))
    try writer.close()
    #expect(FileManager.default.fileExists(atPath: path))
    #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
  }

  @Test func abandonedWriterLeavesNothing() throws {
    let path = try Self.temporaryPath()
    do {
      let writer = try ParquetWriter(schema: Datasets.checks, path: path, compressionLevel: 6, createdBy: "t")
      #expect(FileManager.default.fileExists(atPath: path + ".tmp"))
      _ = writer
    }
    #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func rowGroupsAndPagesSplitAtTheirLimits() throws {
    var limits = ParquetWriterLimits.standard
    limits.maxPageRows = 100
    let rows: [[Value]] = (0..<1_050).map { (i: Int) -> [Value] in
      let flag: Value = i % 5 == 0 ? .null : .bool(i % 2 == 0)
      return [.int(Int64(i)), .string("k\(i % 3)"), flag]
    }
    let file = try Self.roundTrip(
      [
        ColumnSpec("n", .int32, nullable: false, ""), ColumnSpec("s", .string, nullable: false, ""),
        ColumnSpec("b", .boolean, ""),
      ],
      rows, rowGroupRows: 500, limits: limits)
    #expect(file.numRows == 1_050)
    #expect(file.rowGroups.map { $0[3]?.int } == [500, 500, 50])
    #expect(file.rowGroups.map { $0[7]?.int } == [0, 1, 2])  // ordinals
    #expect(try file.pages(rowGroup: 0, column: 0).count == 5)
    #expect(try file.pages(rowGroup: 0, column: 1).count == 6)  // dictionary + 5 data pages
    #expect(try file.values(column: 0) == rows.map { $0[0] })
    #expect(try file.values(column: 1) == rows.map { $0[1] })
    #expect(try file.values(column: 2) == rows.map { $0[2] })
    // Each row group's file_offset is its first column's first page.
    for g in 0..<3 {
      let first = file.columnMetaData(rowGroup: g, column: 0)
      #expect(file.rowGroups[g][5]?.int == (first[11]?.int ?? first[9]?.int))
    }
    let stats = file.columnMetaData(rowGroup: 1, column: 0)[12]!.fields!
    #expect(stats[6]?.binary == [0xF4, 0x01, 0, 0] && stats[5]?.binary == [0xE7, 0x03, 0, 0])  // 500, 999
  }

  @Test func mostlyDistinctOrLargeDictionariesFallBackToPlain() throws {
    var limits = ParquetWriterLimits.standard
    limits.distinctCheckMinValues = 10
    limits.maxDictionaryBytes = 64
    let s = ColumnSpec("s", .string, nullable: false, "")
    // 20 distinct of 20: over 40%, PLAIN.
    let distinct = try Self.roundTrip([s], (0..<20).map { [.string("v\($0)")] }, limits: limits)
    let distinctPages = try distinct.pages(rowGroup: 0, column: 0)
    #expect(distinctPages.count == 1 && distinctPages[0].header[5]?.fields?[2]?.int == 0)
    #expect(distinct.columnMetaData(rowGroup: 0, column: 0)[11] == nil)
    #expect(try distinct.values(column: 0) == (0..<20).map { .string("v\($0)") })
    // Few distinct values, but their bytes pass 64: switches to PLAIN while buffering.
    let longRows: [[Value]] = (0..<40).map { [.string(String(repeating: "长", count: 10) + "\($0 % 4)")] }
    let long = try Self.roundTrip([s], longRows, limits: limits)
    #expect(try long.pages(rowGroup: 0, column: 0).count == 1)
    #expect(try long.values(column: 0) == longRows.map { $0[0] })
    // 4 distinct of 40: dictionary.
    limits.maxDictionaryBytes = 1 << 20
    let few = try Self.roundTrip([s], longRows, limits: limits)
    #expect(try few.pages(rowGroup: 0, column: 0).map(\.type) == [2, 0])
  }

  @Test func eachDictionaryPageHasTheBitWidthOfTheDictionaryWhenItWasEncoded() throws {
    var limits = ParquetWriterLimits.standard
    limits.maxPageRows = 4
    let values = ["a", "b", "a", "b", "c", "d", "e", "a"]
    let file = try Self.roundTrip(
      [ColumnSpec("s", .string, nullable: false, "")], values.map { [.string($0)] }, limits: limits)
    let pages = try file.pages(rowGroup: 0, column: 0)
    #expect(pages.map(\.type) == [2, 0, 0])
    // The dictionary page, written last, holds all five values in order of appearance.
    #expect(pages[0].header[7]?.fields?[1]?.int == 5)
    // First page: 2 entries so far, bit width 1, indices 0 1 0 1 (one bit-packed group: 03 0A).
    #expect(pages[1].data == [0x01, 0x03, 0x0A])
    // Second page: 5 entries, bit width 3, indices 2 3 4 0.
    #expect(pages[2].data.first == 3)
    #expect(try file.values(column: 0) == values.map { .string($0) })
  }

  @Test func aDictionaryOutgrownAfterItsFirstPagesFallsBackToPlainForTheRest() throws {
    var limits = ParquetWriterLimits.standard
    limits.maxPageRows = 2
    limits.maxDictionaryBytes = 8
    let values = ["aa", "aa", "bbbbbbbb", "cc", "aa"]
    let file = try Self.roundTrip(
      [ColumnSpec("s", .string, nullable: false, "")], values.map { [.string($0)] }, limits: limits)
    let pages = try file.pages(rowGroup: 0, column: 0)
    // The dictionary (aa, bbbbbbbb), two dictionary-encoded pages (the second ends where the
    // dictionary outgrew its limit), then PLAIN.
    #expect(pages.map(\.type) == [2, 0, 0, 0])
    #expect(pages[0].data == [2, 0, 0, 0] + Array("aa".utf8) + [8, 0, 0, 0] + Array("bbbbbbbb".utf8))
    #expect(pages.dropFirst().map { $0.header[5]?.fields?[2]?.int } == [8, 8, 0])
    #expect(pages[3].data == [2, 0, 0, 0] + Array("cc".utf8) + [2, 0, 0, 0] + Array("aa".utf8))
    let meta = file.columnMetaData(rowGroup: 0, column: 0)
    #expect(meta[2]?.list == [.int(0), .int(3), .int(8)])  // PLAIN, RLE, RLE_DICTIONARY
    let stats = meta[12]!.fields!
    #expect(stats[6]?.binary == Array("aa".utf8))
    #expect(stats[5]?.binary == Array("cc".utf8))
    #expect(try file.values(column: 0) == values.map { .string($0) })
  }

  @Test func aFirstPageOfNullsLeavesTheChunkPlain() throws {
    var limits = ParquetWriterLimits.standard
    limits.maxPageRows = 2
    let rows: [[Value]] = [[.null], [.null], [.string("x")], [.string("y")]]
    let file = try Self.roundTrip([ColumnSpec("s", .string, "")], rows, limits: limits)
    let pages = try file.pages(rowGroup: 0, column: 0)
    #expect(pages.map(\.type) == [0, 0])
    #expect(pages.map { $0.header[5]?.fields?[2]?.int } == [0, 0])
    #expect(file.columnMetaData(rowGroup: 0, column: 0)[11] == nil)
    let stats = file.columnMetaData(rowGroup: 0, column: 0)[12]!.fields!
    #expect(stats[3]?.int == 2 && stats[6]?.binary == Array("x".utf8) && stats[5]?.binary == Array("y".utf8))
    #expect(try file.values(column: 0) == rows.map { $0[0] })
  }

  /// A row group is held as compressed pages in an unnamed scratch file: a slowly filling
  /// dataset (one row per document) holds neither its values nor its pages in memory until
  /// 65,536 rows are in, and nothing but the temporary Parquet file shows in the folder.
  @Test func aRowGroupIsHeldCompressedOnDiskNotAsValues() throws {
    let path = try Self.temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    let writer = try ParquetWriter(
      schema: Self.schema([
        ColumnSpec("n", .int64, nullable: false, ""), ColumnSpec("doc", .string, nullable: false, ""),
      ]),
      path: path, compressionLevel: 6, rowGroupRows: 1_000_000, createdBy: "test")
    let rows: [[Value]] = (0..<100_000).map { [.int(Int64($0 % 1_000)), .string("文件\($0 % 7)")] }
    for row in rows { try writer.write(row: row) }
    // Unencoded, the values alone take 100,000 × (8 + 4) bytes. Held in memory: the 7-entry
    // dictionary and the values since the last page, 1,696 INT64s (the string column's pages
    // end every 20,000 rows, so none of its indices are left).
    #expect(writer.heldByteCount == 1_696 * 8 + "文件0".utf8.count * 7)
    let folder = (path as NSString).deletingLastPathComponent
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [(path as NSString).lastPathComponent + ".tmp"])
    try writer.close()
    let file = try ParquetTestFile(path: path)
    #expect(file.rowGroups.count == 1)
    // INT64 pages end at 128 KiB of values: six of 16,384 rows, then 1,696.
    let pageRows = try file.pages(rowGroup: 0, column: 0).map { $0.header[5]?.fields?[1]?.int }
    #expect(pageRows == [16_384, 16_384, 16_384, 16_384, 16_384, 16_384, 1_696])
    #expect(try file.values(column: 0) == rows.map { $0[0] })
    #expect(try file.values(column: 1) == rows.map { $0[1] })
  }

  /// Pages too large for the scratch file's 64 KiB buffer go to it directly, and come back in
  /// several reads when the row group is written: the values read back are the ones written,
  /// and while the row group is open its pages take disk, not memory.
  @Test func largePagesGoThroughTheScratchFileAndBackWhole() throws {
    let path = try Self.temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    let writer = try ParquetWriter(
      schema: Self.schema([ColumnSpec("s", .string, nullable: false, "")]),
      path: path, compressionLevel: 6, rowGroupRows: 1_000_000, createdBy: "test")
    // Distinct hex strings: PLAIN, and about 4 bits per byte, so a 128 KiB page compresses to
    // about 70 KiB, more than the scratch file's buffer.
    var state: UInt64 = 11
    let rows: [[Value]] = (0..<12_000).map { i in
      var text = "第\(i)行 "
      for _ in 0..<4 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += String(state, radix: 16)
      }
      return [.string(text)]
    }
    for row in rows { try writer.write(row: row) }
    // About 890 KB of values: six full pages are encoded, all of them in the file.
    #expect(writer.spilledFileSize > 6 * 64 * 1024)
    #expect(writer.heldByteCount < 140 * 1024)
    try writer.close()
    let file = try ParquetTestFile(path: path)
    #expect(file.rowGroups.count == 1)
    #expect(try file.pages(rowGroup: 0, column: 0).count >= 7)
    #expect(try file.values(column: 0) == rows.map { $0[0] })
  }

  /// A row group also ends, at a multiple of 1,024 rows, once its compressed pages and
  /// dictionaries pass `maxRowGroupBytes`, whatever `rowGroupRows` says.
  @Test func aRowGroupEndsOnceItsCompressedPagesPassTheLimit() throws {
    var limits = ParquetWriterLimits.standard
    limits.maxRowGroupBytes = 64 << 10
    limits.maxPageRows = 1_000
    var state: UInt64 = 7
    let rows: [[Value]] = (0..<20_000).map { i in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return [.string("第\(i)段 \(String(state, radix: 16))")]
    }
    let file = try Self.roundTrip(
      [ColumnSpec("s", .string, nullable: false, "")], rows, rowGroupRows: 1_000_000, limits: limits)
    let groupRows = file.rowGroups.map { Int($0[3]!.int!) }
    #expect(groupRows.count > 2)
    #expect(groupRows.dropLast().allSatisfy { $0 % 1_024 == 0 })
    #expect(groupRows.reduce(0, +) == 20_000)
    #expect(try file.values(column: 0) == rows.map { $0[0] })
  }

  /// The load feeds Parquet a bundle's encoded rows: they give the file `write(row:)` gives
  /// on the decoded rows, for every dataset (with row groups and dictionary pages).
  @Test(arguments: Datasets.all.map(\.name))
  func encodedRowsGiveTheBytesOfDecodedRows(dataset: String) throws {
    let schema = try #require(Datasets.all.first { $0.name == dataset })
    let rows = ParquetSampleRows.rows(for: schema, count: 3_000)
    var encoded: [UInt8] = []
    ValueCodec.encode(rows, into: &encoded)
    var files: [[UInt8]] = []
    for byBytes in [false, true] {
      let path = try Self.temporaryPath()
      defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
      let writer = try ParquetWriter(schema: schema, path: path, compressionLevel: 6, rowGroupRows: 1_000, createdBy: "x")
      if byBytes { try writer.write(encodedRows: encoded) } else { for row in rows { try writer.write(row: row) } }
      try writer.close()
      files.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
      if byBytes { #expect(try ParquetTestFile(path: path).values(column: 0) == rows.map { $0[0] }) }
    }
    #expect(files[0] == files[1])
  }

  /// Strings repeated from the row above take the dictionary index of the value before them:
  /// the file is the one `write(row:)` gives, across pages, row groups (a new dictionary), the
  /// switch to PLAIN of a mostly distinct chunk and the fallback of an outgrown dictionary after
  /// its pages, with nulls between runs; written in one call and a document at a time.
  @Test(arguments: [1, 7])
  func repeatedStringsGiveTheBytesOfDecodedRows(documents: Int) throws {
    var limits = ParquetWriterLimits.standard
    limits.maxPageRows = 50
    limits.distinctCheckMinValues = 40
    limits.maxDictionaryBytes = 600
    var rng = SplitMix64(seed: 3)
    var runs = (0, 0, 0)
    let rows: [[Value]] = (0..<700).map { i in
      // Column 0 repeats long runs of few values; 1 short runs of ever more values (its
      // dictionary outgrows the limit after pages); 2 is mostly distinct, with repeats.
      if rng.next() % 9 == 0 { runs.0 += 1 }
      if rng.next() % 3 == 0 { runs.1 += 1 }
      if rng.next() % 3 != 0 { runs.2 += 1 }
      let a: Value = i % 97 == 5 ? .null : .string("单位\(runs.0 % 4)")
      return [a, .string("科目名称\(runs.1)"), rng.next() % 8 == 0 ? .null : .string("第\(runs.2)行"), .int(Int64(i / 3))]
    }
    let columns = [
      ColumnSpec("a", .string, nullable: true, ""), ColumnSpec("b", .string, nullable: false, ""),
      ColumnSpec("c", .string, nullable: true, ""), ColumnSpec("n", .int32, nullable: false, ""),
    ]
    var files: [[UInt8]] = []
    for byBytes in [false, true] {
      let path = try Self.temporaryPath()
      defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
      let writer = try ParquetWriter(
        schema: Self.schema(columns), path: path, compressionLevel: 6, rowGroupRows: 230, createdBy: "x",
        limits: limits)
      if byBytes {
        let size = (rows.count + documents - 1) / documents
        for start in stride(from: 0, to: rows.count, by: size) {
          var encoded: [UInt8] = []
          ValueCodec.encode(Array(rows[start..<min(start + size, rows.count)]), into: &encoded)
          try writer.write(encodedRows: encoded)
        }
      } else {
        for row in rows { try writer.write(row: row) }
      }
      try writer.close()
      files.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
      let file = try ParquetTestFile(path: path)
      for c in 0..<3 { #expect(try file.values(column: c) == rows.map { $0[c] }) }
    }
    #expect(files[0] == files[1])
  }

  /// Encoded rows are checked like rows: a damaged encoding writes nothing; a value that does
  /// not fit stops at its row, named as `write(row:)` names it, and the writer goes on.
  @Test func encodedRowsAreCheckedLikeRows() throws {
    let path = try Self.temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    let writer = try ParquetWriter(
      schema: Self.schema([
        ColumnSpec("s", .string, nullable: false, ""), ColumnSpec("n", .int32, nullable: true, ""),
      ]),
      path: path, compressionLevel: 6, createdBy: "t")
    var good: [UInt8] = []
    ValueCodec.encode([[.string("甲"), .int(1)], [.string("乙"), .null]], into: &good)
    #expect(throws: ValueCodec.DecodeError.truncated) { try writer.write(encodedRows: Array(good.dropLast())) }
    var bad: [UInt8] = []
    ValueCodec.encode([[.string("丙"), .int(2)], [.string("丁戊"), .int(Int64(Int32.max) + 1)]], into: &bad)
    #expect(
      throws: ParquetWriterError.invalidValue(
        dataset: "test", column: "n", row: 2, value: "2147483648", reason: "does not fit a 32-bit integer")
    ) { try writer.write(encodedRows: bad) }
    var wrongType: [UInt8] = []
    ValueCodec.encode([[.int(5), .int(3)]], into: &wrongType)
    #expect(
      throws: ParquetWriterError.invalidValue(dataset: "test", column: "s", row: 2, value: "5", reason: "is not a string")
    ) { try writer.write(encodedRows: wrongType) }
    try writer.write(encodedRows: good)
    try writer.close()
    let file = try ParquetTestFile(path: path)
    #expect(try file.values(column: 0) == [.string("丙"), .string("甲"), .string("乙")])
    #expect(try file.values(column: 1) == [.int(2), .int(1), .null])
  }

  @Test func identicalInputGivesIdenticalBytes() throws {
    var outputs: [[UInt8]] = []
    for _ in 0..<2 {
      let path = try Self.temporaryPath()
      let writer = try ParquetWriter(
        schema: Datasets.checks, path: path, compressionLevel: 6, rowGroupRows: 7, createdBy: "x")
      for row in ParquetSampleRows.rows(for: Datasets.checks, count: 50) { try writer.write(row: row) }
      try writer.close()
      outputs.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
    #expect(outputs[0] == outputs[1])
  }
}

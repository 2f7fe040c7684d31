import Testing

@testable import BudgetETL

@Suite struct ThriftCompactWriterTests {
  static let zigzagCases: [(Int64, UInt64)] = [
    (0, 0), (-1, 1), (1, 2), (-2, 3), (2, 4), (-64, 127), (64, 128),
    (Int64(Int32.max), 4_294_967_294), (Int64(Int32.min), 4_294_967_295),
    (Int64.max, UInt64.max - 1), (Int64.min, UInt64.max),
  ]

  @Test(arguments: zigzagCases)
  func zigzagMapsSignedToUnsigned(value: Int64, expected: UInt64) {
    #expect(ThriftCompactWriter.zigzag(value) == expected)
  }

  static let varintCases: [(UInt64, [UInt8])] = [
    (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
    (16_384, [0x80, 0x80, 0x01]),
    (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
  ]

  @Test(arguments: varintCases)
  func varintsAreLittleEndianBase128(value: UInt64, expected: [UInt8]) {
    var w = ThriftCompactWriter()
    w.writeVarint(value)
    #expect(w.bytes == expected)
  }

  @Test func negativeIntegersAreZigzagVarints() {
    // A struct with i32 -1 (field 1), i64 -1200 (field 2), i16 -3 (field 3):
    //   0x15 (delta 1, i32) zigzag(-1) = 1            -> 15 01
    //   0x16 (delta 1, i64) zigzag(-1200) = 2399      -> 16 DF 12   (2399 = 0x95F: 0x5F|0x80, 0x12)
    //   0x14 (delta 1, i16) zigzag(-3) = 5            -> 14 05
    //   stop                                          -> 00
    struct Negatives: ThriftStruct {
      func writeFields(to w: inout ThriftCompactWriter) {
        w.writeField(1, i32: -1)
        w.writeField(2, i64: -1200)
        w.writeField(3, i16: -3)
      }
    }
    var w = ThriftCompactWriter()
    w.writeStruct(Negatives())
    #expect(w.bytes == [0x15, 0x01, 0x16, 0xDF, 0x12, 0x14, 0x05, 0x00])
  }

  @Test func fieldIdsJumpingMoreThan15UseTheLongForm() {
    // Field 1 (bool true): 0x11. Field 20 (i32 7): delta 19 > 15, so type byte 0x05 then
    // zigzag(20) = 40 = 0x28, then zigzag(7) = 14 = 0x0E. Field 21 (bool false): delta 1,
    // 0x12. Stop.
    struct Sparse: ThriftStruct {
      func writeFields(to w: inout ThriftCompactWriter) {
        w.writeField(1, bool: true)
        w.writeField(20, i32: 7)
        w.writeField(21, bool: false)
      }
    }
    var w = ThriftCompactWriter()
    w.writeStruct(Sparse())
    #expect(w.bytes == [0x11, 0x05, 0x28, 0x0E, 0x12, 0x00])
  }

  @Test func listsOf15OrMoreUseTheLongHeader() {
    var w = ThriftCompactWriter()
    w.writeListHeader(.i32, count: 14)
    w.writeListHeader(.i32, count: 15)
    w.writeListHeader(.structure, count: 200)
    #expect(w.bytes == [0xE5, 0xF5, 0x0F, 0xFC, 0xC8, 0x01])
  }

  @Test func encodesAPageHeaderByHand() {
    // PageHeader { 1: type DATA_PAGE(0), 2: uncompressed 100, 3: compressed 50,
    //              5: DataPageHeader { 1: num_values 9, 2: PLAIN(0), 3: RLE(3), 4: RLE(3) } }
    //   15 00        field 1, i32, zigzag(0)
    //   15 C8 01     field 2, i32, zigzag(100) = 200 = 0xC8 0x01
    //   15 64        field 3, i32, zigzag(50) = 100
    //   2C           field 5 (delta 2), struct
    //     15 12      field 1, zigzag(9) = 18
    //     15 00      field 2, PLAIN
    //     15 06      field 3, zigzag(3) = 6
    //     15 06      field 4
    //     00         stop (DataPageHeader)
    //   00           stop (PageHeader)
    let header = ParquetFormat.PageHeader(
      type: .dataPage, uncompressedPageSize: 100, compressedPageSize: 50,
      dataPageHeader: .init(numValues: 9, encoding: .plain))
    var w = ThriftCompactWriter()
    w.writeStruct(header)
    #expect(
      w.bytes == [
        0x15, 0x00, 0x15, 0xC8, 0x01, 0x15, 0x64, 0x2C, 0x15, 0x12, 0x15, 0x00, 0x15, 0x06, 0x15, 0x06, 0x00, 0x00,
      ])
  }

  @Test func encodesATinyFileMetaDataByHand() {
    // FileMetaData { 1: version 1, 2: schema [root "schema" with 1 child, INT32 REQUIRED "n"],
    //                3: num_rows 0, 4: row_groups [], 6: created_by "t", 7: [TYPE_ORDER] }
    let footer = ParquetFormat.FileMetaData(
      version: 1,
      schema: [
        .init(name: "schema", numChildren: 1),
        .init(type: .int32, repetition: .required, name: "n"),
      ],
      numRows: 0, rowGroups: [], createdBy: "t", columnOrders: [.init()])
    var w = ThriftCompactWriter()
    w.writeStruct(footer)
    let expected: [UInt8] = [
      0x15, 0x02,  // 1: i32 version, zigzag(1) = 2
      0x19, 0x2C,  // 2: list, 2 elements of struct
      0x48, 0x06, 0x73, 0x63, 0x68, 0x65, 0x6D, 0x61,  //   4: name (delta 4, binary) "schema"
      0x15, 0x02,  //   5: num_children 1
      0x00,  //   stop
      0x15, 0x02,  //   1: type INT32(1)
      0x25, 0x00,  //   3: repetition REQUIRED(0) (delta 2)
      0x18, 0x01, 0x6E,  //   4: name "n"
      0x00,  //   stop
      0x16, 0x00,  // 3: i64 num_rows 0
      0x19, 0x0C,  // 4: list, 0 elements of struct
      0x28, 0x01, 0x74,  // 6: created_by "t" (delta 2)
      0x19, 0x1C,  // 7: list, 1 struct
      0x1C, 0x00, 0x00,  //   ColumnOrder { 1: TypeDefinedOrder {} }
      0x00,  // stop
    ]
    #expect(w.bytes == expected)
  }

  @Test func encodesLogicalTypes() {
    // STRING: field 1, empty struct. DECIMAL(scale 2, precision 18): field 5 (0x5C), then
    // 15 04 (scale, zigzag 4), 15 24 (precision, zigzag 36), stop; then the union's stop.
    var w = ThriftCompactWriter()
    w.writeStruct(ParquetFormat.LogicalType.string)
    #expect(w.bytes == [0x1C, 0x00, 0x00])
    w.reset()
    w.writeStruct(ParquetFormat.LogicalType.decimal(scale: 2, precision: 18))
    #expect(w.bytes == [0x5C, 0x15, 0x04, 0x15, 0x24, 0x00, 0x00])
  }

  @Test func statisticsUseTheNewMinMaxFields() {
    // null_count 0 (3: 0x36 0x00), max_value [0x02] (5, delta 2: 0x28 0x01 0x02),
    // min_value [0x01] (6: 0x18 0x01 0x01), stop.
    var w = ThriftCompactWriter()
    w.writeStruct(ParquetFormat.Statistics(nullCount: 0, maxValue: [2], minValue: [1]))
    #expect(w.bytes == [0x36, 0x00, 0x28, 0x01, 0x02, 0x18, 0x01, 0x01, 0x00])
  }

  @Test func readerRoundTripsWhatTheWriterWrote() throws {
    let footer = ParquetFormat.FileMetaData(
      version: 1, schema: [.init(name: "schema", numChildren: 0)], numRows: 123_456_789_012,
      rowGroups: [], createdBy: "卫生", columnOrders: nil)
    var w = ThriftCompactWriter()
    w.writeStruct(footer)
    var r = ThriftCompactReader(w.bytes)
    let fields = try r.readStruct()
    #expect(fields[1]?.int == 1)
    #expect(fields[3]?.int == 123_456_789_012)
    #expect(fields[6]?.string == "卫生")
    #expect(fields[7] == nil)
    #expect(r.position == w.bytes.count)
  }
}

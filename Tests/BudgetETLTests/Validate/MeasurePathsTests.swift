import Testing

@testable import BudgetETL

/// The byte reading of measure paths against the `String` reading it stands in for, on random
/// paths mixing Chinese levels, empty levels, and text that is not inert (combining marks, CJK
/// compatibility ideographs, CR LF, precomposed Latin), which the byte reading must leave to the
/// `String` one.
@Suite struct MeasurePathsTests {
  static func item(column: Int, measure: String) -> LineItem {
    LineItem(
      docID: "d", fiscalYear: nil, agency: nil, tableID: "t001", tableType: .generalByFunction, rowNo: 1,
      colNo: column, parentRowNo: nil, rowKind: .detail, section: nil, label: "", functionCode: nil, econCode: nil,
      govEconCode: nil, agencyCode: nil, projectCode: nil, measure: measure, measureKind: .part, amountFen: 0,
      sourceValue: "0", sourceUnit: "元", isTotal: false, sourceLine: 1, sourcePage: nil, printedNo: nil)
  }

  /// Everything the column-sum rule reads: each item's group and chain, the order of the ids
  /// and which ids end in a total word.
  static func expectSameReading(_ a: MeasurePaths, _ b: MeasurePaths, positions: Range<Int>, _ comment: Comment) {
    for i in positions {
      #expect(a.info(at: i).parent == b.info(at: i).parent, comment)
      #expect(a.info(at: i).chain.map(\.name) == b.info(at: i).chain.map(\.name), comment)
      #expect(a.info(at: i).chain.map(\.up) == b.info(at: i).chain.map(\.up), comment)
    }
    #expect(a.endsInTotalWord == b.endsInTotalWord, comment)
    let ids = a.endsInTotalWord.indices
    for x in ids {
      for y in ids { #expect(a.order(x, y) == b.order(x, y), comment) }
    }
  }

  @Test func aHeaderOfTwoLevels() throws {
    let measures = ["合计", "基本支出/人员经费", "基本支出/公用经费", "基本支出/合计", "项目支出", "//项目支出/"]
    let items = measures.enumerated().map { Self.item(column: $0.offset + 1, measure: $0.element) }
    let paths = try #require(MeasurePaths(inertItems: items))
    Self.expectSameReading(paths, MeasurePaths(characters: items), positions: items.indices, "")
    // "" (the top), then 基本支出 for the three parts under it.
    #expect(paths.info(at: 0).parent == paths.info(at: 4).parent)
    #expect(paths.info(at: 1).parent == paths.info(at: 2).parent)
    #expect(paths.info(at: 1).chain.count == 1)
    #expect(paths.endsInTotalWord.filter { $0 }.isEmpty)
  }

  @Test func textThatIsNotInertIsLeftToTheStringReading() {
    for measure in ["合计\u{301}", "\u{F9FA}/合计", "a\r\nb", "caf\u{E9}/合计", "e\u{301}"] {
      #expect(MeasurePaths(inertItems: [Self.item(column: 1, measure: measure)]) == nil, "\(measure.debugDescription)")
    }
  }

  @Test func randomPathsReadAsStringsDo() {
    let pieces = [
      "合计", "小计", "总计", "基本支出", "人员经费", "/", "/", "//", "其中", "a", "B", "1", "１", "（按大类）", " ", "\u{3000}",
      "\u{301}", "\u{F9FA}", "\u{72C0}", "\r\n", "\u{E9}", "e", "—", "①", "𠀀", "·",
    ]
    var rng = SplitMix64(seed: 7_2026)
    var onBytes = 0
    for _ in 0..<3_000 {
      var items: [LineItem] = []
      for _ in 0..<(1 + rng.below(12)) {
        let measure = rng.text(from: pieces, fewerThan: 6)
        items.append(Self.item(column: 1 + rng.below(4), measure: measure))
      }
      let reference = MeasurePaths(characters: items)
      let comment = Comment(rawValue: items.map(\.measure).debugDescription)
      if let fast = MeasurePaths(inertItems: items) {
        onBytes += 1
        Self.expectSameReading(fast, reference, positions: items.indices, comment)
      }
      Self.expectSameReading(MeasurePaths(items), reference, positions: items.indices, comment)
    }
    // Both readings were exercised.
    #expect(onBytes > 300)
    #expect(onBytes < 2_700)
  }

  /// A wide table: hundreds of measures, each with its own prefixes, past the names the byte
  /// reading finds by a scan (then by hashing), read as strings read it.
  @Test func aWideTableReadsAsStringsDo() throws {
    var items: [LineItem] = []
    for k in 0..<300 {
      let measure = ["项目\(k % 40)", k % 3 == 0 ? "" : "经费\(k % 7)", "合计\(k)"].joined(separator: "/")
      items.append(Self.item(column: k, measure: measure))
      items.append(Self.item(column: k, measure: measure))
    }
    let fast = try #require(MeasurePaths(inertItems: items))
    #expect(fast.idCount > 200)
    Self.expectSameReading(fast, MeasurePaths(characters: items), positions: items.indices, "")
    // Names on both sides of the switch to hashing, each met again after it: "" and p0…p63
    // are the 65 names at the switch, p64 the first one added after it.
    let edge = (0...64).map { Self.item(column: $0, measure: "p\($0)/x") }
      + [0, 62, 63, 64].map { Self.item(column: 100 + $0, measure: "p\($0)/y") }
    let hashed = try #require(MeasurePaths(inertItems: edge))
    #expect(hashed.idCount == 66)
    Self.expectSameReading(hashed, MeasurePaths(characters: edge), positions: edge.indices, "")
  }

  /// The byte reading against the `String` one on the tables of the five samples and of
  /// generated documents, each a slice of its document's items as the validator reads it (most
  /// tables are read on bytes).
  @Test func realTablesReadAsStringsDo() {
    let generator = ArchiveGenerator(templates: ArchiveGeneratorTests.templates, seed: 11)
    let results = Seed.allCases.map(\.result)
      + (0..<10).compactMap {
        DocumentProcessor().process(relativePath: generator.document($0).relativePath, bytes: generator.document($0).bytes).result
      }
    var tables = 0
    var onBytes = 0
    for result in results {
      for (tableID, items) in Validator.itemsByTable(result.lineItems) {
        tables += 1
        let reference = MeasurePaths(characters: items)
        guard let fast = MeasurePaths(inertItems: items) else { continue }
        onBytes += 1
        Self.expectSameReading(fast, reference, positions: items.indices, "\(result.document.docID) \(tableID)")
      }
    }
    #expect(results.count == 15)
    #expect(tables > 150)
    #expect(onBytes * 10 > tables * 9)
  }
}

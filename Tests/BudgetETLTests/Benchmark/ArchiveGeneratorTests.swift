import Foundation
import Testing

@testable import BudgetETL

@Suite struct ArchiveGeneratorTests {
  /// The five samples as templates, read once.
  static let templates: [SeedTemplate] = Seed.allCases.compactMap {
    try? SeedTemplate(name: "\($0.rawValue).txt", bytes: $0.bytes)
  }

  static func seed(of document: ArchiveGenerator.Document) -> Seed {
    Seed.allCases.first { "\($0.rawValue).txt" == document.template }!
  }

  static func process(_ document: ArchiveGenerator.Document) throws -> DocumentResult {
    let processed = DocumentProcessor().process(relativePath: document.relativePath, bytes: document.bytes)
    return try #require(processed.result, "\(document.relativePath) was rejected: \(processed.source.error ?? "")")
  }

  @Test func everySampleIsATemplate() {
    #expect(Self.templates.count == 5)
  }

  @Test func sameSeedGivesSameBytes() {
    let a = ArchiveGenerator(templates: Self.templates, seed: 42)
    let b = ArchiveGenerator(templates: Self.templates, seed: 42)
    for i in [0, 1, 7, 99, 1234] {
      #expect(a.document(i).bytes == b.document(i).bytes)
      #expect(a.document(i).relativePath == b.document(i).relativePath)
    }
    let other = ArchiveGenerator(templates: Self.templates, seed: 43)
    #expect((0..<5).contains { a.document($0).bytes != other.document($0).bytes })
  }

  @Test func documentsAreDistinct() {
    let generator = ArchiveGenerator(templates: Self.templates, seed: 7)
    let documents = (0..<60).map(generator.document)
    let ids = documents.map { NormalizedText(decoded: $0.bytes).docID }
    #expect(Set(ids).count == documents.count)
    #expect(Set(documents.map(\.relativePath)).count == documents.count)
  }

  @Test func placeNamesDifferForEveryIndex() {
    let names = (0..<5_000).map { ArchiveGenerator.placeName($0, offset: 3) }
    #expect(Set(names).count == names.count)
  }

  /// Every generated document reads like its sample: the same tables and line items (amounts
  /// times the factor, or restated in 万元), its noise dropped, and no `error` finding its
  /// sample does not have (S3 has two of its own, in 表15).
  @Test func generatedDocumentsParseLikeTheirSample() throws {
    let generator = ArchiveGenerator(templates: Self.templates, seed: 7)
    var restated = 0
    var split = 0
    for i in 0..<24 {
      let document = generator.document(i)
      let seed = Self.seed(of: document)
      let sample = seed.result
      let result = try Self.process(document)
      #expect(result.tables.count == sample.tables.count, "\(document.relativePath)")
      #expect(result.lineItems.count == sample.lineItems.count, "\(document.relativePath)")
      #expect(!result.textBlocks.isEmpty)
      #expect(result.document.fiscalYear != nil)
      #expect(!result.textBlocks.contains { $0.text.contains("仅供内部审核") || $0.text.hasPrefix("第 ") })

      let sampleErrors = Set(sample.checks.filter { $0.severity == .error }.map { "\($0.tableID ?? "") \($0.rule)" })
      let errors = Set(result.checks.filter { $0.severity == .error }.map { "\($0.tableID ?? "") \($0.rule)" })
      #expect(errors.isSubset(of: sampleErrors), "\(document.relativePath): \(errors.subtracting(sampleErrors))")

      let before = Dictionary(
        sample.lineItems.map { ("\($0.tableID) \($0.rowNo) \($0.colNo)", $0) }, uniquingKeysWith: { a, _ in a })
      for item in result.lineItems {
        let original = try #require(before["\(item.tableID) \(item.rowNo) \(item.colNo)"])
        if item.sourceUnit == original.sourceUnit {
          #expect(item.amountFen == original.amountFen * document.factor, "\(document.relativePath) \(item.tableID)")
        } else {
          // Restated in 万元: rounded to 0.01 万元 = 10,000 fen.
          #expect(document.restatedInWanYuan && item.sourceUnit == "万元" && original.sourceUnit == "元")
          #expect(abs(item.amountFen - original.amountFen * document.factor) <= 5_000)
        }
      }
      if document.restatedInWanYuan { restated += 1 }
      if document.pageSplits > 0 { split += 1 }
    }
    #expect(restated > 0)
    #expect(split > 0)
  }

  @Test func printedFiguresKeepTheirFormat() throws {
    let grouped = try #require(PrintedFigure("1,239,844.00"))
    #expect(grouped.scaled(by: 3).text == "3,719,532.00")
    #expect(grouped.restatedInWanYuan(scaledBy: 1).text == "123.98")
    #expect(try #require(PrintedFigure("1239844.00")).restatedInWanYuan(scaledBy: 2).text == "247.97")
    #expect(try #require(PrintedFigure("7.2")).scaled(by: 2).text == "14.4")
    #expect(try #require(PrintedFigure("180")).restatedInWanYuan(scaledBy: 1).text == "0.02")
    #expect(try #require(PrintedFigure("999,999")).scaled(by: 2).text == "1,999,998")
    #expect(PrintedFigure("12a") == nil)
    #expect(PrintedFigure("1.2.3") == nil)
  }

  @Test func yearsShiftOnlyBeforeNian() {
    #expect(ArchiveGenerator.shiftYears("2023 年单位预算，2022年度", by: -2) == "2021 年单位预算，2020年度")
    #expect(ArchiveGenerator.shiftYears("20230202105009 2023.00 2023", by: 1) == "20230202105009 2023.00 2023")
  }

  @Test func splitMix64MatchesTheReferenceSequence() {
    var rng = SplitMix64(seed: 0)
    #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
  }
}

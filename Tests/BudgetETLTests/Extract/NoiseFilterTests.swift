import Foundation
import Testing

@testable import BudgetETL

/// Noise nobody told the pipeline about: stamps, page numbers and running headers at page breaks.
@Suite struct NoiseFilterTests {
  /// The lines a page break leaves in converted text, for page `page` of `pages`, in one of
  /// several styles: a footer page number, a stamp, a running header.
  static func pageBreak(page: Int, pages: Int, style: Int, header: String, stamp: String) -> [String] {
    let number: String
    switch (page + style) % 5 {
    case 0: number = "- \(page) -"
    case 1: number = "第 \(page) 页"
    case 2: number = "\(page)/\(pages)"
    case 3: number = "第\(page)页 共\(pages)页"
    default: number = "\(page)"  // a bare number alone between blank lines
    }
    return ["", number, "", stamp, header, ""]
  }

  static let stamps = ["内部资料 请勿外传", "样本", "内部资料 请勿外传", "样本", "机密★公开前"]

  /// The text with a page break inserted after every 40th line.
  static func rewatermark(_ seed: Seed, index: Int) -> (text: String, header: String, stamp: String) {
    let lines = String(decoding: seed.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let meta = seed.result.document
    let header = "\(meta.agency ?? "")\(meta.fiscalYear.map(String.init) ?? "")年预算公开"
    let stamp = stamps[index]
    let pages = lines.count / 40 + 1
    var out: [String] = []
    for (k, line) in lines.enumerated() {
      out.append(String(line))
      if k % 40 == 39 {
        out.append(contentsOf: pageBreak(page: k / 40 + 1, pages: pages, style: index, header: header, stamp: stamp))
      }
    }
    return (out.joined(separator: "\n"), header, stamp)
  }

  @Test(arguments: Array(Seed.allCases.enumerated()))
  func pageBreakNoiseNeverReachesAnyOutput(index: Int, seed: Seed) throws {
    let original = seed.result
    let (text, header, stamp) = Self.rewatermark(seed, index: index)
    let processed = DocumentProcessor().process(relativePath: "\(seed.rawValue).txt", bytes: Array(text.utf8))
    let result = try #require(processed.result)
    #expect(firstDifference(result.lineItems.placementFree, original.lineItems.placementFree) == nil, "line_items")
    #expect(firstDifference(result.textBlocks.placementFree, original.textBlocks.placementFree) == nil, "text_blocks")
    #expect(result.textAmounts.count == original.textAmounts.count)
    #expect(result.indicators.count == original.indicators.count)
    #expect(result.tables.map(\.title) == original.tables.map(\.title))
    #expect(result.tables.map(\.fragments) == original.tables.map(\.fragments))
    var document = result.document
    document.docID = original.document.docID
    #expect(document == original.document)
    func findings(_ r: DocumentResult) -> [String] {
      r.checks.map { "\($0.tableID ?? "") \($0.rule) \($0.subject) \($0.severity) \($0.expectedFen ?? 0) \($0.actualFen ?? 0)" }
    }
    #expect(firstDifference(findings(result), findings(original)) == nil, "checks")
    // No output row carries the stamp, the header or a page number.
    var out: [UInt8] = []
    for schema in Datasets.all where schema.name != Datasets.sources.name {
      for row in result.rows(of: schema) { RowEncoder.csvRow(row, into: &out) }
    }
    let published = String(decoding: out, as: UTF8.self)
    for noise in [stamp, stamp.replacingOccurrences(of: " ", with: ""), header, "第 3 页", "第3页", "页 共", "- 12 -"] {
      #expect(!published.contains(noise), "\(noise)")
    }
  }

  @Test(arguments: [
    ("- 12 -", true), ("— 3 —", true), ("第 3 页", true), ("第3页 共40页", true), ("3/40", true), ("第 3 页 共 40 页", true),
    ("12.5", false), ("1/2/3", false), ("第三部分", false), ("-12.00", false),
  ])
  func pageNumberForms(text: String, isPageNumber: Bool) {
    let lines = [SourceLine(number: 1, page: nil, text: "正文。"), SourceLine(number: 2, page: nil, text: text)]
    #expect(NoiseFilter.isPageNumber(text, lines: lines, index: 1) == isPageNumber)
  }

  @Test func bareNumberIsAPageNumberOnlyBetweenBlankLines() {
    let lines = ["正文。", "", "8", "", "正文", "8", "合计"].enumerated().map {
      SourceLine(number: $0.offset + 1, page: nil, text: $0.element)
    }
    #expect(NoiseFilter().noiseFlags(lines) == [false, false, true, false, false, false, false])
  }
}

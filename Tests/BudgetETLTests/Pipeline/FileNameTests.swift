import Foundation
import Testing

@testable import BudgetETL

/// The byte tests on file names say what the Foundation calls they replace said.
@Suite struct FileNameTests {
  static let names = [
    "a.txt", "a.TXT", "a.Txt", "a.text", "a.md", "a.MD", "a.pdf", "a.PdF", "a", "a.", "a..txt", "a.txt.", "a.tx",
    "a.txtx", "a.csv", "年报.txt", "年报.ＴＸＴ", "a b.md", "a.t xt", "x.tar.gz", "a.txt ", "a.mdé", "预算.TEXT", "..txt",
  ]

  @Test(arguments: names)
  func documentsAreThoseNSStringNames(name: String) {
    let expected = InputFile.extensions.contains((name as NSString).pathExtension.lowercased())
    #expect(InputFile.isDocument(name: name[...]) == expected)
  }

  /// Paths too: the extension is that of the last component, after any trailing slash.
  @Test(arguments: [
    "a.pdf", "a.PDF", "a.pDf", "dir/x.pdf", "x.pdf/", "x.pdf//", ".pdf", "dir/.pdf", "报告.pdf", "a.txt", "a.pdf.txt",
    "dir.pdf/a.txt", "dir.pdf/a", "a", "a.md", "年报.TXT", "a.pdf ", "a.pdfx", "a.", "/", "", "2023/温县.PDF",
  ])
  func pdfPathsAreThoseNSStringNames(path: String) {
    let isPDF = (path as NSString).pathExtension.lowercased() == "pdf"
    #expect(FileName.isPDF(path) == isPDF)
    if path.hasSuffix("txt") || path.hasSuffix("TXT") || path.hasSuffix(".md") { #expect(!FileName.isPDF(path)) }
  }

  @Test(arguments: [
    ("line_items.csv.gz.tmp-123", true), ("index.json.tmp-9", true), ("a.parquet.tmp", true), ("a.tmp", false),
    ("x.tmp-", true), ("line_items.csv.gz", false), ("tmp-1", false), ("报告.tmp-7", true), ("a.parquet.tmpx", false), ("a..tmp-", true), ("a.tm.tmp-2", true), (".tmp", false), ("", false),
  ])
  func temporaryFilesAreThoseFoundationFound(name: String, temporary: Bool) {
    #expect(PipelineRunner.isTemporary(name[...]) == temporary)
    #expect(PipelineRunner.isTemporary(name[...]) == (name.contains(".tmp-") || name.hasSuffix(".parquet.tmp")))
  }
}

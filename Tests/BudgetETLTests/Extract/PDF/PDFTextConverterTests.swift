import Foundation
import Testing

@testable import BudgetETL

/// Bad PDFs and a machine without pdftotext: rejected with a reason, and the run goes on.
@Suite struct PDFTextConverterTests {
  /// A one-page PDF whose page has no text (a scan without its text layer looks like this).
  static var blankPagePDF: [UInt8] {
    var pdf = "%PDF-1.4\n"
    var offsets: [Int] = []
    let objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
      "<< /Length 0 >>\nstream\n\nendstream",
    ]
    for (k, body) in objects.enumerated() {
      offsets.append(pdf.utf8.count)
      pdf += "\(k + 1) 0 obj\n\(body)\nendobj\n"
    }
    let xref = pdf.utf8.count
    pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for o in offsets { pdf += String(format: "%010d 00000 n \n", o) }
    pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Array(pdf.utf8)
  }

  @Test func pdfsAreKnownByMagicOrName() {
    #expect(PDFTextConverter.isPDF(path: "a/b.txt", bytes: Array("%PDF-1.7\n".utf8)))
    #expect(PDFTextConverter.isPDF(path: "a/b.PDF", bytes: Array("not really".utf8)))
    #expect(!PDFTextConverter.isPDF(path: "a/b.txt", bytes: Array("预算".utf8)))
  }

  @Test func versionOutputGivesTheConverterIdentity() {
    let output =
      "pdftotext version 22.02.0\nCopyright 2005-2022 The Poppler Developers - http://poppler.freedesktop.org\n"
    #expect(PDFTextConverter.identity(fromVersionOutput: output) == "pdftotext 22.02.0")
  }

  @Test func withoutPdftotextThePDFIsRejectedNamingThePackage() throws {
    let missing = PDFTextConverter(searchPath: "/nonexistent-\(UUID().uuidString)")
    #expect(missing.executable() == nil)
    #expect(throws: PDFConversionError.self) { try missing.convert(Self.blankPagePDF) }
    let processed = DocumentProcessor(pdfConverter: missing).process(relativePath: "x.pdf", bytes: Self.blankPagePDF)
    #expect(processed.result == nil)
    #expect(processed.source.status == .rejected)
    #expect(processed.source.format == .pdf)
    #expect(processed.source.docID == nil)
    let reason = try #require(processed.source.error)
    #expect(reason.contains("poppler-utils"), "\(reason)")
    #expect(reason.contains("pdftotext"))
  }

  @Test(.enabled(if: PDFSample.converterAvailable, "needs pdftotext (Debian package poppler-utils) on PATH"))
  func garbageIsRejectedWithTheConvertersReason() throws {
    let garbage = Array("this is not a PDF at all\n".utf8) + [UInt8](repeating: 0x7F, count: 64)
    let processed = DocumentProcessor().process(relativePath: "archive/garbage.pdf", bytes: garbage)
    #expect(processed.source.status == .rejected)
    #expect(processed.source.format == .pdf)
    let reason = try #require(processed.source.error)
    #expect(reason.hasPrefix("damaged or not a PDF: pdftotext exited with 1"), "\(reason)")
    #expect(processed.source.converter?.hasPrefix("pdftotext ") == true)
  }

  @Test(.enabled(if: PDFSample.converterAvailable, "needs pdftotext (Debian package poppler-utils) on PATH"))
  func aTruncatedPDFIsRejected() throws {
    let head = Array(PDFSample.office.bytes.prefix(5000))
    let processed = DocumentProcessor().process(relativePath: "cut.pdf", bytes: head)
    #expect(processed.source.status == .rejected)
    #expect(processed.source.error?.contains("damaged or not a PDF") == true, "\(processed.source.error ?? "")")
  }

  @Test(.enabled(if: PDFSample.converterAvailable, "needs pdftotext (Debian package poppler-utils) on PATH"))
  func aPageWithoutTextNeedsOCR() throws {
    #expect(throws: PDFConversionError.noTextLayer(pages: 1)) { try PDFTextConverter().convert(Self.blankPagePDF) }
    let processed = DocumentProcessor().process(relativePath: "scan.pdf", bytes: Self.blankPagePDF)
    #expect(processed.source.status == .rejected)
    #expect(processed.source.error?.hasPrefix("no text layer: needs OCR") == true, "\(processed.source.error ?? "")")
  }

  @Test func timeoutsAndPasswordsHaveReasons() {
    #expect(PDFConversionError.timedOut(seconds: 120).description.contains("120 s"))
    #expect(PDFConversionError.encrypted(detail: "Incorrect password").description.hasPrefix("encrypted PDF"))
    #expect(
      PDFTextConverter.lastMessage(
        "Syntax Warning: May not be a PDF file (continuing anyway)\nSyntax Error: Couldn't read xref table\n")
        == "Couldn't read xref table")
  }
}

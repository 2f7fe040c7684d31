import Foundation

extension DocumentProcessor {
  /// Converts a PDF with `pdftotext -layout`, turns its space-aligned tables into TAB-separated
  /// lines and segments it; nil (and the source marked rejected, with the reason) when there is
  /// no text. `doc_id` hashes the PDF's raw bytes, so a new converter version keeps it.
  public func extractPDF(relativePath: String, bytes: [UInt8], source: inout SourceFile) -> ExtractedDocument? {
    source.format = .pdf
    source.encoding = ""
    let conversion: PDFConversion
    do {
      conversion = try pdfConverter.convert(bytes)
    } catch {
      source.converter = try? pdfConverter.identity()
      source.status = .rejected
      source.error = error.description
      return nil
    }
    source.converter = conversion.converter
    let docID = String(SHA256.hex(bytes).prefix(16))
    source.docID = docID
    let lines = LayoutTableReader().read(NormalizedText(decoded: conversion.text).lines())
    return extract(lines: lines, docID: docID, sourcePath: relativePath)
  }

  /// The document's lines as the pipeline reads them: a PDF's layout text with its tables
  /// TAB-separated, or a text file's normalized lines (for `budget-etl inspect --text`).
  public func readableLines(relativePath: String, bytes: [UInt8]) throws -> [SourceLine] {
    if PDFTextConverter.isPDF(path: relativePath, bytes: bytes) {
      let conversion = try pdfConverter.convert(bytes)
      return LayoutTableReader().read(NormalizedText(decoded: conversion.text).lines())
    }
    return NormalizedText(decoded: try TextDecoder.decode(bytes)).lines()
  }
}

import Foundation

/// Why a PDF gave no text: each case is a reason a data team can act on, and becomes the
/// `sources.error` of a rejected file.
public enum PDFConversionError: Error, LocalizedError, Equatable, CustomStringConvertible {
  /// `pdftotext` is not on the search path.
  case converterMissing(searchPath: String)
  /// `pdftotext` could not be started.
  case launchFailed(executable: String, reason: String)
  /// The PDF needs a password.
  case encrypted(detail: String)
  /// `pdftotext` failed (exit code and the last thing it said): a damaged or truncated file,
  /// or not a PDF at all.
  case damaged(exitCode: Int32, detail: String)
  /// The converter ran longer than allowed and was stopped.
  case timedOut(seconds: Int)
  /// Pages without any text: a scan that needs OCR first.
  case noTextLayer(pages: Int)

  public var description: String {
    switch self {
    case .converterMissing(let path):
      let shown = path.isEmpty ? "(empty)" : path
      return
        "PDF input needs pdftotext, which is not on PATH \(shown): install the Debian package poppler-utils (apt-get install poppler-utils)"
    case .launchFailed(let executable, let reason):
      return "cannot run \(executable): \(reason)"
    case .encrypted(let detail):
      return "encrypted PDF: pdftotext needs a password (\(detail))"
    case .damaged(let code, let detail):
      return "damaged or not a PDF: pdftotext exited with \(code)" + (detail.isEmpty ? "" : " (\(detail))")
    case .timedOut(let seconds):
      return "pdftotext did not finish within \(seconds) s and was stopped"
    case .noTextLayer(let pages):
      return "no text layer: needs OCR (\(pages) page\(pages == 1 ? "" : "s") without text)"
    }
  }

  public var errorDescription: String? { description }
}

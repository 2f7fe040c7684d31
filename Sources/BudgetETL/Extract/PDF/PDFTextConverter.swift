import Foundation

/// A PDF's text as `pdftotext -layout` gives it, and which program gave it.
public struct PDFConversion: Sendable, Hashable {
  /// UTF-8 text, one form feed after each page.
  public var text: [UInt8]
  /// The converter and its version, for `sources.converter`: `pdftotext 22.12.0`.
  public var converter: String
  /// Pages in the text (form feeds).
  public var pages: Int
}

/// Turns a PDF into text by running poppler's `pdftotext -layout -enc UTF-8 - -` as a child
/// process (Debian package `poppler-utils`), with the PDF on standard input.
///
/// `-layout` keeps each printed line on one text line and pads cells with spaces so that
/// columns stay aligned, counting every character — a CJK ideograph included — as one
/// column. Failures become ``PDFConversionError``s that name the cause: the program missing,
/// a password, a damaged file, a scan without a text layer.
public struct PDFTextConverter: Sendable {
  /// The `PATH` to search for `pdftotext`; nil: the process environment's.
  public var searchPath: String?
  /// How long one conversion may run.
  public var timeout: Duration

  public init(searchPath: String? = nil, timeout: Duration = .seconds(120)) {
    self.searchPath = searchPath
    self.timeout = timeout
  }

  /// True for a file the pipeline reads as a PDF: one that starts with `%PDF-`, or is named `.pdf`.
  public static func isPDF(path: String, bytes: [UInt8]) -> Bool {
    if bytes.count >= 5, bytes[0..<5].elementsEqual("%PDF-".utf8) { return true }
    return FileName.isPDF(path)
  }

  /// The `pdftotext` executable on the search path, or nil.
  public func executable() -> String? {
    let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
      let candidate = String(dir) + "/pdftotext"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The converter and its version (`pdftotext 22.12.0`), as `pdftotext -v` reports it.
  /// - Throws: ``PDFConversionError/converterMissing(searchPath:)`` when `pdftotext` is not found.
  public func identity() throws(PDFConversionError) -> String {
    guard let executable = executable() else { throw .converterMissing(searchPath: effectivePath) }
    return Self.versions.identity(of: executable, timeout: timeout)
  }

  /// What identifies the converter in a checkpoint key: its identity, or `missing`.
  public func checkpointIdentity() -> String {
    (try? identity()) ?? "missing"
  }

  /// Converts a PDF's bytes to layout text.
  /// - Throws: a ``PDFConversionError`` naming why there is no text.
  public func convert(_ bytes: [UInt8]) throws(PDFConversionError) -> PDFConversion {
    guard let executable = executable() else { throw .converterMissing(searchPath: effectivePath) }
    let converter = Self.versions.identity(of: executable, timeout: timeout)
    let result: SubprocessResult
    do {
      result = try Subprocess.run(
        executable: executable, arguments: ["-layout", "-enc", "UTF-8", "-", "-"], stdin: bytes, timeout: timeout)
    } catch {
      throw .launchFailed(executable: executable, reason: "\(error)")
    }
    if result.timedOut {
      let c = timeout.components
      throw .timedOut(seconds: Int(c.seconds) + (c.attoseconds > 0 ? 1 : 0))
    }
    let messages = String(decoding: result.stderr, as: UTF8.self)
    if result.exitCode != 0 {
      let detail = Self.lastMessage(messages)
      if messages.localizedCaseInsensitiveContains("password") || result.exitCode == 3 {
        throw .encrypted(detail: detail)
      }
      throw .damaged(exitCode: result.exitCode, detail: detail)
    }
    let pages = result.stdout.reduce(0) { $0 + ($1 == 0x0C ? 1 : 0) }
    if !result.stdout.contains(where: { $0 > 0x20 }) {
      throw .noTextLayer(pages: max(pages, 1))
    }
    return PDFConversion(text: result.stdout, converter: converter, pages: pages)
  }

  private var effectivePath: String {
    searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
  }

  /// The last non-empty line pdftotext wrote to standard error, without its `Syntax Error: ` prefix.
  static func lastMessage(_ stderr: String) -> String {
    let lines = stderr.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    guard var last = lines.last(where: { !$0.isEmpty }) else { return "" }
    for prefix in ["Syntax Error: ", "Syntax Warning: ", "Command Line Error: ", "Internal Error: ", "I/O Error: "]
    where last.hasPrefix(prefix) {
      last = String(last.dropFirst(prefix.count))
    }
    return last
  }

  /// `pdftotext -v` output → `pdftotext 22.12.0`.
  static func identity(fromVersionOutput output: String) -> String? {
    for line in output.split(whereSeparator: \.isNewline) {
      guard let range = line.range(of: "version ") else { continue }
      let version = line[range.upperBound...].prefix { !$0.isWhitespace }
      if !version.isEmpty { return "pdftotext \(version)" }
    }
    return nil
  }

  /// Versions found, per executable path: `pdftotext -v` runs once per process.
  static let versions = VersionCache()

  final class VersionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: String] = [:]

    func identity(of executable: String, timeout: Duration) -> String {
      lock.lock()
      if let v = known[executable] {
        lock.unlock()
        return v
      }
      lock.unlock()
      var identity = "pdftotext"
      if let r = try? Subprocess.run(executable: executable, arguments: ["-v"], stdin: nil, timeout: timeout),
        let found = PDFTextConverter.identity(fromVersionOutput: String(decoding: r.stderr + r.stdout, as: UTF8.self))
      {
        identity = found
      }
      lock.lock()
      known[executable] = identity
      lock.unlock()
      return identity
    }
  }
}

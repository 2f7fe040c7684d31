/// What became of one input file: the `sources` dataset's row.
public struct SourceFile: Sendable, Hashable, Codable {
  public enum Status: String, Sendable, Codable { case ok, partial, duplicate, rejected }
  public enum Format: String, Sendable, Codable { case text, pdf }

  /// Path relative to the input directory, `/`-separated.
  public var path: String
  public var sha256: String
  /// As detected: `utf-8`, `utf-8-bom`, `gb18030`, `utf-16le`, `utf-16be`; empty when undecodable.
  public var encoding: String
  public var bytes: Int64
  public var docID: String?
  public var status: Status
  public var error: String?
  public var format: Format
  /// For a PDF: the program and version that gave its text.
  public var converter: String?

  public init(
    path: String, sha256: String, encoding: String, bytes: Int64, docID: String?, status: Status,
    error: String?, format: Format, converter: String?
  ) {
    self.path = path
    self.sha256 = sha256
    self.encoding = encoding
    self.bytes = bytes
    self.docID = docID
    self.status = status
    self.error = error
    self.format = format
    self.converter = converter
  }
}

/// The files of one dataset being written: `<name>.csv.gz` and `<name>.jsonl.gz` as
/// concatenated gzip members (a header member, then one member per document), and optionally
/// `<name>.parquet`. Nothing appears under a final name until `commit()`.
final class DatasetFiles {
  let schema: DatasetSchema
  let csv: FileIO.AtomicWriter
  let jsonl: FileIO.AtomicWriter
  let columnar: (any ColumnarSink)?
  private(set) var rows = 0
  private var jsonlMembers = 0
  private let gzipLevel: Int
  /// The members rows built at load time go to, once there is one.
  private var rowMembers: (csv: GzipMemberStream, jsonl: GzipMemberStream)?
  private var rowBytes: (csv: [UInt8], jsonl: [UInt8]) = ([], [])
  /// The JSON keys of the rows appended here, escaped once.
  private let jsonKeys: [[UInt8]]

  init(schema: DatasetSchema, directory: String, gzipLevel: Int, columnar: (any ColumnarSink)?) throws {
    self.schema = schema
    jsonKeys = RowEncoder.jsonKeys(schema)
    self.gzipLevel = gzipLevel
    csv = try FileIO.AtomicWriter(path: directory + "/" + schema.name + ".csv.gz")
    jsonl = try FileIO.AtomicWriter(path: directory + "/" + schema.name + ".jsonl.gz")
    self.columnar = columnar
    var header: [UInt8] = []
    RowEncoder.csvHeader(schema, into: &header)
    try csv.write(try Deflater.compress(header, level: gzipLevel))
  }

  /// Appends a document's pre-compressed members and its rows.
  func append(csvMember: [UInt8]?, jsonlMember: [UInt8]?, rows binary: [UInt8]?, count: Int) throws {
    if let csvMember { try csv.write(csvMember) }
    if let jsonlMember {
      try jsonl.write(jsonlMember)
      jsonlMembers += 1
    }
    if let columnar, let binary, count > 0 {
      try columnar.write(encodedRows: binary)
    }
    rows += count
  }

  /// Appends a row built at load time (the `sources` dataset). The rows appended so far form
  /// one gzip member of each text file, compressed as they come.
  func append(row: [Value]) throws {
    if rowMembers == nil {
      rowMembers = (
        try GzipMemberStream(level: gzipLevel, output: csv), try GzipMemberStream(level: gzipLevel, output: jsonl)
      )
      jsonlMembers += 1
    }
    rowBytes.csv.removeAll(keepingCapacity: true)
    rowBytes.jsonl.removeAll(keepingCapacity: true)
    RowEncoder.csvRow(row, into: &rowBytes.csv)
    RowEncoder.jsonRow(row, keys: jsonKeys, into: &rowBytes.jsonl)
    try rowMembers!.csv.write(rowBytes.csv)
    try rowMembers!.jsonl.write(rowBytes.jsonl)
    try columnar?.write(row: row)
    rows += 1
  }

  /// Encodes what is buffered (the last Parquet row group, the end of the `sources` members)
  /// without publishing anything; only ``commit()`` may follow.
  func prepareCommit() throws {
    try rowMembers?.csv.finish()
    try rowMembers?.jsonl.finish()
    rowMembers = nil
    try columnar?.prepareCommit()
  }

  /// Publishes the files under their final names (after ``prepareCommit()`` or not).
  func commit() throws {
    try rowMembers?.csv.finish()
    try rowMembers?.jsonl.finish()
    rowMembers = nil
    if jsonlMembers == 0 { try jsonl.write(try Deflater.compress([], level: gzipLevel)) }
    try csv.commit()
    try jsonl.commit()
    try columnar?.commit()
  }
}

/// A typed columnar output (Parquet) fed row by row.
public protocol ColumnarSink: AnyObject {
  func write(row: [Value]) throws
  /// Writes rows as ``ValueCodec`` encoded them (a bundle's binary rows); by default decodes
  /// them and writes them one by one.
  func write(encodedRows: [UInt8]) throws
  /// Does the costly part of ``commit()`` (encoding what is buffered) without publishing,
  /// for the load to do it for several datasets at once; only `commit()` may follow.
  func prepareCommit() throws
  func commit() throws
}

extension ColumnarSink {
  public func write(encodedRows: [UInt8]) throws {
    for row in try ValueCodec.decode(encodedRows) { try write(row: row) }
  }
}

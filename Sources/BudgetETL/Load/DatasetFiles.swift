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

  init(schema: DatasetSchema, directory: String, gzipLevel: Int, columnar: (any ColumnarSink)?) throws {
    self.schema = schema
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
      for row in try ValueCodec.decode(binary) { try columnar.write(row: row) }
    }
    rows += count
  }

  /// Appends rows built at load time (the `sources` dataset).
  func append(rows newRows: [[Value]]) throws {
    guard !newRows.isEmpty else { return }
    var csvBytes: [UInt8] = []
    var jsonBytes: [UInt8] = []
    for row in newRows {
      RowEncoder.csvRow(row, into: &csvBytes)
      RowEncoder.jsonRow(row, schema: schema, into: &jsonBytes)
      try columnar?.write(row: row)
    }
    try csv.write(try Deflater.compress(csvBytes, level: gzipLevel))
    try jsonl.write(try Deflater.compress(jsonBytes, level: gzipLevel))
    jsonlMembers += 1
    rows += newRows.count
  }

  func commit() throws {
    if jsonlMembers == 0 { try jsonl.write(try Deflater.compress([], level: gzipLevel)) }
    try csv.commit()
    try jsonl.commit()
    try columnar?.commit()
  }
}

/// A typed columnar output (Parquet) fed row by row.
public protocol ColumnarSink: AnyObject {
  func write(row: [Value]) throws
  func commit() throws
}

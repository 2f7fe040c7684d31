import Foundation

/// The load stage, fed one file at a time in path order: appends each included document's
/// bundle (its pre-compressed CSV and JSON Lines members, its binary rows into the Parquet
/// writers) and each file's `sources` row to every dataset's files, which appear under their
/// final names only at ``commit()``. The runner feeds it while later documents are still being
/// processed, so the load shares the cores with them; only one bundle is read at a time.
final class DatasetLoader {
  private let files: [DatasetFiles]
  private let sources: DatasetFiles
  private let paths: PipelineRunner.Paths
  private let parquet: Bool
  /// Time spent appending and committing.
  private(set) var seconds: Double = 0
  /// The compressions done by the load (headers, Parquet pages, `sources` members).
  let ledger: CompressionLedger

  init(
    config: PipelineConfig, paths: PipelineRunner.Paths,
    columnarFactory: (@Sendable (DatasetSchema, String, Int, Int) throws -> any ColumnarSink)?
  ) throws {
    let clock = ContinuousClock()
    let start = clock.now
    let level = config.load.gzipLevel
    let ledger = CompressionLedger()
    files = try CompressionLedger.$current.withValue(ledger) {
      try Datasets.all.map { schema in
        let columnar = try config.load.parquet
          ? columnarFactory.map {
            try $0(schema, paths.output + "/" + schema.name + ".parquet", level, config.load.rowGroupRows)
          }
          : nil
        return try DatasetFiles(schema: schema, directory: paths.output, gzipLevel: level, columnar: columnar ?? nil)
      }
    }
    sources = files.first { $0.schema.name == Datasets.sources.name }!
    self.paths = paths
    self.ledger = ledger
    parquet = config.load.parquet && columnarFactory != nil
    seconds = (clock.now - start).seconds
  }

  /// Appends one file: its `sources` row (`source` as the run decided it, with duplicates
  /// marked) and, when `include`, its document's bundle.
  ///
  /// - Throws: ``DocumentBundle/BundleError/corrupt(_:)`` when the bundle is missing or damaged;
  ///   nothing of the file has been appended then, so it can be rebuilt and appended again.
  ///   Any other error (rows the load cannot read, a value Parquet refuses) may leave part of
  ///   the file appended: it fails the load, and nothing of the run is published.
  func append(source: SourceFile, bundleKey: String, include: Bool) throws {
    try timed {
      guard include else { return try sources.append(row: source.row) }
      let bundlePath = PipelineRunner.bundlePath(key: bundleKey, paths: paths)
      let bytes: [UInt8]
      do {
        bytes = try FileIO.readAll(bundlePath)
      } catch FileIOError.open(_, let code) where code == ENOENT {
        throw DocumentBundle.BundleError.corrupt(bundlePath)
      }
      let bundle = try DocumentBundle.parse(bytes, path: bundlePath)
      // Whole (its CRC) and this file's, or it is made again.
      guard bundle.isMade(from: source.sha256) else { throw DocumentBundle.BundleError.corrupt(bundlePath) }
      try sources.append(row: source.row)
      for dataset in files where dataset !== sources {
        let name = dataset.schema.name
        let count = bundle.entries[name + ".count"].flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
        do {
          try dataset.append(
            csvMember: bundle.entries[name + ".csv.gz"], jsonlMember: bundle.entries[name + ".jsonl.gz"],
            rows: bundle.entries[name + ".rows"], count: count)
        } catch let error as ValueCodec.DecodeError {
          throw DocumentBundle.BundleError.unreadableRows(path: bundlePath, entry: name + ".rows", reason: "\(error)")
        }
      }
    }
  }

  /// Publishes every dataset file, then `datapackage.json`; returns the rows per dataset.
  /// The datasets' last row groups are encoded first, up to `parallelism` at once; then the
  /// files are renamed one by one (the crash tests pause between them).
  func commit(parallelism: Int) async throws -> [String: Int] {
    let clock = ContinuousClock()
    let start = clock.now
    defer { seconds += (clock.now - start).seconds }
    try await CompressionLedger.$current.withValue(ledger) {
      let boxes = files.map(DatasetFilesBox.init)
      if parallelism > 1 {
        try await withThrowingTaskGroup(of: Void.self) { group in
          for box in boxes { group.addTask { try box.files.prepareCommit() } }
          try await group.waitForAll()
        }
      } else {
        for box in boxes { try box.files.prepareCommit() }
      }
    }
    var rows: [String: Int] = [:]
    try CompressionLedger.$current.withValue(ledger) {
      TestPausePoint.loadWrite.reached()
      for dataset in files {
        try dataset.commit()
        rows[dataset.schema.name] = dataset.rows
        TestPausePoint.loadRename.reached()
      }
      try FileIO.writeAtomically(DataPackage.json(parquet: parquet), to: paths.output + "/datapackage.json")
    }
    return rows
  }

  private func timed(_ body: () throws -> Void) throws {
    let clock = ContinuousClock()
    let start = clock.now
    defer { seconds += (clock.now - start).seconds }
    try CompressionLedger.$current.withValue(ledger) { try body() }
  }
}

/// Hands one dataset's files to the task that prepares their commit. Unchecked: `DatasetFiles`
/// is a class with mutable state, but each box goes to exactly one child task, and the loader
/// does not touch the files again until every child task has finished (`waitForAll`).
private struct DatasetFilesBox: @unchecked Sendable {
  let files: DatasetFiles
}

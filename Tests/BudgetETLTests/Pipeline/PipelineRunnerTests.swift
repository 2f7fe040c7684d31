import Foundation
import Logging
import Testing

@testable import BudgetETL

@Suite struct PipelineRunnerTests {
  static func run(input: String, output: String, configure: (inout PipelineConfig) -> Void = { _ in }) async throws
    -> RunSummary
  {
    var config = PipelineConfig()
    config.input = input
    config.output = output
    config.workers = 2
    configure(&config)
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return try await PipelineRunner(config: config, logger: logger).run()
  }

  static func gunzipText(_ path: String) throws -> String {
    String(decoding: try Inflater.gunzip(try FileIO.readAll(path)), as: UTF8.self)
  }

  @Test func writesEveryDatasetAndTheyAgree() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    let summary = try await Self.run(input: input, output: dir.path + "/out")
    #expect(summary.documents == 5)
    #expect(summary.rejected == 0)
    #expect(summary.processed == 5)
    for schema in Datasets.all {
      let csv = CSVTestReader.parse(try Self.gunzipText(dir.path + "/out/\(schema.name).csv.gz"))
      #expect(csv.first == schema.columns.map(\.name), "\(schema.name) header")
      let jsonl = try Self.gunzipText(dir.path + "/out/\(schema.name).jsonl.gz").split(separator: "\n")
      #expect(csv.count - 1 == jsonl.count, "\(schema.name): CSV and JSON Lines row counts")
      #expect(summary.rows[schema.name] == jsonl.count)
      // Row for row, the JSON values print as the CSV fields (null ↔ empty).
      for (record, line) in zip(csv.dropFirst(), jsonl) {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        for (name, field) in zip(schema.columns.map(\.name), record) {
          let value = object[name]!
          let text: String
          if value is NSNull { text = "" }
          else if let s = value as? String { text = s }
          else if let b = value as? Bool, String(describing: type(of: value)).contains("Bool") { text = b ? "true" : "false" }
          else { text = "\(value)" }
          if case .decimal = schema.columns.first(where: { $0.name == name })!.type, !text.isEmpty {
            #expect(Decimal(string: text) == Decimal(string: field), "\(schema.name).\(name)")
          } else {
            #expect(text == field, "\(schema.name).\(name)")
          }
        }
      }
    }
    // Amounts keep their two decimals in JSON Lines: 1239844.00, not 1239844.
    let items = try Self.gunzipText(dir.path + "/out/line_items.jsonl.gz")
    #expect(items.contains("\"amount_yuan\":1239844.00"))
    #expect(!items.contains("\\/"))
    #expect(items.contains("\"agency\":\"西乡县医疗保险基金管理中心\""))
    let manifestNames = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out/_runs")
    #expect(manifestNames.count == 1)
  }

  @Test func twoRunsGiveByteIdenticalFiles() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    _ = try await Self.run(input: input, output: dir.path + "/a")
    _ = try await Self.run(input: input, output: dir.path + "/b") { $0.workers = 1 }
    // index.json is written piecewise as the files finish (in path order, whatever the workers).
    let names =
      Datasets.all.flatMap { ["\($0.name).csv.gz", "\($0.name).jsonl.gz"] }
      + ["datapackage.json", "_state/index.json", "_state/index.bin"]
    for name in names {
      let a = dir.read("a/" + name)
      #expect(!a.isEmpty, "\(name)")
      #expect(a == dir.read("b/" + name), "\(name) differs between runs")
    }
    // gzip headers carry no timestamp (bytes 4-7 are MTIME) and no file name (FLG bit 3).
    // ... and has the bytes JSONEncoder gives for the whole index.
    let index = try JSONDecoder().decode(StateIndex.self, from: Data(dir.read("a/_state/index.json")))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    #expect(Array(try encoder.encode(index)) == dir.read("a/_state/index.json"))
    #expect(index.files.count == 5 && index.entries.count == 5)
    let gz = dir.read("a/line_items.csv.gz")
    #expect(Array(gz[0..<4]) == [0x1F, 0x8B, 8, 0])
    #expect(Array(gz[4..<8]) == [0, 0, 0, 0])
  }

  @Test func rowsAreOrderedBySourcePath() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    _ = try await Self.run(input: input, output: dir.path + "/out")
    let sources = CSVTestReader.parse(try Self.gunzipText(dir.path + "/out/sources.csv.gz")).dropFirst().map { $0[0] }
    #expect(
      sources == [
        "2023/西乡县医疗保险基金管理中心.txt", "2023/阳城县医疗保障局.txt", "2023/麟游县医疗保障局.txt", "2024/温县医疗保障局.txt",
        "2024/西安市长安区医疗保险经办机构.txt",
      ])
    let docs = CSVTestReader.parse(try Self.gunzipText(dir.path + "/out/documents.csv.gz")).dropFirst().map { $0[0] }
    #expect(docs == ["2ff0101f1bd1b3d1", "b6154e1e7edf91e4", "cbdf21d4ba4f69b6", "888c15e9b2b9fc31", "8ac1120edb49a443"])
  }

  @Test func theSameContentTwiceIsOneDocument() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.path + "/in"
    try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
    try Data(Seed.s0.bytes).write(to: URL(fileURLWithPath: input + "/a.txt"))
    // The same text with CRLF line ends and trailing spaces: same doc_id.
    let crlf = String(decoding: Seed.s0.bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "  \r\n")
    try Data(crlf.utf8).write(to: URL(fileURLWithPath: input + "/b.txt"))
    let summary = try await Self.run(input: input, output: dir.path + "/out")
    #expect(summary.documents == 1)
    #expect(summary.duplicates == 1)
    let sources = CSVTestReader.parse(try Self.gunzipText(dir.path + "/out/sources.csv.gz"))
    #expect(sources[1][4] == "2ff0101f1bd1b3d1" && sources[1][5] == "ok")
    #expect(sources[2][4] == "2ff0101f1bd1b3d1" && sources[2][5] == "duplicate")
  }

  @Test func badFilesAreRejectedAndTheRestProcessed() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    try Data().write(to: URL(fileURLWithPath: input + "/empty.txt"))
    try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: URL(fileURLWithPath: input + "/binary.txt"))
    let summary = try await Self.run(input: input, output: dir.path + "/out")
    #expect(summary.documents == 5)
    #expect(summary.rejected == 2)
    #expect(summary.rejectedFiles["empty.txt"] == "empty file")
    #expect(summary.rejectedFiles["binary.txt"]?.contains("binary") == true)
    #expect(summary.outcome == "rejected_documents")
  }

  @Test func outputInsideInputIsAConfigurationError() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    await #expect(throws: ConfigurationError.outputInsideInput(output: input + "/out", input: input)) {
      _ = try await Self.run(input: input, output: input + "/out")
    }
    await #expect(throws: ConfigurationError.missingInput(dir.path + "/nope")) {
      _ = try await Self.run(input: dir.path + "/nope", output: dir.path + "/out")
    }
    // Through a link to the input folder, too.
    try FileManager.default.createSymbolicLink(atPath: dir.path + "/linked", withDestinationPath: input + "/2023")
    await #expect(throws: ConfigurationError.outputInsideInput(output: input + "/2023/out", input: dir.path + "/linked")) {
      _ = try await Self.run(input: dir.path + "/linked", output: input + "/2023/out")
    }
    #expect(!FileIO.exists(input + "/2023/out"))
  }

  /// An archive often sits elsewhere and is linked in: the link is walked like the folder,
  /// and the paths stay relative to it.
  @Test func aSymlinkedInputFolderIsReadLikeTheFolder() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    try FileManager.default.createSymbolicLink(atPath: dir.path + "/linked", withDestinationPath: input)
    let direct = try await Self.run(input: input, output: dir.path + "/direct")
    let linked = try await Self.run(input: dir.path + "/linked", output: dir.path + "/linked-out")
    #expect(direct.documents == 5)
    #expect(linked.documents == 5)
    #expect(linked.processed == 5)
    for name in ["sources.csv.gz", "line_items.csv.gz", "documents.jsonl.gz", "line_items.parquet"] {
      #expect(dir.read("linked-out/" + name) == dir.read("direct/" + name), "\(name) differs when read through the link")
    }
    let sources = CSVTestReader.parse(try Self.gunzipText(dir.path + "/linked-out/sources.csv.gz"))
    #expect(sources.dropFirst().map { $0[0] }.contains("2024/温县医疗保障局.txt"))
  }

  /// A folder without documents (an archive that is not mounted, a mistyped path) is refused
  /// before anything is written: a run would otherwise publish empty datasets over the last ones.
  @Test func anInputWithoutDocumentsLeavesThePublishedDatasetsAlone() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    let output = dir.path + "/out"
    _ = try await Self.run(input: input, output: output)
    let published = try FileManager.default.contentsOfDirectory(atPath: output).filter { !$0.hasPrefix("_") }.sorted()
    let before = published.map { dir.read("out/" + $0) }
    #expect(published.contains("line_items.csv.gz") && published.contains("datapackage.json"))

    let empty = dir.path + "/unmounted"
    try FileIO.createDirectory(empty + "/2024")
    try Data("not a document".utf8).write(to: URL(fileURLWithPath: empty + "/2024/readme.docx"))
    await #expect(throws: ConfigurationError.noDocuments(empty)) {
      _ = try await Self.run(input: empty, output: output)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: output).filter { !$0.hasPrefix("_") }.sorted() == published)
    for (name, bytes) in zip(published, before) { #expect(dir.read("out/" + name) == bytes, "\(name) changed") }
    #expect(ConfigurationError.noDocuments(empty).description.contains("holds no documents (.md, .pdf, .text, .txt)"))
    // Nothing is written, not even the output folder.
    await #expect(throws: ConfigurationError.noDocuments(empty)) {
      _ = try await Self.run(input: empty, output: dir.path + "/never")
    }
    #expect(!FileIO.exists(dir.path + "/never"))
  }
}

@Suite struct ParquetOutputSwitchTests {
  @Test func parquetIsWrittenByDefaultAndCanBeSwitchedOff() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    var config = PipelineConfig()
    config.input = input
    config.output = dir.path + "/on"
    var runner = PipelineRunner(config: config, logger: logger)
    runner.columnarFactory = ParquetWriter.sinkFactory
    _ = try await runner.run()
    for schema in Datasets.all {
      let bytes = dir.read("on/\(schema.name).parquet")
      #expect(Array(bytes.prefix(4)) == Array("PAR1".utf8) && Array(bytes.suffix(4)) == Array("PAR1".utf8), "\(schema.name)")
    }
    // The data contract's worked example (S0 表5, source line 312): the 合计 row's four amounts,
    // read back from the Parquet file as decimals to the fen.
    let file = try ParquetTestFile(path: dir.path + "/on/line_items.parquet")
    func column(_ name: String) throws -> [Value] {
      try file.values(column: Datasets.lineItems.columns.firstIndex { $0.name == name }!)
    }
    let (docs, tables, lines, measures, amounts) = (
      try column("doc_id"), try column("table_id"), try column("source_line"), try column("measure"),
      try column("amount_yuan")
    )
    let totalRow = docs.indices.filter {
      docs[$0] == .string("2ff0101f1bd1b3d1") && tables[$0] == .string("t004") && lines[$0] == .int(312)
    }
    #expect(
      totalRow.map { measures[$0] } == [.string("合计"), .string("人员经费支出"), .string("公用经费支出"), .string("专项业务经费支出")])
    #expect(
      totalRow.map { amounts[$0] } == [
        .decimal(unscaled: 123_984_400, scale: 2), .decimal(unscaled: 108_029_400, scale: 2),
        .decimal(unscaled: 10_955_000, scale: 2), .decimal(unscaled: 5_000_000, scale: 2),
      ])
    let package = String(decoding: dir.read("on/datapackage.json"), as: UTF8.self)
    #expect(package.contains("\"name\" : \"line_items-parquet\""))
    #expect(package.contains("\"format\" : \"parquet\""))

    runner.config.output = dir.path + "/off"
    runner.config.load.parquet = false
    _ = try await runner.run()
    #expect(!FileIO.exists(dir.path + "/off/line_items.parquet"))
    #expect(FileIO.exists(dir.path + "/off/line_items.csv.gz"))
    #expect(!String(decoding: dir.read("off/datapackage.json"), as: UTF8.self).contains("parquet"))
  }
}

import Foundation
import Testing

@testable import BudgetETL

/// Bad files are rejected (or kept in part) with a reason, and never stop or spoil the rest.
@Suite struct BadFileTests {
  static func process(_ bytes: [UInt8], path: String = "bad.txt") -> ProcessedFile {
    DocumentProcessor().process(relativePath: path, bytes: bytes)
  }

  /// Rows of the one-line HTML table (time grows linearly with it).
  static let htmlRows = 5_000

  static let novel = """
    第一章

    那年冬天，雪下得很大。他推开木门，看见院子里的老槐树已经被积雪压弯了枝条，远处传来几声犬吠。

    母亲在灶间生火，柴烟顺着屋檐慢慢散开。他想起离家那天，也是这样一个清冷的早晨。
    """

  static let sourceCode = """
    import Foundation

    /// Sums the amounts.
    func total(_ amounts: [Int]) -> Int {
    \tvar sum = 0
    \tfor amount in amounts {
    \t\tsum += amount
    \t}
    \treturn sum
    }

    let values = [12, 30, 45]
    print(total(values))
    """

  @Test(arguments: [
    ("empty", [UInt8](), "empty file"),
    ("binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] as [UInt8], "binary data"),
    ("garbage", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 0x80) | 0x80 }, "neither UTF-8 nor GB18030"),
    ("novel", Array(novel.utf8), "not a budget document"),
    ("source code", Array(sourceCode.utf8), "not a budget document"),
    ("blank lines", Array("\n\n   \n\t\n".utf8), "not a budget document"),
  ])
  func isRejectedWithAReason(kind: String, bytes: [UInt8], reason: String) {
    let processed = Self.process(bytes)
    #expect(processed.source.status == .rejected, "\(kind)")
    #expect(processed.source.error?.contains(reason) == true, "\(kind): \(processed.source.error ?? "no reason")")
    #expect(processed.source.docID == nil)
    #expect(processed.result == nil)
  }

  /// A seed cut inside a character, in the middle of a table, in three encodings: the text
  /// before the cut is kept and the file is `partial`.
  @Test(arguments: [Reencoding.utf8CR, .gb18030CRLF, .utf16LEBOM])
  func truncatedFileKeepsWhatItHas(encoding: Reencoding) throws {
    let text = String(decoding: Seed.s0.bytes, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // Cut inside the label of a row of the fifth table, inside its first Chinese character.
    let tableLine = Seed.s0.result.items(Seed.s0.result.tables[4].tableID).last!.sourceLine
    let before = lines[..<(tableLine - 1)].joined(separator: "\n") + "\n"
    let label = lines[tableLine - 1].first { !$0.isASCII }!
    let full = encoding.encode(before + String(label))
    let cut = Array(full.dropLast(1))
    let processed = Self.process(cut)
    #expect(processed.source.status == .partial)
    let error = try #require(processed.source.error)
    #expect(error.contains("truncated") && error.contains("byte \(cut.count - (encoding == .utf8CR ? 2 : 1))"), "\(error)")
    let result = try #require(processed.result)
    // Every table that ends before the cut reads as in the whole file.
    let whole = Seed.s0.result
    #expect(result.tables.count == 5)
    for table in result.tables.dropLast() {
      #expect(result.items(table.tableID) == whole.items(table.tableID).map { var i = $0; i.docID = result.document.docID; return i })
    }
    #expect(result.items(result.tables[4].tableID).count >= 1)
  }

  /// A line of megabytes is not read (no hang, no quadratic time), and the rest of the
  /// document is read as usual.
  @Test(arguments: [
    ("text", String(repeating: "本单位当年一般公共预算拨款支出936760元，较上年增加", count: 70_000)),
    ("tabs", String(repeating: "合计\t12.00\t", count: 300_000)),
    ("angle brackets", String(repeating: "<", count: 4_000_000)),
    (
      "html",
      "表99 项目明细表<table><tr><th>项目</th><th colspan=\"2\">金额</th></tr>"
        + (1...Self.htmlRows).map { "<tr><td>项目\($0)</td><td colspan=\"2\">\($0).00</td></tr>" }.joined() + "</table>"
    ),
  ])
  func hugeLineIsNotRead(kind: String, line: String) throws {
    let text = String(decoding: Seed.s4.bytes, as: UTF8.self)
    let clock = ContinuousClock()
    let start = clock.now
    let processed = Self.process(Array(("\(line)\n\n" + text).utf8))
    let elapsed = clock.now - start
    // A guard against a hang or quadratic time, not a benchmark: a debug build on two
    // shared cores reads each of these in 5 to 35 seconds.
    #expect(elapsed < .seconds(90), "\(kind): \(elapsed)")
    #expect(processed.source.status == (kind == "html" ? .ok : .partial), "\(kind)")
    let result = try #require(processed.result)
    if kind == "html" {
      // A table on one line is read row by row: no line is too long, nothing is lost.
      #expect(result.tables.count == Seed.s4.result.tables.count + 1)
      #expect(result.lineItems.count == Seed.s4.result.lineItems.count + Self.htmlRows)
    } else {
      #expect(processed.source.error?.hasPrefix("line 1 is ") == true, "\(kind): \(processed.source.error ?? "")")
      #expect(result.lineItems.placementFree == Seed.s4.result.lineItems.placementFree, "\(kind)")
    }
  }

  /// Thousands of short lines between two rows of a table (each could be a stray cell) are
  /// looked at once each, not once per line before them.
  @Test func manyShortLinesBetweenRowsTakeLinearTime() throws {
    let filler = (1...20_000).map { "第\($0)项" }.joined(separator: "\n")
    let text = "测试县2024年部门预算\n\n表1 收入预算表\n单位：元\n项目\t合计\n收入\t1.00\n" + filler + "\n合计\t1.00\n"
    let clock = ContinuousClock()
    let start = clock.now
    let processed = Self.process(Array(text.utf8))
    #expect(clock.now - start < .seconds(60))
    #expect(processed.result?.tables.count == 1)
  }

  @Test func overWideRowIsCut() throws {
    let row = "合计\t" + Array(repeating: "1.00", count: 5_000).joined(separator: "\t")
    let text = "测试县2024年部门预算\n\n表1 收入预算表\n单位：元\n项目\t合计\n" + row + "\n"
    let processed = Self.process(Array(text.utf8))
    #expect(processed.source.status == .partial)
    #expect(processed.source.error?.contains("line 6 has 5001 cells") == true, "\(processed.source.error ?? "")")
  }

  /// Rows with more or fewer cells than the header: the short ones read as blank cells, the
  /// cells past the header of the long ones are cut off and named.
  @Test func raggedRowsAreReadUpToTheHeader() throws {
    let text = """
      测试县医疗保障局2024年部门预算

      表1 部门收入预算表
      单位：元
      项目\t合计\t一般公共预算\t其他收入
      一、财政拨款收入\t100.00\t100.00
      二、事业收入\t50.00\t20.00\t30.00\t99.00\t77.00
      三、其他收入
      合计\t150.00\t120.00\t30.00
      """
    let processed = Self.process(Array(text.utf8))
    #expect(processed.source.status == .partial)
    #expect(
      processed.source.error == "t001: the row at line 7 has 6 cells, the header 4; cells past the header were not read")
    let result = try #require(processed.result)
    #expect(result.lineItems.map(\.amountFen) == [10_000, 10_000, 5_000, 2_000, 3_000, 15_000, 12_000, 3_000])
    #expect(result.lineItems.map(\.measure) == ["合计", "一般公共预算", "合计", "一般公共预算", "其他收入", "合计", "一般公共预算", "其他收入"])
    #expect(result.checks.contains { $0.rule == "ragged_row" && $0.severity == .warning && $0.sourceLine == 7 })
  }

  /// One run with every kind of bad file beside the seeds: the seeds are published as in a
  /// clean run, each bad file has its row in `sources` with the reason, the outcome says so.
  /// A later run that rejects a file (a good one replaced by a broken copy) keeps everything
  /// published for the other files.
  @Test func badFilesNeverSpoilTheRest() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.copySeeds()
    let clean = try await PipelineRunnerTests.run(input: input, output: dir.path + "/clean")
    #expect(clean.outcome == "ok")
    #expect(clean.partial == 0, "no seed is partial")
    let cleanItems = try Self.itemsBySource(dir.path + "/clean")

    let bad: [(String, [UInt8])] = [
      ("bad/empty.txt", []), ("bad/binary.txt", [0x00, 0x01, 0xFF, 0x00]),
      ("bad/novel.txt", Array(Self.novel.utf8)), ("bad/code.md", Array(Self.sourceCode.utf8)),
      ("bad/cut.txt", Array(Seed.s1.bytes.prefix(30_001))),
      ("bad/huge.txt", Array((String(repeating: "x", count: 3_000_000) + "\n" + String(decoding: Seed.s3.bytes, as: UTF8.self)).utf8)),
    ]
    for (path, bytes) in bad {
      try FileManager.default.createDirectory(atPath: input + "/bad", withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: input + "/" + path))
    }
    let out = dir.path + "/out"
    let first = try await PipelineRunnerTests.run(input: input, output: out)
    #expect(first.outcome == "rejected_documents")
    #expect(first.rejected == 4)
    #expect(first.partial == 2)
    let sources = try Self.sources(out)
    #expect(sources["bad/empty.txt"]?["status"] == "rejected" && sources["bad/empty.txt"]?["error"] == "empty file")
    #expect(sources["bad/binary.txt"]?["error"]?.hasPrefix("binary data") == true)
    #expect(sources["bad/novel.txt"]?["error"]?.hasPrefix("not a budget document") == true)
    #expect(sources["bad/code.md"]?["error"]?.hasPrefix("not a budget document") == true)
    #expect(sources["bad/cut.txt"]?["status"] == "partial")
    #expect(sources["bad/cut.txt"]?["error"]?.contains("truncated") == true)
    #expect(sources["bad/huge.txt"]?["status"] == "partial")
    #expect(sources["bad/huge.txt"]?["error"]?.hasPrefix("line 1 is 3000000 bytes long") == true)
    var items = try Self.itemsBySource(out)
    for (path, rows) in cleanItems { #expect(items[path] == rows, "\(path) as in the clean run") }
    #expect(items["bad/cut.txt"]?.isEmpty == false)
    #expect(items["bad/huge.txt"]?.count == cleanItems["2024/西安市长安区医疗保险经办机构.txt"]?.count)

    // Replace one good file by a broken copy: its rows go, every other file's stay.
    let victim = "2023/阳城县医疗保障局.txt"
    try Data([0xFF, 0xFE, 0x00, 0xD8]).write(to: URL(fileURLWithPath: input + "/" + victim))
    let second = try await PipelineRunnerTests.run(input: input, output: out)
    #expect(second.outcome == "rejected_documents")
    #expect(second.rejected == 5)
    items = try Self.itemsBySource(out)
    for (path, rows) in cleanItems where path != victim { #expect(items[path] == rows, "\(path) kept") }
    #expect(items[victim] == nil)
    #expect(try Self.sources(out)[victim]?["status"] == "rejected")
  }

  /// `sources` rows by path.
  static func sources(_ out: String) throws -> [String: [String: String]] {
    let records = CSVTestReader.parse(try PipelineRunnerTests.gunzipText(out + "/sources.csv.gz"))
    let header = records[0]
    var rows: [String: [String: String]] = [:]
    for r in records.dropFirst() {
      let d = Dictionary(uniqueKeysWithValues: zip(header, r))
      rows[d["source_path"]!] = d
    }
    return rows
  }

  /// The published `line_items` rows (CSV records) by the source path of their document.
  static func itemsBySource(_ out: String) throws -> [String: [[String]]] {
    let documents = CSVTestReader.parse(try PipelineRunnerTests.gunzipText(out + "/documents.csv.gz"))
    let pathOf = Dictionary(uniqueKeysWithValues: documents.dropFirst().map { ($0[0], $0[1]) })
    var items: [String: [[String]]] = [:]
    for record in CSVTestReader.parse(try PipelineRunnerTests.gunzipText(out + "/line_items.csv.gz")).dropFirst() {
      items[pathOf[record[0]]!, default: []].append(record)
    }
    return items
  }
}

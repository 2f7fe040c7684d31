import Foundation
import Testing

@testable import BudgetETL

/// The load's held-back input, on disk while a re-run finds every file unchanged.
@Suite struct HeldBackSpillTests {
  static func source(_ i: Int) -> SourceFile {
    SourceFile(
      path: "2024/\(String(format: "%06d", i))_麟游县医疗保障局\(String(repeating: "预算", count: i % 40)).txt",
      sha256: String(repeating: "ab", count: 32), encoding: i % 3 == 0 ? "GB18030" : "UTF-8", bytes: Int64(i) * 977,
      docID: i % 5 == 0 ? nil : String(format: "%016llx", UInt64(i) &* 0x9E37_79B9_7F4A_7C15),
      status: i % 7 == 0 ? .rejected : .ok, error: i % 7 == 0 ? "不是预算或决算文件" : nil,
      format: i % 11 == 0 ? .pdf : .text, converter: i % 11 == 0 ? "pdftotext 22.12.0" : nil)
  }

  /// 6,000 records take more than the 1 MiB a read-back hands over at a time, so records are
  /// cut across chunks and must be joined.
  @Test func filesComeBackInOrderAcrossReadChunks() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let spill = try HeldBackSpill(path: dir.path + "/held-back")
    for i in 0..<6_000 { try spill.add(source: Self.source(i), bundleKey: "key-\(i)", include: i % 4 != 0) }
    let spillFiles = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(spillFiles.count == 1 && spillFiles[0].hasPrefix("held-back.tmp-"))
    let size = try FileManager.default.attributesOfItem(atPath: dir.path + "/" + spillFiles[0])[.size] as! Int
    #expect(size > 1 << 20)

    var back: [(SourceFile, String, Bool)] = []
    try spill.replay { back.append(($0, $1, $2)) }
    #expect(back.count == 6_000)
    #expect(back.indices.allSatisfy { back[$0].0 == Self.source($0) })
    #expect(back.indices.allSatisfy { back[$0].1 == "key-\($0)" && back[$0].2 == ($0 % 4 != 0) })
  }

  @Test func theSpillFileGoesWithTheSpill() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    do {
      let spill = try HeldBackSpill(path: dir.path + "/held-back")
      try spill.add(source: Self.source(1), bundleKey: "k", include: true)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }
}

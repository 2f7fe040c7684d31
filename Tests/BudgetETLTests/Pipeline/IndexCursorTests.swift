import Foundation
import Testing

@testable import BudgetETL

/// The binary state index a re-run reads one record at a time gives what the JSON index says,
/// skips what it is not asked for, and a damaged one only costs a look at every file again.
@Suite struct IndexCursorTests {
  /// The seeds run once into `dir/out`: the input folder and the output folder.
  static func seeded(_ dir: TemporaryDirectory) async throws -> (input: String, out: String) {
    let input = dir.copySeeds()
    let out = dir.path + "/out"
    _ = try await PipelineRunnerTests.run(input: input, output: out)
    return (input, out)
  }

  @Test func recordsAreThoseOfTheJSONIndex() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let (_, out) = try await Self.seeded(dir)
    let json = try JSONDecoder().decode(StateIndex.self, from: Data(dir.read("out/_state/index.json")))
    let cursor = try #require(IndexCursor(path: out + "/_state/index.bin"))
    #expect(cursor.loadFingerprint == json.loadFingerprint)
    #expect(cursor.toolVersion == BudgetETLVersion.current)
    let paths = json.files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    #expect(paths.count == 5)
    // Ask for every other path, each after one that is not there (a prefix of it, so before it
    // in path order): the paths not asked for are skipped.
    for (i, path) in paths.enumerated() where i % 2 == 0 {
      #expect(cursor.lookup(String(path.dropLast())) == nil)
      let record = try #require(cursor.lookup(path))
      #expect(record.keys == json.files[path])
      #expect(record.entry?.source == json.entries[path]?.source)
      #expect(record.entry?.summary == json.entries[path]?.summary)
      #expect(record.entry?.size == json.entries[path]?.size)
    }
    #expect(cursor.lookup("zzz") == nil)
  }

  @Test func aDamagedIndexMeansLookingAgainNotWrongOutputs() async throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let (input, out) = try await Self.seeded(dir)
    let published = Datasets.all.map { dir.read("out/\($0.name).csv.gz") }
    let indexPath = out + "/_state/index.bin"
    let good = dir.read("out/_state/index.bin")
    // Cut in the middle of the records; then a flipped byte inside the first record's keys.
    var flipped = good
    flipped[IndexCursor.magic.count + 12] ^= 0xFF
    for damaged in [Array(good[0..<(good.count / 2)]), flipped] {
      try Data(damaged).write(to: URL(fileURLWithPath: indexPath))
      let again = try await PipelineRunnerTests.run(input: input, output: out)
      #expect(again.processed + again.skippedUnchanged == 5)
      #expect(Datasets.all.map { dir.read("out/\($0.name).csv.gz") } == published)
      #expect(dir.read("out/_state/index.bin") == good)
    }
  }
}

import Foundation
import Testing

@testable import BudgetETL

@Suite struct DirectoryWalkTests {
  /// A tree with nested folders, a hidden one, a `lost+found` (never walked: on an ext4 volume
  /// it is unreadable but to root), links to a folder, a file and nothing.
  static func makeTree() throws -> TemporaryDirectory {
    let dir = TemporaryDirectory("budget-etl-walk")
    let fm = FileManager.default
    for folder in ["2023/一月", "2024", ".hidden", "elsewhere/deep", "lost+found"] {
      try fm.createDirectory(atPath: dir.path + "/tree/" + folder, withIntermediateDirectories: true)
    }
    for file in ["2023/a.txt", "2023/一月/b.pdf", "2024/c.md", ".hidden/d.txt", "elsewhere/deep/e.txt", "top.txt", "lost+found/f.txt"] {
      try Data("预算".utf8).write(to: URL(fileURLWithPath: dir.path + "/tree/" + file))
    }
    try fm.createSymbolicLink(atPath: dir.path + "/tree/2024/linked-folder", withDestinationPath: dir.path + "/tree/elsewhere")
    try fm.createSymbolicLink(atPath: dir.path + "/tree/2024/linked.txt", withDestinationPath: dir.path + "/tree/top.txt")
    try fm.createSymbolicLink(atPath: dir.path + "/tree/dangling.txt", withDestinationPath: dir.path + "/tree/none")
    return dir
  }

  @Test func everyEntryOnceWithItsKindAndLinkedFoldersNotWalked() throws {
    let dir = try Self.makeTree()
    defer { dir.remove() }
    let walk = DirectoryWalk(root: dir.path + "/tree", strict: true)
    var seen: [String: DirectoryWalk.Kind] = [:]
    var order: [String] = []
    while let (path, name, kind) = try walk.next() {
      #expect(name == path.split(separator: "/").last!, "\(path)")
      #expect(seen[path] == nil, "\(path) twice")
      seen[path] = kind
      order.append(path)
      if path == ".hidden" { walk.skipDescendants() }
    }
    #expect(
      seen == [
        "2023": .directory, "2023/a.txt": .file, "2023/一月": .directory, "2023/一月/b.pdf": .file,
        "2024": .directory, "2024/c.md": .file, "2024/linked-folder": .linkedDirectory, "2024/linked.txt": .file,
        ".hidden": .directory, "elsewhere": .directory, "elsewhere/deep": .directory, "elsewhere/deep/e.txt": .file,
        "top.txt": .file, "dangling.txt": .file,
      ])
    // A folder comes before what it holds.
    for (path, _) in seen where path.contains("/") {
      let parent = String(path[..<path.lastIndex(of: "/")!])
      #expect(order.firstIndex(of: parent)! < order.firstIndex(of: path)!, "\(parent) after \(path)")
    }
  }

  @Test func aMissingRootThrowsWhenStrictAndIsEmptyOtherwise() throws {
    let missing = NSTemporaryDirectory() + "budget-etl-walk-missing-\(UUID().uuidString)"
    #expect(throws: FileIOError.open(path: missing, errno: ENOENT)) { _ = try DirectoryWalk(root: missing, strict: true).next() }
    #expect(try DirectoryWalk(root: missing, strict: false).next() == nil)
  }

  /// The input list: documents only, hidden and linked folders left out, links to files kept.
  @Test func discoverListsTheDocumentsInByteOrder() throws {
    let dir = try Self.makeTree()
    defer { dir.remove() }
    let list = try InputFile.discover(root: dir.path + "/tree", excluding: dir.path + "/tree/elsewhere")
    #expect(
      list.map(\.relativePath) == ["2023/a.txt", "2023/一月/b.pdf", "2024/c.md", "2024/linked.txt", "dangling.txt", "top.txt"])
  }

  /// Leftovers of a killed run go; everything else stays, wherever it is.
  @Test func temporaryFilesAreRemovedAtAnyDepth() throws {
    let dir = TemporaryDirectory("budget-etl-walk")
    defer { dir.remove() }
    let out = dir.path + "/out"
    try FileIO.createDirectory(out + "/_state/docs/ab")
    let kept = ["line_items.csv.gz", "_state/docs/ab/ab12.bundle", "_state/index.json"]
    let removed = ["line_items.csv.gz.tmp-123", "_state/docs/ab/ab12.bundle.tmp-9", "tables.parquet.tmp"]
    for file in kept + removed { try Data([1]).write(to: URL(fileURLWithPath: out + "/" + file)) }
    PipelineRunner.removeTemporaryFiles(in: out)
    for file in kept { #expect(FileIO.exists(out + "/" + file), "\(file) was removed") }
    for file in removed { #expect(!FileIO.exists(out + "/" + file), "\(file) was left") }
  }
}

import Foundation
import Testing

@testable import BudgetETL

/// `FileIO.createDirectory` answers from one mkdir(2) when it can, as FileManager would.
@Suite struct FileIOTests {
  static func mode(_ path: String) -> mode_t {
    var st = stat()
    #expect(stat(path, &st) == 0)
    return st.st_mode
  }

  @Test func createsFoldersAsFileManagerDoes() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    // Nested: the folders above are made too, with FileManager's permissions.
    try FileIO.createDirectory(dir.path + "/a/b/c")
    try FileManager.default.createDirectory(atPath: dir.path + "/x/y/z", withIntermediateDirectories: true)
    #expect(FileIO.isDirectory(dir.path + "/a/b/c"))
    #expect(Self.mode(dir.path + "/a/b/c") == Self.mode(dir.path + "/x/y/z"))
    #expect(Self.mode(dir.path + "/a") == Self.mode(dir.path + "/x"))
    // One level under an existing folder (mkdir alone), and a folder already there.
    try FileIO.createDirectory(dir.path + "/a/b/d")
    #expect(Self.mode(dir.path + "/a/b/d") == Self.mode(dir.path + "/x/y/z"))
    try FileIO.createDirectory(dir.path + "/a/b/c")
    // A file where the folder should be, or above it, is an error.
    try FileIO.writeAtomically([1], to: dir.path + "/f")
    #expect(throws: FileIOError.self) { try FileIO.createDirectory(dir.path + "/f") }
    #expect(throws: FileIOError.self) { try FileIO.createDirectory(dir.path + "/f/g") }
  }

  /// A whole file written with `creatingFolder` makes its missing folders, writes into an
  /// existing one without touching it, replaces a file there, and leaves no temporary file.
  @Test func writesAtomicallyCreatingFolders() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let path = dir.path + "/_state/extract/ab/abcdef.ckpt"
    let big = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    try FileIO.writeAtomically(big, to: path, durability: .checked, creatingFolder: true)
    #expect(try FileIO.readAll(path) == big)
    try FileIO.createDirectory(dir.path + "/x/y/z")
    #expect(Self.mode(dir.path + "/_state/extract/ab") == Self.mode(dir.path + "/x/y/z"))
    // A second file in the same folder, and the first replaced: small contents this time.
    try FileIO.writeAtomically([1, 2, 3], to: dir.path + "/_state/extract/ab/other.ckpt", creatingFolder: true)
    try FileIO.writeAtomically([9], to: path, durability: .durable, creatingFolder: true)
    #expect(try FileIO.readAll(path) == [9])
    #expect(try FileIO.readAll(dir.path + "/_state/extract/ab/other.ckpt") == [1, 2, 3])
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/_state/extract/ab").sorted()
    #expect(names == ["abcdef.ckpt", "other.ckpt"])
    // Without it, a missing folder is an error naming the file.
    do {
      try FileIO.writeAtomically([1], to: dir.path + "/missing/f")
      Issue.record("wrote into a folder that does not exist")
    } catch let error as FileIOError {
      #expect("\(error)".contains(dir.path + "/missing/f"))
    }
    #expect(!FileIO.exists(dir.path + "/missing"))
    // A file where the folder should be is an error, not a retry loop.
    #expect(throws: FileIOError.self) {
      try FileIO.writeAtomically([1], to: dir.path + "/_state/extract/ab/abcdef.ckpt/g", creatingFolder: true)
    }
  }
}

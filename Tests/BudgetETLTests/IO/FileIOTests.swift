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
}

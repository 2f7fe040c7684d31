import Foundation
import Testing

@testable import BudgetETL

/// The run's list of input files: discovered, filtered and sorted bytewise, held compactly.
@Suite struct InputFileListTests {
  @Test func pathsSortBytewiseAndComeBackWhole() {
    let list = InputFileList(
      root: "/archive", relativePaths: ["中.txt", "z.txt", "b.txt", "a/b.txt", "A.txt", "2024/温县医疗保障局.txt", ""])
    // Bytewise: "" < "2" < "A" (0x41) < "a" (0x61) < "b" < "z" < "中" (0xE4).
    #expect(list.map(\.relativePath) == ["", "2024/温县医疗保障局.txt", "A.txt", "a/b.txt", "b.txt", "z.txt", "中.txt"])
    #expect(list[1].absolutePath == "/archive/2024/温县医疗保障局.txt")
    #expect(list[1] == InputFile(root: "/archive", relativePath: "2024/温县医疗保障局.txt"))
    #expect(InputFileList(root: "/x", relativePaths: []).isEmpty)
  }

  /// Bytes, not Unicode: a decomposed é (e + U+0301) sorts with the e's, before f, and
  /// stays apart from the precomposed é (U+00E9), which sorts after f; each keeps its bytes.
  /// (Swift's `String <` would put f before both and `==` would merge the two é.)
  @Test func canonicallyEquivalentPathsStayApartInByteOrder() {
    let list = InputFileList(root: "/a", relativePaths: ["\u{E9}.txt", "f.txt", "e\u{301}.txt"])
    #expect(list.map { Array($0.relativePath.utf8) } == [
      Array("e\u{301}.txt".utf8), Array("f.txt".utf8), Array("\u{E9}.txt".utf8),
    ])
  }

  /// Hidden files and folders, the output folder, folders themselves and other extensions are
  /// left out; what is left comes in bytewise order.
  @Test func discoverSkipsWhatIsNotInput() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let fm = FileManager.default
    for folder in ["in/2024", "in/.git", "in/out/_state", "in/2023.txt"] {
      try fm.createDirectory(atPath: dir.path + "/" + folder, withIntermediateDirectories: true)
    }
    for file in [
      "in/2024/温县.txt", "in/2024/b.PDF", "in/2024/notes.docx", "in/.hidden.txt", "in/.git/x.txt",
      "in/out/line_items.csv.gz", "in/out/_state/a.txt", "in/a.md", "in/B.text",
    ] {
      _ = fm.createFile(atPath: dir.path + "/" + file, contents: Data("预算".utf8))
    }
    let list = try InputFile.discover(root: dir.path + "/in", excluding: dir.path + "/in/out")
    #expect(list.map(\.relativePath) == ["2024/b.PDF", "2024/温县.txt", "B.text", "a.md"])
    #expect(list.root == dir.path + "/in")
  }
}

import Foundation

/// An input file: its path relative to the input folder (`/`-separated) and on disk.
public struct InputFile: Sendable, Hashable {
  /// The input folder, as given.
  public var root: String
  public var relativePath: String
  public var absolutePath: String { root + "/" + relativePath }

  public init(root: String, relativePath: String) {
    self.root = root
    self.relativePath = relativePath
  }

  /// The file extensions the pipeline reads.
  public static let extensions: Set<String> = ["txt", "text", "md", "pdf"]

  /// Whether a file's name (not hidden) has one of ``extensions``, in any case: what
  /// `extensions.contains((name as NSString).pathExtension.lowercased())` says, on the bytes
  /// (NSString's answer for every file was 2% of a re-run). The extension is what follows the
  /// last dot, unless the dot ends the name; the extensions are ASCII, and no other character
  /// lowercases to their letters, so a non-ASCII extension is none of them.
  static func isDocument(name: Substring) -> Bool {
    let utf8 = name.utf8
    guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), dot != utf8.startIndex else { return false }
    let ext = utf8[utf8.index(after: dot)...]
    guard ext.allSatisfy({ $0 < 0x80 }) else { return false }
    return extensions.contains(String(decoding: ext, as: UTF8.self).lowercased())
  }

  /// Every input file under `root`, in bytewise order of the UTF-8 relative path; hidden
  /// files and folders and the `excluding` folder are skipped.
  ///
  /// `root` may be a symbolic link to the folder (an archive mounted elsewhere): the walk
  /// starts from its target, and the paths stay relative to `root`. Folders linked from inside
  /// the input are not followed.
  ///
  /// - Throws: ``ConfigurationError/missingInput(_:)`` when `root` is not a folder;
  ///   ``FileIOError/open(path:errno:)`` for a folder under it that cannot be read (passing it
  ///   over would drop its documents' rows); ``ConfigurationError/noDocuments(_:)`` when it
  ///   holds no document: a run on it would publish empty datasets over the last ones (an
  ///   unmounted or mistyped archive).
  public static func discover(root: String, excluding: String?) throws -> InputFileList {
    guard FileIO.isDirectory(root) else { throw ConfigurationError.missingInput(root) }
    // Walk from the link's target when the root is a symbolic link to the folder.
    let walk = DirectoryWalk(root: FileIO.realPath(root) ?? root, strict: true)
    var failure: (any Error)?
    // Read one at a time straight into the compact list.
    let files = sequence(state: walk) { walk -> String? in
      do {
        while let (item, name, kind) = try walk.next() {
          if name.hasPrefix(".") {
            walk.skipDescendants()
            continue
          }
          let absolute = root + "/" + item
          if let excluding, absolute == excluding || absolute.hasPrefix(excluding + "/") {
            walk.skipDescendants()
            continue
          }
          guard kind == .file else { continue }
          guard isDocument(name: name) else { continue }
          return item
        }
      } catch {
        failure = error
      }
      return nil
    }
    let list = InputFileList(root: root, relativePaths: files)
    if let failure { throw failure }
    guard !list.isEmpty else { throw ConfigurationError.noDocuments(root) }
    return list
  }
}

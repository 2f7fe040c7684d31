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

  /// Whether a file's name has one of ``extensions``, in any case.
  static func isDocument(name: Substring) -> Bool {
    FileName.asciiExtension(of: name).map(extensions.contains) ?? false
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

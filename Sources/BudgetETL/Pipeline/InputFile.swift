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

  /// Every input file under `root`, in bytewise order of the UTF-8 relative path; hidden
  /// files and folders and the `excluding` folder are skipped.
  ///
  /// `root` may be a symbolic link to the folder (an archive mounted elsewhere): the walk
  /// starts from its target, and the paths stay relative to `root`. Folders linked from inside
  /// the input are not followed.
  ///
  /// - Throws: ``ConfigurationError/missingInput(_:)`` when `root` is not a folder, and
  ///   ``ConfigurationError/noDocuments(_:)`` when it holds no document: a run on it would
  ///   publish empty datasets over the last ones (an unmounted or mistyped archive).
  public static func discover(root: String, excluding: String?) throws -> InputFileList {
    let fm = FileManager.default
    // Foundation's enumerator does not walk into a root that is a symbolic link.
    let walked = (try? fm.destinationOfSymbolicLink(atPath: root)) != nil ? FileIO.realPath(root) ?? root : root
    guard let enumerator = fm.enumerator(atPath: walked) else { throw ConfigurationError.missingInput(root) }
    // Read one at a time straight into the compact list.
    let files = sequence(state: enumerator) { enumerator -> String? in
      while let item = enumerator.nextObject() as? String {
        let absolute = root + "/" + item
        if item.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
          enumerator.skipDescendants()
          continue
        }
        if let excluding, absolute == excluding || absolute.hasPrefix(excluding + "/") {
          enumerator.skipDescendants()
          continue
        }
        guard !FileIO.isDirectory(absolute) else { continue }
        let ext = (item as NSString).pathExtension.lowercased()
        guard extensions.contains(ext) else { continue }
        return item
      }
      return nil
    }
    let list = InputFileList(root: root, relativePaths: files)
    guard !list.isEmpty else { throw ConfigurationError.noDocuments(root) }
    return list
  }
}

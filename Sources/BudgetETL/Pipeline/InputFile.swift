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
  public static func discover(root: String, excluding: String?) throws -> InputFileList {
    let fm = FileManager.default
    guard let enumerator = fm.enumerator(atPath: root) else { throw ConfigurationError.missingInput(root) }
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
    return InputFileList(root: root, relativePaths: files)
  }
}

/// The input files of a run, in bytewise order of their UTF-8 relative paths, held compactly:
/// the paths back to back in one buffer, with where each ends.
///
/// A run holds this list for its whole length, and it is the one thing it holds per file of
/// the archive: about 60 bytes a file (the path's UTF-8 and 4 bytes), where an array of
/// ``InputFile`` takes about 130 (two string headers and a heap block per path).
/// An ``InputFile`` is made when an element is read.
public struct InputFileList: RandomAccessCollection, Sendable {
  /// The input folder the paths are relative to.
  public let root: String
  private let paths: [UInt8]
  /// Where each path ends in `paths` (the next starts there).
  private let ends: [UInt32]

  /// Sorts `relativePaths` bytewise and holds them.
  public init<S: Sequence>(root: String, relativePaths: S) where S.Element == String {
    var unsortedPaths: [UInt8] = []
    var unsortedEnds: [UInt32] = []
    for path in relativePaths {
      unsortedPaths.append(contentsOf: path.utf8)
      precondition(unsortedPaths.count <= Int(UInt32.max), "input paths take over 4 GiB")
      unsortedEnds.append(UInt32(unsortedPaths.count))
    }
    func range(_ i: Int) -> Range<Int> { Self.range(i, ends: unsortedEnds) }
    var order = Array(unsortedEnds.indices)
    unsortedPaths.withUnsafeBufferPointer { bytes in
      order.sort { bytes[range($0)].lexicographicallyPrecedes(bytes[range($1)]) }
    }
    var paths: [UInt8] = []
    paths.reserveCapacity(unsortedPaths.count)
    var ends: [UInt32] = []
    ends.reserveCapacity(order.count)
    for i in order {
      paths.append(contentsOf: unsortedPaths[range(i)])
      ends.append(UInt32(paths.count))
    }
    self.root = root
    self.paths = paths
    self.ends = ends
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { ends.count }

  public subscript(position: Int) -> InputFile {
    InputFile(root: root, relativePath: String(decoding: paths[Self.range(position, ends: ends)], as: UTF8.self))
  }

  /// Where path `i` is, given where each path ends.
  private static func range(_ i: Int, ends: [UInt32]) -> Range<Int> {
    (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i])
  }
}

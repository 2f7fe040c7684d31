/// File names read on their bytes: asking `NSString` for every file's extension was 2–4% of a
/// re-run over unchanged input.
enum FileName {
  /// The extension of `path`'s last component, lowercased, as
  /// `(path as NSString).pathExtension.lowercased()` gives it when it is ASCII; nil when there
  /// is none (no dot after the component's first byte, or nothing after the dot) and when it
  /// is not ASCII. Every extension the pipeline reads is ASCII, and no other character
  /// lowercases to one of them.
  static func asciiExtension(of path: Substring) -> String? {
    let utf8 = path.utf8
    var end = utf8.endIndex
    // Trailing slashes are no part of the last component (NSString skips them).
    while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") { end = utf8.index(before: end) }
    let component = utf8[..<end]
    let start = component.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
    // A dot that starts the component names a hidden file, not an extension.
    guard let dot = component.lastIndex(of: UInt8(ascii: ".")), dot > start else { return nil }
    let ext = component[component.index(after: dot)...]
    guard !ext.isEmpty, ext.allSatisfy({ $0 < 0x80 }) else { return nil }
    return String(decoding: ext, as: UTF8.self).lowercased()
  }

  /// Whether `path` is named `.pdf`, in any case.
  static func isPDF(_ path: String) -> Bool { asciiExtension(of: path[...]) == "pdf" }
}

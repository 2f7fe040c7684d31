import Foundation

/// Limits that keep one absurd line from stalling a document or eating memory: a line of
/// megabytes (a blob, a whole file without line ends) is not read, and a row of thousands of
/// cells is cut. Real budget text stays far below both: a long paragraph has a few thousand
/// characters, a wide table a few dozen columns.
public struct LineLimits: Sendable, Hashable {
  /// Longest line read, in UTF-8 bytes.
  public var maxBytes = 100_000
  /// Most cells of a tab-separated row read.
  public var maxCells = 256

  public init() {}

  /// The tabs in `text` (``Swift/String/tabCount(_:)``, eight bytes at a time).
  static func tabCount(_ text: String) -> Int {
    text.withUTF8Bytes { String.tabCount($0) }
  }

  /// The lines with each over-long line blanked and each over-wide row cut, and one sentence
  /// per kind of problem found (empty when none).
  ///
  /// - Complexity: O(n) in the bytes of the lines.
  public func apply(_ lines: [SourceLine]) -> (lines: [SourceLine], problems: [String]) {
    var out = lines
    var long: [(line: Int, bytes: Int)] = []
    var wide: [(line: Int, cells: Int)] = []
    for (i, line) in lines.enumerated() {
      let bytes = line.text.utf8.count
      if bytes > maxBytes {
        long.append((line.number, bytes))
        out[i].text = ""
        continue
      }
      // Most lines are far below the limit: a line of fewer bytes than `maxCells` cannot hold
      // that many tabs, and is not searched for them at all (a `memchr` per tab of every
      // table line was 0.2% of a run); the others' tabs are counted on the bytes, and only a
      // line at the limit is walked again for where to cut it.
      guard bytes >= maxCells, Self.tabCount(line.text) >= maxCells else { continue }
      var tabs = 0
      var cut: String.UTF8View.Index?
      for index in line.text.utf8.indices where line.text.utf8[index] == 0x09 {
        tabs += 1
        if tabs == maxCells { cut = index }
      }
      if tabs >= maxCells, let cut {
        wide.append((line.number, tabs + 1))
        out[i].text = String(line.text[..<cut])
      }
    }
    var problems: [String] = []
    if let first = long.first {
      let more = long.count > 1 ? " and \(long.count - 1) more" : ""
      problems.append(
        "line \(first.line) is \(first.bytes) bytes long\(more) (limit \(maxBytes)): not read; is this a text file with line ends?")
    }
    if let first = wide.first {
      let more = wide.count > 1 ? " and \(wide.count - 1) more rows" : ""
      problems.append("line \(first.line) has \(first.cells) cells\(more) (limit \(maxCells)): cells past \(maxCells) not read")
    }
    return (out, problems)
  }
}

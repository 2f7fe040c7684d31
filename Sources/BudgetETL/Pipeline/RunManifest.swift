import Foundation

/// A run's manifest (`_runs/<run>.json`, `_state/last-run.json`): the ``RunSummary`` as
/// `JSONEncoder` prints it (pretty, sorted keys, slashes unescaped), byte for byte. The one part
/// that grows with the number of documents, `findingsByDocument`, is printed one document at a
/// time: the encoder builds a tree of the whole value first, which costs several times the
/// output.
enum RunManifest {
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// Writes the manifest to every path, each atomically; `findings` (when given) holds every
  /// document's findings, in path order, in place of the summary's own list.
  static func write(_ summary: RunSummary, findings: FindingsSpill? = nil, to paths: [String]) throws {
    let writers = try paths.map { try FileIO.AtomicWriter(path: $0) }
    try encode(summary, findings: findings) { bytes in for w in writers { try w.write(bytes) } }
    for w in writers { try w.commit() }
  }

  /// Hands the manifest's bytes to `emit`, in pieces.
  static func encode(_ summary: RunSummary, findings: FindingsSpill? = nil, emit: ([UInt8]) throws -> Void) throws {
    let encoder = encoder()
    var rest = summary
    rest.findingsByDocument = [:]
    let head = Array(try encoder.encode(rest))
    let empty = Array("\"findingsByDocument\" : {\n\n  }".utf8)
    let any = findings.map { $0.count > 0 } ?? !summary.findingsByDocument.isEmpty
    guard any, let at = head.firstRange(of: empty) else {
      try emit(head + [0x0A])
      return
    }
    try emit(Array(head[..<at.lowerBound]) + Array("\"findingsByDocument\" : {\n".utf8))
    if let findings {
      try findings.replay(emit)
    } else {
      let paths = summary.findingsByDocument.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      for (i, path) in paths.enumerated() {
        try emit(fragment(path: path, rules: summary.findingsByDocument[path]!, first: i == 0))
      }
    }
    try emit(Array("\n  }".utf8) + Array(head[at.upperBound...]) + [0x0A])
  }

  /// One document's entry of `findingsByDocument` as the encoder prints it inside the manifest:
  /// `{\n  "path" : {\n    "rule" : n\n  }\n}`'s inner lines, two spaces deeper (an empty
  /// object's blank line stays blank), after `,\n` unless it is the first. Printed by hand
  /// (``EncoderJSON``): the encoder, called per document, was 7% of a re-run.
  static func fragment(path: String, rules: [String: Int], first: Bool) -> [UInt8] {
    var json = EncoderJSON(escapesSlashes: false, capacity: 128)
    if !first { json.raw(",\n") }
    json.raw("    ")
    json.string(path)
    json.raw(" : {\n")
    for (i, rule) in EncoderJSON.sortedKeys(rules).enumerated() {
      if i > 0 { json.raw(",\n") }
      json.raw("      ")
      json.string(rule)
      json.raw(" : ")
      json.integer(rules[rule]!)
    }
    // An empty object keeps its blank line: `{\n\n    }`.
    json.raw("\n    }")
    return json.bytes
  }
}

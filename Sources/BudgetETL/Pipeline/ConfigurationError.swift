/// A configuration that cannot run: names the key or path and the fix.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  case invalidJSON(path: String, reason: String)
  case unknownKey(String, allowed: [String])
  case wrongType(key: String, expected: String)
  case invalidValue(key: String, reason: String)
  case missingInput(String)
  /// The input folder holds no file the pipeline reads.
  case noDocuments(String)
  case outputInsideInput(output: String, input: String)
  /// The output path exists and is a file.
  case outputNotAFolder(String)
  case unknownStage(String)
  case missingDependency(stage: String, dependency: String)
  case duplicateStage(String)
  case cycle([String])

  public var description: String {
    switch self {
    case .unreadable(let p, let r):
      return "cannot read configuration \(p): \(Self.oneLine(r)); pass an existing file with --config FILE"
    case .invalidJSON(let p, let r):
      return "configuration \(p) is not valid JSON: \(Self.oneLine(r)); fix its syntax (a missing quote or comma, a trailing comma)"
    case .unknownKey(let k, let allowed):
      return "unknown configuration key \"\(k)\"; remove it or use one of: \(allowed.joined(separator: ", "))"
    case .wrongType(let k, let t): return "configuration key \"\(k)\" must be \(t)"
    case .invalidValue(let k, let r): return "configuration key \"\(k)\": \(r)"
    case .missingInput(let p): return "input folder \(p) does not exist; pass --input DIR or set \"input\" in pipeline.json"
    case .noDocuments(let p):
      return "input folder \(p) holds no documents (.\(InputFile.extensions.sorted().joined(separator: ", ."))); "
        + "nothing was run and the published datasets are unchanged: check that the archive is mounted "
        + "and that --input or \"input\" in pipeline.json names it"
    case .outputInsideInput(let o, let i):
      return "output folder \(o) is inside the input folder \(i); choose an output folder outside it"
    case .outputNotAFolder(let o):
      return "output path \(o) is a file, not a folder; pass --output DIR or set \"output\" in pipeline.json to a folder"
    case .unknownStage(let s): return "unknown stage \"\(s)\"; known stages: \(StageKind.allCases.map(\.rawValue).joined(separator: ", "))"
    case .missingDependency(let s, let d):
      return "stage \"\(s)\" depends on \"\(d)\", which is not declared; declare it or remove it from depends_on"
    case .duplicateStage(let s): return "stage \"\(s)\" is declared twice; keep one"
    case .cycle(let path): return "stage graph has a cycle: \(path.joined(separator: " -> "))"
    }
  }

  /// A reason from the system on one line (its line breaks become spaces).
  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
  }
}

/// A configuration that cannot run: names the key or path and the fix.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  case invalidJSON(path: String, reason: String)
  case unknownKey(String, allowed: [String])
  case wrongType(key: String, expected: String)
  case invalidValue(key: String, reason: String)
  case missingInput(String)
  case outputInsideInput(output: String, input: String)
  case unknownStage(String)
  case missingDependency(stage: String, dependency: String)
  case duplicateStage(String)
  case cycle([String])

  public var description: String {
    switch self {
    case .unreadable(let p, let r): return "cannot read configuration \(p): \(r)"
    case .invalidJSON(let p, let r): return "configuration \(p) is not valid JSON: \(r)"
    case .unknownKey(let k, let allowed):
      return "unknown configuration key \"\(k)\"; allowed here: \(allowed.joined(separator: ", "))"
    case .wrongType(let k, let t): return "configuration key \"\(k)\" must be \(t)"
    case .invalidValue(let k, let r): return "configuration key \"\(k)\": \(r)"
    case .missingInput(let p): return "input folder \(p) does not exist; pass --input DIR or set \"input\" in pipeline.json"
    case .outputInsideInput(let o, let i):
      return "output folder \(o) is inside the input folder \(i); choose an output folder outside it"
    case .unknownStage(let s): return "unknown stage \"\(s)\"; known stages: \(StageKind.allCases.map(\.rawValue).joined(separator: ", "))"
    case .missingDependency(let s, let d): return "stage \"\(s)\" depends on \"\(d)\", which is not declared"
    case .duplicateStage(let s): return "stage \"\(s)\" is declared twice"
    case .cycle(let path): return "stage graph has a cycle: \(path.joined(separator: " -> "))"
    }
  }
}

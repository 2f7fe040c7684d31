import Foundation

/// The kinds of stage the runner knows.
public enum StageKind: String, Sendable, CaseIterable, Codable {
  case extract, transform, validate, load
}

/// One stage as `pipeline.json` declares it.
public struct StageSpec: Sendable, Hashable {
  public var id: String
  public var dependsOn: [String]
  /// The stage's options, as canonical JSON (sorted keys): part of its checkpoint key.
  public var optionsJSON: String
}

/// The pipeline's configuration: `pipeline.json`, with the command-line flags applied.
public struct PipelineConfig: Sendable, Hashable {
  public var input: String = "data"
  public var output: String = "out"
  /// Documents processed at once; 0 means one per core.
  public var workers: Int = 0
  /// Whether a run keeps each document's extract and transform checkpoints (`stage_checkpoints`).
  /// They let `--from transform`, `--from validate`, `--only validate` and a change of a later
  /// stage's options skip the stages before; without them those runs extract (and transform)
  /// again. The bundles that a re-run and a killed run resume from are written either way.
  /// Writing them costs about 5% of a full run (docs/PERFORMANCE.md, tenth round).
  public var stageCheckpoints = true
  public var stages: [StageSpec] = PipelineConfig.defaultStages
  public var extract = ExtractOptions()
  public var transform = TransformOptions()
  public var validate = ValidateOptions()
  public var load = LoadOptions()

  public struct ExtractOptions: Sendable, Hashable {
    /// Watermark phrases besides the built-in ones.
    public var watermarks: [String] = []
  }
  public struct TransformOptions: Sendable, Hashable {
    public var maskPhoneNumbers = true
  }
  public struct ValidateOptions: Sendable, Hashable {
    /// Treat `error` findings as a failed run.
    public var strict = false
  }
  public struct LoadOptions: Sendable, Hashable {
    public var gzipLevel = 6
    public var parquet = true
    public var rowGroupRows = 65_536
  }

  public init() {}

  public static let defaultStages: [StageSpec] = [
    StageSpec(id: "extract", dependsOn: [], optionsJSON: "{}"),
    StageSpec(id: "transform", dependsOn: ["extract"], optionsJSON: "{}"),
    StageSpec(id: "validate", dependsOn: ["transform"], optionsJSON: "{}"),
    StageSpec(id: "load", dependsOn: ["validate"], optionsJSON: "{}"),
  ]

  /// Reads `pipeline.json`; every unknown key or wrong type is an error naming the key.
  public static func load(path: String) throws -> PipelineConfig {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw ConfigurationError.unreadable(path: path, reason: (error as NSError).localizedDescription)
    }
    let object: Any
    do { object = try JSONSerialization.jsonObject(with: data) } catch {
      throw ConfigurationError.invalidJSON(path: path, reason: (error as NSError).localizedDescription)
    }
    return try parse(object)
  }

  public static func parse(_ object: Any) throws -> PipelineConfig {
    guard let root = object as? [String: Any] else { throw ConfigurationError.wrongType(key: "(root)", expected: "an object") }
    var config = PipelineConfig()
    try checkKeys(root, allowed: ["input", "output", "workers", "stage_checkpoints", "stages", "$comment"], context: "")
    if let v = root["input"] { config.input = try string(v, key: "input") }
    if let v = root["output"] { config.output = try string(v, key: "output") }
    if let v = root["workers"] {
      config.workers = try int(v, key: "workers")
      if config.workers < 0 { throw ConfigurationError.invalidValue(key: "workers", reason: "must be 0 (one per core) or more") }
    }
    if let v = root["stage_checkpoints"] { config.stageCheckpoints = try bool(v, key: "stage_checkpoints") }
    if let v = root["stages"] {
      guard let list = v as? [Any] else { throw ConfigurationError.wrongType(key: "stages", expected: "a list of stages") }
      var specs: [StageSpec] = []
      for (i, item) in list.enumerated() {
        let key = "stages[\(i)]"
        guard let stage = item as? [String: Any] else { throw ConfigurationError.wrongType(key: key, expected: "an object") }
        try checkKeys(stage, allowed: ["id", "depends_on", "options"], context: key + ".")
        guard let idValue = stage["id"] else { throw ConfigurationError.invalidValue(key: key + ".id", reason: "is required") }
        let id = try string(idValue, key: key + ".id")
        guard let kind = StageKind(rawValue: id) else { throw ConfigurationError.unknownStage(id) }
        var deps: [String] = []
        if let d = stage["depends_on"] {
          guard let ds = d as? [Any] else { throw ConfigurationError.wrongType(key: key + ".depends_on", expected: "a list of stage ids") }
          deps = try ds.enumerated().map { try string($0.element, key: key + ".depends_on[\($0.offset)]") }
        }
        let options = stage["options"] ?? [String: Any]()
        guard let opts = options as? [String: Any] else { throw ConfigurationError.wrongType(key: key + ".options", expected: "an object") }
        try config.apply(options: opts, to: kind, context: key + ".options.")
        let canonical = try JSONSerialization.data(withJSONObject: opts, options: [.sortedKeys, .withoutEscapingSlashes])
        specs.append(StageSpec(id: id, dependsOn: deps, optionsJSON: String(decoding: canonical, as: UTF8.self)))
      }
      config.stages = specs
    }
    _ = try StageGraph(config.stages)
    return config
  }

  mutating func apply(options: [String: Any], to kind: StageKind, context: String) throws {
    switch kind {
    case .extract:
      try Self.checkKeys(options, allowed: ["watermarks"], context: context)
      if let v = options["watermarks"] {
        guard let list = v as? [String] else { throw ConfigurationError.wrongType(key: context + "watermarks", expected: "a list of strings") }
        extract.watermarks = list
      }
    case .transform:
      try Self.checkKeys(options, allowed: ["mask_phone_numbers"], context: context)
      if let v = options["mask_phone_numbers"] { transform.maskPhoneNumbers = try Self.bool(v, key: context + "mask_phone_numbers") }
    case .validate:
      try Self.checkKeys(options, allowed: ["strict"], context: context)
      if let v = options["strict"] { validate.strict = try Self.bool(v, key: context + "strict") }
    case .load:
      try Self.checkKeys(options, allowed: ["gzip_level", "parquet", "row_group_rows"], context: context)
      if let v = options["gzip_level"] {
        load.gzipLevel = try Self.int(v, key: context + "gzip_level")
        guard (1...9).contains(load.gzipLevel) else {
          throw ConfigurationError.invalidValue(key: context + "gzip_level", reason: "must be 1 to 9")
        }
      }
      if let v = options["parquet"] { load.parquet = try Self.bool(v, key: context + "parquet") }
      if let v = options["row_group_rows"] {
        load.rowGroupRows = try Self.int(v, key: context + "row_group_rows")
        guard load.rowGroupRows >= 1 else {
          throw ConfigurationError.invalidValue(key: context + "row_group_rows", reason: "must be at least 1")
        }
      }
    }
  }

  static func checkKeys(_ object: [String: Any], allowed: [String], context: String) throws {
    for key in object.keys.sorted() where !allowed.contains(key) {
      throw ConfigurationError.unknownKey(context + key, allowed: allowed)
    }
  }

  static func string(_ v: Any, key: String) throws -> String {
    guard let s = v as? String else { throw ConfigurationError.wrongType(key: key, expected: "a string") }
    return s
  }

  static func int(_ v: Any, key: String) throws -> Int {
    guard let n = v as? NSNumber, !isJSONBool(v), n.doubleValue == n.doubleValue.rounded() else {
      throw ConfigurationError.wrongType(key: key, expected: "a whole number")
    }
    return n.intValue
  }

  static func bool(_ v: Any, key: String) throws -> Bool {
    guard let n = v as? NSNumber, isJSONBool(v) else {
      throw ConfigurationError.wrongType(key: key, expected: "true or false")
    }
    return n.boolValue
  }

  /// JSON `true`/`false` (Foundation boxes them as a boolean NSNumber subclass).
  static func isJSONBool(_ v: Any) -> Bool {
    String(describing: type(of: v)).contains("Boolean") || type(of: v) == Bool.self
  }

  /// The options of a stage kind, as canonical JSON (for checkpoint keys).
  public func optionsJSON(of kind: StageKind) -> String {
    stages.first { $0.id == kind.rawValue }?.optionsJSON ?? "{}"
  }
}

/// The stages as a directed acyclic graph, checked and ordered.
public struct StageGraph: Sendable {
  /// Stage ids in dependency order (ties broken by declaration order).
  public let order: [String]

  public init(_ stages: [StageSpec]) throws {
    var byID: [String: StageSpec] = [:]
    for s in stages {
      guard StageKind(rawValue: s.id) != nil else { throw ConfigurationError.unknownStage(s.id) }
      if byID[s.id] != nil { throw ConfigurationError.duplicateStage(s.id) }
      byID[s.id] = s
    }
    for s in stages {
      for d in s.dependsOn where byID[d] == nil { throw ConfigurationError.missingDependency(stage: s.id, dependency: d) }
    }
    // Depth-first search keeping the current path, so a cycle is reported with its stages.
    var order: [String] = []
    var state: [String: Int] = [:]  // 1 visiting, 2 done
    var path: [String] = []
    func visit(_ id: String) throws {
      if state[id] == 2 { return }
      if state[id] == 1 {
        let start = path.firstIndex(of: id) ?? 0
        throw ConfigurationError.cycle(Array(path[start...]) + [id])
      }
      state[id] = 1
      path.append(id)
      for d in byID[id]!.dependsOn { try visit(d) }
      path.removeLast()
      state[id] = 2
      order.append(id)
    }
    for s in stages { try visit(s.id) }
    self.order = order
  }
}

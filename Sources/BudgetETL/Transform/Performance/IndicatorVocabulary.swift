/// The level names of 绩效指标 forms (一级指标, 二级指标), so that levels come from what a cell
/// says rather than from the column OCR put it in.
enum IndicatorVocabulary {
  /// A level name found in a cell.
  enum Term: Equatable {
    case level1(String)
    case level2(String)
    /// `成本指标`: a level-1 name in newer templates, a level-2 name under 产出指标 in older ones.
    case cost
  }

  static let level1Names: Set<String> = ["产出指标", "效益指标", "满意度指标", "投入管理指标"]

  /// Level-2 names and the level-1 name each belongs to.
  static let level2Parents: [String: String] = [
    "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标",
    "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标",
    "经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",
  ]

  static let costName = "成本指标"

  /// The level name a cell holds, if any. A cell cut short by the printer (`服务对象满意度指`) or
  /// printed without `指标` (`服务对象满意度`) gives the full name, when at least five characters
  /// of it are there.
  static func term(_ cell: String) -> Term? {
    let c = PerformanceText.compact(cell)
    if let onBytes = termOfInertText(c) { return onBytes }
    return termComparingStrings(compacted: c)
  }

  /// ``term(_:)`` of a compacted cell through string comparisons: for cells that are not
  /// inert, and the reading ``termOfInertText(_:)`` is tested against.
  static func termComparingStrings(compacted c: String) -> Term? {
    guard !c.hasAtMostCharacters(3) else { return nil }
    // The names are inert: a cell that settles comparisons on bytes is compared byte by byte
    // with the fifteen names instead of being hashed (normalizing Chinese text) twice.
    let settled = c.comparesOnBytes
    if c.isLiteral(costName, settledOnBytes: settled) { return .cost }
    if settled {
      if level1Names.contains(where: { c.isLiteral($0, settledOnBytes: true) }) { return .level1(c) }
      if level2Parents.keys.contains(where: { c.isLiteral($0, settledOnBytes: true) }) { return .level2(c) }
    } else {
      if level1Names.contains(c) { return .level1(c) }
      if level2Parents[c] != nil { return .level2(c) }
    }
    if !c.hasAtMostCharacters(4) {
      // The names are inert: a cell that is too can be compared byte by byte.
      let inert = c.allScalarsInert
      for name in level2Names where inert ? name.hasLiteralPrefix(c) : name.hasPrefix(c) { return .level2(name) }
    }
    return nil
  }

  /// The level-2 names in a fixed order: a cut name is the first that starts with the cell. No
  /// two share their first five characters (a test holds the vocabulary to it), so the order
  /// decides nothing; the dictionary's own order changes from one process to the next.
  static let level2Names = level2Parents.keys.sorted()

  /// The level-1 name that a level-2 name implies, if it implies one.
  static func parent(ofLevel2 name: String) -> String? { level2Parents[name] }

  static func isCostLevel2(_ name: String) -> Bool { level2Parents[name] == costName }
}

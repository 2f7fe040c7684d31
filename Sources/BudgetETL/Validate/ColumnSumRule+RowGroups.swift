extension ColumnSumRule {
  /// One row's cells grouped by measure path, kept by group id (``MeasurePaths``) in arrays
  /// that live through a whole table: a dictionary of groups, each with a set of subgroups, made
  /// afresh for every row, was most of the rule's time outside ``MeasurePaths``. Cleared row by
  /// row, only the groups the row touched.
  struct RowGroups {
    /// Per group id: the items of its total columns and of its parts, and its subgroups' ids
    /// (each once, in the order they were first added).
    private(set) var totals: [[Int]]
    private(set) var parts: [[Int]]
    private(set) var subgroups: [[Int]]
    /// The ids of the groups the row has, in the order they were first added.
    private(set) var present: [Int] = []
    private var isPresent: [Bool]

    /// Room for the ids `0..<count`.
    init(count: Int) {
      totals = Array(repeating: [], count: count)
      parts = Array(repeating: [], count: count)
      subgroups = Array(repeating: [], count: count)
      isPresent = Array(repeating: false, count: count)
    }

    /// True when the row has group `id` (a part, a total or a subgroup was added to it).
    func has(_ id: Int) -> Bool { isPresent[id] }

    private mutating func touch(_ id: Int) {
      if !isPresent[id] {
        isPresent[id] = true
        present.append(id)
      }
    }

    mutating func addTotal(_ item: Int, to id: Int) {
      touch(id)
      totals[id].append(item)
    }

    mutating func addPart(_ item: Int, to id: Int) {
      touch(id)
      parts[id].append(item)
    }

    mutating func addSubgroup(_ name: Int, to id: Int) {
      touch(id)
      if !subgroups[id].contains(name) { subgroups[id].append(name) }
    }

    /// `present` in the order `precedes` gives.
    mutating func sortPresent(by precedes: (Int, Int) -> Bool) { present.sort(by: precedes) }

    /// Group `id`'s subgroups in the order `precedes` gives.
    mutating func sortSubgroups(of id: Int, by precedes: (Int, Int) -> Bool) { subgroups[id].sort(by: precedes) }

    /// Empties the groups of the last row, keeping their storage.
    mutating func clear() {
      for id in present {
        totals[id].removeAll(keepingCapacity: true)
        parts[id].removeAll(keepingCapacity: true)
        subgroups[id].removeAll(keepingCapacity: true)
        isPresent[id] = false
      }
      present.removeAll(keepingCapacity: true)
    }
  }
}

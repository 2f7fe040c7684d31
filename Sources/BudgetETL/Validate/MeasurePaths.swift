/// The measure paths of one table's line items, split once: each item's group (its path
/// without the last level) and the chain of subgroups up to the root, as small integer ids.
///
/// The column-sum rule groups a row's items by these paths. Splitting, joining and hashing
/// the Chinese path strings for every item of every row was most of its time; here each
/// distinct measure is split once and each distinct group name hashed once, and a row's
/// groups are keyed by id. Ids are ordered as their names are (`String`'s `<`), so the rule
/// visits groups in the order it always did.
struct MeasurePaths {
  struct Info {
    /// The id of the path without its last level ("" at the top).
    var parent: Int
    /// Each proper prefix of the path, longest first, with the prefix one level up from it.
    var chain: [(name: Int, up: Int)]
  }

  private var ids: [String: Int] = [:]
  private var names: [String] = []
  /// The distinct measures' infos, and for each item the position of its measure's.
  private var infos: [Info] = []
  private var infoOfItem: [Int] = []
  /// `rank[id]`: the position of the id's name among all names in `String` order.
  private var rank: [Int] = []
  /// Whether a group's last level is 合计, 小计 or 总计, by id.
  private(set) var endsInTotalWord: [Bool] = []

  init(_ items: [LineItem]) {
    var byMeasure: [String: Int] = [:]
    // The items of one column mostly share a measure: one whose bytes equal the last one seen
    // in the column is the same `String` and needs no hashing.
    // By column number (small and positive: a column index + 1); an array, not a dictionary.
    var lastInColumn: [(measure: String, info: Int)?] = []
    infoOfItem.reserveCapacity(items.count)
    for item in items {
      let column = item.colNo
      if column >= 0, column < lastInColumn.count, let last = lastInColumn[column],
        last.measure.utf8.count == item.measure.utf8.count, last.measure.utf8Matches(item.measure, at: 0)
      {
        infoOfItem.append(last.info)
        continue
      }
      let known: Int
      if let seen = byMeasure[item.measure] {
        known = seen
      } else {
        let path = item.measure.split(separator: "/").map(String.init)
        var prefix = Array(path.dropLast())
        let parent = id(prefix.joined(separator: "/"))
        var chain: [(name: Int, up: Int)] = []
        while !prefix.isEmpty {
          let name = id(prefix.joined(separator: "/"))
          let up = id(prefix.dropLast().joined(separator: "/"))
          chain.append((name, up))
          prefix.removeLast()
        }
        known = infos.count
        infos.append(Info(parent: parent, chain: chain))
        byMeasure[item.measure] = known
      }
      infoOfItem.append(known)
      if column >= 0, column < 4_096 {
        if column >= lastInColumn.count { lastInColumn += Array(repeating: nil, count: column + 1 - lastInColumn.count) }
        lastInColumn[column] = (item.measure, known)
      }
    }
    let order = names.indices.sorted { names[$0] < names[$1] }
    rank = [Int](repeating: 0, count: names.count)
    for (position, id) in order.enumerated() { rank[id] = position }
    endsInTotalWord = names.map { name in
      ColumnSumRule.isTotalWord(name.split(separator: "/").last.map(String.init) ?? name)
    }
  }

  private mutating func id(_ name: String) -> Int {
    if let known = ids[name] { return known }
    ids[name] = names.count
    names.append(name)
    return names.count - 1
  }

  /// The group and chain of the item at position `index` among the items given.
  func info(at index: Int) -> Info { infos[infoOfItem[index]] }

  /// `String` order of the ids' names, as a closure that holds only the ranks (passing
  /// `precedes` itself would copy the whole struct for every sort).
  var order: (Int, Int) -> Bool {
    let rank = self.rank
    return { rank[$0] < rank[$1] }
  }
}

/// The measure paths of one table's line items, split once: each item's group (its path
/// without the last level) and the chain of subgroups up to the root, as small integer ids.
///
/// The column-sum rule groups a row's items by these paths. Splitting, joining and hashing
/// the Chinese path strings for every item of every row was most of its time; here each
/// distinct measure is split once and each distinct group name hashed once, and a row's
/// groups are keyed by id. Ids are ordered as their names are (`String`'s `<`), so the rule
/// visits groups in the order it always did.
///
/// When every measure is inert text (``LiteralSearch/isInert(_:)``: each scalar a character
/// of its own with no other canonically equivalent spelling), the paths are split, joined,
/// hashed and ordered on their UTF-8 bytes: there `String`'s `==` is byte equality, its `<`
/// is byte order (the order of the scalars) and every `/` byte is a `/` character. Otherwise
/// ``init(characters:)`` reads them as `String`s. Both give the same ids in the same order.
struct MeasurePaths {
  struct Info {
    /// The id of the path without its last level ("" at the top).
    var parent: Int
    /// Each proper prefix of the path, longest first, with the prefix one level up from it.
    var chain: [(name: Int, up: Int)]
  }

  /// The distinct measures' infos, and for each item the position of its measure's.
  private var infos: [Info] = []
  private var infoOfItem: [Int] = []
  /// `rank[id]`: the position of the id's name among all names in `String` order.
  private var rank: [Int] = []
  /// Whether a group's last level is 合计, 小计 or 总计, by id.
  private(set) var endsInTotalWord: [Bool] = []

  init(_ items: [LineItem]) {
    if let onBytes = Self(inertItems: items) {
      self = onBytes
    } else {
      self.init(characters: items)
    }
  }

  /// The paths read as `String`s, split and joined by `Character`.
  init(characters items: [LineItem]) {
    var ids: [String: Int] = [:]
    var names: [String] = []
    func id(_ name: String) -> Int {
      if let known = ids[name] { return known }
      ids[name] = names.count
      names.append(name)
      return names.count - 1
    }
    var byMeasure: [String: Int] = [:]
    // The items of one column mostly share a measure: one whose bytes equal the last one seen
    // in the column is the same `String` and needs no hashing.
    var lastInColumn = LastMeasureInColumn()
    infoOfItem.reserveCapacity(items.count)
    // By index: a `LineItem` copied out of the array is a dozen strings retained and released.
    for i in items.indices {
      let measure = items[i].measure
      let column = items[i].colNo
      if let known = lastInColumn.info(measure: measure, column: column) {
        infoOfItem.append(known)
        continue
      }
      let known: Int
      if let seen = byMeasure[measure] {
        known = seen
      } else {
        let path = measure.split(separator: "/").map(String.init)
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
        byMeasure[measure] = known
      }
      infoOfItem.append(known)
      lastInColumn.remember(measure: measure, column: column, info: known)
    }
    let order = names.indices.sorted { names[$0] < names[$1] }
    rank = [Int](repeating: 0, count: names.count)
    for (position, id) in order.enumerated() { rank[id] = position }
    endsInTotalWord = names.map { name in
      ColumnSumRule.isTotalWord(name.split(separator: "/").last.map(String.init) ?? name)
    }
  }

  /// The paths read on their UTF-8 bytes, with ids given in the order ``init(characters:)``
  /// gives them; nil when a measure is not inert text.
  init?(inertItems items: [LineItem]) {
    var ids: [PathBytes: Int] = [:]
    var names: [PathBytes] = []
    func id(_ levels: ArraySlice<ArraySlice<UInt8>>) -> Int {
      let name = PathBytes(joining: levels)
      if let known = ids[name] { return known }
      ids[name] = names.count
      names.append(name)
      return names.count - 1
    }
    var byMeasure: [PathBytes: Int] = [:]
    var lastInColumn = LastMeasureInColumn()
    infoOfItem.reserveCapacity(items.count)
    for i in items.indices {
      let column = items[i].colNo
      if let known = lastInColumn.info(measure: items[i].measure, column: column) {
        infoOfItem.append(known)
        continue
      }
      let measure = PathBytes(items[i].measure)
      guard measure.bytes.withUnsafeBufferPointer({ LiteralSearch.isInert($0) }) else { return nil }
      let known: Int
      if let seen = byMeasure[measure] {
        known = seen
      } else {
        // Each proper prefix's id looked up once, longest first: the order in which
        // ``init(characters:)`` first meets them, so the ids are the same. (It looks each up
        // two or three times, as the parent, a chain link's name and the next one's `up`.)
        let path = measure.levels
        var prefixIDs = [Int](repeating: 0, count: max(path.count, 1))
        for length in stride(from: path.count - 1, through: 0, by: -1) {
          prefixIDs[length] = id(path[path.startIndex..<(path.startIndex + length)])
        }
        let parent = path.isEmpty ? id(path) : prefixIDs[path.count - 1]
        var chain: [(name: Int, up: Int)] = []
        chain.reserveCapacity(max(path.count - 1, 0))
        for length in stride(from: path.count - 1, through: 1, by: -1) {
          chain.append((prefixIDs[length], prefixIDs[length - 1]))
        }
        known = infos.count
        infos.append(Info(parent: parent, chain: chain))
        byMeasure[measure] = known
      }
      infoOfItem.append(known)
      lastInColumn.remember(measure: items[i].measure, column: column, info: known)
    }
    let order = names.indices.sorted { names[$0].bytes.lexicographicallyPrecedes(names[$1].bytes) }
    rank = [Int](repeating: 0, count: names.count)
    for (position, id) in order.enumerated() { rank[id] = position }
    endsInTotalWord = names.map { name in
      let last = name.levels.last ?? name.bytes[...]
      return Self.totalWords.contains { $0.elementsEqual(last) }
    }
  }

  /// 合计, 小计 and 总计 (``ColumnSumRule/isTotalWord(_:)``) as bytes.
  private static let totalWords = ["合计", "小计", "总计"].map { Array($0.utf8) }

  /// How many ids there are: every id is below it.
  var idCount: Int { rank.count }

  /// The group and chain of the item at position `index` among the items given.
  func info(at index: Int) -> Info { infos[infoOfItem[index]] }

  /// `String` order of the ids' names, as a closure that holds only the ranks (passing
  /// `precedes` itself would copy the whole struct for every sort).
  var order: (Int, Int) -> Bool {
    let rank = self.rank
    return { rank[$0] < rank[$1] }
  }
}

extension MeasurePaths {
  /// The measure last seen in each column, with its info: an item whose measure has the same
  /// bytes is the same `String`. By column number (small and positive: a column index + 1).
  fileprivate struct LastMeasureInColumn {
    private var last: [(measure: String, info: Int)?] = []

    func info(measure: String, column: Int) -> Int? {
      guard column >= 0, column < last.count, let seen = last[column],
        seen.measure.utf8.count == measure.utf8.count, seen.measure.utf8Matches(measure, at: 0)
      else { return nil }
      return seen.info
    }

    mutating func remember(measure: String, column: Int, info: Int) {
      guard column >= 0, column < 4_096 else { return }
      // Grown ahead (at least doubled): columns come in increasing order, and growing by one
      // column at a time made a new array for every column of the table.
      if column >= last.count {
        last.append(contentsOf: repeatElement(nil, count: max(column + 1, 2 * last.count, 16) - last.count))
      }
      last[column] = (measure, info)
    }
  }

  /// A path's UTF-8 bytes, hashed in one call.
  fileprivate struct PathBytes: Hashable {
    var bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    /// The levels joined by `/`.
    init(joining levels: ArraySlice<ArraySlice<UInt8>>) {
      bytes = []
      for (k, level) in levels.enumerated() {
        if k > 0 { bytes.append(0x2F) }
        bytes.append(contentsOf: level)
      }
    }

    /// The levels between `/`s, empty ones dropped (`split(separator: "/")`).
    var levels: ArraySlice<ArraySlice<UInt8>> { bytes.split(separator: 0x2F)[...] }

    func hash(into hasher: inout Hasher) {
      bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
  }
}

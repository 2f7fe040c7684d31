import Foundation

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
  /// The position of the first item given: `infoOfItem` starts there.
  private var firstItem = 0
  /// `rank[id]`: the position of the id's name among all names in `String` order.
  private var rank: [Int] = []
  /// Whether a group's last level is 合计, 小计 or 总计, by id.
  private(set) var endsInTotalWord: [Bool] = []

  /// - Parameter items: A table's items, an array or a slice of the document's (positions are
  ///   its indices).
  init<Items: RandomAccessCollection<LineItem>>(_ items: Items) where Items.Index == Int {
    if let onBytes = Self(inertItems: items) {
      self = onBytes
    } else {
      self.init(characters: items)
    }
  }

  /// The paths read as `String`s, split and joined by `Character`.
  init<Items: RandomAccessCollection<LineItem>>(characters items: Items) where Items.Index == Int {
    firstItem = items.startIndex
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
  ///
  /// A table has a few dozen distinct measures and names at most: they are kept in two
  /// ``NameStore``s and found by a scan of their bytes (by hashing past 64 of them). (A
  /// dictionary of byte arrays each, an array made for every path and prefix looked up, and the
  /// dictionaries grown, were most of this init's time, run for every table validated and every
  /// reading the header alignment tries.)
  init?<Items: RandomAccessCollection<LineItem>>(inertItems items: Items) where Items.Index == Int {
    firstItem = items.startIndex
    var names = NameStore()
    /// The distinct measures: measure k's info is `infos[k]`.
    var measures = NameStore()
    var infos: [Info] = []
    infos.reserveCapacity(16)
    var lastInColumn = LastMeasureInColumn()
    // Scratch, reused for every new measure: its levels (byte ranges between `/`s, empty ones
    // dropped), its prefixes' ids, and a prefix's levels joined by `/`.
    var levels: [Range<Int>] = []
    levels.reserveCapacity(8)
    var prefixIDs: [Int] = []
    prefixIDs.reserveCapacity(8)
    var joined: [UInt8] = []
    infoOfItem.reserveCapacity(items.count)
    for i in items.indices {
      let column = items[i].colNo
      if let known = lastInColumn.info(measure: items[i].measure, column: column) {
        infoOfItem.append(known)
        continue
      }
      let known = items[i].measure.withUTF8Bytes { measure -> Int? in
        guard LiteralSearch.isInert(measure) else { return nil }
        if let seen = measures.find(measure) { return seen }
        levels.removeAll(keepingCapacity: true)
        var start = 0
        for k in 0...measure.count where k == measure.count || measure[k] == 0x2F {
          if k > start { levels.append(start..<k) }
          start = k + 1
        }
        // Without empty levels (most paths), a prefix's levels joined by `/` are the bytes
        // the path starts with, up to the end of its last level.
        let hasEmptyLevels = zip(levels, levels.dropFirst()).contains { $0.upperBound + 1 != $1.lowerBound }
          || (levels.first?.lowerBound ?? 0) != 0 || (levels.last?.upperBound ?? 0) != measure.count
        /// The id of the path's first `length` levels joined by `/`.
        func id(_ length: Int) -> Int {
          if !hasEmptyLevels {
            let prefix = UnsafeBufferPointer(rebasing: measure[0..<(length == 0 ? 0 : levels[length - 1].upperBound)])
            return names.find(prefix) ?? names.add(prefix)
          }
          joined.removeAll(keepingCapacity: true)
          for level in levels[0..<length] {
            if !joined.isEmpty { joined.append(0x2F) }
            joined.append(contentsOf: UnsafeBufferPointer(rebasing: measure[level]))
          }
          return joined.withUnsafeBufferPointer { names.find($0) ?? names.add($0) }
        }
        // Each proper prefix's id looked up once, longest first: the order in which
        // ``init(characters:)`` first meets them, so the ids are the same. (It looks each up
        // two or three times, as the parent, a chain link's name and the next one's `up`.)
        prefixIDs.removeAll(keepingCapacity: true)
        prefixIDs.append(contentsOf: repeatElement(0, count: max(levels.count, 1)))
        for length in stride(from: levels.count - 1, through: 0, by: -1) { prefixIDs[length] = id(length) }
        let parent = levels.isEmpty ? id(0) : prefixIDs[levels.count - 1]
        var chain: [(name: Int, up: Int)] = []
        chain.reserveCapacity(max(levels.count - 1, 0))
        for length in stride(from: levels.count - 1, through: 1, by: -1) {
          chain.append((prefixIDs[length], prefixIDs[length - 1]))
        }
        infos.append(Info(parent: parent, chain: chain))
        _ = measures.add(measure)
        return infos.count - 1
      }
      guard let known else { return nil }
      infoOfItem.append(known)
      lastInColumn.remember(measure: items[i].measure, column: column, info: known)
    }
    self.infos = infos
    let order = (0..<names.count).sorted { names.precedes($0, $1) }
    rank = [Int](repeating: 0, count: names.count)
    for (position, id) in order.enumerated() { rank[id] = position }
    // A name is its levels joined by `/`, none empty: its last level is what follows its last `/`.
    endsInTotalWord = (0..<names.count).map { k in
      names.withName(k) { name in
        let last = name.lastIndex(of: 0x2F).map { name[($0 + 1)...] } ?? name[...]
        return Self.totalWords.contains { $0.elementsEqual(last) }
      }
    }
  }

  /// 合计, 小计 and 总计 (``ColumnSumRule/isTotalWord(_:)``) as bytes.
  private static let totalWords = ["合计", "小计", "总计"].map { Array($0.utf8) }

  /// How many ids there are: every id is below it.
  var idCount: Int { rank.count }

  /// The group and chain of the item at position `index` among the items given.
  func info(at index: Int) -> Info { infos[infoOfItem[index - firstItem]] }

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

  /// Byte strings kept one after another in one array, numbered in the order added, and found
  /// by a scan (a table's measure paths and their prefixes: a few dozen at most).
  fileprivate struct NameStore {
    private var bytes: [UInt8] = []
    /// Where each name ends in `bytes`; it starts where the one before it ends.
    private var ends: [Int] = []

    /// Room for a table's names: growing from empty reallocated the arrays several times.
    init() {
      bytes.reserveCapacity(512)
      ends.reserveCapacity(32)
    }

    /// Past ``scanLimit`` names, the names by their bytes as well: a scan of hundreds of names
    /// for every lookup made a very wide table quadratic.
    private var index: [[UInt8]: Int]?
    static let scanLimit = 64

    var count: Int { ends.count }

    /// The number of the name equal to `name`, or nil.
    func find(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
      if let index { return index[Array(name)] }
      return bytes.withUnsafeBufferPointer { b in
        var start = 0
        for k in ends.indices {
          let end = ends[k]
          if end - start == name.count && (name.isEmpty || memcmp(b.baseAddress! + start, name.baseAddress!, name.count) == 0) {
            return k
          }
          start = end
        }
        return nil
      }
    }

    /// Adds `name` (not yet in the store) and returns its number.
    mutating func add(_ name: UnsafeBufferPointer<UInt8>) -> Int {
      bytes.append(contentsOf: name)
      ends.append(bytes.count)
      let k = ends.count - 1
      if index != nil {
        index![Array(name)] = k
      } else if ends.count > Self.scanLimit {
        index = Dictionary(uniqueKeysWithValues: ends.indices.map { k in (withName(k) { Array($0) }, k) })
      }
      return k
    }

    /// `body` of the bytes of name `k`.
    func withName<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
      bytes.withUnsafeBufferPointer { b in
        body(UnsafeBufferPointer(rebasing: b[(k == 0 ? 0 : ends[k - 1])..<ends[k]]))
      }
    }

    /// True when name `a` comes before name `b` in byte order (`String`'s `<` on inert text).
    func precedes(_ a: Int, _ b: Int) -> Bool {
      withName(a) { x in withName(b) { y in x.lexicographicallyPrecedes(y) } }
    }
  }
}

import Testing

@testable import BudgetETL

/// The hierarchy passes that sum rows by column (``GridTableReader/resolveCategoryRows(_:ranks:)``
/// and ``GridTableReader/resolveMemoRuns(_:ranks:)``), which keep their sums in arrays by
/// column index, against the dictionary-keyed passes they replace (kept below as the oracle),
/// on random rows built so that runs often add up.
@Suite struct GridTableReaderHierarchyTests {
  typealias Entry = GridTableReader.Entry
  typealias Rank = GridTableReader.Rank

  @Test func categoryRowsAndMemoRunsAsWithDictionaries() {
    let reader = GridTableReader()
    var rng = SplitMix64(seed: 11_24)
    var changedByCategory = 0
    var changedByMemo = 0
    for _ in 0..<4_000 {
      let (entries, ranks) = Self.randomRows(&rng)
      var expected = entries
      Oracle.resolveCategoryRows(&expected, ranks: ranks)
      var actual = entries
      reader.resolveCategoryRows(&actual, ranks: ranks)
      #expect(actual.map(\.parent) == expected.map(\.parent))
      if expected.map(\.parent) != entries.map(\.parent) { changedByCategory += 1 }

      var expectedMemo = entries
      Oracle.resolveMemoRuns(&expectedMemo, ranks: ranks)
      var actualMemo = entries
      reader.resolveMemoRuns(&actualMemo, ranks: ranks)
      #expect(actualMemo.map(\.parent) == expectedMemo.map(\.parent))
      #expect(actualMemo.map(\.kind) == expectedMemo.map(\.kind))
      if expectedMemo.map(\.kind) != entries.map(\.kind) { changedByMemo += 1 }

      let width = GridTableReader.amountWidth(entries)
      let oracleHalf = Oracle.halfUnits(entries)
      let half = GridTableReader.halfUnits(entries, width: width)
      #expect(half.count == width)
      for c in 0..<width { #expect(half[c] == (oracleHalf[c] ?? 0)) }
      #expect(oracleHalf.keys.allSatisfy { $0 < width })
    }
    // The random rows do exercise both passes.
    #expect(changedByCategory > 100)
    #expect(changedByMemo > 50)
  }

  /// Exact values on a small table: 专用项目 100.00 over 材料 60.00 + 印刷 40.00, in 元 with two
  /// decimals (half a fen per figure) and in 万元 with one (500 fen).
  @Test func categoryRowTakesTheRunThatAddsUp() {
    func row(_ fen: [Int64], printed: String, unit: MoneyUnit, parent: Int?) -> Entry {
      var e = Entry(rowNo: 0, line: 0, page: nil, rawLabel: "", label: "")
      e.amounts = fen.enumerated().map { (column: $0.offset + 2, fen: $0.element, printed: printed, unit: unit) }
      e.parent = parent
      return e
    }
    var entries = [
      row([10_000, 5_000], printed: "100.00", unit: .yuan, parent: nil),
      row([6_000, 2_000], printed: "60.00", unit: .yuan, parent: nil),
      row([4_000, 3_000], printed: "40.00", unit: .yuan, parent: nil),
    ]
    #expect(GridTableReader.amountWidth(entries) == 4)
    #expect(GridTableReader.halfUnits(entries, width: 4) == [0, 0, 0, 0])
    GridTableReader().resolveCategoryRows(&entries, ranks: [.unranked, .unranked, .unranked])
    #expect(entries.map(\.parent) == [nil, 0, 0])
    let wan = [row([12_340_000], printed: "1.2", unit: .wanYuan, parent: nil)]
    #expect(GridTableReader.halfUnits(wan, width: 3) == [0, 0, 50_000])
  }

  static func randomRows(_ rng: inout SplitMix64) -> ([Entry], [Rank]) {
    let count = 1 + rng.below(12)
    let columns = [0, 1, 2, 3, 5]
    let printed = ["1", "1.0", "1.00", "1.5", ".5", "2.000", "3.25"]
    let units: [MoneyUnit] = [.yuan, .yuan, .wanYuan, .yiYuan]
    let fens: [Int64] = [0, 0, 100, 200, 300, 500, -100, 1, Int64.max, Int64.min]
    var entries: [Entry] = []
    var ranks: [Rank] = []
    for i in 0..<count {
      var e = Entry(rowNo: i + 1, line: i + 1, page: nil, rawLabel: "", label: "")
      for c in columns where rng.below(3) > 0 {
        e.amounts.append((column: c, fen: fens[rng.below(fens.count)], printed: printed[rng.below(printed.count)], unit: units[rng.below(units.count)]))
      }
      e.parent = i > 0 && rng.below(2) == 0 ? rng.below(i) : nil
      e.kind = rng.below(6) == 0 ? .memo : .detail
      e.labelColumn = rng.below(3) == 0 ? nil : rng.below(3)
      entries.append(e)
      switch rng.below(8) {
      case 0: ranks.append(.memo)
      case 1: ranks.append(.ranked(20, code: nil))
      case 2: ranks.append(.total)
      default: ranks.append(.unranked)
      }
    }
    // Often a row that is the sum of the next rows, column by column.
    if count >= 3, rng.below(2) == 0 {
      let start = rng.below(count - 2)
      let length = 1 + rng.below(min(3, count - start - 1))
      var sums: [(column: Int, fen: Int64, printed: String, unit: MoneyUnit)] = []
      for c in columns {
        var total: Int64 = 0
        var any = false
        for k in (start + 1)...(start + length) {
          for a in entries[k].amounts where a.column == c && a.fen != Int64.max && a.fen != Int64.min {
            total += a.fen
            any = true
          }
        }
        // Off by a fen now and then: inside or outside the tolerance.
        if any { sums.append((c, total + Int64(rng.below(3)) - 1, "9.00", .yuan)) }
      }
      for k in (start + 1)...(start + length) {
        entries[k].amounts.removeAll { $0.fen == Int64.max || $0.fen == Int64.min }
        entries[k].parent = entries[start].parent
      }
      entries[start].amounts = sums
    }
    // Often a 其中 row under an earlier row, followed by unranked rows that add up to it.
    if count >= 4, rng.below(2) == 0 {
      let p = rng.below(count - 3)
      let m = p + 1 + rng.below(count - p - 3)
      let length = 2 + rng.below(count - m - 1)
      ranks[m] = .memo
      entries[m].parent = p
      var sums: [Int: Int64] = [:]
      for k in m..<(m + length) {
        if k > m { ranks[k] = .unranked }
        entries[k].amounts.removeAll { $0.fen == Int64.max || $0.fen == Int64.min }
        for a in entries[k].amounts { sums[a.column, default: 0] += a.fen }
      }
      // Exactly the sum, or a fen off.
      let off = Int64(rng.below(4) == 0 ? 1 : 0)
      entries[p].amounts = sums.keys.sorted().map { (column: $0, fen: sums[$0]! + off, printed: "1.00", unit: MoneyUnit.yuan) }
    }
    return (entries, ranks)
  }

  /// The passes as they read with dictionaries keyed by column.
  enum Oracle {
    static func resolveMemoRuns(_ entries: inout [Entry], ranks: [Rank]) {
      for m in entries.indices {
        guard case .memo = ranks[m], let p = entries[m].parent else { continue }
        var run = [m]
        var k = m + 1
        while k < entries.count, case .unranked = ranks[k] {
          run.append(k)
          k += 1
        }
        guard run.count >= 2, sumsEqual(entries, parent: p, children: run) else { continue }
        for c in run {
          entries[c].parent = p
          entries[c].kind = .detail
        }
      }
    }

    static func resolveCategoryRows(_ entries: inout [Entry], ranks: [Rank]) {
      let halfUnits = Self.halfUnits(entries)
      var childCount = [Int](repeating: 0, count: entries.count)
      for i in entries.indices { if let p = entries[i].parent, p >= 0, p < entries.count { childCount[p] += 1 } }
      for i in entries.indices.reversed() {
        guard case .unranked = ranks[i], entries[i].kind != .memo, !entries[i].amounts.isEmpty else { continue }
        var parentSums: [Int: Int64] = [:]
        for a in entries[i].amounts { parentSums[a.column] = a.fen }
        guard parentSums.values.contains(where: { $0 != 0 }) else { continue }
        let parent = entries[i].parent
        var run: [Int] = []
        var runSums: [Int: Int64] = [:]
        var k = i + 1
        while k < entries.count, k - i <= GridTableReader.maxCategoryRun {
          guard case .unranked = ranks[k], entries[k].kind != .memo else { break }
          if entries[k].parent == parent {
            run.append(k)
            for a in entries[k].amounts { runSums[a.column] = (runSums[a.column] ?? 0).saturatingAdd(a.fen) }
            if sumsMatch(parentSums, runSums, children: run.count, halfUnits: halfUnits),
              run.count > 1
                || GridTableReader.canBeOnlyChild(k, parent: parent, entries: entries, ranks: ranks, childCount: childCount)
                || GridTableReader.isDeeper(entries[k], than: entries[i])
            {
              for c in run {
                if let old = entries[c].parent, old >= 0, old < entries.count { childCount[old] -= 1 }
                entries[c].parent = i
                childCount[i] += 1
              }
              break
            }
          }
          k += 1
        }
      }
    }

    static func sumsMatch(_ parent: [Int: Int64], _ children: [Int: Int64], children count: Int, halfUnits: [Int: Int64])
      -> Bool
    {
      for column in Set(parent.keys).union(children.keys) {
        let tolerance = (halfUnits[column] ?? 0) * Int64(count + 1)
        let diff = (parent[column] ?? 0).saturatingSubtract(children[column] ?? 0)
        if diff.magnitude > tolerance.magnitude { return false }
      }
      return true
    }

    static func halfUnits(_ entries: [Entry]) -> [Int: Int64] {
      var decimals: [Int: Int] = [:]
      var units: [Int: MoneyUnit] = [:]
      for i in entries.indices {
        for a in entries[i].amounts {
          let d = GridTableReader.printedDecimals(a.printed)
          decimals[a.column] = max(decimals[a.column] ?? 0, d)
          units[a.column] = a.unit
        }
      }
      var result: [Int: Int64] = [:]
      for (c, d) in decimals {
        var unitFen = (units[c] ?? .yuan).multiplier * 100
        for _ in 0..<d { unitFen /= 10 }
        result[c] = unitFen / 2
      }
      return result
    }

    static func sumsEqual(_ entries: [Entry], parent p: Int, children: [Int], halfUnits: [Int: Int64] = [:]) -> Bool {
      var parentSums: [Int: Int64] = [:]
      for a in entries[p].amounts { parentSums[a.column] = a.fen }
      guard parentSums.values.contains(where: { $0 != 0 }) else { return false }
      var childSums: [Int: Int64] = [:]
      for c in children {
        for a in entries[c].amounts { childSums[a.column] = (childSums[a.column] ?? 0).saturatingAdd(a.fen) }
      }
      let keys = Set(parentSums.keys).union(childSums.keys)
      return keys.allSatisfy { column in
        let tolerance = (halfUnits[column] ?? 0) * Int64(children.count + 1)
        return (parentSums[column] ?? 0).saturatingSubtract(childSums[column] ?? 0).magnitude <= tolerance.magnitude
      }
    }
  }
}

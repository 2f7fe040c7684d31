import Testing

@testable import BudgetETL

/// The key the header alignment dedups its readings by: the header ids of the filled movable
/// columns (`movedHeaderIDs`), against the key it replaces, a dictionary from those columns to
/// their header paths in the reading `moving` makes. On random tables whose headers repeat
/// (two columns under one header are one reading's worth), every reading of every table.
@Suite struct ColumnSumAlignmentKeyTests {
  @Test func readingsDedupedAsByHeaderPaths() {
    let headers: [[String]] = [[], ["合计"], ["基本支出", "人员经费"], ["基本支出", "公用经费"], ["项目支出"], ["合计"], ["\u{F9FA}"], ["\u{72C0}"]]
    var rng = SplitMix64(seed: 13_1124)
    var readings = 0
    var duplicates = 0
    for _ in 0..<2_000 {
      let count = 2 + rng.below(8)
      let columns = (0..<count).map { c in
        TableColumn(index: c, path: headers[rng.below(headers.count)], role: .amount, headerUnit: nil, codePart: nil)
      }
      let filled = (0..<count).map { _ in rng.below(3) > 0 }
      let movable = (0..<count).filter { _ in rng.below(4) > 0 }
      guard movable.count >= 2 else { continue }
      let hasData: (Int) -> Bool = { filled[$0] }
      let (ids, paths) = GridTableReader.headerIDs(columns)
      #expect(paths[0] == [])
      #expect(zip(columns, ids).allSatisfy { $0.0.path == paths[$0.1] })
      let keyColumns = movable.filter(hasData)
      var oldKeys: [[Int: [String]]] = []
      var newKeys: [[Int]] = []
      for shift in [-1, 1] {
        for start in movable.indices {
          for end in start..<movable.count {
            guard
              let candidate = GridTableReader.moving(
                columns, movable: movable, run: start...end, shift: shift, hasData: hasData)
            else { continue }
            var old: [Int: [String]] = [:]
            for c in movable where hasData(c) { old[c] = candidate[c].path }
            let new = GridTableReader.movedHeaderIDs(
              ids, movable: movable, run: start...end, shift: shift, keyColumns: keyColumns)
            #expect(new.map { paths[$0] } == keyColumns.map { candidate[$0].path })
            oldKeys.append(old)
            newKeys.append(new)
          }
        }
      }
      readings += oldKeys.count
      // Same keys for the same readings: the dedup lets the same readings through.
      var oldSeen = Set<[Int: [String]]>()
      var newSeen = Set<[Int]>()
      for (old, new) in zip(oldKeys, newKeys) {
        let a = oldSeen.insert(old).inserted
        let b = newSeen.insert(new).inserted
        #expect(a == b)
        if !a { duplicates += 1 }
      }
    }
    #expect(readings > 2_000)
    #expect(duplicates > 200)
    // Exact: 合计 over columns 0 and 3 is one id; the empty header is 0.
    let columns = [["合计"], [], ["项目支出"], ["合计"]].enumerated().map {
      TableColumn(index: $0.offset, path: $0.element, role: .amount, headerUnit: nil, codePart: nil)
    }
    #expect(GridTableReader.headerIDs(columns).ids == [1, 0, 2, 1])
    // Moving the header of column 2 onto column 1 (shift −1 over the run [1]): 合计, 项目支出, —, 合计.
    #expect(
      GridTableReader.movedHeaderIDs([1, 0, 2, 1], movable: [0, 1, 2, 3], run: 1...1, shift: -1, keyColumns: [0, 1, 2, 3])
        == [1, 2, 0, 1])
  }
}

/// A table's line items indexed by section, row and column, with each column's printed precision.
///
/// The index holds positions in ``items``, not copies of the items: a `LineItem` holds a dozen
/// strings, and copying each item into the index (twice, for its cell and its row) was a large
/// share of the validator's time — and of the transform's, which tallies the column sums of
/// every reading of a misaligned header. Sections are numbered by their first appearance;
/// ``cells``, ``rows`` and ``rowInfo`` are indexed by that number.
struct TableGrid {
  let items: [LineItem]
  /// The sections in order of first appearance ("" for the items outside any section).
  private(set) var sections: [String] = []
  /// Per section: row → column → the item's position in ``items``.
  private(set) var cells: [[Int: [Int: Int]]] = []
  /// Per section: its rows in order.
  private(set) var rows: [[Int]] = []
  /// Per section: row → the position of its first item (row-level facts: kind, parent, label, codes).
  private(set) var rowInfo: [[Int: Int]] = []
  /// Column → the most decimals printed in it.
  private(set) var decimals: [Int: Int] = [:]

  init(items: [LineItem]) {
    self.items = items
    var sectionIndex: [String: Int] = [:]
    // Items come row by row, so the section rarely changes from one item to the next.
    var lastSection: String? = nil
    var s = -1
    for i in items.indices {
      let section = items[i].section ?? ""
      if section != lastSection {
        if let known = sectionIndex[section] {
          s = known
        } else {
          s = sections.count
          sectionIndex[section] = s
          sections.append(section)
          cells.append([:])
          rows.append([])
          rowInfo.append([:])
        }
        lastSection = section
      }
      let rowNo = items[i].rowNo
      let colNo = items[i].colNo
      cells[s][rowNo, default: [:]][colNo] = i
      if rowInfo[s][rowNo] == nil {
        rowInfo[s][rowNo] = i
        rows[s].append(rowNo)
      }
      let printed = Self.decimals(items[i].sourceValue)
      if let known = decimals[colNo] {
        if printed > known { decimals[colNo] = printed }
      } else {
        decimals[colNo] = printed
      }
    }
    for s in rows.indices { rows[s].sort() }
  }

  /// Digits printed after the last `.` (a printed amount: ASCII or full-width forms only).
  static func decimals(_ printed: String) -> Int {
    let utf8 = printed.utf8
    guard let dot = utf8.lastIndex(of: 0x2E) else { return 0 }
    return utf8[utf8.index(after: dot)...].prefix { $0 >= 0x30 && $0 <= 0x39 }.count
  }

  func figure(_ item: LineItem) -> Figure {
    Figure(
      fen: item.amountFen,
      halfUnitFen: Figure.halfUnit(
        decimals: decimals[item.colNo] ?? 0, unit: MoneyUnit(rawValue: item.sourceUnit) ?? .yuan))
  }

  /// The figure of the item at position `index` in ``items``.
  func figure(at index: Int) -> Figure { figure(items[index]) }

  /// A zero figure standing for a blank cell in a column.
  func blank(column: Int, unit: MoneyUnit) -> Figure { Figure(fen: 0, halfUnitFen: 0) }
}

/// A table's line items indexed by section, row and column, with each column's printed precision.
///
/// The index holds positions in ``items``, not copies of the items: a `LineItem` holds a dozen
/// strings, and copying each item into the index (twice, for its cell and its row) was a large
/// share of the validator's time — and of the transform's, which tallies the column sums of
/// every reading of a misaligned header. Sections are numbered by their first appearance;
/// ``rows`` and ``firstItems`` are indexed by that number.
///
/// The cells are one array sorted by section, row and column, each row a run of it (items come
/// row by row, so it is mostly sorted already): a dictionary per row, filled item by item, was
/// most of the time of building the grid.
struct TableGrid {
  /// One cell: its column number and the position of its item in ``items``.
  struct Cell {
    var column: Int
    var item: Int
  }

  /// The table's items: positions in it are its indices (a slice of a document's items keeps
  /// their positions in the document's array).
  let items: ArraySlice<LineItem>
  /// The sections in order of first appearance ("" for the items outside any section).
  private(set) var sections: [String] = []
  /// Per section: its row numbers in order.
  private(set) var rows: [[Int]] = []
  /// Per section, per row of ``rows``: the position of the row's first item (row-level facts:
  /// kind, parent, label, codes).
  private(set) var firstItems: [[Int]] = []
  /// Per section, per row of ``rows``: where its cells start in `cells`, and where the last row's
  /// end (one more entry than rows).
  private var cellStarts: [[Int]] = []
  /// Every section's rows' cells, in section, row and column order; where two items share a
  /// cell, the later one.
  private var cells: [Cell] = []
  /// Column → the most decimals printed in it: by column number for small columns, else in
  /// `otherDecimals`.
  private var decimalsByColumn: [Int?] = []
  private var otherDecimals: [Int: Int] = [:]

  init(items: [LineItem]) { self.init(items: items[...]) }

  init(items: ArraySlice<LineItem>) {
    self.items = items
    // Each item's section by first appearance; items come row by row, so the section rarely
    // changes from one item to the next.
    var sectionIndex: [String: Int] = [:]
    var lastSection: String? = nil
    var s = -1
    var placed: [(section: Int, row: Int, column: Int, item: Int)] = []
    placed.reserveCapacity(items.count)
    for i in items.indices {
      if items[i].section != lastSection || s < 0 {
        let section = items[i].section ?? ""
        // Side-by-side sections alternate item by item: a table has a few, found by a scan of
        // their names (one shared `String` each, equal at a glance). The dictionary, whose
        // making and hashing were most of this loop's time, is only made past eight.
        let known: Int?
        if sections.count <= Self.scannedSections {
          known = sections.firstIndex(of: section)
        } else {
          if sectionIndex.isEmpty { for (k, name) in sections.enumerated() { sectionIndex[name] = k } }
          known = sectionIndex[section]
        }
        if let known {
          s = known
        } else {
          s = sections.count
          if !sectionIndex.isEmpty { sectionIndex[section] = s }
          sections.append(section)
        }
        lastSection = items[i].section
      }
      let colNo = items[i].colNo
      placed.append((s, items[i].rowNo, colNo, i))
      let printed = Self.decimals(items[i].sourceValue)
      if colNo >= 0 && colNo < Self.arrayColumns {
        // Grown ahead (at least doubled, never past the columns the array holds, which
        // `decimals(column:)` reads there): a row's items come in column order, and growing by
        // one column at a time made a new array for every column of the table.
        if colNo >= decimalsByColumn.count {
          let count = min(max(colNo + 1, 2 * decimalsByColumn.count, 16), Self.arrayColumns)
          decimalsByColumn.append(contentsOf: repeatElement(nil, count: count - decimalsByColumn.count))
        }
        decimalsByColumn[colNo] = max(decimalsByColumn[colNo] ?? printed, printed)
      } else {
        otherDecimals[colNo] = max(otherDecimals[colNo] ?? printed, printed)
      }
    }
    func precedes(_ a: (section: Int, row: Int, column: Int, item: Int), _ b: (section: Int, row: Int, column: Int, item: Int))
      -> Bool
    {
      (a.section, a.row, a.column, a.item) < (b.section, b.row, b.column, b.item)
    }
    if !placed.indices.dropFirst().allSatisfy({ precedes(placed[$0 - 1], placed[$0]) }) { placed.sort(by: precedes) }

    rows = Array(repeating: [], count: sections.count)
    firstItems = Array(repeating: [], count: sections.count)
    cellStarts = Array(repeating: [], count: sections.count)
    // Each section's rows counted first, so that its arrays are made once at their size
    // (grown row by row, each was made anew several times).
    var rowCounts = [Int](repeating: 0, count: sections.count)
    for k in placed.indices where k == 0 || placed[k].section != placed[k - 1].section || placed[k].row != placed[k - 1].row {
      rowCounts[placed[k].section] += 1
    }
    for section in sections.indices {
      rows[section].reserveCapacity(rowCounts[section])
      firstItems[section].reserveCapacity(rowCounts[section])
      cellStarts[section].reserveCapacity(rowCounts[section] + 1)
    }
    cells.reserveCapacity(placed.count)
    var k = 0
    while k < placed.count {
      let (section, row) = (placed[k].section, placed[k].row)
      rows[section].append(row)
      cellStarts[section].append(cells.count)
      var first = placed[k].item
      while k < placed.count, placed[k].section == section, placed[k].row == row {
        first = min(first, placed[k].item)
        // Of the items in one cell, the last (they are sorted by position within the cell).
        if k + 1 < placed.count, placed[k + 1].section == section, placed[k + 1].row == row,
          placed[k + 1].column == placed[k].column
        {
          k += 1
          continue
        }
        cells.append(Cell(column: placed[k].column, item: placed[k].item))
        k += 1
      }
      firstItems[section].append(first)
    }
    // Sections follow each other in `cells`: one ends where the next starts.
    for section in sections.indices {
      cellStarts[section].append(section + 1 < sections.count ? cellStarts[section + 1][0] : cells.count)
    }
  }

  /// How many sections are looked up by a scan of their names rather than by hashing.
  static let scannedSections = 8

  /// The cells of the row at `position` in `rows[section]`, in column order.
  func cells(section: Int, position: Int) -> ArraySlice<Cell> {
    cells[cellStarts[section][position]..<cellStarts[section][position + 1]]
  }

  /// Where row number `row` is in `rows[section]`, or nil when the section has no such row.
  func position(ofRow row: Int, section: Int) -> Int? {
    let rows = self.rows[section]
    var low = 0
    var high = rows.count
    while low < high {
      let mid = (low + high) / 2
      if rows[mid] < row { low = mid + 1 } else { high = mid }
    }
    return low < rows.count && rows[low] == row ? low : nil
  }

  /// The position in ``items`` of the item in row number `row`, column `column`.
  func item(section: Int, row: Int, column: Int) -> Int? {
    guard let p = position(ofRow: row, section: section) else { return nil }
    return cells(section: section, position: p).first { $0.column == column }?.item
  }

  /// Columns whose decimals are kept in an array; those past it (and negative ones) in a
  /// dictionary.
  static let arrayColumns = 4_096

  /// Digits printed after the last `.` (a printed amount: ASCII or full-width forms only).
  static func decimals(_ printed: String) -> Int {
    let utf8 = printed.utf8
    guard let dot = utf8.lastIndex(of: 0x2E) else { return 0 }
    return utf8[utf8.index(after: dot)...].prefix { $0 >= 0x30 && $0 <= 0x39 }.count
  }

  /// The most decimals printed in column `column` (0 for a column without items).
  func decimals(column: Int) -> Int {
    if column >= 0 && column < decimalsByColumn.count { return decimalsByColumn[column] ?? 0 }
    return otherDecimals[column] ?? 0
  }

  func figure(_ item: LineItem) -> Figure {
    Figure(
      fen: item.amountFen,
      halfUnitFen: Figure.halfUnit(
        decimals: decimals(column: item.colNo), unit: MoneyUnit(rawValue: item.sourceUnit) ?? .yuan))
  }

  /// The figure of the item at position `index` in ``items``.
  func figure(at index: Int) -> Figure {
    Figure(
      fen: items[index].amountFen,
      halfUnitFen: Figure.halfUnit(
        decimals: decimals(column: items[index].colNo), unit: MoneyUnit(rawValue: items[index].sourceUnit) ?? .yuan))
  }

  /// A zero figure standing for a blank cell in a column.
  func blank(column: Int, unit: MoneyUnit) -> Figure { Figure(fen: 0, halfUnitFen: 0) }
}

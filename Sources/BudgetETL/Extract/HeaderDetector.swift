import Foundation

/// Decides how many leading rows of a table fragment are header rows: rows before the first
/// row that carries data (an amount, a code, a total label or a numbered label).
public enum HeaderDetector {
  public static let maxHeaderRows = 5

  public static func headerRowCount(_ rows: [RawRow]) -> Int {
    for (i, row) in rows.prefix(maxHeaderRows + 1).enumerated() {
      if isColumnNumberRow(row) { continue }
      if isDataRow(row, index: i) { return i }
    }
    return rows.isEmpty ? 0 : 1
  }

  /// `1 2 3 … N` under a header (S1:429): column numbers, neither header text nor data.
  public static func isColumnNumberRow(_ row: RawRow) -> Bool {
    // The non-blank cells counted as they are read, without gathering them (this is asked of
    // every row of every table, twice).
    var count = 0
    for cell in row.cells where !cell.isEmpty {
      count += 1
      if Int(cell) != count { return false }
    }
    return count >= 3
  }

  public static func isDataRow(_ row: RawRow, index: Int) -> Bool {
    guard let firstIndex = row.cells.firstIndex(where: { !$0.isEmpty }) else { return false }
    let first = TextCleaner.title(row.cells[firstIndex])
    let hasAmount = row.cells.contains { AmountCell.parse($0) != nil }
    let alone = row.cells.enumerated().allSatisfy { $0.offset == firstIndex || $0.element.isEmpty }
    // A total label beside other column titles and no amount is a header cell (合计 | 因公出国(境)费 | …,
    // S2:485): the row under it carries the amounts.
    let besideTitles = !hasAmount
      && row.cells.enumerated().contains { $0.offset != firstIndex && !$0.element.isEmpty }
    if firstIndex <= 5 && LabelKind.isTotal(first) && (hasAmount || alone || (firstIndex == 0 && !besideTitles)) {
      return true
    }
    if firstIndex <= 1 && NumberingPrefix.match(first) != nil && first.count > 2 { return true }
    if firstIndex <= 1 && CodeValue.isCodeLike(first) { return true }
    if index >= 1, row.cells.enumerated().allSatisfy({ $0.offset == firstIndex || $0.element.isEmpty }),
      firstIndex == 0
    {
      return true
    }
    // No cell parses as an amount (`hasAmount` read every cell), so the loop below, which
    // looks for one with a point, a comma or a unit, cannot find one.
    guard hasAmount else { return false }
    for cell in row.cells where !cell.isEmpty {
      if let a = AmountCell.parse(cell), a.printed.contains(".") || a.printed.contains(",") || a.unitInCell != nil {
        return true
      }
    }
    return false
  }
}

/// What a row label says about the row.
public enum LabelKind {
  /// 合计, 总计, 本年收入合计, 收入总计, 部门合计, 金额合计, “三公”经费合计, 当年收入小计…
  public static func isTotal(_ cleaned: String) -> Bool {
    let t = cleaned.replacingOccurrences(of: " ", with: "")
    // Asked of every row label, most of which end otherwise: the suffix first, and its last
    // character, which all three share, before the three; the length only of those that end so.
    guard t.hasLiteralSuffix("计"),
      t.hasLiteralSuffix("合计") || t.hasLiteralSuffix("总计") || t.hasLiteralSuffix("小计")
    else { return false }
    return t.hasAtMostCharacters(12)
  }
}

/// Classification codes as printed in a cell.
public enum CodeValue {
  /// All digits, 3 to 9 long, no separators: a function, economic or agency code.
  ///
  /// Read on the bytes: spaces are skipped and any other byte that is not a digit settles it
  /// (`replacingOccurrences(of: " ", with: "")`, which every cell of every grid table went
  /// through, removes only spaces, so such a byte stays in what it leaves).
  public static func isCodeLike(_ cell: String) -> Bool {
    var digits = 0
    for b in cell.utf8 {
      if b >= 0x30 && b <= 0x39 {
        digits += 1
      } else if b != 0x20 {
        return false
      }
    }
    return (3...9).contains(digits)
  }
}

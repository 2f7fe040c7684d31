extension GridTableReader {
  /// A data row with what the reader asks of each cell answered once: whether it is code-like
  /// and the amount it prints. Classifying the columns, reading the rows and trying each
  /// alignment of a misaligned header asked it again for every cell, every time.
  struct DataRow {
    var row: RawRow
    /// Per cell: the amount it prints (``AmountCell/parse(_:)``), nil for text and blanks.
    var amounts: [AmountCell?]
    /// Per cell: ``CodeValue/isCodeLike(_:)``.
    var codeLike: [Bool]

    init(_ row: RawRow) {
      self.row = row
      amounts = row.cells.map { $0.isEmpty ? nil : AmountCell.parse($0) }
      codeLike = row.cells.map { !$0.isEmpty && CodeValue.isCodeLike($0) }
    }

    var line: Int { row.line }
    var page: Int? { row.page }

    /// The cell at a 0-based column, or "" past the end.
    subscript(column: Int) -> String { row[column] }

    /// The amount the cell at `column` prints; nil for text, blanks and past the end.
    func amount(_ column: Int) -> AmountCell? { column < amounts.count ? amounts[column] : nil }

    /// True when the cell at `column` is code-like; false for blanks and past the end.
    func isCodeLike(_ column: Int) -> Bool { column < codeLike.count && codeLike[column] }
  }
}

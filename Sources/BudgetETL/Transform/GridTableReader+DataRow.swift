extension GridTableReader {
  /// A data row with what the reader asks of each cell answered once: whether it is code-like
  /// and the amount it prints. Classifying the columns, reading the rows and trying each
  /// alignment of a misaligned header asked it again for every cell, every time.
  struct DataRow {
    var row: RawRow
    /// Per cell: the amount it prints (``AmountCell/parse(_:)``), nil for text and blanks.
    var amounts: [AmountCell?]
    /// Per cell: what it holds, as ``GridTableReader/classify(paths:dataRows:columnCount:)``
    /// counts it.
    var kinds: [CellKind]

    enum CellKind: UInt8 {
      case blank
      /// ``CodeValue/isCodeLike(_:)`` (a code-like cell parses as an amount too).
      case code
      case amount
      case text
    }

    init(_ row: RawRow) {
      self.row = row
      let amounts = row.cells.map { $0.isEmpty ? nil : AmountCell.parse($0) }
      self.amounts = amounts
      kinds = row.cells.indices.map { c in
        let cell = row.cells[c]
        if cell.isEmpty { return .blank }
        if CodeValue.isCodeLike(cell) { return .code }
        return amounts[c] != nil ? .amount : .text
      }
    }

    var line: Int { row.line }
    var page: Int? { row.page }

    /// The cell at a 0-based column, or "" past the end.
    subscript(column: Int) -> String { row[column] }

    /// The amount the cell at `column` prints; nil for text, blanks and past the end.
    func amount(_ column: Int) -> AmountCell? { column < amounts.count ? amounts[column] : nil }

    /// What the cell at `column` holds; blank past the end.
    func kind(_ column: Int) -> CellKind { column < kinds.count ? kinds[column] : .blank }

    /// True when the cell at `column` is blank or past the end.
    func isBlank(_ column: Int) -> Bool { kind(column) == .blank }

    /// True when the cell at `column` is code-like; false for blanks and past the end.
    func isCodeLike(_ column: Int) -> Bool { kind(column) == .code }
  }
}

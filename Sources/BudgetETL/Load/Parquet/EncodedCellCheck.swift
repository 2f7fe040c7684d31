/// What a column accepts, checked on an ``EncodedRows/Cell`` without making a ``Value``: true
/// exactly when ``ParquetColumn/problem(with:)`` finds no problem with the cell's value (for a
/// string, ``ParquetColumn/problem(withStringOfLength:)`` on its byte count). The writer asks
/// the column for the message only when a cell is refused.
///
/// Holds no reference (the column's type and whether it is optional), so checking a row copies
/// no `ParquetColumn` and retains nothing.
struct EncodedCellCheck {
  let type: ColumnType
  let isOptional: Bool

  init(_ column: ParquetColumn) {
    type = column.type
    isOptional = column.isOptional
  }

  @inline(__always)
  func accepts(_ cell: EncodedRows.Cell) -> Bool {
    switch cell {
    case .null:
      return isOptional
    case .string(let range, _):
      if case .string = type { return range.count <= Int(Int32.max) }
      return false
    case .int(let i):
      switch type {
      case .int32: return Int32(exactly: i) != nil
      case .int64: return true
      default: return false
      }
    case .decimal(let unscaled, let scale):
      guard case .decimal(let precision, let targetScale) = type else { return false }
      return ParquetColumn.unscaled(unscaled, scale: scale, toScale: targetScale, precision: precision) != nil
    case .bool:
      if case .boolean = type { return true }
      return false
    }
  }
}

/// What takes a dataset row's cells one at a time, in its schema's column order: a string
/// borrowed from the item that holds it, or a value that holds no string. The bundle's encoder
/// writes the cells straight from the items this way, without an array of ``Value``s per row
/// (made, each string retained, then destroyed); ``RowValues`` makes that array for `row`.
protocol RowCells: ~Copyable {
  /// A string cell.
  mutating func string(_ s: String)
  /// A null, number or flag (never a string).
  mutating func scalar(_ value: Value)
}

extension RowCells where Self: ~Copyable {
  /// `Value.text(s)`: a string, or null when it is empty.
  mutating func text(_ s: String?) {
    if let s, !s.isEmpty { string(s) } else { scalar(.null) }
  }

  /// Any value.
  mutating func value(_ value: Value) {
    if case .string(let s) = value { string(s) } else { scalar(value) }
  }
}

/// An item that is one row of a dataset: it hands its cells to a ``RowCells``.
protocol DatasetRow {
  func putCells<Cells: RowCells & ~Copyable>(into cells: inout Cells)
}

extension DatasetRow {
  /// The row as values.
  var rowValues: [Value] {
    var values = RowValues()
    putCells(into: &values)
    return values.values
  }
}

/// A row of values as its cells are handed over.
struct RowValues: RowCells {
  var values: [Value] = []
  mutating func string(_ s: String) { values.append(.string(s)) }
  mutating func scalar(_ value: Value) { values.append(value) }
}

/// A row already made of values (the tests' rows).
extension Array: DatasetRow where Element == Value {
  func putCells<Cells: RowCells & ~Copyable>(into cells: inout Cells) {
    for value in self { cells.value(value) }
  }
}

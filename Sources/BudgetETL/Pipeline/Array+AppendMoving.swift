extension Array {
  /// Appends `other`'s elements, in order, moved out of it rather than copied, and leaves it
  /// empty. `append(contentsOf:)` copies each element (a line item retains its dozen strings)
  /// and `other`, destroyed afterwards, releases them all again; a move retains nothing.
  ///
  /// When `other`'s storage is shared, its elements are copied once, as `append(contentsOf:)`
  /// would.
  mutating func appendMoving(_ other: inout [Element]) {
    if isEmpty {
      swap(&self, &other)
      return
    }
    // Grown as appending grows it, to twice the capacity: reserving just enough each time would
    // move the whole array again for every table.
    let needed = count + other.count
    if needed > capacity { reserveCapacity(Swift.max(needed, 2 * capacity)) }
    // Reversed in place through its buffer (swapping there moves the elements without retaining
    // them; `Array.reverse()` copies them), then taken from the end: `popLast` moves each
    // element out, and appending it moves it in.
    other.withUnsafeMutableBufferPointer { $0.reverse() }
    while let element = other.popLast() { append(element) }
  }
}

/// ``IndicatorVocabulary/term(_:)`` on the bytes of an inert cell (``LiteralSearch/isInert(_:)``):
/// the names are inert, so equal is equal bytes and a name starting with the cell starts with
/// its bytes. One pass over the cell and comparisons with the names of its byte length only,
/// instead of `comparesOnBytes` (two scans), fifteen `isLiteral` calls through a `Set` and a
/// `Dictionary`'s keys, and a second scan before the prefix search.
extension IndicatorVocabulary {
  /// A name's bytes and what the cell is when it equals them.
  private struct NamedBytes {
    var bytes: [UInt8]
    var isLevel1: Bool
    var name: String
  }

  /// The cost name, the level-1 names, then the level-2 names, as ``term(_:)`` compares them.
  private static let namesAsBytes: [NamedBytes] =
    [NamedBytes(bytes: Array(costName.utf8), isLevel1: true, name: costName)]
    + level1Names.map { NamedBytes(bytes: Array($0.utf8), isLevel1: true, name: $0) }
    + level2Names.map { NamedBytes(bytes: Array($0.utf8), isLevel1: false, name: $0) }
  /// The longest name's byte count: a longer cell is no name and starts none.
  private static let longestName = namesAsBytes.map(\.bytes.count).max() ?? 0

  /// ``term(_:)`` of a compacted cell `c`; `.some(nil)` when it holds no name, nil when `c` is
  /// not inert (then the string comparisons decide).
  static func termOfInertText(_ c: String) -> Term?? {
    return c.withUTF8Bytes { b -> Term?? in
      guard LiteralSearch.isInert(b) else { return nil }
      return termOfInertBytes(b, of: c)
    }
  }

  /// ``termOfInertText(_:)`` of a compacted cell `c` whose bytes `b` are known to be inert.
  static func termOfInertBytes(_ b: UnsafeBufferPointer<UInt8>, of c: String) -> Term? {
    if b.count > longestName { return nil }
    var scalars = 0
    for byte in b where byte & 0xC0 != 0x80 { scalars += 1 }
    if scalars <= 3 { return nil }
    for named in namesAsBytes where named.bytes.count == b.count && named.bytes.elementsEqual(b) {
      if named.name == costName { return .cost }
      return named.isLevel1 ? .level1(c) : .level2(c)
    }
    if scalars > 4 {
      // A cut name: at most one level-2 name starts with five or more given characters
      // (``level2Names``).
      for named in namesAsBytes where !named.isLevel1 && named.bytes.count > b.count && named.bytes.starts(with: b) {
        return .level2(named.name)
      }
    }
    return nil
  }
}

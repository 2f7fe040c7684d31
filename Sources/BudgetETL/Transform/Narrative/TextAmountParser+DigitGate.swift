/// Every amount a block quotes starts at an ASCII digit; many narrative blocks (duties,
/// descriptions, headings) hold none, and were each copied into an array of scalars and
/// scanned scalar by scalar to find nothing.
extension TextAmountParser {
  /// The amounts of one block: none when its text holds no ASCII digit (one byte scan),
  /// otherwise ``parseScalars(_:fiscalYear:)``'s.
  static func parse(_ block: NarrativeBlock, fiscalYear: Int?) -> [TextAmount] {
    guard holdsASCIIDigit(block.textBlock.text) else { return [] }
    return parseScalars(block, fiscalYear: fiscalYear)
  }

  /// Whether the UTF-8 holds a byte 30–39 (an ASCII digit; no other scalar's bytes do).
  static func holdsASCIIDigit(_ text: String) -> Bool {
    let found = text.utf8.withContiguousStorageIfAvailable { b in b.contains { $0 &- 0x30 < 10 } }
    return found ?? text.utf8.contains { $0 &- 0x30 < 10 }
  }
}

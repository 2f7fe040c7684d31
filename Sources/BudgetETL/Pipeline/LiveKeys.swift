/// The checkpoint keys still in use, for garbage collection, held in 8 bytes each: the first 64
/// bits of the hex SHA-256 key. Two keys sharing them would only keep a stale checkpoint;
/// anything that is not a hex key is kept whole.
struct LiveKeys {
  private var prefixes = Set<UInt64>()
  private var others = Set<String>()

  mutating func insert(_ key: String) {
    if let p = Self.prefix(key) { prefixes.insert(p) } else { others.insert(key) }
  }

  func contains(_ key: String) -> Bool {
    if let p = Self.prefix(key) { return prefixes.contains(p) }
    return others.contains(key)
  }

  private static func prefix(_ key: String) -> UInt64? {
    guard key.utf8.count == 64 else { return nil }
    return UInt64(key.prefix(16), radix: 16)
  }
}

/// The documents a run has seen, to tell duplicates: a `doc_id` (16 hex digits) is held as a
/// 64-bit number; anything else as it is.
struct DocumentIDSet {
  private var numbers = Set<UInt64>()
  private var others = Set<String>()

  /// Inserts `id`; false when it was already there.
  mutating func insert(_ id: String) -> Bool {
    if id.utf8.count == 16, let n = UInt64(id, radix: 16) { return numbers.insert(n).inserted }
    return others.insert(id).inserted
  }
}

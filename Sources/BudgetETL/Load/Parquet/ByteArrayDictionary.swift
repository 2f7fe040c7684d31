#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The distinct byte strings of a column chunk, numbered in order of first appearance, for
/// dictionary encoding.
///
/// Entries compare by bytes, not as Swift `String`s (which compare canonically equivalent
/// text as equal and would merge distinct values). Entries live back to back in one buffer
/// and are found through an open-addressing table, so interning a value allocates nothing
/// once the buffers have grown.
struct ByteArrayDictionary {
  /// Entries, back to back.
  private(set) var storage: [UInt8] = []
  /// Where each entry starts in `storage`, plus one last element for the end.
  private var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Entry index + 1 per slot, 0 for an empty slot; the count is a power of two.
  private var slots: [UInt32] = Array(repeating: 0, count: 1024)

  /// The number of entries.
  var count: Int { hashes.count }

  /// The bytes of all entries, without length prefixes.
  var byteCount: Int { storage.count }

  /// The bytes of entry `index`.
  func entry(_ index: Int) -> ArraySlice<UInt8> {
    storage[starts[index]..<starts[index + 1]]
  }

  /// The index of `value`, adding it as a new entry when it is not there yet.
  /// - Complexity: O(`value.count`) on average.
  mutating func index(of value: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let hash = Self.hash(value)
    // The probe reads the tables through pointers: a slot holds an entry's index + 1, so
    // every index it gives is within `hashes` and `starts` (one more than the entries).
    let (found, slot) = slots.withUnsafeBufferPointer { slots in
      hashes.withUnsafeBufferPointer { hashes in
        starts.withUnsafeBufferPointer { starts in
          storage.withUnsafeBufferPointer { all in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
              let occupant = slots[slot]
              if occupant == 0 { return (-1, slot) }
              let index = Int(occupant) - 1
              if hashes[index] == hash {
                let start = starts[index]
                let length = starts[index + 1] - start
                if length == value.count
                  && (length == 0 || memcmp(all.baseAddress! + start, value.baseAddress!, length) == 0)
                {
                  return (index, slot)
                }
              }
              slot = (slot + 1) & mask
            }
          }
        }
      }
    }
    if found >= 0 { return UInt32(found) }
    let index = count
    precondition(index < Int(UInt32.max) - 1, "dictionary too large")
    storage.append(contentsOf: value)
    starts.append(storage.count)
    hashes.append(hash)
    slots[slot] = UInt32(index + 1)
    if count * 2 > slots.count { grow() }
    return UInt32(index)
  }

  /// Forgets every entry, keeping the buffers' capacity.
  mutating func removeAll() {
    storage.removeAll(keepingCapacity: true)
    starts.removeAll(keepingCapacity: true)
    starts.append(0)
    hashes.removeAll(keepingCapacity: true)
    for i in slots.indices { slots[i] = 0 }
  }

  private mutating func grow() {
    let newCount = slots.count * 2
    let mask = newCount - 1
    var newSlots = [UInt32](repeating: 0, count: newCount)
    for (index, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while newSlots[slot] != 0 { slot = (slot + 1) & mask }
      newSlots[slot] = UInt32(index + 1)
    }
    slots = newSlots
  }

  /// A multiply-xorshift hash over 8-byte words (then the tail), finished with a 64-bit mixer
  /// so the low bits (the slot) depend on every byte. Any hash gives the same output file:
  /// entries are numbered by first appearance.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
    guard let base = bytes.baseAddress else { return h }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      h = (h ^ word) &* multiplier
      h ^= h >> 29
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count {
      tail |= UInt64(base[offset]) << shift
      shift += 8
      offset += 1
    }
    h = (h ^ tail) &* multiplier
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
  }
}

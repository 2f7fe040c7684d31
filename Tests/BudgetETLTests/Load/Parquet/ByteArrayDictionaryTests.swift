import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@testable import BudgetETL

/// `ByteArrayDictionary.index(of:)`, whose probe reads its tables through pointers, against the
/// implementation before it (kept below as `OldByteArrayDictionary`): the same indices, entries
/// and bytes, on random values with many repeats, empty values, shared prefixes and growth.
@Suite struct ByteArrayDictionaryTests {
  @Test(arguments: 0..<6) func indicesAreTheOldImplementations(seed: Int) {
    var rng = SplitMix64(seed: UInt64(900 + seed))
    var new = ByteArrayDictionary()
    var old = OldByteArrayDictionary()
    let distinct = [2, 50, 3_000, 20_000, 200, 9][seed]
    for round in 0..<3 {
      for _ in 0..<30_000 {
        let k = rng.below(distinct)
        // Values sharing long prefixes and lengths, around the 8-byte words the hash reads.
        var bytes = Array("预算支出科目-\(k % 7)-".utf8).prefix(rng.below(30))
        bytes.append(contentsOf: (0..<(k % 19)).map { UInt8(truncatingIfNeeded: k >> ($0 % 8)) })
        let value = Array(bytes)
        let a = value.withUnsafeBufferPointer { new.index(of: $0) }
        let b = value.withUnsafeBufferPointer { old.index(of: $0) }
        #expect(a == b)
        if a != b { return }
      }
      #expect(new.count == old.count)
      #expect(new.storage == old.storage)
      for i in 0..<new.count { #expect(new.entry(i) == old.entry(i)) }
      if round == 1 {
        new.removeAll()
        old.removeAll()
      }
    }
  }

  /// Empty values, with and without a base address, number as they did.
  @Test func emptyValuesAreNumberedAsBefore() {
    var new = ByteArrayDictionary()
    var old = OldByteArrayDictionary()
    let values: [[UInt8]] = [[], [1], [], [1, 2], []]
    for value in values {
      #expect(value.withUnsafeBufferPointer { new.index(of: $0) } == value.withUnsafeBufferPointer { old.index(of: $0) })
      let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
      #expect(new.index(of: none) == old.index(of: none))
    }
    #expect(new.storage == old.storage)
    #expect(new.count == old.count)
  }
}

/// ByteArrayDictionary as it was before its probe read through pointers (main 4e14a08).
struct OldByteArrayDictionary {
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
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let occupant = slots[slot]
      if occupant == 0 { break }
      let index = Int(occupant) - 1
      if hashes[index] == hash && equals(index, value) { return UInt32(index) }
      slot = (slot + 1) & mask
    }
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

  private func equals(_ index: Int, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[index]
    let length = starts[index + 1] - start
    guard length == value.count else { return false }
    guard length > 0 else { return true }
    return storage.withUnsafeBufferPointer { all in
      memcmp(all.baseAddress! + start, value.baseAddress!, length) == 0
    }
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

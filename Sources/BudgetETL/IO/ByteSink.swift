import Foundation

/// A growable run of bytes written through a pointer. A writer makes room once for what it is
/// about to write (``reserve(_:)``), then stores bytes without the uniqueness and capacity checks
/// `Array.append` makes for every call: the bundle's encoders append a few bytes at a time,
/// about 25 times a row in each of three encodings, and those checks were most of their cost.
///
/// Noncopyable: it owns its memory and frees it when it ends.
struct ByteSink: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int = 4096) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Makes room for `extra` more bytes: the ``put(_:)`` calls after it may write that many.
  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if extra > capacity - count { grow(toAtLeast: count + extra) }
  }

  private mutating func grow(toAtLeast needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// Stores one byte; room for it was reserved.
  @inline(__always)
  mutating func put(_ byte: UInt8) {
    assert(count < capacity, "ByteSink.put past the reserved room")
    base[count] = byte
    count += 1
  }

  /// Stores `bytes`; room for them was reserved.
  @inline(__always)
  mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
    assert(bytes.count <= capacity - count, "ByteSink.put past the reserved room")
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Stores a copy of bytes written earlier (`range` lies below ``count``); room was reserved.
  @inline(__always)
  mutating func putCopy(of range: Range<Int>) {
    assert(range.upperBound <= count && range.count <= capacity - count, "ByteSink.putCopy out of range")
    (base + count).update(from: base + range.lowerBound, count: range.count)
    count += range.count
  }

  /// Stores `value` 7 bits a byte, as ``Varint/append(_:to:)`` does; room for 10 bytes was reserved.
  @inline(__always)
  mutating func putVarint(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      put(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    put(UInt8(v))
  }

  /// Calls `body` with the bytes written, without copying them.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// The bytes written, as an array.
  var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

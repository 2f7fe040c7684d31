import Foundation

/// A growable run of bytes written through a pointer. A writer makes room once for what it is
/// about to write (``reserve(_:)``), then stores bytes without the uniqueness and capacity checks
/// `Array.append` makes for every call: the bundle's encoders append a few bytes at a time,
/// about 25 times a row in each of three encodings, and those checks were most of their cost.
///
/// Noncopyable: it owns its memory and frees it when it ends.
///
/// A debug build also records where each reservation ends and traps on a write past it, so a
/// writer that reserves too little fails its tests even while the buffer happens to have room.
/// A release build checks the bulk ``put(_:)-(UnsafeBufferPointer<UInt8>)`` against the
/// capacity (cheap next to the copy); the byte writes rely on the reservation.
struct ByteSink: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int
  #if DEBUG
    /// Where the last reservation ends.
    private var reservedEnd = 0
  #endif

  init(capacity: Int = 4096) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Makes room for `extra` more bytes: the ``put(_:)`` calls after it may write that many.
  /// It replaces the reservation before it (a debug build checks against the last one): a
  /// writer reserves again after any call that may itself reserve.
  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if extra > capacity - count { grow(toAtLeast: count + extra) }
    #if DEBUG
      reservedEnd = count + extra
    #endif
  }

  /// Traps in a debug build when `extra` more bytes would pass the last reservation.
  @inline(__always)
  private func checkReserved(_ extra: Int) {
    #if DEBUG
      precondition(count + extra <= reservedEnd, "ByteSink: a write past the room reserved for it")
    #endif
  }

  private mutating func grow(toAtLeast needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.initialize(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// Stores one byte; room for it was reserved.
  @inline(__always)
  mutating func put(_ byte: UInt8) {
    checkReserved(1)
    (base + count).initialize(to: byte)
    count += 1
  }

  /// Stores `bytes`; room for them was reserved.
  @inline(__always)
  mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
    checkReserved(bytes.count)
    precondition(bytes.count <= capacity - count, "ByteSink: a write past its capacity")
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    Self.copy(source, to: base + count, count: bytes.count)
    count += bytes.count
  }

  /// Stores a copy of bytes written earlier (`range` lies below ``count``); room was reserved.
  @inline(__always)
  mutating func putCopy(of range: Range<Int>) {
    checkReserved(range.count)
    precondition(range.lowerBound >= 0 && range.upperBound <= count && range.count <= capacity - count, "ByteSink.putCopy out of range")
    Self.copy(base + range.lowerBound, to: base + count, count: range.count)
    count += range.count
  }

  /// Copies `count` bytes. Most runs written are short (a key, a number, a label of a few
  /// Chinese characters): up to 32 bytes are copied as two overlapping loads and stores, the
  /// first and last 4, 8 or 16 bytes, instead of in a call to `memcpy`.
  @inline(__always)
  static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(target)
    switch count {
    case 16...32: copyEnds(from, to, count, as: SIMD16<UInt8>.self)
    case 8..<16: copyEnds(from, to, count, as: UInt64.self)
    case 4..<8: copyEnds(from, to, count, as: UInt32.self)
    case 0..<4: for k in 0..<count { target[k] = source[k] }
    default: target.initialize(from: source, count: count)
    }
  }

  /// The first and the last `MemoryLayout<T>.size` of `count` bytes (at least that many, at
  /// most twice), both loaded before either is stored.
  @inline(__always)
  private static func copyEnds<T>(_ from: UnsafeRawPointer, _ to: UnsafeMutableRawPointer, _ count: Int, as _: T.Type) {
    let tailOffset = count - MemoryLayout<T>.size
    let head = from.loadUnaligned(as: T.self)
    let tail = from.loadUnaligned(fromByteOffset: tailOffset, as: T.self)
    to.storeBytes(of: head, as: T.self)
    to.storeBytes(of: tail, toByteOffset: tailOffset, as: T.self)
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

  /// Overwrites the byte at `offset`, below ``count``.
  @inline(__always)
  mutating func set(_ byte: UInt8, at offset: Int) {
    precondition(offset >= 0 && offset < count, "ByteSink.set out of range")
    base[offset] = byte
  }

  /// Forgets the bytes from `newCount` on (at most ``count``).
  @inline(__always)
  mutating func removeLast(downTo newCount: Int) {
    precondition(newCount >= 0 && newCount <= count, "ByteSink.removeLast out of range")
    count = newCount
  }

  /// Whether the bytes written at `a` and at `b` (both below ``count``) are the same. Most
  /// are short (a number's varint, a code): up to 16 bytes are compared as the first and last
  /// 4 or 8, as ``copy(_:to:count:)`` copies them, rather than in a call to `memcmp`.
  @inline(__always)
  func bytesEqual(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
    precondition(a.lowerBound >= 0 && a.upperBound <= count && b.lowerBound >= 0 && b.upperBound <= count)
    let length = a.count
    guard length == b.count else { return false }
    let x = UnsafeRawPointer(base + a.lowerBound)
    let y = UnsafeRawPointer(base + b.lowerBound)
    switch length {
    case 8...16: return Self.endsEqual(x, y, length, as: UInt64.self)
    case 4..<8: return Self.endsEqual(x, y, length, as: UInt32.self)
    case 0..<4:
      for k in 0..<length where x.load(fromByteOffset: k, as: UInt8.self) != y.load(fromByteOffset: k, as: UInt8.self) {
        return false
      }
      return true
    default: return memcmp(x, y, length) == 0
    }
  }

  /// Whether the first and the last `MemoryLayout<T>.size` of `count` bytes (at least that
  /// many, at most twice) are the same at `x` and `y`.
  @inline(__always)
  private static func endsEqual<T: FixedWidthInteger>(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer, _ count: Int, as _: T.Type) -> Bool {
    let tailOffset = count - MemoryLayout<T>.size
    return x.loadUnaligned(as: T.self) == y.loadUnaligned(as: T.self)
      && x.loadUnaligned(fromByteOffset: tailOffset, as: T.self) == y.loadUnaligned(fromByteOffset: tailOffset, as: T.self)
  }

  /// Calls `body` with the bytes written, without copying them.
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// The bytes written, as an array.
  var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// A fast byte compressor for the checkpoints: greedy LZ77 in the manner of LZ4, without entropy
/// coding. gzip level 1 took about 0.95 s per 1,000 documents for their extract and transform
/// checkpoints (170 MB), a tenth of a run; this takes a fraction of that, for files about a fifth
/// larger. The outputs keep gzip: their bytes are the product.
///
/// A block is a run of sequences, each a token byte, literals, and a match:
///
/// ```
/// token      := literal length (high 4 bits) | match length − 4 (low 4 bits); 15 = more follows
/// sequence   := token [varint(literal length − 15)] literal bytes
///               [varint(match length − 19)] varint(offset)      — the match, unless at the end
/// ```
///
/// The block ends with the literals that bring the output to the length stored beside it (the
/// caller stores it); a match copies `length` bytes from `offset` bytes back, overlapping
/// allowed. ``decompress(_:count:)`` checks every length and offset against the bytes read
/// and written, so damaged input throws and never traps or writes past its output.
enum LZBlock {
  enum DecodeError: Error, Equatable {
    case truncated
    case badOffset
    case overrun
    case trailingBytes
  }

  static let minimumMatch = 4
  /// The longest match one sequence copies: bounds how far a few bytes of a block expand.
  static let maximumMatch = 1 << 16
  /// Bits of the hash table of 4-byte prefixes (64 KiB of positions: stays in cache).
  private static let hashBits = 14

  /// Matches reach no further back than this, so an offset takes at most 3 varint bytes and a
  /// match never costs more bytes than it copies.
  static let window = 1 << 21

  /// The largest block `count` bytes compress to: a match costs no more than it copies (4 bytes
  /// for 4, 7 for 19 or more), and a literal run of 15 or more costs a varint byte per 15 bytes
  /// at most, plus the last token and its varint.
  static func bound(_ count: Int) -> Int { count + count / 15 + 16 }

  /// At most this many output bytes per input byte (a maximal match in about four bytes).
  static let maximumExpansion = maximumMatch / 4 + 16

  /// The most bytes ``decompress(_:count:)`` gives back: the output is allocated before the
  /// block is read, and a crafted block (its CRC made to match) could otherwise ask for
  /// ``maximumExpansion`` times its size, enough to abort the process. A document's checkpoint
  /// is well under 1 MiB; one above this is read as damaged, so it is rebuilt.
  static let maximumCount = 1 << 30

  /// Compresses `input` into a block.
  static func compress(_ input: [UInt8]) -> [UInt8] {
    input.withUnsafeBufferPointer { compress($0) }
  }

  /// Compresses the bytes `source` points at into a block.
  static func compress(_ source: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: bound(source.count)) { out, written in
      written = compress(source, into: out)
    }
  }

  private static func compress(_ source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
    let n = source.count
    var o = 0
    var anchor = 0
    // The table holds 32-bit positions: 2 GiB or more (no checkpoint comes near) is stored as
    // one literal run, still a valid block.
    guard let base = source.baseAddress, n > 12, n < Int(Int32.max) else {
      return emit(literals: source, from: 0, to: n, matchLength: 0, offset: 0, into: out, at: o)
    }
    let raw = UnsafeRawPointer(base)
    // Each slot: 1 + the last position whose 4-byte prefix hashed there (0: none).
    return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 1 << hashBits) { table in
      table.initialize(repeating: 0)
      // A match is sought only where 8 bytes can be read, and ends 5 bytes short of the end.
      let searchEnd = n - 12
      let matchEnd = n - 5
      var i = 0
      var misses = 0
      while i < searchEnd {
        let prefix = raw.loadUnaligned(fromByteOffset: i, as: UInt32.self)
        let slot = Int((prefix &* 2_654_435_761) >> UInt32(32 - hashBits))
        // Wrapping arithmetic in the loops: no position comes near overflowing (see the guard),
        // and the overflow checks were a tenth of the loop's instructions.
        let candidate = Int(table[slot]) &- 1
        table[slot] = Int32(truncatingIfNeeded: i &+ 1)
        guard candidate >= 0, i &- candidate < window,
          raw.loadUnaligned(fromByteOffset: candidate, as: UInt32.self) == prefix
        else {
          // Skip faster through bytes that do not repeat (LZ4's acceleration).
          misses &+= 1
          i &+= 1 &+ (misses &>> 6)
          continue
        }
        misses = 0
        var length = minimumMatch
        let limit = min(matchEnd - i, maximumMatch)
        while length &+ 8 <= limit {
          let a = raw.loadUnaligned(fromByteOffset: candidate &+ length, as: UInt64.self)
          let b = raw.loadUnaligned(fromByteOffset: i &+ length, as: UInt64.self)
          if a != b {
            length &+= (a ^ b).trailingZeroBitCount &>> 3
            break
          }
          length &+= 8
        }
        if length + 8 > limit {
          while length < limit && base[candidate + length] == base[i + length] { length += 1 }
        }
        o = emit(literals: source, from: anchor, to: i, matchLength: length, offset: i - candidate, into: out, at: o)
        i += length
        anchor = i
      }
      return emit(literals: source, from: anchor, to: n, matchLength: 0, offset: 0, into: out, at: o)
    }
  }

  /// Writes one sequence; `matchLength` 0 for the last, which has no match.
  @inline(__always)
  private static func emit(
    literals source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, matchLength: Int, offset: Int,
    into out: UnsafeMutableBufferPointer<UInt8>, at position: Int
  ) -> Int {
    var o = position
    let literalCount = end - start
    let matchCode = matchLength == 0 ? 0 : matchLength - minimumMatch
    out[o] = UInt8(min(literalCount, 15) << 4 | min(matchCode, 15))
    o += 1
    if literalCount >= 15 { o = putVarint(UInt64(literalCount - 15), into: out, at: o) }
    if literalCount > 0 {
      UnsafeMutableRawPointer(out.baseAddress! + o).copyMemory(
        from: source.baseAddress! + start, byteCount: literalCount)
      o += literalCount
    }
    guard matchLength > 0 else { return o }
    if matchCode >= 15 { o = putVarint(UInt64(matchCode - 15), into: out, at: o) }
    return putVarint(UInt64(offset), into: out, at: o)
  }

  @inline(__always)
  private static func putVarint(_ value: UInt64, into out: UnsafeMutableBufferPointer<UInt8>, at position: Int) -> Int {
    var o = position
    var v = value
    while v >= 0x80 {
      out[o] = UInt8(truncatingIfNeeded: v) | 0x80
      v >>= 7
      o += 1
    }
    out[o] = UInt8(v)
    return o + 1
  }

  /// The `count` bytes a block holds.
  ///
  /// - Throws: ``DecodeError`` when the block is not one of exactly `count` bytes; `count`
  ///   above ``maximumCount``, or above ``maximumExpansion`` times the block's size, is refused
  ///   before anything is allocated.
  static func decompress(_ block: [UInt8], count: Int) throws(DecodeError) -> [UInt8] {
    try decompress(block[...], count: count)
  }

  /// The `count` bytes a block held in part of an array holds (see ``decompress(_:count:)``).
  static func decompress(_ block: ArraySlice<UInt8>, count: Int) throws(DecodeError) -> [UInt8] {
    guard count >= 0, count <= maximumCount, count <= max(block.count, 1) * maximumExpansion else {
      throw .overrun
    }
    var failure: DecodeError?
    let out = block.withUnsafeBufferPointer { input in
      [UInt8](unsafeUninitializedCapacity: count) { out, written in
        do throws(DecodeError) {
          try decompress(input, into: UnsafeMutableBufferPointer(rebasing: out[0..<count]))
          written = count
        } catch {
          failure = error
          written = 0
        }
      }
    }
    if let failure { throw failure }
    return out
  }

  private static func decompress(
    _ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>
  ) throws(DecodeError) {
    var i = 0
    var o = 0
    let n = input.count
    let total = out.count
    func varint() throws(DecodeError) -> Int {
      var value = 0
      var shift = 0
      while true {
        guard i < n, shift < 35 else { throw .truncated }
        let byte = input[i]
        i += 1
        value |= Int(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
    }
    while true {
      guard i < n else { throw .truncated }
      let token = input[i]
      i += 1
      var literalCount = Int(token >> 4)
      if literalCount == 15 { literalCount += try varint() }
      guard literalCount <= n - i else { throw .truncated }
      guard literalCount <= total - o else { throw .overrun }
      if literalCount > 0 {
        UnsafeMutableRawPointer(out.baseAddress! + o).copyMemory(from: input.baseAddress! + i, byteCount: literalCount)
        i += literalCount
        o += literalCount
      }
      if o == total {
        guard token & 0x0F == 0, i == n else { throw .trailingBytes }
        return
      }
      var length = Int(token & 0x0F) + minimumMatch
      if length == 15 + minimumMatch { length += try varint() }
      let offset = try varint()
      // The compressor never reaches back as far as the window: a block that does is damaged.
      guard offset >= 1, offset <= o, offset < window else { throw .badOffset }
      guard length <= maximumMatch, length <= total - o else { throw .overrun }
      let base = out.baseAddress!
      if offset >= length {
        UnsafeMutableRawPointer(base + o).copyMemory(from: base + o - offset, byteCount: length)
      } else {
        // Overlapping: each byte may be one this match wrote (a run).
        for k in 0..<length { base[o + k] = base[o - offset + k] }
      }
      o += length
    }
  }
}

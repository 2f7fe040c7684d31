/// The RLE / bit-packing hybrid of Parquet's Encodings.md, used for definition levels and for
/// dictionary indices.
///
/// Runs of 8 or more equal values become RLE runs (`varint(count << 1)`, then the value in
/// `ceil(bitWidth / 8)` little-endian bytes); everything else is bit-packed in groups of 8
/// (`varint(groups << 1 | 1)`, then `bitWidth` bytes a group, least significant bit first).
/// A run is looked for only where a group would start, and the last group is padded with
/// zeros; readers stop at the page's value count. Output depends only on the input.
enum RLEBitPackedHybrid {
  /// The number of bits needed for values up to `maxValue` (0 for 0).
  static func bitWidth(forMaxValue maxValue: UInt64) -> Int {
    maxValue == 0 ? 0 : 64 - maxValue.leadingZeroBitCount
  }

  /// Appends the hybrid encoding of `values` to `out`, without a length prefix.
  ///
  /// - Parameters:
  ///   - values: values that each fit in `bitWidth` bits.
  ///   - bitWidth: 0...32.
  ///   - out: where the runs are appended.
  /// - Complexity: O(n).
  static func encode<Values: RandomAccessCollection>(
    _ values: Values, bitWidth: Int, into out: inout [UInt8]
  ) where Values.Element: FixedWidthInteger & UnsignedInteger, Values.Index == Int {
    precondition((0...32).contains(bitWidth), "bit width \(bitWidth) out of range")
    let end = values.endIndex
    var i = values.startIndex
    var literalStart = i
    var literalGroups = 0
    while i < end {
      let value = values[i]
      var j = i + 1
      while j < end && values[j] == value { j += 1 }
      if j - i >= 8 {
        appendBitPacked(values, from: literalStart, groups: literalGroups, bitWidth: bitWidth, into: &out)
        literalGroups = 0
        appendRLE(UInt64(value), count: j - i, bitWidth: bitWidth, into: &out)
        i = j
        literalStart = i
      } else {
        literalGroups += 1
        i = min(i + 8, end)
      }
    }
    appendBitPacked(values, from: literalStart, groups: literalGroups, bitWidth: bitWidth, into: &out)
  }

  /// One RLE run: header `count << 1`, then the value in whole little-endian bytes.
  static func appendRLE(_ value: UInt64, count: Int, bitWidth: Int, into out: inout [UInt8]) {
    Varint.append(UInt64(count) << 1, to: &out)
    var v = value
    for _ in 0..<((bitWidth + 7) / 8) {
      out.append(UInt8(truncatingIfNeeded: v))
      v >>= 8
    }
  }

  /// One bit-packed run of `groups` groups of 8 values starting at `start` (zero-padded past
  /// the end of `values`).
  private static func appendBitPacked<Values: RandomAccessCollection>(
    _ values: Values, from start: Int, groups: Int, bitWidth: Int, into out: inout [UInt8]
  ) where Values.Element: FixedWidthInteger & UnsignedInteger, Values.Index == Int {
    guard groups > 0 else { return }
    Varint.append(UInt64(groups) << 1 | 1, to: &out)
    let end = values.endIndex
    var buffer: UInt64 = 0
    var bits = 0
    for k in start..<(start + groups * 8) {
      let v: UInt64 = k < end ? UInt64(values[k]) : 0
      buffer |= v << UInt64(bits)
      bits += bitWidth
      while bits >= 8 {
        out.append(UInt8(truncatingIfNeeded: buffer))
        buffer >>= 8
        bits -= 8
      }
    }
    assert(bits == 0, "a group of 8 values fills whole bytes")
  }
}

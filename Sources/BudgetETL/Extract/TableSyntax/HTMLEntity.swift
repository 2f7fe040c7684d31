/// HTML character references in converter output: `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`,
/// `&nbsp;` (a space), `&#12;` and `&#x4E00;`. Anything else after `&` is text.
enum HTMLEntity {
  static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
    "thinsp": " ", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "mdash": "—", "ndash": "–",
    "hellip": "…", "middot": "·", "times": "×", "yen": "¥",
  ]

  /// The bytes with every character reference replaced by its UTF-8.
  static func decode(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "&"), let (replacement, length) = reference(bytes, at: i) {
        out.append(contentsOf: replacement)
        i += length
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return out
  }

  /// The reference at `bytes[i]` (an `&`) and its length, `;` included.
  static func reference(_ bytes: [UInt8], at i: Int) -> ([UInt8], Int)? {
    var j = i + 1
    while j < bytes.count, j - i <= 10, bytes[j] != UInt8(ascii: ";") {
      let b = bytes[j]
      let isWordByte = ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "#")
      guard isWordByte else { return nil }
      j += 1
    }
    guard j < bytes.count, bytes[j] == UInt8(ascii: ";"), j > i + 1 else { return nil }
    let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
    if name.hasPrefix("#") {
      var digits = name.dropFirst()
      var radix = 10
      if digits.first == "x" || digits.first == "X" {
        digits = digits.dropFirst()
        radix = 16
      }
      guard let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value), value != 0 else { return nil }
      return (Array(String(Character(scalar)).utf8), j - i + 1)
    }
    guard let text = named[name.lowercased()] else { return nil }
    return (Array(text.utf8), j - i + 1)
  }
}

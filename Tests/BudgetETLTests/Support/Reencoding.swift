#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@testable import BudgetETL

/// The ways an archive holds one text: encodings and line-end styles a converter or a hand
/// may have given it. Each turns UTF-8 text into the bytes of a file.
enum Reencoding: String, CaseIterable, Sendable, CustomStringConvertible {
  case gb18030CRLF = "gb18030"
  case utf16LEBOM = "utf-16le"
  case utf16BEBOM = "utf-16be"
  case utf16LE = "utf-16le-no-bom"
  case utf16BE = "utf-16be-no-bom"
  case utf8BOM = "utf-8-bom"
  case utf8CR = "utf-8"

  var description: String {
    switch self {
    case .gb18030CRLF: return "GB18030 with CRLF line ends"
    case .utf16LEBOM: return "UTF-16 LE with BOM"
    case .utf16BEBOM: return "UTF-16 BE with BOM"
    case .utf16LE: return "UTF-16 LE without BOM"
    case .utf16BE: return "UTF-16 BE without BOM"
    case .utf8BOM: return "UTF-8 with BOM"
    case .utf8CR: return "UTF-8 with CR-only line ends"
    }
  }

  /// What `sources.source_encoding` must say for a file written this way.
  var detected: String {
    switch self {
    case .utf16LE: return "utf-16le"
    case .utf16BE: return "utf-16be"
    default: return rawValue
    }
  }

  func encode(_ text: String) -> [UInt8] {
    switch self {
    case .gb18030CRLF: return Self.iconv(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), to: "GB18030")
    case .utf16LEBOM: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    case .utf16BEBOM: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    case .utf16LE: return text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    case .utf16BE: return text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    case .utf8CR: return Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)
    }
  }

  /// Converts UTF-8 to `encoding` with glibc's iconv (the test's own converter, independent of
  /// the decoder under test).
  static func iconv(_ utf8: [UInt8], to encoding: String) -> [UInt8] {
    let cd = iconv_open(encoding, "UTF-8")
    precondition(cd != iconv_t(bitPattern: -1), "iconv cannot convert to \(encoding)")
    defer { iconv_close(cd) }
    var input = utf8
    var output = [UInt8](repeating: 0, count: utf8.count * 4 + 16)
    var produced = 0
    input.withUnsafeMutableBufferPointer { inBuf in
      output.withUnsafeMutableBufferPointer { outBuf in
        var inPtr = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
        var inLeft = inBuf.count
        var outPtr = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
        var outLeft = outBuf.count
        let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
        precondition(r != -1 && inLeft == 0, "iconv failed to encode to \(encoding)")
        produced = outBuf.count - outLeft
      }
    }
    return Array(output[..<produced])
  }
}

extension String {
  /// This string's UTF-8 bytes, lent in place: native and small strings have them contiguous
  /// already. `var copy = s; copy.withUTF8 { … }`, the way to read them before, retained and
  /// released every heap string for the copy `withUTF8` may make contiguous (about 12 ns a
  /// call); only bridged strings still go that way.
  @inline(__always)
  func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = self
    return try copy.withUTF8(body)
  }
}

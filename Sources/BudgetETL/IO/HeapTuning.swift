#if canImport(Glibc)
  import Glibc
#endif

/// glibc's malloc settings for a long batch run.
///
/// By default glibc gives the free memory at the top of a heap back to the kernel as soon as
/// more than 128 KiB of it is free (`M_TRIM_THRESHOLD`). A worker builds and frees a
/// document's working set (lines, cells, rows, encoded bundles: a few MB) once per document, so
/// every document gave its pages back and faulted them in again, zeroed: about 120 page faults
/// a document, 120,000 for 1,000 documents. Keeping up to `trimThreshold` free at the top of
/// each heap lets the next document reuse the same pages. The peak rises a little, since each
/// worker's arena now keeps its own high-water mark rather than the sum of the working sets in
/// use at one moment: about 3 MB (49 → 52 MB at 1,000 documents, 55 → 58 MB at 10,000, two
/// workers), well inside the memory target.
///
/// Setting the trim threshold turns off glibc's sliding mmap threshold, which would otherwise
/// have risen past the size of the blocks a document frees; so blocks up to `mmapThreshold`
/// (page buffers, encoded bundles) are taken from the heap too instead of each being mapped
/// and unmapped again.
public enum HeapTuning {
  /// Free memory a heap keeps before trimming: a few documents' working sets.
  public static let trimThreshold: Int32 = 64 << 20
  /// Blocks at least this large are mapped on their own (glibc's ceiling on 64-bit is 32 MiB).
  public static let mmapThreshold: Int32 = 16 << 20

  /// Applies the batch settings to this process. Call once, before the workers start; a
  /// no-op where the C library has no `mallopt` (not glibc). Returns whether both were taken.
  @discardableResult
  public static func applyBatchSettings() -> Bool {
    #if canImport(Glibc)
      // Swift's Glibc module does not import <malloc.h>, so `mallopt` is looked up by name;
      // its parameter numbers are glibc's ABI (malloc.h: M_TRIM_THRESHOLD -1, M_MMAP_THRESHOLD -3).
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
      typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
      let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
      let mmap = mallopt(-3, mmapThreshold)
      let trim = mallopt(-1, trimThreshold)
      return mmap == 1 && trim == 1
    #else
      return false
    #endif
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One run at a time per output folder: an exclusive `flock` on `_state/lock`. The kernel
/// drops the lock when its process dies (even by `kill -9`), so a lock left by a dead run is
/// taken over by the next one.
public final class OutputLock {
  public enum LockError: Error, Equatable, CustomStringConvertible {
    case held(path: String, pid: String)
    case cannotOpen(path: String, errno: Int32)
    public var description: String {
      switch self {
      case .held(let p, let pid): return "another run (pid \(pid)) holds the lock \(p); try again when it has finished"
      case .cannotOpen(let p, let e): return "cannot open lock file \(p): \(String(cString: strerror(e)))"
      }
    }
  }

  private let fd: Int32
  public let path: String

  public init(path: String) throws {
    self.path = path
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw LockError.cannotOpen(path: path, errno: errno) }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      var buffer = [UInt8](repeating: 0, count: 32)
      let n = pread(fd, &buffer, 32, 0)
      close(fd)
      let pid = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingASCIIAndIdeographicSpaces() : "?"
      throw LockError.held(path: path, pid: pid.isEmpty ? "?" : pid)
    }
    let pid = Array("\(getpid())\n".utf8)
    _ = ftruncate(fd, 0)
    _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
  }

  deinit {
    _ = ftruncate(fd, 0)
    flock(fd, LOCK_UN)
    close(fd)
  }
}

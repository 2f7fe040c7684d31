import Foundation
import Testing

@testable import BudgetETL

#if canImport(Glibc)
  import Glibc
#endif

/// The pointer scans read nothing outside their buffer: each buffer ends right before (or
/// starts right after) a page that cannot be read, so a read past either end crashes the test.
/// A read one byte too far gives the same answers, so only this can catch it.
@Suite struct GuardPageTests {
  #if canImport(Glibc)
    @Test func scansStayInsideTheirBuffer() throws {
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      let base = try #require(mmap(nil, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
      try #require(base != MAP_FAILED)
      defer { munmap(base, 4 * page) }
      #expect(mprotect(base, page, PROT_NONE) == 0)
      #expect(mprotect(base + 3 * page, page, PROT_NONE) == 0)
      let low = base.assumingMemoryBound(to: UInt8.self) + page
      let high = base.assumingMemoryBound(to: UInt8.self) + 3 * page
      var rng = SplitMix64(seed: 3)
      let chinese = Array("预算".utf8)
      // Cut sequences at the very end: a lead byte alone, a lead and one continuation, …
      let tails: [[UInt8]] = [[], [0xE4], [0xE4, 0xB8], [0xF0, 0x9F], [0xF0, 0x9F, 0x98], [0xC3], [0x80]]
      var compared = 0
      for length in 0...1100 {
        for fill in 0..<3 {
          for tail in tails where tail.count <= length {
            for atEnd in [true, false] {
              let p = atEnd ? high - length : low
              for i in 0..<length {
                p[i] = fill == 0 ? 0x61 : fill == 1 ? UInt8.random(in: 0...255, using: &rng) : chinese[i % 6]
              }
              for (j, b) in tail.enumerated() { p[length - tail.count + j] = b }
              let buffer = UnsafeBufferPointer(start: UnsafePointer(p), count: length)
              #expect(TextDecoder.firstInvalidUTF8(buffer) == UTF8ValidationTests.oracle(Array(buffer)))
              if SHA256.Backend.shaNI.isAvailable && tail.isEmpty {
                var fast = SHA256(backend: .shaNI)
                fast.update(buffer)
                var portable = SHA256(backend: .portable)
                portable.update(Array(buffer))
                #expect(fast.finalize() == portable.finalize())
              }
              compared += 1
            }
          }
        }
      }
      // Tails allowed by the length: 1 at 0, 4 at 1, 6 at 2, all 7 from 3 on; three fills, two ends.
      #expect(compared == (1 + 4 + 6 + 7 * 1098) * 3 * 2)
    }

    /// ``ByteSink``'s short-run copy (two overlapping words of 4, 8 or 16 bytes) reads and
    /// writes only the run: at every length 0–80, with the source and the target each flush
    /// against an unreadable page at either end, and the bytes around the target left alone.
    @Test func byteSinkCopiesOnlyTheRun() throws {
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      func guarded() throws -> (base: UnsafeMutableRawPointer, low: UnsafeMutablePointer<UInt8>, high: UnsafeMutablePointer<UInt8>) {
        let base = try #require(mmap(nil, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        try #require(base != MAP_FAILED)
        #expect(mprotect(base, page, PROT_NONE) == 0)
        #expect(mprotect(base + 3 * page, page, PROT_NONE) == 0)
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        return (base, bytes + page, bytes + 3 * page)
      }
      let source = try guarded()
      let target = try guarded()
      defer {
        munmap(source.base, 4 * page)
        munmap(target.base, 4 * page)
      }
      var copies = 0
      for length in 0...80 {
        for sourceAtEnd in [true, false] {
          for targetAtEnd in [true, false] {
            let from = sourceAtEnd ? source.high - length : source.low
            let to = targetAtEnd ? target.high - length : target.low
            for i in 0..<length { from[i] = UInt8(truncatingIfNeeded: i &* 37 &+ length) }
            // The page's bytes around the run: a stray store shows as a changed 0xEE.
            target.low.update(repeating: 0xEE, count: 2 * page)
            ByteSink.copy(UnsafePointer(from), to: to, count: length)
            #expect(Array(UnsafeBufferPointer(start: to, count: length)) == Array(UnsafeBufferPointer(start: from, count: length)))
            let before = to - target.low
            #expect(UnsafeBufferPointer(start: target.low, count: before).allSatisfy { $0 == 0xEE })
            #expect(UnsafeBufferPointer(start: to + length, count: 2 * page - before - length).allSatisfy { $0 == 0xEE })
            copies += 1
          }
        }
      }
      #expect(copies == 81 * 4)
    }
  #endif
}

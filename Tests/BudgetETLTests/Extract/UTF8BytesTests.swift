import Foundation
import Testing

@testable import BudgetETL

/// `withUTF8Bytes` lends the same bytes `withUTF8` gives, whatever the string's storage.
@Suite struct UTF8BytesTests {
  @Test func sameBytesForEveryStorage() {
    let heap = "一般公共预算财政拨款收入合计（单位：万元）"
    let strings: [String] = [
      "", "a", "合计", "fifteen bytes!!",  // empty and small (inline) strings
      heap,  // native, on the heap
      String(heap.dropFirst(2)),  // made from a substring
      String(NSString(string: heap)),  // through Foundation
      heap + "\t12,345.67\t",
    ]
    for s in strings {
      var copy = s
      let expected = copy.withUTF8 { Array($0) }
      #expect(s.withUTF8Bytes { Array($0) } == expected, "\(s)")
      #expect(expected == Array(s.utf8))
      // The closure's result comes back as it is, an optional one included.
      #expect(s.withUTF8Bytes { $0.isEmpty ? nil : $0.count } == (s.isEmpty ? nil : s.utf8.count))
    }
  }
}

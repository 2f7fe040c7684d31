@testable import BudgetETL

extension Array where Element == LineItem {
  /// The line items with what may differ between two printings of one document blanked:
  /// `doc_id`, `source_line` and `source_page` (DATA-CONTRACT: "the same line_items").
  var placementFree: [LineItem] {
    map {
      var item = $0
      item.docID = ""
      item.sourceLine = 0
      item.sourcePage = nil
      return item
    }
  }
}

extension Array where Element == TextBlock {
  /// The text blocks with `doc_id`, `source_line` and `source_page` blanked.
  var placementFree: [TextBlock] {
    map {
      var block = $0
      block.docID = ""
      block.sourceLine = 0
      block.sourcePage = nil
      return block
    }
  }
}

/// The first place where two lists differ, for a readable failure message; nil when equal.
func firstDifference<T: Equatable>(_ got: [T], _ want: [T]) -> String? {
  for (k, (a, b)) in zip(got, want).enumerated() where a != b { return "at \(k):\n  got  \(a)\n  want \(b)" }
  if got.count != want.count { return "counts differ: got \(got.count), want \(want.count)" }
  return nil
}

import Foundation
import Testing

@testable import BudgetETL

/// Table ids are published (`tables.table_id`, `line_items.table_id`): `t` and the table's
/// number in the document, at least three digits.
@Suite struct TableIDTests {
  @Test func tableIDsKeepTheirPublishedForm() {
    #expect(DocumentProcessor.tableID(number: 1) == "t001")
    #expect(DocumentProcessor.tableID(number: 42) == "t042")
    #expect(DocumentProcessor.tableID(number: 999) == "t999")
    #expect(DocumentProcessor.tableID(number: 1234) == "t1234")
    for n in 1...2_000 { #expect(DocumentProcessor.tableID(number: n) == String(format: "t%03d", n)) }
  }
}

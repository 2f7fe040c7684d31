import Foundation
import Testing

@testable import BudgetETL

@Suite struct DatasetDocumentationTests {
  /// docs/DATASETS.md is generated from the schemas; regenerate it with `budget-etl schema > docs/DATASETS.md`.
  @Test func committedColumnReferenceMatchesTheSchemas() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let committed = try String(contentsOf: root.appendingPathComponent("docs/DATASETS.md"), encoding: .utf8)
    #expect(committed == DatasetDocumentation.markdown(), "docs/DATASETS.md is stale: run `budget-etl schema > docs/DATASETS.md`")
  }

  @Test func everyContractColumnIsPresent() {
    let required: [String: [String]] = [
      "sources": ["source_path", "source_sha256", "source_encoding", "bytes", "doc_id", "status", "error", "source_format", "converter"],
      "documents": ["doc_id", "source_path", "agency", "region", "fiscal_year", "doc_kind", "doc_scope", "tables", "line_items", "warnings"],
      "tables": ["doc_id", "table_id", "table_no", "title", "table_type", "unit", "columns", "rows", "fragments", "is_empty", "source_line"],
      "line_items": [
        "doc_id", "fiscal_year", "agency", "table_id", "table_type", "row_no", "col_no", "parent_row_no", "row_kind", "section",
        "line_label", "function_code", "function_level", "econ_code", "econ_level", "gov_econ_code", "agency_code", "project_code",
        "measure", "measure_kind", "amount_yuan", "source_value", "source_unit", "is_total", "source_line",
      ],
      "text_blocks": ["doc_id", "block_no", "section_path", "text", "source_line"],
      "text_amounts": [
        "doc_id", "block_no", "amount_no", "subject", "amount_kind", "function_code", "econ_code", "gov_econ_code", "amount_yuan",
        "source_value", "source_unit", "source_line",
      ],
      "indicators": [
        "doc_id", "table_id", "row_no", "col_no", "target_no", "section", "project", "level1", "level2", "indicator", "target_raw",
        "comparator", "target_value", "target_unit", "source_line",
      ],
      "checks": [
        "doc_id", "check_no", "table_id", "rule", "subject", "expected_yuan", "actual_yuan", "diff_yuan", "tolerance_yuan", "severity",
        "message", "source_line",
      ],
    ]
    for schema in Datasets.all {
      let names = schema.columns.map(\.name)
      let want = required[schema.name]!
      // The contract's columns come first, in the contract's order; added columns follow.
      #expect(Array(names.prefix(want.count)) == want || names.filter(want.contains) == want, "\(schema.name)")
      #expect(Set(want).isSubset(of: Set(names)), "\(schema.name)")
    }
    for table in ["tables", "line_items", "text_blocks", "text_amounts", "indicators", "checks"] {
      #expect(Datasets.all.first { $0.name == table }!.columns.contains { $0.name == "source_page" })
    }
  }

  @Test func rowsMatchTheirSchemas() {
    let r = Seed.s0.result
    #expect(r.document.row.count == Datasets.documents.columns.count)
    #expect(r.tables[0].row.count == Datasets.tables.columns.count)
    #expect(r.lineItems[0].row.count == Datasets.lineItems.columns.count)
    let block = TextBlock(docID: "x", blockNo: 1, sectionPath: "", kind: .paragraph, text: "t", sourceLine: 1, sourcePage: nil)
    #expect(block.row.count == Datasets.textBlocks.columns.count)
    let amount = TextAmount(
      docID: "x", blockNo: 1, amountNo: 1, subject: "", kind: .level, functionCode: nil, econCode: nil, govEconCode: nil,
      amountFen: 1, sourceValue: "1", sourceUnit: "元", sourceLine: 1, sourcePage: nil)
    #expect(amount.row.count == Datasets.textAmounts.columns.count)
    let indicator = Indicator(
      docID: "x", tableID: "t001", rowNo: 1, colNo: 1, targetNo: 1, section: nil, project: nil, level1: nil, level2: nil,
      indicator: "i", targetRaw: "1", comparator: nil, targetValue: 10000, targetUnit: nil, sourceLine: 1, sourcePage: nil)
    #expect(indicator.row.count == Datasets.indicators.columns.count)
    let check = Check(
      docID: "x", tableID: nil, rule: "r", subject: "", expectedFen: 1, actualFen: 2, toleranceFen: 0, severity: .error,
      message: "m", sourceLine: 1, sourcePage: nil)
    #expect(check.row.count == Datasets.checks.columns.count)
    #expect(check.row[7] == .fen(1))
  }
}

/// The published datasets of the data contract (`DATA-CONTRACT.md`), each declared once.
public enum Datasets {
  static let docID = ColumnSpec(
    "doc_id", .string, nullable: false,
    "Document identity: first 16 hex characters of the SHA-256 of the normalized text (PDF: raw bytes).",
    pattern: "^[0-9a-f]{16}$")
  static let tableID = ColumnSpec(
    "table_id", .string, nullable: false, "t + the table's 1-based order in the document, three digits.",
    pattern: "^t[0-9]{3,}$")
  static let sourceLine = ColumnSpec(
    "source_line", .int32, nullable: false, "1-based line of the normalized text the value comes from.")
  static let sourcePage = ColumnSpec(
    "source_page", .int32, "1-based page, where the input has pages (PDF, form feeds); empty otherwise.")
  static let money = ColumnType.decimal(precision: 18, scale: 2)
  static let functionCodePattern = "^2[0-9]{2}([0-9]{2}){0,2}$"
  static let econCodePattern = "^[0-9]{3}([0-9]{2})?$"

  public static let sources = DatasetSchema(
    name: "sources", title: "Input files",
    description: "One row per input file: what it was and what became of it.",
    columns: [
      ColumnSpec("source_path", .string, nullable: false, "Path relative to the input directory."),
      ColumnSpec("source_sha256", .string, nullable: false, "SHA-256 of the raw bytes.", pattern: "^[0-9a-f]{64}$"),
      ColumnSpec("source_encoding", .string, "Encoding as detected: utf-8, utf-8-bom, gb18030, utf-16le, utf-16be."),
      ColumnSpec("bytes", .int64, nullable: false, "Size of the file in bytes."),
      ColumnSpec("doc_id", .string, "The document it carries; empty when rejected.", pattern: "^[0-9a-f]{16}$"),
      ColumnSpec("status", .string, nullable: false, "ok, partial, duplicate (same doc_id as an earlier file) or rejected.",
        allowed: ["ok", "partial", "duplicate", "rejected"]),
      ColumnSpec("error", .string, "Why, when the status is not ok."),
      ColumnSpec("source_format", .string, nullable: false, "text or pdf.", allowed: ["text", "pdf"]),
      ColumnSpec("converter", .string, "For a PDF: the program and version that gave its text."),
    ],
    primaryKey: ["source_path"])

  public static let documents = DatasetSchema(
    name: "documents", title: "Documents",
    description: "One row per distinct document.",
    columns: [
      docID,
      ColumnSpec("source_path", .string, nullable: false, "The first file, in path order, that carries the document."),
      ColumnSpec("agency", .string, "The agency the document is about, as it names itself."),
      ColumnSpec("region", .string, "The administrative area that publishes it (county, district, city, province)."),
      ColumnSpec("fiscal_year", .int32, "The budget year."),
      ColumnSpec("doc_kind", .string, nullable: false, "budget (预算) or final_account (决算).", allowed: ["budget", "final_account"]),
      ColumnSpec("doc_scope", .string, "department (部门, covering its units) or unit (单位); empty when the document does not say.",
        allowed: ["department", "unit"]),
      ColumnSpec("tables", .int32, nullable: false, "Number of tables."),
      ColumnSpec("line_items", .int32, nullable: false, "Number of line items."),
      ColumnSpec("warnings", .int32, nullable: false, "Number of checks of severity warning or error."),
      ColumnSpec("title", .string, "The document's title as printed, cleaned."),
    ],
    primaryKey: ["doc_id"],
    foreignKeys: [ForeignKey(fields: ["source_path"], resource: "sources", referencedFields: ["source_path"])])

  public static let tables = DatasetSchema(
    name: "tables", title: "Tables",
    description: "One row per logical table, after page-split fragments are merged.",
    columns: [
      docID, tableID,
      ColumnSpec("table_no", .string, "The table's number as printed, inner spaces removed (表5, 预算01表)."),
      ColumnSpec("title", .string, "The table's title, cleaned."),
      ColumnSpec("table_type", .string, nullable: false, "What the table reports.", allowed: TableType.allCases.map(\.rawValue)),
      ColumnSpec("unit", .string, nullable: false, "The table's declared unit; 元 when none is declared."),
      ColumnSpec("columns", .string, "Column header paths, ' | ' separated."),
      ColumnSpec("rows", .int32, nullable: false, "Number of rows after merging."),
      ColumnSpec("fragments", .int32, nullable: false, "How many page-split parts were merged."),
      ColumnSpec("is_empty", .boolean, nullable: false, "True when the table has no non-zero amount, or is declared empty."),
      ColumnSpec("source_line", .int32, nullable: false, "Line of the title, or of the first row when there is no title."),
      sourcePage,
    ],
    primaryKey: ["doc_id", "table_id"],
    foreignKeys: [ForeignKey(fields: ["doc_id"], resource: "documents", referencedFields: ["doc_id"])])

  public static let lineItems = DatasetSchema(
    name: "line_items", title: "Line items",
    description: "One row per amount: a non-blank amount cell of a table, in exact 元.",
    columns: [
      docID,
      ColumnSpec("fiscal_year", .int32, "The document's budget year."),
      ColumnSpec("agency", .string, "The document's agency."),
      tableID,
      ColumnSpec("table_type", .string, nullable: false, "The table's type.", allowed: TableType.allCases.map(\.rawValue)),
      ColumnSpec("row_no", .int32, nullable: false, "1-based row of the merged table."),
      ColumnSpec("col_no", .int32, nullable: false, "1-based column of the cell in the merged table."),
      ColumnSpec("parent_row_no", .int32, "The row this row is a part of; empty at the top level."),
      ColumnSpec("row_kind", .string, nullable: false, "total, subtotal (a row with children), memo (其中) or detail.",
        allowed: ["total", "subtotal", "memo", "detail"]),
      ColumnSpec("section", .string, "In side-by-side layouts, the block the amount belongs to."),
      ColumnSpec("line_label", .string, "The row's label, cleaned; empty for a table without a label column."),
      ColumnSpec("function_code", .string, "支出功能分类 code, 3/5/7 digits.", pattern: functionCodePattern),
      ColumnSpec("function_level", .int32, "1 类, 2 款, 3 项."),
      ColumnSpec("econ_code", .string, "部门预算支出经济分类 code, 3/5 digits.", pattern: econCodePattern),
      ColumnSpec("econ_level", .int32, "1 类, 2 款."),
      ColumnSpec("gov_econ_code", .string, "政府预算支出经济分类 code, 3/5 digits.", pattern: econCodePattern),
      ColumnSpec("agency_code", .string, "Agency (单位) code, digits.", pattern: "^[0-9]+$"),
      ColumnSpec("project_code", .string, "Project code as printed, inner spaces removed.", pattern: "^[0-9A-Za-z-]+$"),
      ColumnSpec("measure", .string, nullable: false, "The column's header path, levels joined with '/'."),
      ColumnSpec("measure_kind", .string, nullable: false, "total (sums other columns), memo (其中) or part.",
        allowed: ["total", "memo", "part"]),
      ColumnSpec("amount_yuan", money, nullable: false, "The amount in 元, exact, two decimals."),
      ColumnSpec("source_value", .string, nullable: false, "The cell as printed."),
      ColumnSpec("source_unit", .string, nullable: false, "The unit applied: 元, 万元 or 亿元."),
      ColumnSpec("is_total", .boolean, nullable: false, "True on total rows (合计, 总计)."),
      sourceLine, sourcePage,
      ColumnSpec("printed_no", .string, "The row's printed 序号, when the table has one."),
    ],
    primaryKey: ["doc_id", "table_id", "row_no", "col_no"],
    foreignKeys: [ForeignKey(fields: ["doc_id", "table_id"], resource: "tables", referencedFields: ["doc_id", "table_id"])])

  public static let textBlocks = DatasetSchema(
    name: "text_blocks", title: "Narrative",
    description: "The narrative, one paragraph or heading per row, with its heading trail.",
    columns: [
      docID,
      ColumnSpec("block_no", .int32, nullable: false, "1-based order of the block in the document."),
      ColumnSpec("section_path", .string, "Heading trail, ' > ' separated."),
      ColumnSpec("text", .string, nullable: false, "One paragraph (or heading), cleaned."),
      sourceLine, sourcePage,
      ColumnSpec("block_kind", .string, nullable: false, "heading or paragraph.", allowed: ["heading", "paragraph"]),
    ],
    primaryKey: ["doc_id", "block_no"],
    foreignKeys: [ForeignKey(fields: ["doc_id"], resource: "documents", referencedFields: ["doc_id"])])

  public static let textAmounts = DatasetSchema(
    name: "text_amounts", title: "Amounts quoted in the narrative",
    description: "Amounts the narrative quotes, with what they are.",
    columns: [
      docID,
      ColumnSpec("block_no", .int32, nullable: false, "The text block that quotes it."),
      ColumnSpec("amount_no", .int32, nullable: false, "1-based order of the amount in its block."),
      ColumnSpec("subject", .string, "What the amount is, from the words before it."),
      ColumnSpec("amount_kind", .string, nullable: false, "level, change, prior, threshold or other.",
        allowed: ["level", "change", "prior", "threshold", "other"]),
      ColumnSpec("function_code", .string, "Function code the text names.", pattern: functionCodePattern),
      ColumnSpec("econ_code", .string, "Economic code the text names.", pattern: econCodePattern),
      ColumnSpec("gov_econ_code", .string, "Government economic code the text names.", pattern: econCodePattern),
      ColumnSpec("amount_yuan", money, nullable: false, "The amount in 元, exact."),
      ColumnSpec("source_value", .string, nullable: false, "The number as printed."),
      ColumnSpec("source_unit", .string, nullable: false, "The unit printed after the number."),
      sourceLine, sourcePage,
    ],
    primaryKey: ["doc_id", "block_no", "amount_no"],
    foreignKeys: [ForeignKey(fields: ["doc_id", "block_no"], resource: "text_blocks", referencedFields: ["doc_id", "block_no"])])

  public static let indicators = DatasetSchema(
    name: "indicators", title: "Performance targets",
    description: "Performance targets from 绩效目标 tables.",
    columns: [
      docID, tableID,
      ColumnSpec("row_no", .int32, nullable: false, "Row of the target cell."),
      ColumnSpec("col_no", .int32, nullable: false, "Column of the target cell."),
      ColumnSpec("target_no", .int32, nullable: false, "1, or 1..n when a cell holds several targets."),
      ColumnSpec("section", .string, "实施期 or 年度 in side-by-side forms."),
      ColumnSpec("project", .string, "项目名称, or the agency for 整体 targets."),
      ColumnSpec("level1", .string, "一级指标 (产出指标, 效益指标, 满意度指标…)."),
      ColumnSpec("level2", .string, "二级指标."),
      ColumnSpec("indicator", .string, nullable: false, "The indicator (三级指标/指标内容)."),
      ColumnSpec("target_raw", .string, nullable: false, "The target as printed."),
      ColumnSpec("comparator", .string, ">=, <=, =, >, < or empty.", allowed: [">=", "<=", "=", ">", "<"]),
      ColumnSpec("target_value", .decimal(precision: 18, scale: 4), "The printed number, up to four decimals."),
      ColumnSpec("target_unit", .string, "The unit as printed (人, %, 次, 万元…)."),
      sourceLine, sourcePage,
    ],
    primaryKey: ["doc_id", "table_id", "row_no", "col_no", "target_no"],
    foreignKeys: [ForeignKey(fields: ["doc_id", "table_id"], resource: "tables", referencedFields: ["doc_id", "table_id"])])

  public static let checks = DatasetSchema(
    name: "checks", title: "Validation findings",
    description: "What validation found: identities that do not hold, and heuristic findings.",
    columns: [
      docID,
      ColumnSpec("check_no", .int32, nullable: false, "1-based order of the finding in the document."),
      ColumnSpec("table_id", .string, "The table concerned; empty for document-level findings.", pattern: "^t[0-9]{3,}$"),
      ColumnSpec("rule", .string, nullable: false, "Rule id."),
      ColumnSpec("subject", .string, "Code or label concerned."),
      ColumnSpec("expected_yuan", money, "What the identity expects, in 元."),
      ColumnSpec("actual_yuan", money, "What is printed, in 元."),
      ColumnSpec("diff_yuan", money, "actual - expected, in 元."),
      ColumnSpec("tolerance_yuan", money, "The rounding the printed precision allows, in 元."),
      ColumnSpec("severity", .string, nullable: false, "info, warning or error.", allowed: ["info", "warning", "error"]),
      ColumnSpec("message", .string, nullable: false, "What a person can act on."),
      ColumnSpec("source_line", .int32, "Line of the row or sentence concerned."),
      sourcePage,
    ],
    primaryKey: ["doc_id", "check_no"],
    foreignKeys: [ForeignKey(fields: ["doc_id"], resource: "documents", referencedFields: ["doc_id"])])

  /// Every dataset, in the order they are written and listed in `datapackage.json`.
  public static let all: [DatasetSchema] = [
    sources, documents, tables, lineItems, textBlocks, textAmounts, indicators, checks,
  ]
}

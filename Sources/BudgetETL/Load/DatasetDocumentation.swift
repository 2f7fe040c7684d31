/// The column reference (`docs/DATASETS.md`), generated from the schemas so it never drifts.
public enum DatasetDocumentation {
  public static func markdown() -> String {
    var out = """
      # Datasets

      Generated from the schemas in `Sources/BudgetETL/Load/Datasets.swift` by
      `budget-etl schema`; a test keeps this page in sync. The data contract
      (`DATA-CONTRACT.md` of the project's shared folder) defines what each column means; this
      page lists every column the pipeline writes, including the ones it adds.

      Every dataset is written as `<name>.csv.gz` (UTF-8, RFC 4180, `\\n` line ends, empty field
      for null, `true`/`false` for flags), `<name>.jsonl.gz` (one object per line, keys in the
      CSV's column order, `null` for null, amounts with their two decimals) and `<name>.parquet`
      (typed columns: text STRING, money DECIMAL(18,2), flags BOOLEAN, counts INT32/INT64).
      The gzip files are several gzip members concatenated (a header member, then one per
      document); `zcat`, Python's `gzip`, pandas and DuckDB ≥ 1.3 read them.

      Types: `string`; `int32`/`int64` whole numbers; `decimal(18,2)` exact amounts in 元;
      `boolean`. Required columns are never empty.


      """
    for schema in Datasets.all {
      out += "## \(schema.name)\n\n\(schema.description)\n\n"
      out += "Primary key: `\(schema.primaryKey.joined(separator: "`, `"))`."
      for fk in schema.foreignKeys {
        out += " Foreign key: `\(fk.fields.joined(separator: "`, `"))` → `\(fk.resource)`."
      }
      out += "\n\n| column | type | required | meaning |\n|---|---|---|---|\n"
      for c in schema.columns {
        var meaning = c.description
        if let a = c.allowed { meaning += " One of: " + a.map { "`\($0)`" }.joined(separator: ", ") + "." }
        if let p = c.pattern { meaning += " Pattern `\(p)`." }
        out += "| `\(c.name)` | \(typeName(c.type)) | \(c.nullable ? "" : "yes") | \(meaning.replacingPipes) |\n"
      }
      out += "\n"
    }
    return out
  }

  static func typeName(_ t: ColumnType) -> String {
    switch t {
    case .string: return "string"
    case .int32: return "int32"
    case .int64: return "int64"
    case .decimal(let p, let s): return "decimal(\(p),\(s))"
    case .boolean: return "boolean"
    }
  }
}

extension String {
  fileprivate var replacingPipes: String {
    var out = ""
    for c in self { out += c == "|" ? "\\|" : String(c) }
    return out
  }
}

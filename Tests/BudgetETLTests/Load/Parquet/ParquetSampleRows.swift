@testable import BudgetETL

/// Representative rows for any dataset schema (test support): nulls, Chinese and astral-plane
/// text, CSV-hostile characters, negative and extreme decimals, booleans, strings repeated
/// enough to be dictionary encoded, and, in long free-text columns, distinct strings that
/// push the chunk to PLAIN. Deterministic.
enum ParquetSampleRows {
  /// Columns left entirely null, to exercise all-null chunks.
  static let allNullColumns: Set<String> = ["printed_no", "section_path", "tolerance_yuan"]
  /// Columns whose values are all distinct (free text).
  static let distinctColumns: Set<String> = ["text", "message", "line_label", "source_value", "source_path"]

  static let texts = [
    "卫生健康支出", "ok", "a,b", "say \"hi\"", "line1\nline2", "医疗保障局 2024年", "𠀀 astral", "  padded  ",
    "一般公共预算财政拨款收入", "r\u{E9}sum\u{E9}", "e\u{301}",
  ]

  static func rows(for schema: DatasetSchema, count: Int) -> [[Value]] {
    (0..<count).map { i in schema.columns.enumerated().map { c, column in value(row: i, column: c, spec: column) } }
  }

  static func value(row i: Int, column c: Int, spec: ColumnSpec) -> Value {
    if spec.nullable && (allNullColumns.contains(spec.name) || (i + c) % 7 == 3) { return .null }
    switch spec.type {
    case .string:
      if distinctColumns.contains(spec.name) { return .string("第\(i)段 \(texts[(i + c) % texts.count]) #\(i * 31 + c)") }
      if let allowed = spec.allowed { return .string(allowed[(i + c) % allowed.count]) }
      if spec.name == "doc_id" { return .string(String(format16hex: UInt64(i / 100) &* 0x9E37_79B9_7F4A_7C15)) }
      return .string(texts[(i / 3 + c) % texts.count])
    case .int32:
      let cycle: [Int64] = [1, Int64(i), -5, Int64(Int32.max), Int64(Int32.min), 0, 2024]
      return .int(cycle[(i + c) % cycle.count])
    case .int64:
      let cycle: [Int64] = [Int64(i), 5_000_000_000, -1, Int64.max, Int64.min, 0]
      return .int(cycle[(i + c) % cycle.count])
    case .decimal(let precision, let scale):
      let limit = Int64(ParquetColumn.powerOfTen(precision)! - 1)
      let cycle: [Int64] = [-1200, 9_999_999_999_999_999, 0, Int64(i) * 137 - 50_000, limit, -limit, 1]
      return .decimal(unscaled: cycle[(i + c) % cycle.count], scale: scale)
    case .boolean:
      return .bool(i % 3 == 0)
    }
  }

  /// The rows as the pipeline's CSV: UTF-8, header row, RFC 4180 quoting, `\n` line ends,
  /// empty field for null.
  static func csv(_ schema: DatasetSchema, _ rows: [[Value]]) -> String {
    var out = schema.columns.map { quoted($0.name) }.joined(separator: ",") + "\n"
    for row in rows { out += row.map { quoted($0.csvText) }.joined(separator: ",") + "\n" }
    return out
  }

  static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

extension String {
  /// 16 lowercase hex digits.
  init(format16hex value: UInt64) {
    let digits = String(value, radix: 16)
    self = String(repeating: "0", count: 16 - digits.count) + digits
  }
}

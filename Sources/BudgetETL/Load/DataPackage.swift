import Foundation

/// Writes `datapackage.json`: a Frictionless Tabular Data Package describing every file.
public enum DataPackage {
  public static func json(parquet: Bool) -> [UInt8] {
    var resources: [[String: Any]] = []
    for schema in Datasets.all {
      let tableSchema = self.tableSchema(schema)
      resources.append([
        "name": schema.name, "title": schema.title, "description": schema.description,
        "path": schema.name + ".csv.gz", "profile": "tabular-data-resource", "format": "csv",
        "mediatype": "text/csv", "compression": "gz", "encoding": "utf-8",
        "dialect": ["delimiter": ",", "lineTerminator": "\n", "quoteChar": "\"", "doubleQuote": true, "header": true],
        "schema": tableSchema,
      ])
      resources.append([
        "name": schema.name + "-jsonl", "title": schema.title + " (JSON Lines)",
        "path": schema.name + ".jsonl.gz", "profile": "tabular-data-resource", "format": "jsonl", "mediatype": "application/jsonl",
        "compression": "gz", "encoding": "utf-8", "schema": self.tableSchema(schema, keys: false),
      ])
      if parquet {
        resources.append([
          "name": schema.name + "-parquet", "title": schema.title + " (Parquet)",
          "path": schema.name + ".parquet", "profile": "tabular-data-resource", "format": "parquet", "mediatype": "application/vnd.apache.parquet",
          // Frictionless reads Parquet through pandas, which turns a null integer into NaN.
          "schema": self.tableSchema(schema, keys: false, missingValues: ["", "nan", "None"]),
        ])
      }
    }
    let package: [String: Any] = [
      "name": "budget-etl-datasets",
      "title": "Chinese public budget disclosures as open datasets",
      "description": "Tables, line items in exact 元, narrative, quoted amounts, performance targets and validation findings extracted from 部门/单位预算 and 决算 disclosures by budget-etl.",
      "profile": "tabular-data-package",
      "version": BudgetETLVersion.current,
      "licenses": [["name": "ODC-PDDL-1.0", "path": "http://opendatacommons.org/licenses/pddl/", "title": "Open Data Commons Public Domain Dedication and License v1.0"]],
      "resources": resources,
    ]
    let data = try! JSONSerialization.data(
      withJSONObject: package, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return Array(data) + [0x0A]
  }

  static func tableSchema(_ schema: DatasetSchema, keys: Bool = true, missingValues: [String] = [""]) -> [String: Any] {
    var fields: [[String: Any]] = []
    for column in schema.columns {
      var field: [String: Any] = ["name": column.name, "type": column.type.frictionlessType, "description": column.description]
      var constraints: [String: Any] = [:]
      if !column.nullable { constraints["required"] = true }
      if let p = column.pattern { constraints["pattern"] = p }
      if let a = column.allowed { constraints["enum"] = a }
      if !constraints.isEmpty { field["constraints"] = constraints }
      if case .boolean = column.type {
        field["trueValues"] = ["true"]
        field["falseValues"] = ["false"]
      }
      if case .decimal(_, let scale) = column.type { field["bareNumber"] = true; field["decimalChar"] = "."; _ = scale }
      fields.append(field)
    }
    var result: [String: Any] = ["fields": fields, "missingValues": missingValues]
    if keys {
      result["primaryKey"] = schema.primaryKey
      if !schema.foreignKeys.isEmpty {
        result["foreignKeys"] = schema.foreignKeys.map {
          ["fields": $0.fields, "reference": ["resource": $0.resource, "fields": $0.referencedFields]] as [String: Any]
        }
      }
    }
    return result
  }
}

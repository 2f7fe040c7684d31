import Foundation
import Testing

@testable import BudgetETL

/// The worked examples of the data contract (`shared/examples/`), row by row.
@Suite struct WorkedExampleTests {
  static let files = [
    ("S0-t004-表5.line_items.csv", Seed.s0),
    ("S0-t009-表10.line_items.csv", Seed.s0),
    ("S1-t001-收支总表.excerpt.line_items.csv", Seed.s1),
  ]

  @Test(arguments: files)
  func reproducesEveryRow(file: String, seed: Seed) throws {
    let text = try String(contentsOf: Seed.fixtureURL("examples/" + file), encoding: .utf8)
    let records = CSVTestReader.parse(text)
    let header = records[0]
    let result = seed.result
    var out: [UInt8] = []
    RowEncoder.csvHeader(Datasets.lineItems, into: &out)
    for item in result.lineItems { RowEncoder.csvRow(item.row, into: &out) }
    let produced = CSVTestReader.parse(String(decoding: out, as: UTF8.self))
    let producedHeader = produced[0]
    var index: [String: [String: String]] = [:]
    for r in produced.dropFirst() {
      let d = Dictionary(uniqueKeysWithValues: zip(producedHeader, r))
      index["\(d["table_id"]!)|\(d["row_no"]!)|\(d["col_no"]!)"] = d
    }
    #expect(records.count > 1)
    for r in records.dropFirst() {
      let want = Dictionary(uniqueKeysWithValues: zip(header, r))
      let got = try #require(index["\(want["table_id"]!)|\(want["row_no"]!)|\(want["col_no"]!)"], "\(file): \(r)")
      for column in header {
        #expect(got[column] == want[column], "\(file) line \(want["source_line"]!) col \(want["col_no"]!): \(column)")
      }
    }
  }
}

/// A small RFC 4180 reader for tests.
enum CSVTestReader {
  static func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var field = ""
    var record: [String] = []
    var quoted = false
    var it = Array(text).makeIterator()
    var pending: Character? = nil
    while let c = pending ?? it.next() {
      pending = nil
      if quoted {
        if c == "\"" {
          if let n = it.next() {
            if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
          } else { quoted = false }
        } else { field.append(c) }
      } else if c == "\"" { quoted = true }
      else if c == "," { record.append(field); field = "" }
      else if c == "\n" { record.append(field); records.append(record); record = []; field = "" }
      else { field.append(c) }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
  }
}

import Foundation

@testable import BudgetETL

/// Rewrites a document's tab-separated tables in the syntax of another converter, as test
/// input: each run of consecutive tab lines becomes one markdown pipe table or one HTML table.
enum Retabling: String, CaseIterable, Sendable {
  case markdown
  case html

  func apply(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var out: [String] = []
    var i = 0
    while i < lines.count {
      guard lines[i].contains("\t") else {
        out.append(lines[i])
        i += 1
        continue
      }
      var block: [[String]] = []
      while i < lines.count, lines[i].contains("\t") {
        block.append(lines[i].split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
        i += 1
      }
      switch self {
      case .markdown: out.append(contentsOf: Self.markdown(block))
      case .html: out.append(contentsOf: Self.html(block, variant: out.count))
      }
    }
    return out.joined(separator: "\n")
  }

  static func markdown(_ rows: [[String]]) -> [String] {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
    var out = [line(rows[0]), "|" + String(repeating: "---|", count: rows[0].count)]
    out.append(contentsOf: rows.dropFirst().map(line))
    return out
  }

  /// HTML with the layouts converters print: a cell followed by empty cells becomes one cell
  /// with a colspan; in the first row, a cell over an empty cell gets rowspan="2"; `<th>` in the
  /// first row; attributes; entities; and, varying with `variant`, rows and cells over
  /// several lines.
  static func html(_ rows: [[String]], variant: Int) -> [String] {
    func escape(_ s: String) -> String {
      s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
    }
    func blank(_ row: Int, _ col: Int) -> Bool {
      row < rows.count && (col >= rows[row].count || rows[row][col].trimmingASCIIAndIdeographicSpaces().isEmpty)
    }
    var occupied = Set<[Int]>()
    var out = [variant % 2 == 0 ? "<table border=\"1\" class=\"data\">" : "<TABLE>"]
    for (r, row) in rows.enumerated() {
      let tag = r == 0 ? "th" : "td"
      var cells: [String] = []
      var c = 0
      while c < row.count {
        if occupied.contains([r, c]) {
          c += 1
          continue
        }
        let text = row[c]
        var rowspan = 1
        var colspan = 1
        if !blank(r, c) {
          if r == 0, rows.count > 1, blank(1, c), rows[1].contains(where: { !$0.isEmpty }) { rowspan = 2 }
          while c + colspan < row.count, blank(r, c + colspan), !occupied.contains([r, c + colspan]),
            rowspan == 1 || blank(r + 1, c + colspan)
          {
            colspan += 1
          }
        }
        for dr in 0..<rowspan { for dc in 0..<colspan { occupied.insert([r + dr, c + dc]) } }
        var attributes = ""
        if colspan > 1 { attributes += " colspan=\"\(colspan)\"" }
        if rowspan > 1 { attributes += variant % 3 == 0 ? " rowspan=2" : " rowspan='2'" }
        if (r + c) % 4 == 1 { attributes += " style=\"text-align:right\"" }
        cells.append("<\(tag)\(attributes)>\(escape(text))</\(tag)>")
        c += colspan
      }
      switch (variant + r) % 3 {
      case 0: out.append("<tr>" + cells.joined() + "</tr>")
      case 1: out.append(contentsOf: ["<tr class=\"row\">"] + cells + ["</tr>"])
      default:
        // A cell's text on lines of its own, between its tags.
        out.append("<tr>")
        for cell in cells {
          guard let open = cell.firstIndex(of: ">"), let close = cell.range(of: "</", options: .backwards) else {
            continue
          }
          out.append(String(cell[...open]))
          out.append(String(cell[cell.index(after: open)..<close.lowerBound]))
          out.append(String(cell[close.lowerBound...]))
        }
        out.append("</tr>")
      }
    }
    out.append("</table>")
    return out
  }
}

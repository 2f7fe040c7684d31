import Foundation

/// What a document says about itself: title, agency, region, year, kind and scope.
public struct DocumentMetadata: Sendable, Hashable, Codable {
  public var title: String?
  public var agency: String?
  public var region: String?
  public var fiscalYear: Int?
  public var kind: DocumentInfo.Kind = .budget
  public var scope: DocumentInfo.Scope?

  public init() {}

  /// Reads the metadata from the document's first lines (its cover), falling back to the
  /// agency that table captions or `单位名称：` lines name.
  public static func read(lines: [SourceLine], noise: [Bool], captionAgencies: [String]) -> DocumentMetadata {
    var meta = DocumentMetadata()
    var cover: [String] = []
    for (i, line) in lines.enumerated() where !noise[i] {
      let t = TextCleaner.title(line.text)
      if t.isEmpty { continue }
      if t.contains("\t") || t == "目录" || t == "目 录" || t.hasPrefix("第一部分") { break }
      if t.hasPrefix("二〇") || t.hasPrefix("二○") { continue }  // 二〇二四年三月: a date
      cover.append(t)
      if cover.count >= 4 { break }
    }
    // The title is the cover line naming the year and 预算/决算 (or two lines that do, when the
    // title wrapped: `江苏省政协办公厅 2018 年度` / `部门预算公开`), with the agency line above it.
    let isTitle = { (t: String) in Self.year(in: t) != nil && (t.contains("预算") || t.contains("决算")) }
    var found: (index: Int, line: String)?
    if let k = cover.firstIndex(where: isTitle) {
      found = (k, cover[k])
    } else if let k = cover.indices.dropLast().first(where: { isTitle(cover[$0] + cover[$0 + 1]) }) {
      found = (k, cover[k] + cover[k + 1])
    }
    if let (k, title) = found {
      let line = title.replacingOccurrences(of: " ", with: "")
      meta.fiscalYear = Self.year(in: line)
      let beforeYear = Self.textBeforeYear(line)
      if !beforeYear.isEmpty, Self.region(of: beforeYear) == beforeYear,
        let named = cover.lazy.compactMap({ TableCaption.agency($0) }).first
      {
        // `上海市普陀区2025年区级部门预算` / `预算主管部门：上海市普陀区人民政府办公室`: the title
        // names the region; the agency is on its own line.
        meta.agency = named
        meta.title = line
      } else if !beforeYear.isEmpty {
        meta.agency = beforeYear
        meta.title = line
      } else if k > 0 {
        var agency = cover[k - 1].replacingOccurrences(of: " ", with: "")
        // A name wrapped over two cover lines: `上海市普陀区规划和自然` / `资源局`.
        if k > 1, agency.count <= 6, !cover[k - 2].contains(where: { $0.isASCIIDigit || $0 == "：" || $0 == ":" }) {
          agency = cover[k - 2].replacingOccurrences(of: " ", with: "") + agency
        }
        meta.agency = agency
        meta.title = agency + line
      } else {
        meta.title = line
      }
      meta.kind = line.contains("决算") ? .finalAccount : .budget
      if line.contains("部门预算") || line.contains("部门决算") || line.contains("部门综合预算") { meta.scope = .department }
      else if line.contains("单位预算") || line.contains("单位决算") || line.contains("单位综合预算") { meta.scope = .unit }
    }
    if meta.agency == nil || meta.agency!.isEmpty { meta.agency = captionAgencies.first }
    if let agency = meta.agency { meta.region = Self.region(of: agency) }
    if meta.fiscalYear == nil {
      for line in lines.prefix(200) { if let y = Self.year(in: TextCleaner.title(line.text)), line.text.contains("预算") || line.text.contains("决算") { meta.fiscalYear = y; break } }
    }
    return meta
  }

  /// The first `20xx年` (or `20xx 年度`) in a line.
  static func year(in text: String) -> Int? {
    let chars = Array(text.replacingOccurrences(of: " ", with: ""))
    var i = 0
    while i + 4 < chars.count {
      if chars[i] == "2", chars[i + 1] == "0" || chars[i + 1] == "1", chars[i + 2].isASCIIDigit, chars[i + 3].isASCIIDigit,
        chars[i + 4] == "年", i == 0 || !chars[i - 1].isASCIIDigit
      {
        return Int(String(chars[i..<(i + 4)]))
      }
      i += 1
    }
    return nil
  }

  static func textBeforeYear(_ line: String) -> String {
    let chars = Array(line)
    var i = 0
    while i + 4 < chars.count {
      if chars[i] == "2", chars[i + 1].isASCIIDigit, chars[i + 2].isASCIIDigit, chars[i + 3].isASCIIDigit, chars[i + 4] == "年" {
        return String(chars[..<i]).trimmingASCIIAndIdeographicSpaces()
      }
      i += 1
    }
    return ""
  }

  /// The administrative area at the start of an agency's name: 阳城县, 西安市长安区, 上海市普陀区, 江苏省.
  public static func region(of agency: String) -> String? {
    let chars = Array(agency)
    let suffixes: Set<Character> = ["省", "市", "县", "区", "州", "旗", "盟"]
    var end = 0
    var start = 0
    while start < chars.count {
      var found: Int?
      var k = start + 1
      while k < min(chars.count, start + 6) {
        if suffixes.contains(chars[k]) { found = k; break }
        k += 1
      }
      guard let f = found else { break }
      // 自治区/自治州/自治县 and 新区 belong to the unit.
      end = f + 1
      start = f + 1
    }
    return end > 0 ? String(chars[..<end]) : nil
  }
}

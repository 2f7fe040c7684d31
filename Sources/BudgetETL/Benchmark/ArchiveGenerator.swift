import Foundation

/// Builds a synthetic archive of budget disclosures from sample documents, for benchmarks: other
/// regions (so other agencies), other years and other amounts, watermark and page-number lines,
/// tables split by page breaks that repeat their header, and tables restated from 元 in 万元.
///
/// Everything follows from the seed: document `i` of a generator always has the same bytes,
/// whatever else is generated, so an archive can be made in parallel or in parts. Amounts are
/// multiplied by a whole factor (1–12, capped per sample so that a sum that held only within
/// its rounding tolerance still does), so every sum that held exactly still holds to the fen; a
/// table restated in 万元 is rounded to two decimals, within the tolerance of its figures
/// (`info` findings).
/// Each document names a region no other document of the archive names, so doc_ids differ.
public struct ArchiveGenerator: Sendable {
  public var templates: [SeedTemplate]
  public var seed: UInt64

  /// One generated document.
  public struct Document: Sendable {
    /// Path relative to the archive folder: `<year>/<index>_<agency>.txt`.
    public var relativePath: String
    public var bytes: [UInt8]
    /// Which template it was made from.
    public var template: String
    public var factor: Int64
    public var restatedInWanYuan: Bool
    public var pageSplits: Int
  }

  /// - Parameters:
  ///   - templates: the sample documents, at least one.
  ///   - seed: the seed of every random choice.
  public init(templates: [SeedTemplate], seed: UInt64) {
    precondition(!templates.isEmpty, "the generator needs at least one sample document")
    self.templates = templates
    self.seed = seed
  }

  /// Reads every `.txt` file of a folder (sorted by name) as a template.
  ///
  /// - Throws: when the folder holds no text file, or a file is no budget document.
  public static func templates(in directory: String) throws -> [SeedTemplate] {
    let names = (try FileManager.default.subpathsOfDirectory(atPath: directory))
      .filter { $0.lowercased().hasSuffix(".txt") }
      .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    guard !names.isEmpty else {
      throw SeedTemplate.TemplateError.notADocument(name: directory, reason: "no .txt file in it")
    }
    return try names.map { try SeedTemplate(name: $0, bytes: FileIO.readAll(directory + "/" + $0)) }
  }

  /// Characters of generated place names: none of them means anything to a table reader
  /// (no 表, 合计, 元, 万, 年, 其中…).
  static let placeCharacters = Array("安平宁和丰泰华兴昌永嘉清源德福康瑞祥定远江河山川林桥湖阳明光春秋云海松柏青玉金龙凤")

  /// A place name that is different for every index: the index in base 40, at least two characters.
  static func placeName(_ index: Int, offset: Int) -> String {
    let base = placeCharacters.count
    var n = index
    var name: [Character] = []
    repeat {
      name.append(placeCharacters[(n % base + offset) % base])
      n /= base
    } while n > 0 || name.count < 2
    return String(name)
  }

  /// Generates document `index` of the archive.
  public func document(_ index: Int) -> Document {
    var rng = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
    let template = templates[rng.below(templates.count)]
    let factor = Int64(1 + rng.below(Int(template.maxFactor)))
    let restate = !template.yuanUnitLines.isEmpty && rng.chance(1, in: 3)
    let yearShift = rng.below(6) - 4
    let offset = Int(seed % UInt64(Self.placeCharacters.count))
    let oldRegion = template.region ?? template.agency ?? ""
    let suffix = oldRegion.last.map { "县区市旗".contains($0) ? String($0) : "县" } ?? "县"
    let newRegion = Self.placeName(index, offset: offset) + suffix

    var out: [String] = []
    out.reserveCapacity(template.lines.count + 64)
    var page = 1
    var splitAfter: [Int: [Int]] = [:]
    var splits = 0
    for split in template.splitPoints where rng.chance(1, in: 2) { splitAfter[split.after] = split.headerLines }
    var transformed = [String?](repeating: nil, count: template.lines.count)
    func line(_ i: Int) -> String {
      if let t = transformed[i] { return t }
      var text = template.lines[i]
      if let cells = template.cellAmounts[i] {
        text = Self.rescaleCells(text, cells: cells, factor: factor, restate: restate)
      }
      if let amounts = template.narrativeAmounts[i] {
        text = Self.rescaleNarrative(text, amounts: amounts, factor: factor)
      }
      if restate, template.yuanUnitLines.contains(i) { text = Self.restateUnitLine(text) }
      text = Self.shiftYears(text, by: yearShift)
      if !oldRegion.isEmpty { text = text.replacingOccurrences(of: oldRegion, with: newRegion) }
      transformed[i] = text
      return text
    }
    for i in template.lines.indices {
      let text = line(i)
      out.append(text)
      if let header = splitAfter[i] {
        page += 1
        splits += 1
        out.append(contentsOf: ["", Self.pageFooter(page, style: rng.below(2)), "", "仅供内部审核", ""])
        for h in header { out.append(line(h)) }
      } else if text.isEmpty, i > 0, !template.lines[i - 1].contains("\t"), i + 1 < template.lines.count,
        !template.lines[i + 1].contains("\t"), rng.chance(1, in: 25)
      {
        // Between two paragraphs: a page footer, or a watermark.
        if rng.chance(1, in: 2) {
          page += 1
          out.append(contentsOf: [Self.pageFooter(page, style: rng.below(2)), ""])
        } else {
          out.append(contentsOf: ["仅供内部审核", ""])
        }
      }
    }
    var bytes = Array(out.joined(separator: "\n").utf8)
    bytes.append(0x0A)
    let year = (template.fiscalYear ?? 2023) + yearShift
    let agency = template.agency.map { $0.replacingOccurrences(of: oldRegion, with: newRegion) } ?? newRegion
    let safeAgency = String(agency.filter { $0 != "/" && $0 != "\\" }.prefix(40))
    return Document(
      relativePath: "\(year)/\(String(format: "%06d", index))_\(safeAgency).txt", bytes: bytes,
      template: template.name, factor: factor, restatedInWanYuan: restate, pageSplits: splits)
  }

  /// What ``write(count:to:)`` wrote.
  public struct Archive: Sendable {
    public var directory: String
    public var documents: Int
    public var bytes: Int64
  }

  /// Writes documents `0..<count` under `directory` (created if missing), and a hidden
  /// `.manifest.tsv` (skipped by the pipeline) saying how each document was made.
  ///
  /// - Throws: when a folder or file cannot be written.
  public func write(count: Int, to directory: String) throws -> Archive {
    try FileIO.createDirectory(directory)
    var total: Int64 = 0
    var folders = Set<String>()
    var manifest = "path\ttemplate\tfactor\trestated_in_wan_yuan\tpage_splits\n"
    for index in 0..<count {
      let doc = document(index)
      let path = directory + "/" + doc.relativePath
      let folder = (path as NSString).deletingLastPathComponent
      if folders.insert(folder).inserted { try FileIO.createDirectory(folder) }
      guard FileManager.default.createFile(atPath: path, contents: Data(doc.bytes)) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
      }
      total += Int64(doc.bytes.count)
      manifest += "\(doc.relativePath)\t\(doc.template)\t\(doc.factor)\t\(doc.restatedInWanYuan)\t\(doc.pageSplits)\n"
    }
    try FileIO.writeAtomically(Array(manifest.utf8), to: directory + "/.manifest.tsv")
    return Archive(directory: directory, documents: count, bytes: total)
  }

  // MARK: - Rewriting lines

  /// Rescales the amount cells of a table line: in each tab-separated cell that the pipeline
  /// read as an amount, the figure's digits.
  static func rescaleCells(
    _ text: String, cells: [String: SeedTemplate.CellAmount], factor: Int64, restate: Bool
  ) -> String {
    var parts = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    for k in parts.indices {
      guard let amount = cells[TextCleaner.cell(parts[k])], let figure = PrintedFigure(amount.digits) else { continue }
      let next = restate && amount.restatable ? figure.restatedInWanYuan(scaledBy: factor) : figure.scaled(by: factor)
      parts[k] = replaceFigure(in: parts[k], digits: amount.digits, with: next.text, requireUnit: false)
    }
    return parts.joined(separator: "\t")
  }

  /// Rescales the amounts a narrative line quotes: figures followed by 元, 万元 or 亿元.
  static func rescaleNarrative(_ text: String, amounts: Set<String>, factor: Int64) -> String {
    var text = text
    for digits in amounts.sorted() {
      guard let figure = PrintedFigure(digits) else { continue }
      text = replaceFigure(in: text, digits: digits, with: figure.scaled(by: factor).text, requireUnit: true)
    }
    return text
  }

  /// Replaces whole figures equal to `digits` (not part of a longer run of digits, points and
  /// commas); with `requireUnit`, only those followed by 元, 万 or 亿 (spaces allowed).
  static func replaceFigure(in text: String, digits: String, with replacement: String, requireUnit: Bool) -> String {
    let bytes = Array(text.utf8)
    let target = Array(digits.utf8)
    func isFigureByte(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || b == 0x2E || b == 0x2C }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 8)
    var i = 0
    while i < bytes.count {
      guard isFigureByte(bytes[i]) else {
        out.append(bytes[i])
        i += 1
        continue
      }
      var j = i
      while j < bytes.count, isFigureByte(bytes[j]) { j += 1 }
      var run = Array(bytes[i..<j])
      var tail: [UInt8] = []
      while let last = run.last, last == 0x2E || last == 0x2C { tail.insert(run.removeLast(), at: 0) }
      var matches = run == target
      if matches && requireUnit {
        var k = i + run.count
        while k < bytes.count, bytes[k] == 0x20 { k += 1 }
        let rest = String(decoding: bytes[k..<min(bytes.count, k + 3)], as: UTF8.self)
        matches = rest.hasPrefix("元") || rest.hasPrefix("万") || rest.hasPrefix("亿")
      }
      out.append(contentsOf: matches ? Array(replacement.utf8) : run)
      out.append(contentsOf: tail)
      i = j
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A page footer: `— 12 —` or `第 12 页`. (Not `- 12 -`: the markdown bullet rule strips its
  /// leading `- ` before the page-number rule sees it, so today it reaches the narrative.)
  static func pageFooter(_ page: Int, style: Int) -> String {
    style == 0 ? "— \(page) —" : "第 \(page) 页"
  }

  /// `单位：元` → `单位：万元`.
  static func restateUnitLine(_ text: String) -> String {
    for marker in ["单位：", "单位:"] {
      guard let r = text.range(of: marker) else { continue }
      var rest = text[r.upperBound...]
      while let f = rest.first, f == " " || f == "\u{3000}" { rest = rest.dropFirst() }
      guard rest.hasPrefix("元") else { continue }
      return String(text[..<rest.startIndex]) + "万" + String(rest)
    }
    return text
  }

  /// Shifts every year printed before 年 (`2023 年`, `2022年度`) by `delta`.
  static func shiftYears(_ text: String, by delta: Int) -> String {
    guard delta != 0, text.utf8.contains(where: { $0 == 0xE5 }) else { return text }
    let bytes = Array(text.utf8)
    let nian: [UInt8] = Array("年".utf8)
    func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
    func isFigureByte(_ b: UInt8) -> Bool { isDigit(b) || b == 0x2E || b == 0x2C }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if isDigit(bytes[i]), i == 0 || !isFigureByte(bytes[i - 1]), i + 4 <= bytes.count,
        bytes[i..<(i + 4)].allSatisfy(isDigit), i + 4 == bytes.count || !isFigureByte(bytes[i + 4])
      {
        var k = i + 4
        while k < bytes.count, bytes[k] == 0x20 { k += 1 }
        let year = Int(String(decoding: bytes[i..<(i + 4)], as: UTF8.self))!
        if k + 3 <= bytes.count, Array(bytes[k..<(k + 3)]) == nian, (1990...2099).contains(year) {
          out.append(contentsOf: Array(String(year + delta).utf8))
          i += 4
          continue
        }
      }
      out.append(bytes[i])
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}

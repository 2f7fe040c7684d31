/// Turns a document's narrative lines into the `text_blocks` dataset: paragraphs and headings,
/// each with the heading trail it sits under.
///
/// The stages, in order:
/// 1. **Clean each line** (`NarrativeText.cleanLine`): known HTML tags, `**`, leading `#` marks
///    and list bullets go; full-width digits and letters become ASCII; spaces OCR put between
///    Chinese characters go. Watermarks, page numbers and dot-leader lines that slipped through
///    are dropped; blank lines are remembered as paragraph breaks.
/// 2. **Drop the table of contents** (`目录` and its entries; see `removeTableOfContents`).
/// 3. **Join wrapped lines and broken paragraphs** (see `shouldJoin`).
/// 4. **Find headings** by their numbering on a short line that is not a sentence; numbered
///    items of a list (1、… 2、… with no text between them, one of them a sentence) and
///    definitions (`一、财政拨款收入：是指…`) stay paragraphs. Markdown `#` levels are ignored.
/// 5. **Drop a run of blocks repeated right after itself** (`A B A B` → `A B`).
/// 6. **Build the section paths** from the heading ranks and number the blocks.
public enum NarrativeParser {
  /// What the parser does beyond the contract's fixed rules.
  public struct Options: Sendable, Hashable {
    /// Masks personal mobile numbers as `188****6427` (the contract's default).
    public var maskMobileNumbers: Bool

    public init(maskMobileNumbers: Bool = true) {
      self.maskMobileNumbers = maskMobileNumbers
    }
  }

  /// Parses a document's narrative into text blocks.
  ///
  /// - Parameters:
  ///   - lines: The document's narrative lines in order, blank lines included (as empty text).
  ///     The caller has removed table lines, table captions and notes; watermark, page-number
  ///     and dot-leader table-of-contents lines are expected to be gone too, though the parser
  ///     drops any it still recognizes.
  ///   - docID: The document's `doc_id`, copied into every block.
  ///   - options: See `Options`.
  /// - Returns: The blocks in document order, `blockNo` 1-based.
  /// - Complexity: O(*n*) in the total length of the lines.
  public static func parse(lines: [SourceLine], docID: String, options: Options = Options())
    -> [TextBlock]
  {
    parseLocated(lines: lines, docID: docID, options: options).map(\.textBlock)
  }

  /// Parses a document's narrative into text blocks that remember which source line each part
  /// of their text came from — the input `TextAmountParser` needs to give every amount the line
  /// that carries it.
  ///
  /// - Parameters: As for `parse(lines:docID:options:)`.
  /// - Returns: The blocks in document order, each with its line map.
  public static func parseLocated(
    lines: [SourceLine], docID: String, options: Options = Options()
  ) -> [NarrativeBlock] {
    var pieces = cleanedLines(lines)
    removeTableOfContents(&pieces)
    let paragraphs = joinParagraphs(pieces)
    var units = classify(paragraphs)
    dropImmediateRepeats(&units)
    return assemble(units, docID: docID, options: options)
  }

  // MARK: - Stage 1: clean lines

  /// Text with the source lines it was made from; a cleaned line, then a joined paragraph.
  struct Piece: Sendable, Hashable {
    var text: NarrativeText.Scalars
    var starts: [NarrativeBlock.LineStart]
    /// A blank line came right before this piece's first line.
    var afterBlank: Bool
    /// The first line began with a list bullet (`- `).
    var bulleted: Bool
    /// The numbering the text starts with, if any.
    var number: HeadingNumber?

    init(text: NarrativeText.Scalars, line: SourceLine, afterBlank: Bool, bulleted: Bool) {
      self.text = text
      self.starts = [NarrativeBlock.LineStart(scalarOffset: 0, line: line.number, page: line.page)]
      self.afterBlank = afterBlank
      self.bulleted = bulleted
      self.number = HeadingNumber.parse(text)
    }

    /// Appends `other`'s text and line map; a space separates them only where a Latin letter or
    /// digit meets another (`HIS` + `系统` join without one, `2023` + `2024` with one).
    mutating func append(_ other: Piece) {
      if let a = text.last, let b = other.text.first, NarrativeText.isASCIIAlphanumeric(a),
        NarrativeText.isASCIIAlphanumeric(b)
      {
        text.append(" ")
      }
      let shift = text.count
      for start in other.starts {
        var moved = start
        moved.scalarOffset += shift
        starts.append(moved)
      }
      text.append(contentsOf: other.text)
    }

    var firstLine: NarrativeBlock.LineStart { starts[0] }
  }

  static func cleanedLines(_ lines: [SourceLine]) -> [Piece] {
    var pieces: [Piece] = []
    pieces.reserveCapacity(lines.count)
    var blankBefore = false
    for line in lines {
      let (text, bulleted) = NarrativeText.cleanLine(line.text)
      if text.isEmpty {
        blankBefore = true
        continue
      }
      if NarrativeText.isNonNarrative(text) { continue }
      pieces.append(Piece(text: text, line: line, afterBlank: blankBefore, bulleted: bulleted))
      blankBefore = false
    }
    return pieces
  }

  // MARK: - Stage 3: join lines into paragraphs

  static func joinParagraphs(_ pieces: [Piece]) -> [Piece] {
    var out: [Piece] = []
    out.reserveCapacity(pieces.count)
    for piece in pieces {
      if let last = out.indices.last, shouldJoin(out[last], piece) {
        out[last].append(piece)
      } else {
        out.append(piece)
      }
    }
    return out
  }

  /// Whether `next` continues the paragraph `current`.
  ///
  /// - A bulleted line always starts a new block.
  /// - A line that can only continue a sentence (see `continuesMidSentence`) always joins.
  /// - A numbered line starts a new block, except after a bare numbering (`第一部分` alone, its
  ///   title on the next line).
  /// - A paragraph that ends in final punctuation (。！？；…, possibly followed by a closing quote
  ///   or bracket) or in a colon (`其中：` introduces a list) is complete.
  /// - A heading candidate is complete; one longer than 30 characters only when a blank line
  ///   follows it (a longer line with no break after it is more likely a wrapped paragraph).
  /// - Lines with no blank between them are joined (the converter wrapped them).
  /// - Across a blank line, only a paragraph that reads like a sentence cut short — it holds a
  ///   comma, a 、 or a ；, or is 30 characters or longer — is joined (S0:61-63, S4:120-122);
  ///   short title lines (`阳城县医疗保障局` / `2023年度单位预算公开`) stay apart.
  static func shouldJoin(_ current: Piece, _ next: Piece) -> Bool {
    if next.bulleted { return false }
    if continuesMidSentence(current.text, next.text) { return true }
    if let number = current.number, number.length == current.text.count {
      return next.number == nil && next.text.count <= 50
    }
    if next.number != nil { return false }
    if endsComplete(current.text) { return false }
    if headingCandidate(current.text, bulleted: current.bulleted) != nil {
      if current.text.count <= 30 || next.afterBlank { return false }
    }
    if !next.afterBlank { return true }
    if current.text.count >= 30 { return true }
    return current.text.contains { $0 == "，" || $0 == "," || $0 == "、" || $0 == "；" }
  }

  /// Whether `next` can only be the rest of `current`'s sentence, even after a blank line or a
  /// short numbered line: it starts with punctuation that never starts a line (，。、；：）), or
  /// with the rest of a money unit after a number (`156.60 万` / `元，…`, `123.98` / `万元`).
  static func continuesMidSentence(_ current: NarrativeText.Scalars, _ next: NarrativeText.Scalars)
    -> Bool
  {
    guard let first = next.first, let last = current.last else { return false }
    if first == "，" || first == "。" || first == "、" || first == "；" || first == "：" || first == "）" {
      return true
    }
    let numberEnds = NarrativeText.isASCIIDigit(last) || last == "万" || last == "亿"
    return numberEnds && (first == "元" || first == "万" || first == "亿")
      && !NarrativeText.hasPrefix(next, NarrativeText.scalars("元旦"))
  }

  /// Whether text ends in sentence-final punctuation or a colon, closing quotes/brackets aside.
  static func endsComplete(_ text: NarrativeText.Scalars) -> Bool {
    var i = text.count - 1
    while i >= 0, NarrativeText.isClosing(text[i]) { i -= 1 }
    guard i >= 0 else { return false }
    return NarrativeText.isSentenceFinal(text[i]) || NarrativeText.isColon(text[i])
  }
}

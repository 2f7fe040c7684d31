/// A text block together with the source line behind each part of its text.
///
/// A paragraph is often joined from several source lines (wrapped lines, a paragraph broken by a
/// blank line); `lineStarts` records where each line's text begins in `textBlock.text`, so an
/// amount quoted in the paragraph can be traced to the line that carries it.
public struct NarrativeBlock: Sendable, Hashable {
  /// Where one source line's contribution begins in the block's text.
  public struct LineStart: Sendable, Hashable {
    /// Offset in `textBlock.text.unicodeScalars`.
    public var scalarOffset: Int
    /// 1-based line number in the normalized text.
    public var line: Int
    /// 1-based page, where the input has pages.
    public var page: Int?

    public init(scalarOffset: Int, line: Int, page: Int?) {
      self.scalarOffset = scalarOffset
      self.line = line
      self.page = page
    }
  }

  public var textBlock: TextBlock
  /// Ascending by `scalarOffset`; the first starts at 0 and is the block's own source line.
  public var lineStarts: [LineStart]

  public init(textBlock: TextBlock, lineStarts: [LineStart]) {
    self.textBlock = textBlock
    self.lineStarts = lineStarts
  }

  /// The source line and page of the scalar at `offset` in the block's text.
  ///
  /// - Complexity: O(log *n*) in the number of joined lines.
  public func sourceLocation(atScalarOffset offset: Int) -> (line: Int, page: Int?) {
    guard !lineStarts.isEmpty else { return (textBlock.sourceLine, textBlock.sourcePage) }
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid].scalarOffset <= offset { lo = mid } else { hi = mid - 1 }
    }
    return (lineStarts[lo].line, lineStarts[lo].page)
  }
}

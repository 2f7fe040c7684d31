extension NarrativeParser {
  /// The longest run of blocks checked for an immediate repeat; converters repeat a few blocks
  /// (S4:100-106 repeats two), and the bound keeps the check linear.
  static let longestRepeatedRun = 16

  /// Drops a run of blocks — headings and paragraphs — printed again right after itself
  /// (`A B A B` → `A B`, `A A` → `A`). The same paragraph elsewhere (under another heading)
  /// stays: only a run equal to the run just before it, block for block, is dropped.
  ///
  /// - Complexity: O(*n* · *k*²) for *n* blocks and runs up to *k* = `longestRepeatedRun`,
  ///   with cheap comparisons (text lengths differ for almost every pair).
  static func dropImmediateRepeats(_ units: inout [Unit]) {
    var kept: [Unit] = []
    kept.reserveCapacity(units.count)
    for unit in units {
      kept.append(unit)
      var length = 1
      while length <= longestRepeatedRun, kept.count >= 2 * length {
        let n = kept.count
        // Compared in place: copying the two units out of the array (their piece, heading
        // and text) for every comparison was most of this function's time.
        var repeated = true
        for k in 0..<length {
          let a = n - 2 * length + k
          let b = n - length + k
          guard kept[a].isHeading == kept[b].isHeading, kept[a].text == kept[b].text else {
            repeated = false
            break
          }
        }
        if repeated {
          kept.removeLast(length)
          break
        }
        length += 1
      }
    }
    units = kept
  }

  /// Builds the section paths and the blocks.
  ///
  /// A heading of rank *r* closes every open heading of rank *r* or deeper; its own path is the
  /// trail of headings still open above it.
  static func assemble(_ units: [Unit], docID: String, options: Options) -> [NarrativeBlock] {
    var trail: [(rank: HeadingNumber.Rank, text: String)] = []
    var path = ""
    var blocks: [NarrativeBlock] = []
    blocks.reserveCapacity(units.count)
    for unit in units {
      var text = unit.text
      if options.maskMobileNumbers { NarrativeText.maskMobileNumbers(&text) }
      let string = NarrativeText.string(text)
      let kind: TextBlock.Kind
      let starts: [NarrativeBlock.LineStart]
      if let number = unit.heading {
        while let last = trail.last, last.rank >= number.rank { trail.removeLast() }
        path = trail.map(\.text).joined(separator: " > ")
        kind = .heading
        starts = [unit.piece.firstLine]
      } else {
        kind = .paragraph
        starts = unit.piece.starts
      }
      let first = unit.piece.firstLine
      let block = TextBlock(
        docID: docID, blockNo: blocks.count + 1, sectionPath: path, kind: kind, text: string,
        sourceLine: first.line, sourcePage: first.page)
      blocks.append(NarrativeBlock(textBlock: block, lineStarts: starts))
      if let number = unit.heading {
        trail.append((number.rank, string))
        path = trail.map(\.text).joined(separator: " > ")
      }
    }
    return blocks
  }
}

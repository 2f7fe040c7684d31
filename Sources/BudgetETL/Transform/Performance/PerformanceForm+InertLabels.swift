/// Labels that find the parts of a form (the 项目名称 row, the row that ends the form), read
/// on the bytes of an inert compacted cell (``LiteralSearch/isInert(_:)``): there equal text is
/// equal bytes and a prefix is a byte prefix, so the strings ``PerformanceForm/nameRows()`` and
/// ``PerformanceForm/stopRow(from:)`` made and compared (two `replacingOccurrences`, a trim,
/// `comparesOnBytes` and seven prefix and substring searches per cell) are not needed.
extension PerformanceForm {
  /// What a row's first label names, for ``nameRows()``.
  enum NameLabel: Equatable {
    /// Starts with 项目名称.
    case project
    /// 部门(单位)名称, 单位名称, 部门名称, 预算单位 or 单位(部门)名称.
    case unit
    case other
  }

  private static let projectNameBytes = Array("项目名称".utf8)
  private static let unitNameBytes = ["部门(单位)名称", "单位名称", "部门名称", "预算单位", "单位(部门)名称"].map { Array($0.utf8) }

  /// The name label of a compacted cell: its parentheses made half width and `:`/`：` trimmed
  /// from both ends, then compared; nil when the cell is not inert.
  static func nameLabelOfInertText(_ compact: String) -> NameLabel? {
    return compact.withUTF8Bytes { b -> NameLabel? in
      guard LiteralSearch.isInert(b) else { return nil }
      var label: [UInt8] = []
      label.reserveCapacity(b.count)
      var i = 0
      while i < b.count {
        if b[i] == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC, b[i + 2] == 0x88 || b[i + 2] == 0x89 {
          label.append(b[i + 2] == 0x88 ? 0x28 : 0x29)
          i += 3
        } else {
          label.append(b[i])
          i += 1
        }
      }
      // `:` (3A) and `：` (EF BC 9A) trimmed from both ends.
      var start = 0
      var end = label.count
      while true {
        if start < end, label[start] == 0x3A {
          start += 1
        } else if end - start >= 3, label[start] == 0xEF, label[start + 1] == 0xBC, label[start + 2] == 0x9A {
          start += 3
        } else {
          break
        }
      }
      while true {
        if end > start, label[end - 1] == 0x3A {
          end -= 1
        } else if end - start >= 3, label[end - 3] == 0xEF, label[end - 2] == 0xBC, label[end - 1] == 0x9A {
          end -= 3
        } else {
          break
        }
      }
      let trimmed = label[start..<end]
      if trimmed.starts(with: projectNameBytes) { return .project }
      if unitNameBytes.contains(where: { $0.elementsEqual(trimmed) }) { return .unit }
      return .other
    }
  }

  private static let formEndPrefixes = ["负责人", "填报人", "注:", "注：", "审核人"].map { Array($0.utf8) }
  private static let formEndWords = ["联系电话", "填报日期"].map { Array($0.utf8) }

  /// Whether a compacted cell ends the form (``stopRow(from:)``): it starts with 负责人, 填报人,
  /// 注:, 注： or 审核人, or holds 联系电话 or 填报日期; nil when the cell is not inert.
  static func endsFormOfInertText(_ compact: String) -> Bool? {
    return compact.withUTF8Bytes { b -> Bool? in
      guard LiteralSearch.isInert(b) else { return nil }
      if formEndPrefixes.contains(where: { b.starts(with: $0) }) { return true }
      for word in formEndWords where b.count >= word.count {
        let found = word.withUnsafeBufferPointer { LiteralSearch.find($0, in: b, from: 0) }
        if found != nil { return true }
      }
      return false
    }
  }
}

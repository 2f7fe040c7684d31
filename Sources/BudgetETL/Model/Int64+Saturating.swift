extension Int64 {
  /// `self + other`, pinned to `Int64.min`/`Int64.max` instead of trapping: sums of amounts
  /// read from documents must never crash on absurd data (a pinned sum fails its check).
  @inlinable func saturatingAdd(_ other: Int64) -> Int64 {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? (other > 0 ? .max : .min) : sum
  }

  /// `self - other`, pinned like `saturatingAdd`.
  @inlinable func saturatingSubtract(_ other: Int64) -> Int64 {
    let (difference, overflow) = subtractingReportingOverflow(other)
    return overflow ? (other < 0 ? .max : .min) : difference
  }
}

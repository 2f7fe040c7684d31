/// Rows of each dataset, in its schema's column order.
extension SourceFile {
  public var row: [Value] {
    [
      .string(path), .string(sha256), .text(encoding), .int(bytes), .text(docID),
      .string(status.rawValue), .text(error), .string(format.rawValue), .text(converter),
    ]
  }
}

extension DocumentInfo {
  public var row: [Value] {
    [
      .string(docID), .string(sourcePath), .text(agency), .text(region), .integer(fiscalYear),
      .string(kind.rawValue), .text(scope?.rawValue), .integer(tables), .integer(lineItems),
      .integer(warnings), .text(title),
    ]
  }
}

extension TableInfo {
  public var row: [Value] {
    [
      .string(docID), .string(tableID), .text(tableNo), .text(title), .string(type.rawValue),
      .string(unit), .text(columns), .integer(rows), .integer(fragments), .bool(isEmpty),
      .integer(sourceLine), .integer(sourcePage),
    ]
  }
}

extension LineItem {
  public var row: [Value] {
    [
      .string(docID), .integer(fiscalYear), .text(agency), .string(tableID),
      .string(tableType.rawValue), .integer(rowNo), .integer(colNo), .integer(parentRowNo),
      .string(rowKind.rawValue), .text(section), .string(label), .text(functionCode),
      .integer(functionLevel), .text(econCode), .integer(econLevel), .text(govEconCode),
      .text(agencyCode), .text(projectCode), .string(measure), .string(measureKind.rawValue),
      .fen(amountFen), .string(sourceValue), .string(sourceUnit), .bool(isTotal),
      .integer(sourceLine), .integer(sourcePage), .text(printedNo),
    ]
  }
}

extension TextBlock {
  public var row: [Value] {
    [
      .string(docID), .integer(blockNo), .text(sectionPath), .string(text), .integer(sourceLine),
      .integer(sourcePage), .string(kind.rawValue),
    ]
  }
}

extension TextAmount {
  public var row: [Value] {
    [
      .string(docID), .integer(blockNo), .integer(amountNo), .text(subject), .string(kind.rawValue),
      .text(functionCode), .text(econCode), .text(govEconCode), .fen(amountFen),
      .string(sourceValue), .string(sourceUnit), .integer(sourceLine), .integer(sourcePage),
    ]
  }
}

extension Indicator {
  public var row: [Value] {
    [
      .string(docID), .string(tableID), .integer(rowNo), .integer(colNo), .integer(targetNo),
      .text(section), .text(project), .text(level1), .text(level2), .string(indicator),
      .string(targetRaw), .text(comparator),
      targetValue.map { Value.decimal(unscaled: $0, scale: 4) } ?? .null, .text(targetUnit),
      .integer(sourceLine), .integer(sourcePage),
    ]
  }
}

extension Check {
  public var row: [Value] {
    [
      .string(docID), .integer(checkNo), .text(tableID), .string(rule), .text(subject),
      expectedFen.map(Value.fen) ?? .null, actualFen.map(Value.fen) ?? .null,
      diffFen.map(Value.fen) ?? .null, toleranceFen.map(Value.fen) ?? .null,
      .string(severity.rawValue), .string(message), .integer(sourceLine), .integer(sourcePage),
    ]
  }
}

extension DocumentResult {
  /// This document's rows of the named dataset (all but `sources`).
  public func rows(of dataset: DatasetSchema) -> [[Value]] {
    switch dataset.name {
    case Datasets.documents.name: return [document.row]
    case Datasets.tables.name: return tables.map(\.row)
    case Datasets.lineItems.name: return lineItems.map(\.row)
    case Datasets.textBlocks.name: return textBlocks.map(\.row)
    case Datasets.textAmounts.name: return textAmounts.map(\.row)
    case Datasets.indicators.name: return indicators.map(\.row)
    case Datasets.checks.name: return checks.map(\.row)
    default: return []
    }
  }
}

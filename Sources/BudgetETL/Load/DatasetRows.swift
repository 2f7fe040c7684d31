/// Rows of each dataset, in its schema's column order: each item hands its cells to a
/// ``RowCells``, and its `row` is those cells as values.
extension SourceFile: DatasetRow {
  public var row: [Value] { rowValues }

  func putCells<Cells: RowCells & ~Copyable>(into cells: inout Cells) {
    cells.string(path)
    cells.string(sha256)
    cells.text(encoding)
    cells.scalar(.int(bytes))
    cells.text(docID)
    cells.string(status.rawValue)
    cells.text(error)
    cells.string(format.rawValue)
    cells.text(converter)
  }
}

extension DocumentInfo: DatasetRow {
  public var row: [Value] { rowValues }

  func putCells<Cells: RowCells & ~Copyable>(into cells: inout Cells) {
    cells.string(docID)
    cells.string(sourcePath)
    cells.text(agency)
    cells.text(region)
    cells.scalar(.integer(fiscalYear))
    cells.string(kind.rawValue)
    cells.text(scope?.rawValue)
    cells.scalar(.integer(tables))
    cells.scalar(.integer(lineItems))
    cells.scalar(.integer(warnings))
    cells.text(title)
  }
}

extension TableInfo: DatasetRow {
  public var row: [Value] { rowValues }

  func putCells<Cells: RowCells & ~Copyable>(into cells: inout Cells) {
    cells.string(docID)
    cells.string(tableID)
    cells.text(tableNo)
    cells.text(title)
    cells.string(type.rawValue)
    cells.string(unit)
    cells.text(columns)
    cells.scalar(.integer(rows))
    cells.scalar(.integer(fragments))
    cells.scalar(.bool(isEmpty))
    cells.scalar(.integer(sourceLine))
    cells.scalar(.integer(sourcePage))
  }
}

extension LineItem: DatasetRow {
  public var row: [Value] { rowValues }

  func putCells<Cells: RowCells & ~Copyable>(into cells: inout Cells) {
    cells.string(docID)
    cells.scalar(.integer(fiscalYear))
    cells.text(agency)
    cells.string(tableID)
    cells.string(tableType.rawValue)
    cells.scalar(.integer(rowNo))
    cells.scalar(.integer(colNo))
    cells.scalar(.integer(parentRowNo))
    cells.string(rowKind.rawValue)
    cells.text(section)
    cells.string(label)
    cells.text(functionCode)
    cells.scalar(.integer(functionLevel))
    cells.text(econCode)
    cells.scalar(.integer(econLevel))
    cells.text(govEconCode)
    cells.text(agencyCode)
    cells.text(projectCode)
    cells.string(measure)
    cells.string(measureKind.rawValue)
    cells.scalar(.fen(amountFen))
    cells.string(sourceValue)
    cells.string(sourceUnit)
    cells.scalar(.bool(isTotal))
    cells.scalar(.integer(sourceLine))
    cells.scalar(.integer(sourcePage))
    cells.text(printedNo)
  }
}

extension TextBlock: DatasetRow {
  public var row: [Value] { rowValues }

  func putCells<Cells: RowCells & ~Copyable>(into cells: inout Cells) {
    cells.string(docID)
    cells.scalar(.integer(blockNo))
    cells.text(sectionPath)
    cells.string(text)
    cells.scalar(.integer(sourceLine))
    cells.scalar(.integer(sourcePage))
    cells.string(kind.rawValue)
  }
}

extension TextAmount: DatasetRow {
  public var row: [Value] { rowValues }

  func putCells<Cells: RowCells & ~Copyable>(into cells: inout Cells) {
    cells.string(docID)
    cells.scalar(.integer(blockNo))
    cells.scalar(.integer(amountNo))
    cells.text(subject)
    cells.string(kind.rawValue)
    cells.text(functionCode)
    cells.text(econCode)
    cells.text(govEconCode)
    cells.scalar(.fen(amountFen))
    cells.string(sourceValue)
    cells.string(sourceUnit)
    cells.scalar(.integer(sourceLine))
    cells.scalar(.integer(sourcePage))
  }
}

extension Indicator: DatasetRow {
  public var row: [Value] { rowValues }

  func putCells<Cells: RowCells & ~Copyable>(into cells: inout Cells) {
    cells.string(docID)
    cells.string(tableID)
    cells.scalar(.integer(rowNo))
    cells.scalar(.integer(colNo))
    cells.scalar(.integer(targetNo))
    cells.text(section)
    cells.text(project)
    cells.text(level1)
    cells.text(level2)
    cells.string(indicator)
    cells.string(targetRaw)
    cells.text(comparator)
    cells.scalar(targetValue.map { Value.decimal(unscaled: $0, scale: 4) } ?? .null)
    cells.text(targetUnit)
    cells.scalar(.integer(sourceLine))
    cells.scalar(.integer(sourcePage))
  }
}

extension Check: DatasetRow {
  public var row: [Value] { rowValues }

  func putCells<Cells: RowCells & ~Copyable>(into cells: inout Cells) {
    cells.string(docID)
    cells.scalar(.integer(checkNo))
    cells.text(tableID)
    cells.string(rule)
    cells.text(subject)
    cells.scalar(expectedFen.map(Value.fen) ?? .null)
    cells.scalar(actualFen.map(Value.fen) ?? .null)
    cells.scalar(diffFen.map(Value.fen) ?? .null)
    cells.scalar(toleranceFen.map(Value.fen) ?? .null)
    cells.string(severity.rawValue)
    cells.string(message)
    cells.scalar(.integer(sourceLine))
    cells.scalar(.integer(sourcePage))
  }
}

extension DocumentResult {
  /// This document's rows of the named dataset (all but `sources`). ``encodedRows(of:)`` has
  /// the same switch: a dataset added here goes there too.
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

extension DocumentResult {
  /// ``DocumentRowsEncoder``'s encodings of ``rows(of:)``, written from the items' cells with no
  /// row of values made (the bundle's datasets; a test holds the two switches to the same rows).
  func encodedRows(of dataset: DatasetSchema) -> DocumentRowsEncoder.Output {
    switch dataset.name {
    case Datasets.documents.name: return DocumentRowsEncoder.encodeInPlace([document], schema: dataset)
    case Datasets.tables.name: return DocumentRowsEncoder.encodeInPlace(tables, schema: dataset)
    case Datasets.lineItems.name: return DocumentRowsEncoder.encodeInPlace(lineItems, schema: dataset)
    case Datasets.textBlocks.name: return DocumentRowsEncoder.encodeInPlace(textBlocks, schema: dataset)
    case Datasets.textAmounts.name: return DocumentRowsEncoder.encodeInPlace(textAmounts, schema: dataset)
    case Datasets.indicators.name: return DocumentRowsEncoder.encodeInPlace(indicators, schema: dataset)
    case Datasets.checks.name: return DocumentRowsEncoder.encodeInPlace(checks, schema: dataset)
    default: return DocumentRowsEncoder.encodeInPlace([] as [[Value]], schema: dataset)
    }
  }
}

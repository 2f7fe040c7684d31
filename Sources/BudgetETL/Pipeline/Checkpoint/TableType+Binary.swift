/// The binary checkpoint codec of ``TableType``: one byte per case, fixed here so that
/// reordering the cases in the source cannot change what a stored byte means.
extension TableType: BinaryCodable {
  func write(to writer: inout BinaryWriter) {
    let tag: UInt8
    switch self {
    case .summary: tag = 0
    case .income: tag = 1
    case .expenditure: tag = 2
    case .fiscalAppropriation: tag = 3
    case .generalByFunction: tag = 4
    case .generalByEconomic: tag = 5
    case .basicByFunction: tag = 6
    case .basicByEconomic: tag = 7
    case .basicDetail: tag = 8
    case .economicSummary: tag = 9
    case .governmentFund: tag = 10
    case .stateCapital: tag = 11
    case .threePublic: tag = 12
    case .operatingCosts: tag = 13
    case .procurement: tag = 14
    case .projects: tag = 15
    case .performance: tag = 16
    case .catalog: tag = 17
    case .other: tag = 18
    }
    writer.write(tag)
  }

  init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
    let at = reader.offset
    switch try reader.readByte() {
    case 0: self = .summary
    case 1: self = .income
    case 2: self = .expenditure
    case 3: self = .fiscalAppropriation
    case 4: self = .generalByFunction
    case 5: self = .generalByEconomic
    case 6: self = .basicByFunction
    case 7: self = .basicByEconomic
    case 8: self = .basicDetail
    case 9: self = .economicSummary
    case 10: self = .governmentFund
    case 11: self = .stateCapital
    case 12: self = .threePublic
    case 13: self = .operatingCosts
    case 14: self = .procurement
    case 15: self = .projects
    case 16: self = .performance
    case 17: self = .catalog
    case 18: self = .other
    case let tag: throw .badTag(tag, offset: at, of: "TableType")
    }
  }
}

import CZlib
import Foundation

/// A document's checkpoint: everything the load stage needs from it, stored once under
/// `_state/docs/`: its `sources` record and summary (in the binary format of the checkpoints),
/// and for each dataset its rows pre-encoded as a CSV gzip member, a JSON Lines gzip member
/// and binary rows for Parquet.
///
/// The record and summary were `source.json` and `summary.json` before, and their entries' names
/// carry ``CheckpointFormat/version``: a bundle of an earlier build or format has neither
/// ``sourceEntry`` nor ``summaryEntry``, so a run rebuilds it rather than reuse or misread it.
///
/// The bundle's own layout and its datasets' binary rows (``ValueCodec``) are
/// ``formatVersion``, named by ``magic`` and part of the bundle's checkpoint key: a bundle of
/// another format is neither found under the key nor parsed, so it is made again.
public struct DocumentBundle: Sendable {
  /// The version of the bundle's layout and of the binary rows it holds; bump it with any change
  /// to either. 2: rows with varints and a tag for a value repeated from the row above.
  /// 3: a CRC-32 of the bundle's bytes at its end.
  public static let formatVersion = 3
  public static let magic = Array("BUDGETETL-BUNDLE-\(formatVersion)\n".utf8)
  /// The entry holding the document's ``SourceFile``.
  public static let sourceEntry = "source.v\(CheckpointFormat.version).bin"
  /// The entry holding its ``BundleSummary``, when it was not rejected.
  public static let summaryEntry = "summary.v\(CheckpointFormat.version).bin"

  public var entries: [String: [UInt8]] = [:]

  public init() {}

  public enum BundleError: Error, Equatable, CustomStringConvertible {
    /// The bundle is missing, cut, of another format, or its bytes changed since it was written.
    case corrupt(String)
    /// The load found an entry of binary rows it cannot read (the bundle's layout was whole).
    case unreadableRows(path: String, entry: String, reason: String)
    public var description: String {
      switch self {
      case .corrupt(let p): return "checkpoint \(p) is missing or corrupt"
      case .unreadableRows(let path, let entry, let reason):
        return "checkpoint \(path) is damaged (\(entry): \(reason)); delete it, or run with --force, to rebuild it"
      }
    }
  }

  /// Builds a document's bundle: compresses each dataset's rows once.
  public static func make(source: SourceFile, result: DocumentResult?, gzipLevel: Int) throws -> DocumentBundle {
    var bundle = DocumentBundle()
    bundle.entries[sourceEntry] = encoded(source)
    guard let result else { return bundle }
    for dataset in Datasets.all where dataset.name != Datasets.sources.name {
      // The text is compressed from the encoder's buffers, not copied into arrays first.
      let encoded = result.encodedRows(of: dataset)
      bundle.entries[dataset.name + ".count"] = Array(String(encoded.rowCount).utf8)
      if encoded.rowCount > 0 {
        bundle.entries[dataset.name + ".csv.gz"] = try encoded.csv.withBytes {
          try Deflater.compress(UnsafeRawBufferPointer($0), level: gzipLevel)
        }
        bundle.entries[dataset.name + ".jsonl.gz"] = try encoded.jsonl.withBytes {
          try Deflater.compress(UnsafeRawBufferPointer($0), level: gzipLevel)
        }
      }
      bundle.entries[dataset.name + ".rows"] = encoded.binary.bytes
    }
    bundle.entries[summaryEntry] = encoded(BundleSummary(result: result))
    return bundle
  }

  /// An entry's bytes for `value`, in the checkpoints' binary format.
  static func encoded<T: BinaryCodable>(_ value: T) -> [UInt8] {
    var writer = BinaryWriter(capacity: 256)
    writer.write(value)
    return writer.bytes
  }

  /// The value an entry holds; throws unless the bytes are exactly one `T`.
  static func decoded<T: BinaryCodable>(_: T.Type, from bytes: [UInt8]) throws(BinaryDecodingError) -> T {
    var reader = BinaryReader(bytes)
    let value = try T(from: &reader)
    try reader.expectEnd()
    return value
  }

  /// The document's `sources` record.
  ///
  /// - Throws: ``BundleError/corrupt(_:)`` when the bundle has none (an earlier build's) or it is unreadable.
  public func source() throws -> SourceFile {
    guard let data = entries[Self.sourceEntry], let source = try? Self.decoded(SourceFile.self, from: data) else {
      throw BundleError.corrupt(Self.sourceEntry)
    }
    return source
  }

  /// The document's counts; nil for a rejected file, or when the entry is missing or unreadable.
  /// Whether the bundle was made from the file whose SHA-256 is `sha256` (its source record). Its
  /// CRC says only that it is whole: not fsynced, a bundle can be left by a machine that
  /// stopped under its name on another file's old blocks, whole.
  public func isMade(from sha256: String) -> Bool { (try? source())?.sha256 == sha256 }

  public func summary() -> BundleSummary? {
    entries[Self.summaryEntry].flatMap { try? Self.decoded(BundleSummary.self, from: $0) }
  }

  /// The bundle's bytes: ``magic``, the entry count, then each entry by name (a 4-byte name
  /// length, the name, an 8-byte length, the bytes), then the CRC-32 of all that; little-endian.
  ///
  /// The CRC lets the load tell a bundle whose bytes changed on disk (a bad sector, a stray
  /// write) before it appends any of it: the members and rows are copied into the datasets
  /// without being decompressed or parsed, so a changed digit would otherwise be published.
  public func serialized() -> [UInt8] {
    let sorted = entries.sorted { $0.key < $1.key }
    // One allocation of the final size: the bytes are copied once, not again as the array grows.
    var out: [UInt8] = []
    out.reserveCapacity(sorted.reduce(Self.magic.count + 8) { $0 + 12 + $1.key.utf8.count + $1.value.count })
    out.append(contentsOf: Self.magic)
    ValueCodec.appendU32(UInt32(sorted.count), &out)
    for (name, data) in sorted {
      ValueCodec.appendU32(UInt32(name.utf8.count), &out)
      out.append(contentsOf: name.utf8)
      ValueCodec.appendU64(UInt64(data.count), &out)
      out.append(contentsOf: data)
    }
    ValueCodec.appendU32(Self.crc32(out[...]), &out)
    return out
  }

  /// zlib's CRC-32 of `bytes`.
  static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    bytes.withUnsafeBufferPointer { buffer in
      var crc = CZlib.crc32(0, nil, 0)
      var offset = 0
      // zlib takes a 32-bit length.
      while offset < buffer.count {
        let length = min(buffer.count - offset, 1 << 30)
        crc = CZlib.crc32(crc, buffer.baseAddress! + offset, uInt(length))
        offset += length
      }
      return UInt32(crc)
    }
  }

  /// Reads a serialized bundle, checking its structure.
  ///
  /// - Parameters:
  ///   - keeping: the entries to keep (nil: all); a re-run needs only ``sourceEntry`` and
  ///     ``summaryEntry`` and need not copy the datasets' members.
  /// - Throws: ``BundleError/corrupt(_:)`` when the bytes are not a whole bundle, or not the
  ///   bytes it was written with (its CRC-32).
  public static func parse(_ bytes: [UInt8], path: String, keeping: Set<String>? = nil) throws -> DocumentBundle {
    guard bytes.count >= magic.count + 8, bytes[0..<magic.count].elementsEqual(magic) else {
      throw BundleError.corrupt(path)
    }
    let end = bytes.count - 4
    let stored = UInt32(bytes[end]) | UInt32(bytes[end + 1]) << 8 | UInt32(bytes[end + 2]) << 16 | UInt32(bytes[end + 3]) << 24
    guard crc32(bytes[0..<end]) == stored else { throw BundleError.corrupt(path) }
    var i = magic.count
    func u32() throws -> Int {
      guard i + 4 <= end else { throw BundleError.corrupt(path) }
      defer { i += 4 }
      return Int(UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
    }
    var bundle = DocumentBundle()
    let count = try u32()
    // Every length is checked against the bytes left before it is used, so a damaged length
    // (however large) is a corrupt bundle, never an overflow.
    for _ in 0..<count {
      let nameLength = try u32()
      guard nameLength <= end - i else { throw BundleError.corrupt(path) }
      let name = String(decoding: bytes[i..<(i + nameLength)], as: UTF8.self)
      i += nameLength
      let lo = try u32()
      let hi = try u32()
      guard hi == 0, lo <= end - i else { throw BundleError.corrupt(path) }
      let length = lo
      if keeping?.contains(name) ?? true { bundle.entries[name] = Array(bytes[i..<(i + length)]) }
      i += length
    }
    guard i == end else { throw BundleError.corrupt(path) }
    return bundle
  }
}

/// Per-document counts kept in the bundle, for the run's summary.
public struct BundleSummary: Sendable, Equatable, Codable {
  public var docID: String
  public var agency: String?
  public var tables: Int
  public var lineItems: Int
  public var checksBySeverityAndRule: [String: Int]

  public init(result: DocumentResult) {
    docID = result.document.docID
    agency = result.document.agency
    tables = result.tables.count
    lineItems = result.lineItems.count
    var map: [String: Int] = [:]
    for c in result.checks { map["\(c.severity.rawValue) \(c.rule)", default: 0] += 1 }
    checksBySeverityAndRule = map
  }
}

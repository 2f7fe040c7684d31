import BudgetETL
import Foundation
import Logging

#if canImport(Glibc)
  import Glibc
#endif

/// One line per event on standard error: JSON when stderr is not a terminal (for cron and log
/// collectors), plain text on a terminal.
struct LineLogHandler: LogHandler {
  var metadata: Logger.Metadata = [:]
  var logLevel: Logger.Level = .info
  let label: String
  let json: Bool

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    write(level: event.level, message: event.message, metadata: event.metadata)
  }

  func log(
    level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String,
    file: String, function: String, line: UInt
  ) {
    write(level: level, message: message, metadata: explicit)
  }

  private func write(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?) {
    var all = metadata
    if let explicit { all.merge(explicit) { $1 } }
    var text: String
    if json {
      var fields: [(String, String)] = [
        ("time", ISO8601DateFormatter().string(from: Date())), ("level", level.rawValue), ("event", message.description),
      ]
      for key in all.keys.sorted() { fields.append((key, "\(all[key]!)")) }
      text = "{" + fields.map { "\(jsonString($0.0)):\(jsonString($0.1))" }.joined(separator: ",") + "}"
    } else {
      text = "\(level == .info ? "" : level.rawValue + ": ")\(message)"
      if !all.isEmpty { text += " " + all.keys.sorted().map { "\($0)=\(all[$0]!)" }.joined(separator: " ") }
    }
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  func jsonString(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if c.value < 0x20 { out += String(format: "\\u%04x", c.value) } else { out.unicodeScalars.append(c) }
      }
    }
    return out + "\""
  }
}

enum Terminal {
  static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

func makeLogger(quiet: Bool) -> Logger {
  var logger = Logger(label: "budget-etl") { label in
    LineLogHandler(label: label, json: !Terminal.stderrIsTerminal)
  }
  logger.logLevel = quiet ? .warning : .info
  return logger
}

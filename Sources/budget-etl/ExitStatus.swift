import ArgumentParser

/// Every exit code the tool uses, in one place (documented in README and `--help`).
enum ExitStatus: Int32 {
  case ok = 0
  case failed = 1
  case configurationError = 2
  case documentsRejected = 3
  case lockHeld = 4
  case validationErrors = 5

  var code: ExitCode { ExitCode(rawValue) }
}

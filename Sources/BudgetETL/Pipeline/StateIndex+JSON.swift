/// The values of `_state/index.json` as ``EncoderJSON`` writes them: each as `JSONEncoder` with
/// `.sortedKeys` prints it, fields in the UTF-8 order of their names, a nil optional left out.
extension StageKeys {
  func write(to json: inout EncoderJSON) {
    json.raw("{")
    json.key("bundle", first: true)
    json.string(bundle)
    json.key("extract")
    json.string(extract)
    json.key("sha256")
    json.string(sha256)
    json.key("transform")
    json.string(transform)
    json.key("validate")
    json.string(validate)
    json.raw("}")
  }
}

extension IndexEntry {
  func write(to json: inout EncoderJSON) {
    json.raw("{")
    json.key("modified", first: true)
    json.integer(modified)
    json.key("size")
    json.integer(size)
    json.key("source")
    source.write(to: &json)
    if let summary {
      json.key("summary")
      summary.write(to: &json)
    }
    json.raw("}")
  }
}

extension SourceFile {
  func write(to json: inout EncoderJSON) {
    json.raw("{")
    json.key("bytes", first: true)
    json.integer(bytes)
    if let converter {
      json.key("converter")
      json.string(converter)
    }
    if let docID {
      json.key("docID")
      json.string(docID)
    }
    json.key("encoding")
    json.string(encoding)
    if let error {
      json.key("error")
      json.string(error)
    }
    json.key("format")
    json.string(format.rawValue)
    json.key("path")
    json.string(path)
    json.key("sha256")
    json.string(sha256)
    json.key("status")
    json.string(status.rawValue)
    json.raw("}")
  }
}

extension BundleSummary {
  func write(to json: inout EncoderJSON) {
    json.raw("{")
    if let agency {
      json.key("agency", first: true)
      json.string(agency)
      json.key("checksBySeverityAndRule")
    } else {
      json.key("checksBySeverityAndRule", first: true)
    }
    json.object(checksBySeverityAndRule)
    json.key("docID")
    json.string(docID)
    json.key("lineItems")
    json.integer(lineItems)
    json.key("tables")
    json.integer(tables)
    json.raw("}")
  }
}

import Foundation
import Testing

@testable import BudgetETL

/// Each configuration error is one line that names the key or path and the fix.
@Suite struct ConfigurationErrorTests {
  static func parse(_ json: String) throws -> PipelineConfig {
    try PipelineConfig.parse(try JSONSerialization.jsonObject(with: Data(json.utf8)))
  }

  /// (pipeline.json, what the message names, the fix it gives)
  @Test(arguments: [
    (#"{"inptu":"data"}"#, #""inptu""#, "remove it or use one of: input, output"),
    (#"{"stages":[{"id":"extract","option":{}}]}"#, #""stages[0].option""#, "use one of: id, depends_on, options"),
    (#"{"stages":[{"id":"load","options":{"gzip":6}}]}"#, #""stages[0].options.gzip""#, "gzip_level"),
    (#"{"workers":"two"}"#, #""workers""#, "must be a whole number"),
    (#"{"workers":1.5}"#, #""workers""#, "must be a whole number"),
    (#"{"workers":-1}"#, #""workers""#, "must be 0 (one per core) or more"),
    (#"{"input":5}"#, #""input""#, "must be a string"),
    (#"{"stages":{"id":"extract"}}"#, #""stages""#, "must be a list of stages"),
    (#"{"stages":["extract"]}"#, #""stages[0]""#, "must be an object"),
    (#"{"stages":[{"id":"extract","options":{"watermarks":"样本"}}]}"#, "watermarks", "must be a list of strings"),
    (#"{"stages":[{"id":"extract","options":{"watermarks":[1]}}]}"#, "watermarks", "must be a list of strings"),
    (#"{"stages":[{"id":"transform","options":{"mask_phone_numbers":"no"}}]}"#, "mask_phone_numbers", "true or false"),
    (#"{"stages":[{"id":"load","options":{"gzip_level":"9"}}]}"#, "gzip_level", "must be a whole number"),
    (#"{"stages":[{"id":"load","options":{"row_group_rows":0}}]}"#, "row_group_rows", "must be at least 1"),
    (#"{"stages":[{"id":"validate","depends_on":"transform"}]}"#, "depends_on", "must be a list of stage ids"),
    (#"{"stages":[{"depends_on":[]}]}"#, #""stages[0].id""#, "is required"),
    (#"{"stages":[{"id":"transform","depends_on":["extract"]}]}"#, #""extract""#, "declare it or remove it"),
    (#"[1, 2]"#, "(root)", "must be an object"),
  ])
  func namesTheKeyAndTheFix(json: String, names: String, fix: String) throws {
    do {
      _ = try Self.parse(json)
      Issue.record("\(json) was accepted")
    } catch let error as ConfigurationError {
      let message = error.description
      #expect(!message.contains("\n"), "one line: \(message)")
      #expect(message.contains(names), "\(message)")
      #expect(message.contains(fix), "\(message)")
    }
  }

  @Test func unreadableAndInvalidFilesNameTheirPath() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    #expect(throws: ConfigurationError.self) { try PipelineConfig.load(path: dir.path + "/missing.json") }
    do {
      _ = try PipelineConfig.load(path: dir.path + "/missing.json")
    } catch {
      let message = "\(error)"
      #expect(message.contains(dir.path + "/missing.json") && message.contains("--config") && !message.contains("\n"))
    }
    let broken = dir.path + "/pipeline.json"
    try Data(#"{"input": "data" "output": "out"}"#.utf8).write(to: URL(fileURLWithPath: broken))
    do {
      _ = try PipelineConfig.load(path: broken)
      Issue.record("invalid JSON accepted")
    } catch {
      let message = "\(error)"
      #expect(message.contains(broken) && message.contains("not valid JSON") && !message.contains("\n"), "\(message)")
    }
  }

  /// Folders: a missing input, an output inside the input, an output that is a file.
  @Test func foldersAreCheckedBeforeAnythingIsWritten() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = dir.path + "/in"
    try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
    var config = PipelineConfig()
    func error(input: String, output: String) -> ConfigurationError? {
      config.input = input
      config.output = output
      do {
        _ = try PipelineRunner.resolve(config)
        return nil
      } catch {
        return error as? ConfigurationError
      }
    }
    let missing = try #require(error(input: dir.path + "/nope", output: dir.path + "/out"))
    #expect(missing == .missingInput(dir.path + "/nope"))
    #expect(missing.description.contains("--input DIR"))
    #expect(error(input: input, output: input + "/out") == .outputInsideInput(output: input + "/out", input: input))
    #expect(error(input: input, output: input) == .outputInsideInput(output: input, input: input))
    #expect(error(input: input + "/", output: input + "/./out/../out") != nil, "paths are compared resolved")
    let file = dir.path + "/out.txt"
    try Data("x".utf8).write(to: URL(fileURLWithPath: file))
    let notAFolder = try #require(error(input: input, output: file))
    #expect(notAFolder == .outputNotAFolder(file))
    #expect(notAFolder.description.contains("--output DIR") && !notAFolder.description.contains("\n"))
    #expect(error(input: input, output: dir.path + "/new/out") == nil, "a new output folder is created")
    #expect(!FileManager.default.fileExists(atPath: input + "/out"), "nothing written inside the input")
  }
}

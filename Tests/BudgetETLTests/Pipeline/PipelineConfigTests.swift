import Foundation
import Testing

@testable import BudgetETL

@Suite struct PipelineConfigTests {
  func parse(_ json: String) throws -> PipelineConfig {
    try PipelineConfig.parse(try JSONSerialization.jsonObject(with: Data(json.utf8)))
  }

  @Test func readsTheRepositoryConfiguration() throws {
    let config = try parse(
      #"{"input":"data","output":"out","stages":[{"id":"extract"},{"id":"transform","depends_on":["extract"],"options":{"mask_phone_numbers":false}},{"id":"load","depends_on":["transform"],"options":{"gzip_level":9,"parquet":false}}]}"#
    )
    #expect(config.transform.maskPhoneNumbers == false)
    #expect(config.load.gzipLevel == 9)
    #expect(config.load.parquet == false)
    #expect(try StageGraph(config.stages).order == ["extract", "transform", "load"])
  }

  @Test func stageCheckpointsAreKeptUnlessTurnedOff() throws {
    #expect(try parse(#"{}"#).stageCheckpoints == true)
    #expect(try parse(#"{"stage_checkpoints":false}"#).stageCheckpoints == false)
    #expect(throws: ConfigurationError.wrongType(key: "stage_checkpoints", expected: "true or false")) {
      try parse(#"{"stage_checkpoints":0}"#)
    }
  }

  @Test func ordersStagesByDependency() throws {
    let stages = [
      StageSpec(id: "load", dependsOn: ["validate"], optionsJSON: "{}"),
      StageSpec(id: "validate", dependsOn: ["transform"], optionsJSON: "{}"),
      StageSpec(id: "extract", dependsOn: [], optionsJSON: "{}"),
      StageSpec(id: "transform", dependsOn: ["extract"], optionsJSON: "{}"),
    ]
    #expect(try StageGraph(stages).order == ["extract", "transform", "validate", "load"])
  }

  @Test func namesTheProblem() {
    #expect(throws: ConfigurationError.unknownKey("inptu", allowed: ["input", "output", "workers", "stage_checkpoints", "stages", "$comment"])) {
      try parse(#"{"inptu":"data"}"#)
    }
    #expect(throws: ConfigurationError.wrongType(key: "workers", expected: "a whole number")) {
      try parse(#"{"workers":"two"}"#)
    }
    #expect(throws: ConfigurationError.unknownStage("compress")) {
      try parse(#"{"stages":[{"id":"compress"}]}"#)
    }
    #expect(throws: ConfigurationError.missingDependency(stage: "transform", dependency: "extract")) {
      try parse(#"{"stages":[{"id":"transform","depends_on":["extract"]}]}"#)
    }
    #expect(throws: ConfigurationError.cycle(["extract", "transform", "extract"])) {
      try parse(#"{"stages":[{"id":"extract","depends_on":["transform"]},{"id":"transform","depends_on":["extract"]}]}"#)
    }
    #expect(throws: ConfigurationError.unknownKey("stages[0].options.level", allowed: ["gzip_level", "parquet", "row_group_rows"])) {
      try parse(#"{"stages":[{"id":"load","options":{"level":3}}]}"#)
    }
    #expect(throws: ConfigurationError.wrongType(key: "stages[0].options.parquet", expected: "true or false")) {
      try parse(#"{"stages":[{"id":"load","options":{"parquet":1}}]}"#)
    }
    #expect(throws: ConfigurationError.invalidValue(key: "stages[0].options.gzip_level", reason: "must be 1 to 9")) {
      try parse(#"{"stages":[{"id":"load","options":{"gzip_level":12}}]}"#)
    }
  }

  @Test func errorMessagesAreOneLine() {
    let e = ConfigurationError.cycle(["extract", "transform", "extract"])
    #expect(e.description == "stage graph has a cycle: extract -> transform -> extract")
    #expect(!ConfigurationError.outputInsideInput(output: "data/out", input: "data").description.contains("\n"))
  }
}

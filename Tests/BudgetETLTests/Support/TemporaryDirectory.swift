import Foundation

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let path: String

  init(_ name: String = "budget-etl-test") {
    path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }

  /// Copies the five seeds into `<path>/<folder>` under readable names, as `data/` holds them.
  func copySeeds(into folder: String = "input") -> String {
    let input = path + "/" + folder
    let names: [(Seed, String)] = [
      (.s0, "2023/西乡县医疗保险基金管理中心.txt"), (.s1, "2023/阳城县医疗保障局.txt"),
      (.s2, "2024/温县医疗保障局.txt"), (.s3, "2024/西安市长安区医疗保险经办机构.txt"), (.s4, "2023/麟游县医疗保障局.txt"),
    ]
    for (seed, name) in names {
      let target = input + "/" + name
      try! FileManager.default.createDirectory(
        atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try! Data(seed.bytes).write(to: URL(fileURLWithPath: target))
    }
    return input
  }

  func read(_ relative: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path + "/" + relative) ?? Data()) }
}

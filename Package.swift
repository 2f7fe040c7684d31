// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "budget-etl",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "budget-etl", targets: ["budget-etl"]),
    .library(name: "BudgetETL", targets: ["BudgetETL"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // SHA-256 blocks on the x86 SHA extensions; the instructions are enabled per function
    // (no unsafeFlags), and the target builds to "not available" on other architectures.
    .target(name: "CSHA256"),
    .target(
      name: "BudgetETL",
      dependencies: [
        "CZlib",
        "CSHA256",
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
    ),
    .executableTarget(
      name: "budget-etl",
      dependencies: [
        "BudgetETL",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
    ),
    .testTarget(
      name: "BudgetETLTests",
      dependencies: ["BudgetETL"],
      resources: [.copy("Fixtures")],
      swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
    ),
  ]
)

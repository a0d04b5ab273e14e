// swift-tools-version: 6.1
import Foundation
import PackageDescription

// libFuzzer targets over Quire's loader and search query parser. A package of its own so the
// project's normal build never sees them: they only link with `-sanitize=fuzzer`, which
// supplies `main`. Build and run them with `make fuzz` (see the Makefile).

/// The root package is the folder above; SwiftPM names it after that folder.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let quire = root.lastPathComponent.lowercased()
let fuzzable = Target.Dependency.product(name: "QuireFuzzable", package: quire)

let package = Package(
  name: "QuireFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "..")],
  targets: [
    .target(name: "FuzzDriver"),
    .executableTarget(
      name: "FuzzLoader", dependencies: ["FuzzDriver", fuzzable],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzSearchQuery", dependencies: ["FuzzDriver", fuzzable],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
  ]
)

// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Quire",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "quire", targets: ["quire"]),
    // For the fuzz targets in Fuzz/, a package of their own that builds with -sanitize=fuzzer.
    .library(name: "QuireFuzzable", targets: ["QuireCore", "QuireMarkdown", "QuireSearch"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
  ],
  targets: [
    // C boundaries: one system-library target per C library.
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncursesw5-dev"])]
    ),

    // The model: notes, sections, links, the vault graph, lint. No C, no I/O policy.
    .target(name: "QuireCore"),
    // Markdown and front matter: the only code touching cmark and Yams.
    .target(name: "QuireMarkdown", dependencies: ["QuireCore", "CCmarkGFM", "Yams"]),
    // Full-text search: GRDB + SQLite FTS5.
    .target(
      name: "QuireSearch",
      dependencies: ["QuireCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    // Terminal UI state, update and widgets; knows no terminal.
    .target(name: "QuireTUI", dependencies: ["QuireCore"]),
    // The ncurses adapter.
    .target(name: "QuireTerminal", dependencies: ["QuireTUI", "CNcurses"]),
    // Commands and output formats; the composition root.
    .target(
      name: "QuireCLI",
      dependencies: [
        "QuireCore", "QuireMarkdown", "QuireSearch", "QuireTUI", "QuireTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "quire", dependencies: ["QuireCLI"]),
    .executableTarget(
      name: "quire-bench",
      dependencies: [
        "QuireCore", "QuireMarkdown", "QuireSearch", "QuireTUI", "QuireCLI", "CCmarkGFM",
        "QuireTestSupport",
      ],
      path: "Benchmarks/QuireBench"
    ),

    .target(name: "QuireTestSupport", dependencies: ["QuireCore", "QuireTUI"]),

    .testTarget(name: "QuireCoreTests", dependencies: ["QuireCore", "QuireTestSupport"]),
    .testTarget(
      name: "QuireMarkdownTests",
      dependencies: ["QuireMarkdown", "QuireCore", "QuireTestSupport"]
    ),
    .testTarget(
      name: "QuireSearchTests",
      dependencies: ["QuireSearch", "QuireMarkdown", "QuireCore", "QuireTestSupport"]
    ),
    .testTarget(
      name: "QuireTUITests",
      dependencies: ["QuireTUI", "QuireMarkdown", "QuireCore", "QuireTestSupport"],
      exclude: ["Fixtures", "Screens"]
    ),
    .testTarget(
      name: "QuireCLITests",
      dependencies: ["QuireCLI", "QuireTestSupport"],
      exclude: ["Fixtures", "Transcripts"]
    ),
  ]
)

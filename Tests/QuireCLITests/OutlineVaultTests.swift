import Foundation
import QuireCore
import QuireMarkdown
import QuireSearch
import XCTest

@testable import QuireCLI

/// The first vault of the browser on a cached vault: every note in outline, the start
/// note in full and resolved, the notes it links to as stored.
final class OutlineVaultTests: XCTestCase {
  private var base: URL!
  private var root: URL { base.appendingPathComponent("vault") }

  override func setUpWithError() throws {
    base = FileManager.default.temporaryDirectory.appendingPathComponent("quire-outline-\(UUID().uuidString)")
    let files = [
      "index.md": "# Home\n\nSee [[Sleeper agents#Results]] and [the thread](threads/witness.md).\n",
      "findings/sleeper.md": "---\ntitle: Sleeper agents\naliases: [Sleepers]\n---\n# Sleeper agents\n\n## Results\n\nText.\n",
      "threads/witness.md": "---\ntitle: Witness\ntype: thread\n---\n# Witness\n\n## The Postern Door\n\n[[index]]\n",
      "concepts/other.md": "---\ntitle: Other\ntype: concept\n---\n# Other\n",
    ]
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
  }

  override func tearDown() { try? FileManager.default.removeItem(at: base) }

  private func cachedIndex() throws -> SearchIndex {
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: base.appendingPathComponent("cache"))
    let snapshot = index.loadNoteCache()
    let vault = try VaultLoader(root: root, options: .init(cache: snapshot)).load()
    try index.refresh(vault: vault, cache: snapshot)
    return index
  }

  func testOutlineHoldsEveryNoteAndTheStartNoteResolvedIntoItsTargetsSections() throws {
    let outline = try XCTUnwrap(OutlineVault.make(root: root, index: try cachedIndex(), start: nil, minimumNotes: 1))
    XCTAssertEqual(outline.startID, "index.md")
    XCTAssertEqual(outline.vault.notes.count, 4)
    let links = try XCTUnwrap(outline.vault.note("index.md")?.links)
    XCTAssertEqual(links.map(\.state), [.resolved, .resolved])
    XCTAssertEqual(links.map(\.target), ["findings/sleeper.md", "threads/witness.md"])
    // The anchor resolved: the target came in as stored, with its sections.
    XCTAssertEqual(links[0].targetSections, [1])
    // A note the start note does not link to stays an outline.
    XCTAssertEqual(outline.vault.note("concepts/other.md")?.sections, [])
    XCTAssertEqual(outline.vault.note("concepts/other.md")?.type, .concept)
  }

  func testStartNoteByNameAndUnknownNamesFallBack() throws {
    let index = try cachedIndex()
    XCTAssertEqual(OutlineVault.make(root: root, index: index, start: "Witness", minimumNotes: 1)?.startID, "threads/witness.md")
    XCTAssertEqual(OutlineVault.make(root: root, index: index, start: "sleeper#Results", minimumNotes: 1)?.startID, "findings/sleeper.md")
    // Aliases are not in the outline: the caller loads the whole vault and finds it there.
    XCTAssertNil(OutlineVault.make(root: root, index: index, start: "Sleepers", minimumNotes: 1))
    XCTAssertNil(OutlineVault.make(root: root, index: index, start: "nothing-like-it", minimumNotes: 1))
  }

  func testSmallOrEmptyCachesLoadTheWholeVaultInstead() throws {
    XCTAssertNil(OutlineVault.make(root: root, index: try cachedIndex(), start: nil))
    let empty = try SearchIndex.open(vaultRoot: root, inMemory: true)
    XCTAssertNil(OutlineVault.make(root: root, index: empty, start: nil, minimumNotes: 1))
  }

  func testAStartNoteEditedSinceTheCacheIsReadFromItsFile() throws {
    let index = try cachedIndex()
    try Data("# Home\n\nNow only [[Other]].\n".utf8).write(to: root.appendingPathComponent("index.md"))
    let outline = try XCTUnwrap(OutlineVault.make(root: root, index: index, start: nil, minimumNotes: 1))
    XCTAssertEqual(outline.vault.note("index.md")?.links.map(\.target), ["concepts/other.md"])
    XCTAssertEqual(outline.vault.note("concepts/other.md")?.sections.count, 1)
  }
}

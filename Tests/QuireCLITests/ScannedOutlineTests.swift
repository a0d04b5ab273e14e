import Foundation
import QuireCore
import QuireMarkdown
import XCTest

@testable import QuireCLI

/// The browser's first vault on a large vault with no cache: every note from a quick scan
/// of its files, the start note and the notes it links to parsed in full.
final class ScannedOutlineTests: XCTestCase {
  private var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-scanned-\(UUID().uuidString)")
    let files = [
      "index.md": "# Home\n\nSee [[Sleeper agents#Results]], [the thread](threads/witness.md) and [[gone]].\n",
      "findings/sleeper.md": "---\ntitle: Sleeper agents\naliases: [Sleepers]\nstatus: working\n---\n# Ignored\n\n## Results\n\nText.\n",
      "threads/witness.md": "---\ntype: thread\n---\n# Witness\n\n## The Postern Door\n\n[[index]]\n",
      "concepts/other.md": "Intro.\n\n# Other concept\n\n## Part\n\nSee [[Witness]].\n",
      "journal/plain-day.md": "No heading at all.\n",
    ]
    try VaultFolder.write(files, to: root)
  }

  override func tearDown() { try? FileManager.default.removeItem(at: root) }

  func testOutlineOfEveryNoteWithTypesAndTitles() throws {
    let outline = try XCTUnwrap(OutlineVault.scanned(root: root, start: nil, minimumNotes: 1))
    let vault = outline.vault
    XCTAssertEqual(vault.notes.map(\.id), [
      "concepts/other.md", "findings/sleeper.md", "index.md", "journal/plain-day.md", "threads/witness.md",
    ])
    XCTAssertEqual(vault.note("findings/sleeper.md")?.title, "Sleeper agents")
    XCTAssertEqual(vault.note("findings/sleeper.md")?.type, .finding)
    XCTAssertEqual(vault.note("findings/sleeper.md")?.status, "working")
    XCTAssertEqual(vault.note("concepts/other.md")?.title, "Other concept")
    XCTAssertEqual(vault.note("concepts/other.md")?.type, .concept)
    XCTAssertEqual(vault.note("journal/plain-day.md")?.title, "plain-day")
    XCTAssertEqual(vault.note("journal/plain-day.md")?.type, .page)
    // A note the start note does not link to stays an outline.
    XCTAssertEqual(vault.note("concepts/other.md")?.sections, [])
    XCTAssertEqual(vault.note("concepts/other.md")?.links, [])
  }

  func testTheStartNoteIsResolvedIntoItsTargetsSections() throws {
    let outline = try XCTUnwrap(OutlineVault.scanned(root: root, start: nil, minimumNotes: 1))
    XCTAssertEqual(outline.startID, "index.md")
    let links = try XCTUnwrap(outline.vault.note("index.md")?.links)
    XCTAssertEqual(links.map(\.state), [.resolved, .resolved, .broken])
    XCTAssertEqual(links.map(\.target), ["findings/sleeper.md", "threads/witness.md", nil])
    // The anchor resolved: the target was parsed in full, with its sections and links.
    XCTAssertEqual(links[0].targetSections, [1])
    XCTAssertEqual(outline.vault.note("findings/sleeper.md")?.aliases, ["Sleepers"])
    XCTAssertEqual(outline.vault.note("threads/witness.md")?.sections.map(\.title), ["Witness", "The Postern Door"])
    XCTAssertEqual(outline.vault.note("threads/witness.md")?.links.map(\.target), ["index.md"])
    // Backlinks into the start note from its targets are there too.
    let home = try XCTUnwrap(outline.vault.index(of: "index.md"))
    XCTAssertEqual(outline.vault.backlinks(to: home).map { outline.vault.notes[$0.note].id }, ["threads/witness.md"])
  }

  func testStartNoteByNameAndFallbacks() throws {
    let named = try XCTUnwrap(OutlineVault.scanned(root: root, start: "Other concept", minimumNotes: 1))
    XCTAssertEqual(named.startID, "concepts/other.md")
    XCTAssertEqual(named.vault.note("concepts/other.md")?.links.map(\.target), ["threads/witness.md"])
    XCTAssertEqual(named.vault.note("threads/witness.md")?.sections.count, 2)
    XCTAssertEqual(OutlineVault.scanned(root: root, start: "sleeper#Results", minimumNotes: 1)?.startID, "findings/sleeper.md")
    // Aliases are not in the outline; nor are names of no note: the whole vault is loaded instead.
    XCTAssertNil(OutlineVault.scanned(root: root, start: "Sleepers", minimumNotes: 1))
    XCTAssertNil(OutlineVault.scanned(root: root, start: "nothing-like-it", minimumNotes: 1))
    // A small vault is loaded whole.
    XCTAssertNil(OutlineVault.scanned(root: root, start: nil, minimumNotes: 6))
    XCTAssertNotNil(OutlineVault.scanned(root: root, start: nil, minimumNotes: 5))
  }

  func testWithoutIndexMdTheNavigatorsFirstNoteOpens() throws {
    try FileManager.default.removeItem(at: root.appendingPathComponent("index.md"))
    let outline = try XCTUnwrap(OutlineVault.scanned(root: root, start: nil, minimumNotes: 1))
    // Findings come first in the navigator.
    XCTAssertEqual(outline.startID, "findings/sleeper.md")
  }

  func testSearchAnswersFromTheOutlinesTitlesUntilTheIndexIsReady() throws {
    let outline = try XCTUnwrap(OutlineVault.scanned(root: root, start: nil, minimumNotes: 1))
    let searcher = BackgroundIndexSearcher(vault: outline.vault)
    XCTAssertFalse(searcher.isReady)
    XCTAssertEqual(searcher.notice, "titles only: full index coming")
    XCTAssertEqual(try searcher.search("concept", limit: 10).map(\.id), ["concepts/other.md"])
    XCTAssertEqual(try searcher.search("plain-day", limit: 10).map(\.id), ["journal/plain-day.md"])
    // Without an index to build, the searcher stays on titles and says so.
    searcher.refresh(nil, with: outline.vault, cache: nil)
    XCTAssertEqual(searcher.notice, "titles only: no index")
  }

  func testOnceTheWholeVaultHasComeSearchAnswersFromItsNamesAndHeadingsUntilTheIndexIsReady() throws {
    let outline = try XCTUnwrap(OutlineVault.scanned(root: root, start: nil, minimumNotes: 1))
    let searcher = BackgroundIndexSearcher(vault: outline.vault)
    XCTAssertEqual(try searcher.search("part", limit: 10).map(\.id), [], "no heading in an outline")
    // What `refresh` does before the index is built: the outline is let go of.
    let whole = try VaultLoader(root: root, options: .init(lean: true)).load()
    searcher.searchInMemory(whole)
    XCTAssertEqual(searcher.notice, "titles only: full index coming")
    let hits = try searcher.search("part", limit: 10)
    XCTAssertEqual(hits.map(\.id), ["concepts/other.md"])
    XCTAssertEqual(hits.first?.sectionTitle, "Part")
    XCTAssertEqual(hits.first?.section, 1)
  }
}

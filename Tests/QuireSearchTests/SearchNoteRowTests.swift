import Foundation
import GRDB
import QuireCore
import XCTest

@testable import QuireSearch

/// One full-text row per note: every word must be in the note, the bounded ranking keeps
/// title matches first, and rows written in batches or rewritten leave no word behind.
final class SearchNoteRowTests: XCTestCase {
  private var fixture: FixtureVault!

  override func setUpWithError() throws { fixture = try FixtureVault() }
  override func tearDown() { fixture.remove() }

  private func index(candidateLimit: Int = SearchIndex.defaultCandidateLimit, batchBytes: Int = SearchIndex.defaultBatchBytes) throws -> SearchIndex {
    let (vault, _) = try fixture.load()
    let index = try SearchIndex.open(
      vaultRoot: fixture.root, inMemory: true, candidateLimit: candidateLimit, batchBytes: batchBytes)
    try index.refresh(vault: vault)
    return index
  }

  /// FTS5's own check of its index; throws when the index is damaged.
  private func checkIntegrity(_ index: SearchIndex) throws {
    try index.writer.write { db in
      try db.execute(sql: "INSERT INTO fts (fts, rank) VALUES ('integrity-check', 0)")
    }
  }

  func testMultiWordQueriesReturnOnlyNotesHoldingEveryWord() throws {
    try fixture.write("pages/both.md", "# Both\n\n## One\n\nA quokka here.\n\n## Two\n\nA zephyr there.\n")
    try fixture.write("pages/quokka.md", "# Quokka only\n\n## One\n\nThe quokka alone.\n")
    try fixture.write("pages/zephyr.md", "# Zephyr only\n\n## One\n\nThe zephyr alone.\n")
    let index = try index()
    let hits = try index.search("quokka zephyr", limit: 10)
    XCTAssertEqual(hits.map(\.id), ["pages/both.md"])
    XCTAssertEqual(Set(try index.search("quokka", limit: 10).map(\.id)), ["pages/both.md", "pages/quokka.md"])
    XCTAssertEqual(try index.search("quokka zephyr nowhere", limit: 10), [])
    // The hit points at a section holding one of the words, its word marked.
    let hit = try XCTUnwrap(hits.first)
    XCTAssertEqual(hit.sectionTitle, "One")
    XCTAssertEqual(hit.highlights.count, 1)
  }

  func testBoundedRankingKeepsTheTitleMatchFirst() throws {
    for number in 0..<30 {
      try fixture.write(
        "pages/body-\(number).md", "# Body \(number)\n\n## Notes\n\nAn orrery lantern, an orrery lantern.\n")
    }
    try fixture.write("pages/z-title.md", "# Orrery lantern\n\n## Notes\n\nNothing else.\n")
    let index = try index(candidateLimit: 3)
    let hits = try index.search("orrery lantern", limit: 10)
    XCTAssertEqual(hits.first?.id, "pages/z-title.md")
    XCTAssertEqual(hits.count, 10)
    XCTAssertTrue(hits.dropFirst().allSatisfy { $0.id.hasPrefix("pages/body-") })
  }

  func testHeadingMatchBeatsBodyMatch() throws {
    try fixture.write("pages/a-body.md", "# Alpha\n\n## Notes\n\nThe wombat burrow is deep.\n")
    try fixture.write("pages/b-heading.md", "# Beta\n\n## Wombat burrow\n\nDeep.\n")
    let hits = try index().search("wombat burrow", limit: 10)
    XCTAssertEqual(hits.map(\.id), ["pages/b-heading.md", "pages/a-body.md"])
    XCTAssertEqual(hits.first?.sectionTitle, "Wombat burrow")
  }

  func testBatchedRefreshEqualsOneTransaction() throws {
    var reported: [RefreshProgress] = []
    let (vault, _) = try fixture.load()
    let index = try SearchIndex.open(vaultRoot: fixture.root, inMemory: true, batchBytes: 1)
    let summary = try index.refresh(vault: vault) { reported.append($0) }
    XCTAssertEqual(summary.added, FixtureVault.files.count)
    XCTAssertEqual(reported.last, RefreshProgress(done: FixtureVault.files.count, total: FixtureVault.files.count))
    try checkIntegrity(index)
    let whole = try self.index()
    for query in ["adversarial training", "postern type:thread", "scheming", "emer", "cafe"] {
      XCTAssertEqual(
        try index.search(query, limit: 10).map(\.id), try whole.search(query, limit: 10).map(\.id), query)
    }
  }

  /// The refresh finds changed notes by the texts parsed notes carry; a note edited to hold
  /// no text at all has none, and must still be found (by the full comparison).
  func testNoteEditedToHoldNoTextIsRefreshed() throws {
    try fixture.write("pages/short.md", "# Short\n\nA narwhal.\n")
    let (first, _, _) = try fixture.openIndex()
    XCTAssertEqual(try first.search("narwhal", limit: 5).map(\.id), ["pages/short.md"])
    try fixture.write("pages/short.md", "")
    let url = fixture.root.appendingPathComponent("pages/short.md")
    try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(30)], ofItemAtPath: url.path)
    let (index, report, summary) = try fixture.openIndex()
    XCTAssertEqual(report.parsed, 1)
    XCTAssertEqual(summary.updated, 1)
    XCTAssertEqual(summary.unchanged, FixtureVault.files.count)
    XCTAssertEqual(try index.search("narwhal", limit: 5), [])
    try checkIntegrity(index)
  }

  func testRewrittenAndRemovedNotesLeaveNoWordBehind() throws {
    try fixture.write("pages/pet.md", "# Pet\n\n## Kind\n\nA capybara.\n")
    try fixture.write("pages/gone.md", "# Gone\n\n## Kind\n\nA pangolin.\n")
    let (first, _, _) = try fixture.openIndex()
    XCTAssertEqual(try first.search("capybara", limit: 5).map(\.id), ["pages/pet.md"])
    try fixture.write("pages/pet.md", "# Pet\n\n## Kind\n\nAn axolotl.\n")
    let url = fixture.root.appendingPathComponent("pages/pet.md")
    try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(30)], ofItemAtPath: url.path)
    try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("pages/gone.md"))
    let (index, _, summary) = try fixture.openIndex()
    XCTAssertEqual(summary.updated, 1)
    XCTAssertEqual(summary.removed, 1)
    XCTAssertEqual(try index.search("capybara", limit: 5), [])
    XCTAssertEqual(try index.search("pangolin", limit: 5), [])
    XCTAssertEqual(try index.search("axolotl", limit: 5).map(\.id), ["pages/pet.md"])
    XCTAssertEqual(try index.search("Pet", limit: 5).first?.id, "pages/pet.md")
    try checkIntegrity(index)
  }
}

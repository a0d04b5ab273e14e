import Foundation
import GRDB
import QuireCore
import XCTest

@testable import QuireSearch

/// The refresh after an edit rewrites the edited note's rows and no others.
final class SearchRefreshTests: XCTestCase {
  private var fixture: FixtureVault!

  override func setUpWithError() throws { fixture = try FixtureVault() }
  override func tearDown() { fixture.remove() }

  /// Every note's id and rows, and every section row's id, by path.
  private func rows(_ index: SearchIndex) throws -> [String: [Int64]] {
    try index.writer.read { db in
      var rows: [String: [Int64]] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT path, id, firstRow, lastRow FROM note") {
        let sections = try Int64.fetchAll(
          db, sql: "SELECT id FROM section WHERE note = ? ORDER BY id", arguments: [row[1] as Int64])
        rows[row[0]] = [row[1], row[2], row[3]] + sections
      }
      return rows
    }
  }

  func testOneEditRewritesOnlyThatNotesRows() throws {
    let (first, _, _) = try fixture.openIndex()
    let before = try rows(first)
    let edited = "concepts/emergent-capabilities.md"
    try fixture.write(edited, "---\ntitle: Emergent capabilities\ntype: concept\n---\n\n## Definition\n\nGrokking.\n\n## More\n\nText.\n")
    let url = fixture.root.appendingPathComponent(edited)
    try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(30)], ofItemAtPath: url.path)
    let (index, report, summary) = try fixture.openIndex()
    XCTAssertEqual(report.parsed, 1)
    XCTAssertEqual(summary.updated, 1)
    XCTAssertEqual(summary.unchanged, FixtureVault.files.count - 1)
    let after = try rows(index)
    XCTAssertEqual(Set(after.keys), Set(before.keys))
    for (path, ids) in before where path != edited {
      XCTAssertEqual(after[path], ids, path)
    }
    XCTAssertEqual(after[edited]?.first, before[edited]?.first, "the note keeps its id")
    XCTAssertNotEqual(after[edited], before[edited])
    XCTAssertEqual(try index.search("grokking", limit: 5).map(\.id), [edited])
  }

  /// The browser's refresh after an edit leaves FTS5's merging of segments for later
  /// (`mergingLater`), so that the edited note is searchable as soon as its rows are
  /// written; `mergeSegments()` then merges them. Other refreshes merge as they write.
  func testARefreshAfterAnEditCanLeaveMergingItsSegmentsForLater() throws {
    let (index, _, _) = try fixture.openIndex()
    let edited = "concepts/emergent-capabilities.md"
    func stored() throws -> (rows: Int, automerge: Int?) {
      try index.writer.read { db in
        (
          try Int.fetchOne(db, sql: "SELECT count(*) FROM fts_data") ?? 0,
          try Int.fetchOne(db, sql: "SELECT v FROM fts_config WHERE k = 'automerge'")
        )
      }
    }
    func edit(_ round: Int, mergingLater: Bool) throws {
      try fixture.writeLater(edited, "---\ntitle: Emergent capabilities\ntype: concept\n---\n\nWord\(round) here.\n")
      let (vault, _) = try fixture.load()
      try index.refresh(vault: vault, only: ([edited], []), mergingLater: mergingLater)
      XCTAssertEqual(try index.search("word\(round)", limit: 5).map(\.id), [edited], "round \(round)")
    }
    for round in 0..<12 { try edit(round, mergingLater: true) }
    let unmerged = try stored()
    XCTAssertEqual(unmerged.automerge, 0)
    try index.mergeSegments()
    XCTAssertLessThan(try stored().rows, unmerged.rows, "fewer segments once merged")
    XCTAssertEqual(try index.search("word11", limit: 5).map(\.id), [edited])
    try edit(12, mergingLater: false)
    XCTAssertEqual(try stored().automerge, 4, "FTS5's own merging back")
  }

  /// When the database changed after the snapshot was read, the full comparison runs.
  func testRowsWrittenAfterTheSnapshotAreReconciled() throws {
    let (first, _, _) = try fixture.openIndex()
    let snapshot = first.loadNoteCache()
    try first.writer.write { db in
      try db.execute(
        sql: """
          INSERT INTO note (path, type, title, lenses, size, modified, hash, firstRow, lastRow, data)
          VALUES ('gone.md', 'page', 'Gone', '', 1, 1, 1, 0, -1, x'')
          """)
    }
    let (vault, _) = try fixture.load(cache: snapshot)
    let summary = try first.refresh(vault: vault, cache: snapshot)
    XCTAssertEqual(summary.removed, 1)
    XCTAssertEqual(try first.noteCount(), FixtureVault.files.count)
  }
}

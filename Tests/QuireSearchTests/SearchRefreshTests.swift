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

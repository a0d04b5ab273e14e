import Foundation
import GRDB
import QuireCore
import XCTest

@testable import QuireSearch

/// Two processes writing one vault's cache at once must leave it whole.
///
/// The test starts this test binary twice more, each running `testWorker` alone with the
/// vault and cache folders in its environment; each worker adds notes and refreshes the
/// shared cache in a loop.
final class SearchConcurrencyTests: XCTestCase {
  static let rootKey = "QUIRE_SEARCH_WORKER_ROOT"
  static let cacheKey = "QUIRE_SEARCH_WORKER_CACHE"
  static let nameKey = "QUIRE_SEARCH_WORKER_NAME"
  static let rounds = 8

  func testTwoProcessesShareOneCache() throws {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0])
    guard binary.pathExtension == "xctest", !FileManager.default.fileExists(atPath: binary.appendingPathComponent("Contents").path) else {
      throw XCTSkip("needs the test binary to be an executable (Linux)")
    }
    let fixture = try FixtureVault()
    defer { fixture.remove() }
    var workers: [Process] = []
    for name in ["alpha", "beta"] {
      let process = Process()
      process.executableURL = binary
      process.arguments = ["QuireSearchTests.SearchConcurrencyTests/testWorker"]
      var environment = ProcessInfo.processInfo.environment
      environment[Self.rootKey] = fixture.root.path
      environment[Self.cacheKey] = fixture.cache.path
      environment[Self.nameKey] = name
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      workers.append(process)
    }
    for process in workers {
      process.waitUntilExit()
      XCTAssertEqual(process.terminationStatus, 0, "a worker failed")
    }

    let (index, _, _) = try fixture.openIndex()
    XCTAssertEqual(index.notices, [])
    let check = try index.writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    XCTAssertEqual(check, "ok")
    let expected = FixtureVault.files.count + 2 * Self.rounds
    XCTAssertEqual(try index.noteCount(), expected)
    XCTAssertEqual(try index.search("alpha", limit: 50).count, Self.rounds)
    XCTAssertEqual(try index.search("beta", limit: 50).count, Self.rounds)
    // FTS5 checks its own index (throws when damaged).
    try index.writer.write { db in
      try db.execute(sql: "INSERT INTO fts (fts, rank) VALUES ('integrity-check', 0)")
      try db.execute(sql: "INSERT INTO title_fts (title_fts, rank) VALUES ('integrity-check', 0)")
    }
    try index.writer.read { db in
      // Every note's rows are there, once.
      let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM fts_docsize") ?? 0
      XCTAssertEqual(rows, expected)
      let sections = try Int.fetchOne(
        db, sql: "SELECT count(DISTINCT note) FROM section WHERE note IN (SELECT id FROM note)") ?? 0
      XCTAssertEqual(sections, expected)
      let titles = try Int.fetchOne(db, sql: "SELECT count(*) FROM title_fts") ?? 0
      XCTAssertEqual(titles, expected)
    }
  }

  /// The worker's side; does nothing unless started by `testTwoProcessesShareOneCache`.
  func testWorker() throws {
    let environment = ProcessInfo.processInfo.environment
    guard let root = environment[Self.rootKey], let cache = environment[Self.cacheKey],
      let name = environment[Self.nameKey]
    else { return }
    let fixture = FixtureVault(root: URL(fileURLWithPath: root), cache: URL(fileURLWithPath: cache))
    for round in 0..<Self.rounds {
      try fixture.write("\(name)/\(round).md", "# \(name) note \(round)\n\nWritten by \(name).\n")
      let (index, _, _) = try fixture.openIndex()
      XCTAssertEqual(index.notices, [])
      _ = try index.search("\(name) note", limit: 10)
    }
  }
}

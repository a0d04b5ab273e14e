import QuireCore
import XCTest

@testable import QuireMarkdown

/// The linker end to end over parsed notes: prose ranges, planning, byte edits.
final class LinkerRewriteTests: XCTestCase {
  let concept = """
    ---
    title: Emergent capabilities
    ---
    Text.
    """

  /// Links one note's file held as bytes, in a vault of the concept and that note.
  func linked(_ bytes: [UInt8], id: String = "findings/x.md", extra: [String: String] = [:]) throws -> [UInt8] {
    var notes = [NoteParser.parse(id: "concepts/emergent-capabilities.md", bytes: Array(concept.utf8)).note]
    notes.append(NoteParser.parse(id: id, bytes: bytes).note)
    notes += extra.map { NoteParser.parse(id: $0.key, bytes: Array($0.value.utf8)).note }
    let vault = Vault(root: "/vault", notes: notes)
    let note = try XCTUnwrap(vault.note(id))
    let planner = LinkPlanner(vault: vault, style: .markdown)
    let changes = planner.plan(note, bytes: bytes, prose: ProseRanges.find(in: bytes))
    return try TextEdit.apply(changes.map(\.edit), to: bytes)
  }

  func testEveryOtherByteIsKept() throws {
    let cases: [(String, String, UInt)] = [
      ("CRLF", "---\r\ntitle: X\r\n---\r\n\r\nSee emergent capabilities.\r\nMore.\r\n", #line),
      ("BOM", "\u{FEFF}# X\n\nSee emergent capabilities.\n", #line),
      ("no final newline", "# X\n\nSee emergent capabilities.", #line),
      ("tabs", "# X\n\nSee\temergent capabilities\there.\n\n\tcode emergent capabilities\n", #line),
      ("non-ASCII", "# Über\n\nÇa — see emergent capabilities — ☃ 日本.\n", #line),
    ]
    for (name, text, line) in cases {
      let bytes = Array(text.utf8)
      let result = String(decoding: try linked(bytes), as: UTF8.self)
      var expected = text
      if let range = expected.range(of: "emergent capabilities") {
        expected.replaceSubrange(range, with: "[emergent capabilities](../concepts/emergent-capabilities.md)")
      }
      XCTAssertEqual(result, expected, name, line: line)
    }
  }

  func testCodeLinksHeadingsAndFrontMatterAreLeftAlone() throws {
    let text = """
      ---
      summary: emergent capabilities
      ---
      # Emergent capabilities notes

      `emergent capabilities` and [emergent capabilities](https://example.org) and
      [[Emergent capabilities|emergent capabilities]].

      ```
      emergent capabilities
      ```

          emergent capabilities in indented code

      <div>emergent capabilities</div>

      """
    let bytes = Array(text.utf8)
    XCTAssertEqual(String(decoding: try linked(bytes), as: UTF8.self), text)
  }

  /// The prose the converter gathers in its one walk: what a reader reads as sentences.
  func testProseIsGatheredInTheParseThatBuildsTheNote() {
    let cases: [(String, [String], UInt)] = [
      ("# Head\n\nOne two\nthree.\n", ["One two\nthree."], #line),
      ("---\ntitle: T\n---\nA *b* c.\n", ["A ", "b", " c."], #line),
      ("See `code` and [link text](x.md) then\n[[Wiki]] end.\n", ["See ", " and ", " then\n", " end."], #line),
      ("\u{FEFF}Para one.\n\nPara two.\n", ["Para one.", "Para two."], #line),
      ("- item one\n- item two\n\n| a | b |\n| - | - |\n| cell | x |\n", ["item one", "item two", "a", "b", "cell", "x"], #line),
      ("```\nfenced\n```\n\n<div>html</div>\n\n<https://example.org> here\n", [" here"], #line),
    ]
    for (text, expected, line) in cases {
      let bytes = Array(text.utf8)
      let parsed = NoteParser.parse(id: "x.md", bytes: bytes, collectingProse: true)
      let pieces = parsed.prose.map { String(decoding: bytes[$0], as: UTF8.self) }
      XCTAssertEqual(pieces, expected, line: line)
      XCTAssertEqual(ProseRanges.find(in: bytes), parsed.prose, line: line)
      XCTAssertEqual(parsed.note, NoteParser.parse(id: "x.md", bytes: bytes).note, line: line)
      XCTAssertEqual(NoteParser.parse(id: "x.md", bytes: bytes, collectingProse: false).prose, [], line: line)
    }
  }

  func testLinkingIsIdempotent() throws {
    let text = "# X\n\n## Summary\n\nEmergent capabilities twice: emergent capabilities.\n\n## Concepts\n\n- Emergent capabilities — boundary.\n"
    let once = try linked(Array(text.utf8))
    XCTAssertEqual(
      String(decoding: once, as: UTF8.self),
      "# X\n\n## Summary\n\n[Emergent capabilities](../concepts/emergent-capabilities.md) twice: emergent capabilities.\n\n## Concepts\n\n- [Emergent capabilities](../concepts/emergent-capabilities.md) — boundary.\n")
    XCTAssertEqual(try linked(once), once)
  }

  func testSectionMentionsNearALinkBecomeAnchoredLinks() throws {
    let thread = "---\ntitle: Witness\n---\n## The Postern Door\n\nText.\n"
    let text = "# X\n\n## Tensions\n\nSee [Witness](../threads/witness.md). Elsewhere.\n\nThe Postern Door matters.\n"
    let result = try linked(Array(text.utf8), extra: ["threads/witness.md": thread])
    XCTAssertEqual(
      String(decoding: result, as: UTF8.self),
      "# X\n\n## Tensions\n\nSee [Witness](../threads/witness.md). Elsewhere.\n\n[The Postern Door](../threads/witness.md#the-postern-door) matters.\n")
  }

  func testMoveRewritesRelativeLinksFromSeveralDepths() throws {
    let files: [String: String] = [
      "concepts/emergent.md": "# Emergence of abilities\n\nSee [top](../index.md) and [deep](../a/b/c/deep.md#part).\n",
      "index.md": "# Index\n\n[E](concepts/emergent.md) and [[emergent]] and [[Emergent|shown]].\n",
      "a/b/c/deep.md": "# Deep\n\n## Part\n\n[E](../../../concepts/emergent.md#emergence-of-abilities \"title\").\n",
      "a/mid.md": "# Mid\n\n[E](<../concepts/emergent.md>)\n",
    ]
    let vault = makeVault(files)
    let plan = MovePlanner(vault: vault).plan(moving: "concepts/emergent.md", to: "x/y/emergence.md")
    var after: [String: String] = [:]
    for file in plan.others {
      let bytes = Array(try XCTUnwrap(files[file.note]).utf8)
      after[file.note] = String(
        decoding: try TextEdit.apply(MovePlanner.rewrite(file.edits, in: bytes), to: bytes), as: UTF8.self)
    }
    let movedBytes = Array(try XCTUnwrap(files["concepts/emergent.md"]).utf8)
    after["x/y/emergence.md"] = String(
      decoding: try TextEdit.apply(MovePlanner.rewrite(plan.moved.edits, in: movedBytes), to: movedBytes),
      as: UTF8.self)
    XCTAssertEqual(after["index.md"], "# Index\n\n[E](x/y/emergence.md) and [[emergence]] and [[emergence|shown]].\n")
    XCTAssertEqual(
      after["a/b/c/deep.md"], "# Deep\n\n## Part\n\n[E](../../../x/y/emergence.md#emergence-of-abilities \"title\").\n")
    XCTAssertEqual(after["a/mid.md"], "# Mid\n\n[E](<../x/y/emergence.md>)\n")
    XCTAssertEqual(
      after["x/y/emergence.md"], "# Emergence of abilities\n\nSee [top](../../index.md) and [deep](../../a/b/c/deep.md#part).\n")
    // The moved vault has no broken link.
    var moved = files
    moved.removeValue(forKey: "concepts/emergent.md")
    for (id, text) in after { moved[id] = text }
    let movedVault = makeVault(moved)
    let broken = movedVault.notes.flatMap(\.links).filter { $0.state == .broken }
    XCTAssertEqual(broken.map(\.raw), [])
  }
}

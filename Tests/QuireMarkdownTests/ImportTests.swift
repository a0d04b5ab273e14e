import QuireCore
import XCTest

@testable import QuireMarkdown

/// Importing a plain-text note written in the seed's layout (in our own words).
final class ImportTests: XCTestCase {
  static let plainText = """
    Summary
    Rivera et al. (2023) taught small models a hidden rule and checked whether tuning removed it. It did not.
    Method
    Setup. Two conditions:
    -
    Rule on. Models saw the trigger word.
    -
    Rule off. Models never saw it.
    Key results
    1. Tuning hid the rule in tests only.
    interpretive tensions
    -
    Fit to Garden Gate. Only partly.
    concepts
    - Hidden rules — central case. The rule was trained in on purpose.
    threads
    - Where Rules Hide? (rules-thread) — extends two sections. Garden Gate: a second angle. Quiet Room: partial only.
    sources
    - Rivera, A. et al. (2023). Hidden Rules in Small Models: A Study. arXiv:2305.01234. Four authors.
    - Tuning hides rules from probes — parallel result.
    - Unknown Paper About Nothing — no such note.
    """

  static let vaultFiles: [String: String] = [
    "concepts/hidden-rules.md": "---\ntitle: Hidden rules\ntype: concept\n---\nText.\n",
    "threads/rules-thread.md":
      "---\ntitle: Where Rules Hide?\ntype: thread\n---\n## The Garden Gate\n\nA.\n\n## The Quiet Room\n\nB.\n",
    "raw/papers/source-2023-hidden-rules.md":
      "---\ntitle: \"Hidden Rules in Small Models: A Study\"\ntype: source\nurl: https://arxiv.org/abs/2305.01234\n---\nStub.\n",
    "findings/2023-tuning-hides.md": "---\ntitle: Tuning hides rules from probes\ntype: finding\n---\nText.\n",
  ]

  func testPlainTextReadsSectionsItemsAndNumbers() {
    let note = PlainTextNote(text: Self.plainText)
    XCTAssertEqual(
      note.parts.map(\.title),
      ["Summary", "Method", "Key results", "Interpretive tensions", "Concepts", "Threads", "Sources"])
    XCTAssertEqual(
      note.blocks(of: "Method"),
      [.paragraph("Setup. Two conditions:"), .item("Rule on. Models saw the trigger word."),
       .item("Rule off. Models never saw it.")])
    XCTAssertEqual(note.blocks(of: "Key results"), [.numbered(1, "Tuning hid the rule in tests only.")])
  }

  func testFactsComeFromTheText() {
    XCTAssertEqual(
      NoteFacts.firstSentence("Rivera et al. (2023) taught small models. It did not."),
      "Rivera et al. (2023) taught small models")
    XCTAssertEqual(NoteFacts.arXivID(in: "see arXiv:2305.01234v2."), "2305.01234")
    XCTAssertEqual(NoteFacts.date(ofArXivID: "2305.01234"), "2023-05")
  }

  func testImportLinksEveryEntryToTheRightNote() throws {
    let vault = makeVault(Self.vaultFiles)
    let output = NoteImporter(vault: vault).importNote(text: Self.plainText)
    XCTAssertEqual(output.note.id, "findings/2023-hidden-rules.md")
    XCTAssertEqual(output.unmatched.map(\.name), ["Unknown Paper About Nothing"])
    let markdown = output.note.markdown
    XCTAssertTrue(markdown.hasPrefix(
      "---\ntype: finding\ntitle: \"Rivera et al. (2023) taught small models a hidden rule and checked whether tuning removed it\"\ndate: \"2023-05\"\nsource: https://arxiv.org/abs/2305.01234\nstatus: draft\n---\n"), markdown)

    var files = Self.vaultFiles
    files[output.note.id] = markdown
    let imported = makeVault(files)
    let note = try XCTUnwrap(imported.note(output.note.id))
    let entries = note.links.filter { $0.kind == .markdown }.map { link -> String in
      let sections = link.targetSections.compactMap { imported.note(link.target ?? "")?.sections[$0].title }
      return "\(link.relation.rawValue) \(link.state.rawValue) \(link.target ?? link.raw) \(sections)"
    }
    XCTAssertEqual(entries, [
      "concept resolved concepts/hidden-rules.md []",
      "thread resolved threads/rules-thread.md [\"The Garden Gate\", \"The Quiet Room\"]",
      "cites resolved raw/papers/source-2023-hidden-rules.md []",
      "cites resolved findings/2023-tuning-hides.md []",
    ])
    XCTAssertTrue(markdown.contains("- [Where Rules Hide?](../threads/rules-thread.md) — extends two sections."), markdown)
    XCTAssertTrue(markdown.contains("- Unknown Paper About Nothing — no such note."))
  }

  func testStubsAreMadeForUnmatchedNamesOnRequest() {
    let vault = makeVault(Self.vaultFiles)
    let output = NoteImporter(vault: vault, options: .init(createStubs: true)).importNote(text: Self.plainText)
    XCTAssertEqual(output.unmatched.count, 0)
    XCTAssertEqual(output.stubs.map(\.id), ["sources/source-unknown-paper-about-nothing.md"])
    XCTAssertTrue(output.note.markdown.contains(
      "- [Unknown Paper About Nothing](../sources/source-unknown-paper-about-nothing.md) — no such note."))
  }
}

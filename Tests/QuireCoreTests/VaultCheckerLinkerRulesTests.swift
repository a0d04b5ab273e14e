import QuireCore
import XCTest

/// The vault-aware rules of `quire check`: reciprocity, section order, citation integrity and
/// the unlinked-mention count, each over a small vault built in memory.
final class VaultCheckerLinkerRulesTests: XCTestCase {
  private func note(
    _ id: String, _ type: NoteType, status: String = "working", fields: [(String, String)] = [],
    sections: [String] = [], links: [Link] = []
  ) -> Note {
    var entries = [FrontMatter.Entry(key: "status", value: .string(status))]
    entries += fields.map { FrontMatter.Entry(key: $0.0, value: .string($0.1)) }
    let made = sections.enumerated().map { index, title in
      Section(
        index: index, title: title, level: 2, anchor: Slug.make(title), line: 10 + index,
        endLine: 10 + index, parent: nil)
    }
    return Note(
      id: id, type: type, title: id, hasExplicitTitle: true, frontMatter: FrontMatter(entries),
      status: status, sections: made, links: links)
  }

  private func problems(_ notes: [Note], rule: String, mentions: [String: Int] = [:]) -> [String] {
    let vault = Vault(root: "/v", notes: notes)
    return VaultChecker(today: (2026, 11, 29), only: [rule], unlinkedMentions: mentions).check(vault)
      .map { "\($0.path):\($0.line) \($0.message)" }
  }

  func testReciprocityBetweenFindingsAndConcepts() {
    let table: [(String, [Note], [String], UInt)] = [
      (
        "both ways", [
          note("findings/f.md", .finding, links: [Link(raw: "../concepts/c.md", kind: .markdown, line: 5, relation: .concept)]),
          note("concepts/c.md", .concept, links: [Link(raw: "../findings/f.md", kind: .markdown, relation: .instantiates)]),
        ], [], #line
      ),
      (
        "concept does not list the finding", [
          note("findings/f.md", .finding, links: [Link(raw: "../concepts/c.md", kind: .markdown, line: 5, relation: .concept)]),
          note("concepts/c.md", .concept),
        ], ["findings/f.md:5 concepts/c.md does not link back to this finding under Instantiating findings"], #line
      ),
      (
        "finding does not name the concept", [
          note("findings/f.md", .finding, links: [Link(raw: "../concepts/c.md", kind: .markdown, line: 3, relation: .mentions)]),
          note("concepts/c.md", .concept, links: [Link(raw: "../findings/f.md", kind: .markdown, line: 7, relation: .instantiates)]),
        ], ["concepts/c.md:7 findings/f.md does not link back to this concept under Concepts"], #line
      ),
      (
        "a draft finding owes nothing", [
          note("findings/f.md", .finding, status: "draft", links: [Link(raw: "../concepts/c.md", kind: .markdown, relation: .concept)]),
          note("concepts/c.md", .concept),
        ], [], #line
      ),
      (
        "a concept link to a non-concept is no pair", [
          note("findings/f.md", .finding, links: [Link(raw: "../threads/t.md", kind: .markdown, relation: .concept)]),
          note("threads/t.md", .thread),
        ], [], #line
      ),
    ]
    for (name, notes, expected, line) in table {
      XCTAssertEqual(problems(notes, rule: "reciprocity"), expected, name, line: line)
    }
  }

  func testSectionOrderFollowsTheTypeTable() {
    let table: [(String, Note, [String], UInt)] = [
      ("in order", note("findings/f.md", .finding, sections: ["Summary", "Method", "Concepts"]), [], #line),
      ("unknown sections anywhere", note("findings/f.md", .finding, sections: ["Aside", "Summary", "Extra", "Sources"]), [], #line),
      (
        "case does not matter, order does",
        note("findings/f.md", .finding, sections: ["summary", "Key results", "method"]),
        [
          "findings/f.md:12 section 'method' comes after 'Key results'; a finding's sections go Summary, Method, "
            + "Key results, Why it matters, Lens notes, Interpretive tensions, Concepts, Threads, Sources"
        ], #line
      ),
      ("thread arguments between", note("threads/t.md", .thread, sections: ["Thesis", "The Door", "Open questions", "Sources"]), [], #line),
      ("a page has no order", note("index.md", .page, sections: ["Sources", "Summary"]), [], #line),
    ]
    for (name, made, expected, line) in table {
      XCTAssertEqual(problems([made], rule: "section-order"), expected, name, line: line)
    }
  }

  func testCitationIntegrity() {
    let stub = note("raw/papers/source-2024-a.md", .source, fields: [("url", "https://arxiv.org/abs/2401.1")])
    let twin = note("sources/a-again.md", .source, fields: [("url", "http://arxiv.org/abs/2401.1/")])
    let other = note("sources/b.md", .source, fields: [("url", "https://example.org/b")])
    let bare = Link(raw: "https://arxiv.org/abs/2401.1", kind: .markdown, text: "https://arxiv.org/abs/2401.1", line: 4, column: 7)
    let named = Link(raw: "https://arxiv.org/abs/2401.1", kind: .markdown, text: "the paper", line: 5)
    let unknownBare = Link(raw: "https://example.org/c", kind: .markdown, text: "https://example.org/c", line: 6)
    let cited = note("findings/cited.md", .finding, fields: [("source", "https://arxiv.org/abs/2401.1")],
                     links: [Link(raw: "https://arxiv.org/abs/2401.1", kind: .frontmatter, line: 3, relation: .cites), bare, named, unknownBare])
    let unmatched = note("findings/lost.md", .finding, fields: [("source", "https://example.org/none")],
                         links: [Link(raw: "https://example.org/none", kind: .frontmatter, line: 2, relation: .cites)])
    let draft = note("findings/draft.md", .finding, status: "draft", fields: [("source", "https://example.org/none")],
                     links: [Link(raw: "https://example.org/none", kind: .frontmatter, line: 2, relation: .cites)])
    let notes = [stub, twin, other, cited, unmatched, draft]
    XCTAssertEqual(
      problems(notes, rule: "bare-url"),
      ["findings/cited.md:4 bare URL https://arxiv.org/abs/2401.1: cite its source stub raw/papers/source-2024-a.md instead"])
    XCTAssertEqual(
      problems(notes, rule: "duplicate-source"),
      [
        "raw/papers/source-2024-a.md:3 url https://arxiv.org/abs/2401.1 is also the url of sources/a-again.md",
        "sources/a-again.md:3 url http://arxiv.org/abs/2401.1/ is also the url of raw/papers/source-2024-a.md",
      ])
    XCTAssertEqual(
      problems(notes, rule: "unmatched-source"),
      ["findings/lost.md:2 source https://example.org/none matches no source stub's url"])
  }

  func testUnlinkedMentionCountsAreInformation() {
    let notes = [note("concepts/c.md", .concept), note("index.md", .page)]
    let vault = Vault(root: "/v", notes: notes)
    let found = VaultChecker(
      today: (2026, 11, 29), only: ["unlinked-mention"], unlinkedMentions: ["index.md": 2, "concepts/c.md": 0]
    ).check(vault)
    XCTAssertEqual(found.map(\.formatted), ["index.md:1:1: info: 2 unlinked mentions of other notes (quire link index.md) [unlinked-mention]"])
  }

  func testEveryRuleIsListedOnce() {
    let ids = VaultChecker.rules.map(\.id)
    XCTAssertEqual(ids.count, Set(ids).count)
    for rule in ["unlinked-mention", "reciprocity", "section-order", "bare-url", "duplicate-source", "unmatched-source"] {
      XCTAssertTrue(ids.contains(rule), rule)
    }
    XCTAssertEqual(VaultChecker.rules.first { $0.id == "unlinked-mention" }?.severity, .info)
  }
}

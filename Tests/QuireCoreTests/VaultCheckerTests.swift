import QuireCore
import XCTest

final class VaultCheckerTests: XCTestCase {
  private func finding(_ id: String, status: String, date: String, links: [Link] = []) -> Note {
    Note(
      id: id, type: .finding, title: id, hasExplicitTitle: true,
      frontMatter: FrontMatter([
        .init(key: "writers", value: .list([.string("a")])),
        .init(key: "date", value: .string(date)),
        .init(key: "models", value: .list([.string("m")])),
        .init(key: "source", value: .string("https://x")),
        .init(key: "status", value: .string(status)),
        .init(key: "lenses", value: .list([.string("l")])),
      ]),
      status: status, date: date, links: links)
  }

  func testStaleFindingsAndConceptLinks() {
    let concept = Note(id: "concepts/c.md", type: .concept, title: "C", hasExplicitTitle: true)
    let vault = Vault(
      root: "/v",
      notes: [
        finding("findings/old.md", status: "working", date: "2025-10-01"),
        finding("findings/old-stable.md", status: "stable", date: "2020-01-01"),
        finding("findings/fresh-draft.md", status: "draft", date: "2026-11-01"),
        finding(
          "findings/linked.md", status: "working", date: "2026-06-01",
          links: [Link(raw: "../concepts/c.md", kind: .markdown, relation: .concept)]),
        concept,
      ])
    let problems = VaultChecker(today: (2026, 11, 29), only: ["stale", "no-concept"]).check(vault)
    XCTAssertEqual(
      problems.map { "\($0.path) \($0.rule)" },
      [
        "findings/old-stable.md no-concept",
        "findings/old.md no-concept",
        "findings/old.md stale",
      ])
  }

  func testOrphansIgnoreSelfLinksAndPlainPages() {
    let selfLinking = Note(
      id: "concepts/self.md", type: .concept, title: "Self", hasExplicitTitle: true,
      links: [Link(raw: "self.md", kind: .markdown)])
    let page = Note(id: "index.md", type: .page, title: "Index", hasExplicitTitle: true)
    let vault = Vault(root: "/v", notes: [selfLinking, page])
    let problems = VaultChecker(today: (2026, 11, 29), only: ["orphan"]).check(vault)
    XCTAssertEqual(problems.map(\.path), ["concepts/self.md"])
    XCTAssertEqual(problems.first?.formatted, "concepts/self.md:1:1: warning: no other note links to this concept [orphan]")
  }
}

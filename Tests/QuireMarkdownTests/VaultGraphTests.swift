import QuireCore
import XCTest

@testable import QuireMarkdown

final class VaultGraphTests: XCTestCase {
  private let vault = makeVault([
    "findings/f.md": """
      ## Threads
      - [t](../threads/t.md) — Postern Door: partial.
      ## Sources
      - [gone](../sources/gone.md) and [[Ghost note]] and [[Ghost note|again]]
      """,
    "findings/g.md": "- [t](../threads/t.md#the-positive-formation)\n- [whole](../threads/t.md)\n",
    "threads/t.md": "## The Positive Formation\n## The Postern Door\nBack to [[f]].\n",
    "concepts/c.md": "Alone; links [[f]].\n",
    "cycle/a.md": "[[b]]", "cycle/b.md": "[[a]]", "self.md": "[me](self.md)",
  ])

  func testBacklinksPerSection() {
    guard let thread = vault.index(of: "threads/t.md") else { return XCTFail() }
    let groups = vault.backlinksBySection(to: thread)
    let shown = groups.map { group in
      (group.section.map { vault.notes[thread].sections[$0].title } ?? "whole",
        group.links.map { vault.notes[$0.note].id })
    }
    XCTAssertEqual(shown.map(\.0), ["whole", "The Positive Formation", "The Postern Door"])
    XCTAssertEqual(shown.map(\.1), [["findings/g.md"], ["findings/g.md"], ["findings/f.md"]])
    XCTAssertEqual(vault.backlinks(to: thread, section: 1).map { vault.notes[$0.note].id }, ["findings/f.md"])
  }

  func testGhostNodesCollectBrokenTargets() {
    XCTAssertEqual(vault.ghosts.keys.sorted(), ["Ghost note", "sources/gone.md"])
    XCTAssertEqual(vault.ghosts["Ghost note"]?.count, 2)
  }

  func testShortestPaths() {
    let id = { (path: String) in self.vault.index(of: path) ?? -1 }
    let path = vault.shortestPath(from: id("concepts/c.md"), to: id("threads/t.md"))
    XCTAssertEqual(path?.map { vault.notes[$0].id }, ["concepts/c.md", "findings/f.md", "threads/t.md"])
    XCTAssertNil(vault.shortestPath(from: id("threads/t.md"), to: id("concepts/c.md")))
    XCTAssertEqual(vault.shortestPath(from: id("threads/t.md"), to: id("concepts/c.md"), directed: false)?.count, 3)
    XCTAssertEqual(vault.shortestPath(from: id("cycle/a.md"), to: id("cycle/b.md"))?.count, 2)
    XCTAssertEqual(vault.shortestPath(from: id("self.md"), to: id("self.md")), [id("self.md")])
    XCTAssertEqual(vault.neighbourhood(of: id("findings/f.md"), depth: 1).count, 3)
  }
}

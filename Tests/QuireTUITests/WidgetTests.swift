import QuireCore
import QuireTUI
import QuireTestSupport
import XCTest

/// Widgets and the layout drawn into small buffers.
final class WidgetTests: XCTestCase {
  func testCellWidths() {
    XCTAssertEqual(DisplayWidth.of("a" as Character), 1)
    XCTAssertEqual(DisplayWidth.of("日" as Character), 2)
    XCTAssertEqual(DisplayWidth.of("🎉" as Character), 2)
    XCTAssertEqual(DisplayWidth.of("é" as Character), 1, "e + combining acute is one column")
    XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    XCTAssertEqual(DisplayWidth.of("🇫🇷" as Character), 2)
    XCTAssertEqual(DisplayWidth.of("❤️" as Character), 2, "emoji presentation selector")
    XCTAssertEqual(DisplayWidth.of("日本語 ok"), 9)
  }

  func testWideCharactersTakeTwoCellsAndAreClipped() {
    var buffer = ScreenBuffer(width: 5, height: 1)
    let end = buffer.put("日本語", x: 0, y: 0)
    XCTAssertEqual(end, 4, "the third wide character does not fit in one column")
    XCTAssertEqual(buffer[0, 0].grapheme, "日")
    XCTAssertTrue(buffer[1, 0].isContinuation)
    XCTAssertEqual(buffer.line(0), "日本")
    buffer.put("x", x: 1, y: 0)
    XCTAssertEqual(buffer[0, 0].grapheme, " ", "overwriting half of a wide character blanks it")
    XCTAssertEqual(buffer.line(0), " x本")
  }

  func testControlCharactersAreShownEscaped() {
    var buffer = ScreenBuffer(width: 30, height: 1)
    buffer.put("a\u{1B}]52;c;x\u{07}b\u{202E}c\u{9B}", x: 0, y: 0)
    let text = buffer.line(0)
    XCTAssertEqual(text, "a^[]52;c;x^Gb<U+202E>c<U+009B>")
    for cell in buffer.cells {
      for scalar in cell.grapheme.unicodeScalars {
        XCTAssertFalse(TerminalSafe.needsEscape(scalar), "a control reached a cell")
      }
    }
  }

  func testZeroSizeAreasAndBuffersDrawNothing() throws {
    var empty = ScreenBuffer(width: 0, height: 0)
    empty.put("text", x: 0, y: 0)
    empty.fill(Rect(x: 0, y: 0, width: 3, height: 3))
    XCTAssertEqual(empty.text, "")
    var buffer = ScreenBuffer(width: 4, height: 2)
    TooSmallView.render(into: &buffer, area: Rect(x: 0, y: 0, width: 0, height: 2))
    buffer.put("x", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 0, height: 0))
    XCTAssertEqual(buffer.text, "\n")
    let vault = Vault(root: "/v", notes: [])
    for (width, height) in [(0, 0), (1, 1), (2, 1), (1, 3), (23, 5), (24, 6), (99, 6)] {
      let state = AppState(vault: vault, width: width, height: height)
      XCTAssertEqual(Renderer.render(state).width, width)
    }
  }

  func testTooSmallMessage() {
    var buffer = ScreenBuffer(width: 20, height: 3)
    TooSmallView.render(into: &buffer, area: buffer.area)
    XCTAssertEqual(buffer.text, "\n terminal too small\n")
    var narrow = ScreenBuffer(width: 6, height: 3)
    TooSmallView.render(into: &narrow, area: narrow.area)
    XCTAssertEqual(narrow.text, "termin\ntoo\nsmall")
  }

  func testParagraphWrapsAtWordsAndNumbersLinks() {
    var link = Link(raw: "other.md", kind: .markdown)
    link.state = .resolved
    link.target = "other.md"
    let document = Document(blocks: [
      .paragraph([.text("one two three "), .link(link: 0, content: [.text("four five")]), .text(" six")])
    ])
    let layout = NoteLayout(document: document, links: [link], width: 12)
    XCTAssertEqual(layout.lines.map(\.plainText), ["one two", "three four", "five[1] six"])
    XCTAssertEqual(layout.links.count, 1)
    XCTAssertEqual(layout.links[0].line, 1)
    XCTAssertEqual(layout.links[0].x, 6)
    XCTAssertEqual(layout.occurrence(atLine: 2, x: 2), 0)
    XCTAssertNil(layout.occurrence(atLine: 0, x: 0))
  }

  func testListsQuotesCodeAndRules() {
    let document = Document(blocks: [
      .list(ordered: true, start: 1, items: [
        ListItem(blocks: [.paragraph([.text("first")]), .list(ordered: false, start: 1, items: [ListItem(blocks: [.paragraph([.text("nested")])])])]),
        ListItem(blocks: [.paragraph([.text("second")])], checked: true),
      ]),
      .quote([.paragraph([.text("quoted words here")])]),
      .code(language: "", text: "let x = 1\n"),
      .rule,
      .heading(level: 2, content: [.text("Title")], section: 0),
    ])
    let layout = NoteLayout(document: document, links: [], width: 14)
    XCTAssertEqual(
      layout.lines.map(\.plainText),
      ["1. first", "   • nested", "2. [x] second", "", "│ quoted words", "│ here", "", "  let x = 1", "",
       "──────────────", "", "## Title"])
    XCTAssertEqual(layout.line(ofSection: 0), 11)
    XCTAssertEqual(layout.sectionAtLine.last, 0)
  }

  func testTablesFitTheWidth() {
    let document = Document(blocks: [
      .table(
        alignments: [.left, .right], header: [[.text("method")], [.text("effect")]],
        rows: [[[.text("adversarial training")], [.text("concealment improves")]]])
    ])
    for width in [12, 20, 40, 80] {
      let layout = NoteLayout(document: document, links: [], width: width)
      for line in layout.lines { XCTAssertLessThanOrEqual(line.width, width, "\(width): \(line.plainText)") }
    }
    let wide = NoteLayout(document: document, links: [], width: 80)
    XCTAssertEqual(wide.lines.map(\.plainText), [
      "method               │               effect",
      "─────────────────────┼─────────────────────",
      "adversarial training │ concealment improves",
    ])
  }

  func testWideTextWrapsByColumns() {
    let document = Document(blocks: [.paragraph([.text("日本語のテキスト")])])
    let layout = NoteLayout(document: document, links: [], width: 5)
    XCTAssertEqual(layout.lines.map(\.plainText), ["日本", "語の", "テキ", "スト"])
  }

  func testCommandTableGivesKeymapHelpAndReadme() {
    XCTAssertEqual(CommandTable.command(for: .character("q")), .quit)
    XCTAssertEqual(CommandTable.command(for: .ctrl("p")), .jump)
    XCTAssertEqual(CommandTable.command(for: .backTab), .previousLink)
    let ids = CommandTable.all.map(\.id)
    XCTAssertEqual(Set(ids).count, ids.count, "each command once")
    XCTAssertEqual(Set(ids), Set(CommandID.allCases))
    var seen: [Key: CommandID] = [:]
    for command in CommandTable.all {
      for key in command.keys {
        XCTAssertNil(seen[key], "\(key.label) bound twice")
        seen[key] = command.id
      }
    }
    let markdown = CommandTable.markdownKeyList()
    XCTAssertTrue(markdown.hasPrefix("| keys | action | group |"))
    XCTAssertTrue(markdown.contains("| `Ctrl-P` | Jump to a note"))
    // docs/KEYS.md is generated from the table; keep it in step.
    let keys = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/KEYS.md")
    if ScreenAssertions.isRecording {
      try? FileManager.default.createDirectory(
        at: keys.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? (KeysDocument.header + markdown).write(to: keys, atomically: true, encoding: .utf8)
    } else if let saved = try? String(contentsOf: keys, encoding: .utf8) {
      XCTAssertEqual(saved, KeysDocument.header + markdown, "docs/KEYS.md is stale: re-record")
    }
  }

  func testFuzzyMatcherPrefersWordStarts() {
    XCTAssertNotNil(FuzzyMatcher.score(Array("pf"), in: "The Positive Formation"))
    XCTAssertNil(FuzzyMatcher.score(Array("zz"), in: "The Positive Formation"))
    let start = FuzzyMatcher.score(Array("wit"), in: "witness") ?? 0
    let middle = FuzzyMatcher.score(Array("wit"), in: "a weird kit") ?? 0
    XCTAssertGreaterThan(start, middle)
  }
}

/// The head of docs/KEYS.md; the table below it comes from `CommandTable`.
enum KeysDocument {
  static let header = """
    # Keys of the browser

    Generated from `CommandTable` (Sources/QuireTUI/Commands/CommandTable.swift) by
    `QUIRE_RECORD_SCREENS=1 swift test --filter WidgetTests`; the `?` screen shows the same.


    """
}

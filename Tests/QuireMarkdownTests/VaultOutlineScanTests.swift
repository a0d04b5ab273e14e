import Foundation
import QuireCore
import QuireTestSupport
import XCTest

@testable import QuireMarkdown

/// The quick scan the browser opens a large uncached vault on: each note's type, title and
/// status as the full parser would give them, read without parsing the note.
final class VaultOutlineScanTests: XCTestCase {
  private func outline(_ text: String, id: String = "notes/a-note.md") -> Note {
    VaultOutlineScan.outline(id: id, bytes: Array(text.utf8))
  }

  /// The scan agrees with the parser on the fields the outline shows.
  private func assertAgrees(
    _ text: String, id: String = "notes/a-note.md", file: StaticString = #filePath, line: UInt = #line
  ) {
    let quick = outline(text, id: id)
    let full = NoteParser.parse(id: id, bytes: Array(text.utf8)).note
    XCTAssertEqual(quick.title, full.title, "title", file: file, line: line)
    XCTAssertEqual(quick.hasExplicitTitle, full.hasExplicitTitle, "explicit title", file: file, line: line)
    XCTAssertEqual(quick.type, full.type, "type", file: file, line: line)
    XCTAssertEqual(quick.status, full.status, "status", file: file, line: line)
  }

  func testTitleAndTypeFromFrontMatter() {
    let note = outline(
      "---\ntitle: \"Sleeper agents: a review\"\ntype: Findings\nstatus: working\nlenses: [a, b]\n---\n# Another\n")
    XCTAssertEqual(note.title, "Sleeper agents: a review")
    XCTAssertTrue(note.hasExplicitTitle)
    XCTAssertEqual(note.type, .finding)
    XCTAssertEqual(note.status, "working")
    XCTAssertEqual(note.sections, [])
    XCTAssertEqual(note.links, [])
  }

  func testTitleFromTheFirstLevelOneHeadingAndTypeFromTheFolder() {
    let note = outline("Intro line.\n\n## Not this one\n\n# The *real* title\n\nText.\n", id: "concepts/x.md")
    XCTAssertEqual(note.title, "The real title")
    XCTAssertTrue(note.hasExplicitTitle)
    XCTAssertEqual(note.type, .concept)
  }

  func testTitleFromTheStemWhenThereIsNoHeading() {
    let note = outline("---\ntype: lens\n---\nJust text, and ## not a heading.\n\n    # indented code\n", id: "x/my-lens.md")
    XCTAssertEqual(note.title, "my-lens")
    XCTAssertFalse(note.hasExplicitTitle)
    XCTAssertEqual(note.type, .lens)
  }

  func testHeadingsInsideFencedCodeAreSkipped() {
    assertAgrees("```sh\n# a comment\n```\n\n~~~~\n# also code\n~~~\n# still code\n~~~~\n\n# Outside\n")
    XCTAssertEqual(outline("```\n# code\n```\n# Outside\n").title, "Outside")
  }

  func testSetextHeadingsAndOddATXForms() {
    assertAgrees("Two line\ntitle\n=====\n\nText.\n")
    assertAgrees("# Closed heading ##\n")
    assertAgrees("   # Indented three\n")
    assertAgrees("#NoSpace\n\n# Real\n")
    assertAgrees("#\n\n# After an empty one\n")
    assertAgrees("- item\n===\n\n# Title\n")
    assertAgrees("Sub\n---\n\n# Main `code` \\* escaped\n")
  }

  func testCRLFBOMAndTitleKeysInAnyCase() {
    let crlf = "\u{FEFF}---\r\nTitle: Windows note\r\nTYPE: thread\r\n---\r\n# Heading\r\n"
    assertAgrees(crlf)
    XCTAssertEqual(outline(crlf).title, "Windows note")
    assertAgrees("# Heading with CRLF\r\n\r\nText\r\n")
  }

  func testFrontMatterThatNeedsTheWholeBlock() {
    // An alias to an anchor in another field, a flow mapping, a multi-line title.
    assertAgrees("---\nname: &t Anchored title\ntitle: *t\n---\n")
    assertAgrees("---\n{title: Flow title, type: concept}\n---\n")
    assertAgrees("---\ntitle: >\n  Folded\n  title\ntype: source\n---\n")
    assertAgrees("---\ntitle:\n  - a list\n---\n# Heading wins\n")
    assertAgrees("---\ntitle: [unclosed\n---\n# Broken YAML falls back\n")
    assertAgrees("---\ntitle: ''\n---\n# Empty title\n")
  }

  func testNotesWhoseOutlineLiesPastTheFirstReadAreReadWhole() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-scan-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let filler = String(repeating: "Words in a paragraph that runs on.\n", count: 400)
    let lenses = (0..<900).map { "  - lens-\($0)" }.joined(separator: "\n")
    let files = [
      // Front matter longer than the first read, its title at the end.
      "long-front.md": "---\nlenses:\n\(lenses)\ntitle: Late title\ntype: concept\n---\n# Heading\n",
      // The first heading after many kilobytes of text.
      "late-heading.md": filler + "\n# Late heading\n",
      // A heading cut by the first read's end: its whole text.
      "cut-heading.md": String(repeating: "x", count: 1_010) + "\n\n# A heading that the first kilobyte cuts\n",
      // A fence opened before the first read's end, the heading after it.
      "fenced.md": "```\n" + filler + "# not a title\n```\n\n# After the fence\n",
      // Nothing but text: the stem.
      "no-title.md": filler,
      // Over the parser's size limit: its headings are not read, nor looked for here.
      "huge.md": "# Not read\n\n" + String(repeating: "y", count: NoteParser.maxParsedBytes),
    ]
    for (path, text) in files {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: folder.appendingPathComponent(path))
    }
    let outlines = VaultOutlineScan(root: folder).outlines()
    let vault = try VaultLoader(root: folder).load()
    XCTAssertEqual(outlines.map(\.id), vault.notes.map(\.id))
    for (quick, full) in zip(outlines, vault.notes) {
      XCTAssertEqual(quick.title, full.title, quick.id)
      XCTAssertEqual(quick.type, full.type, quick.id)
      XCTAssertEqual(quick.byteCount, full.byteCount, quick.id)
    }
    XCTAssertEqual(
      outlines.map(\.title),
      ["A heading that the first kilobyte cuts", "After the fence", "huge", "Late heading", "Late title", "no-title"])
  }

  func testTheScanAgreesWithTheLoaderOnAGeneratedVault() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-scan-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try VaultGenerator(notes: 300, seed: 7).write(to: folder)
    let scan = VaultOutlineScan(root: folder)
    let outlines = scan.outlines()
    let vault = try VaultLoader(root: folder).load()
    XCTAssertEqual(scan.count, vault.notes.count)
    XCTAssertEqual(outlines.map(\.id), vault.notes.map(\.id))
    for (quick, full) in zip(outlines, vault.notes) {
      XCTAssertEqual(quick.title, full.title, quick.id)
      XCTAssertEqual(quick.type, full.type, quick.id)
      XCTAssertEqual(quick.status, full.status, quick.id)
      XCTAssertEqual(quick.byteCount, full.byteCount, quick.id)
      XCTAssertEqual(quick.modified, full.modified, quick.id)
    }
    XCTAssertEqual(scan.rootPath, vault.root)
  }
}

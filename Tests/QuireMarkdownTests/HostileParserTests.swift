import Foundation
import QuireCore
import QuireTestSupport
import XCTest

@testable import QuireMarkdown

#if canImport(Glibc)
  import Glibc
#endif

/// One hostile note at a time: each input that once broke the parser, and each limit's warning.
final class HostileParserTests: XCTestCase {
  /// Parses on a thread of its own with a bounded wait, so a regression fails instead of hanging.
  private func boundedParse(
    _ bytes: [UInt8], buildDocument: Bool = true, file: StaticString = #filePath, line: UInt = #line
  ) throws -> (note: Note, document: Document?) {
    guard
      let outcome = HostileVault.bounded(seconds: 120, {
        NoteParser.parse(id: "hostile.md", bytes: bytes, buildDocument: buildDocument)
      })
    else {
      XCTFail("parsing did not finish", file: file, line: line)
      throw CancellationError()
    }
    return try outcome.get()
  }

  /// Images nested 10,000 deep overflowed the stack in the converter's inline walk.
  func testImagesNestedDeepAreTextWithAWarning() throws {
    let depth = 10_000
    let text = String(repeating: "![", count: depth) + "x" + String(repeating: "](y)", count: depth)
    let parsed = try boundedParse(Array(("# Deep\n\n" + text + "\n").utf8))
    XCTAssertEqual(parsed.note.title, "Deep")
    XCTAssertTrue(parsed.note.diagnostics.contains { $0.rule == "nesting" })
    XCTAssertNotNil(parsed.document)
  }

  func testEmphasisAndQuotesNestedDeepWarn() throws {
    for text in [
      String(repeating: "*", count: 5_000) + "x" + String(repeating: "*", count: 5_000),
      String(repeating: "> ", count: 10_000) + "# Deep",
      String(repeating: "- ", count: 10_000) + "# Deep",
    ] {
      let parsed = try boundedParse(Array(text.utf8))
      XCTAssertTrue(parsed.note.diagnostics.contains { $0.rule == "nesting" }, String(text.prefix(20)))
    }
  }

  func testShallowNestingDoesNotWarn() throws {
    let parsed = try boundedParse(Array("> - *a **b** [c](d)*\n".utf8))
    XCTAssertEqual(parsed.note.diagnostics, [])
  }

  /// A note over the size limit is text for search, with its start shown, and a warning.
  func testOverSizeNoteIsPlainText() throws {
    var text = "# Big\n\n[[Somewhere]] "
    while text.utf8.count <= NoteParser.maxParsedBytes { text += "lorem ipsum dolor sit amet\n" }
    text += "needle-at-the-end\n"
    let parsed = try boundedParse(Array(text.utf8))
    XCTAssertTrue(parsed.note.diagnostics.contains { $0.rule == "size" })
    XCTAssertEqual(parsed.note.links, [])
    XCTAssertTrue(parsed.note.texts.last?.text.hasSuffix("needle-at-the-end\n") ?? false)
    guard case .code(_, let shown)? = parsed.document?.blocks.last else {
      return XCTFail("no plain-text block")
    }
    XCTAssertLessThanOrEqual(shown.utf8.count, 256 << 10)
    XCTAssertTrue(shown.hasPrefix("# Big"))
  }

  func testNulBytesWarn() throws {
    let parsed = try boundedParse(Array("# Nul\n\na".utf8) + [0, 0] + Array("b\n".utf8))
    XCTAssertTrue(parsed.note.diagnostics.contains { $0.rule == "encoding" })
    XCTAssertEqual(parsed.note.title, "Nul")
  }

  func testControlCharactersInNamesWarn() throws {
    for text in [
      "# \u{1B}]0;pwned\u{07}Title\n", "---\ntitle: \"a\\e[2Jb\"\n---\n", "---\naliases: [\"\\u202Ex\"]\n---\n",
      "# Fine\n\n## \u{9B}31m\n",
    ] {
      let parsed = try boundedParse(Array(text.utf8))
      XCTAssertTrue(parsed.note.diagnostics.contains { $0.rule == "control" }, text)
    }
    let plain = try boundedParse(Array("# Fine\n\nBody with \u{1B}[31m is only shown escaped.\n".utf8))
    XCTAssertEqual(plain.note.diagnostics, [])
  }

  /// A file swapped for a named pipe after the scan: opening it must not block.
  func testReadingANamedPipeDoesNotHang() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-fifo-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("pipe.md").path
    XCTAssertEqual(mkfifo(path, 0o644), 0)
    guard let outcome = HostileVault.bounded(seconds: 30, { FileReader.read(path) }) else {
      return XCTFail("reading a named pipe blocked")
    }
    if case .success = try outcome.get() { XCTFail("a named pipe was read as a note") }
    let vault = try VaultLoader(root: folder).load()
    XCTAssertEqual(vault.notes.count, 0)
    XCTAssertEqual(vault.diagnostics.map(\.rule), ["unreadable"])
  }
}

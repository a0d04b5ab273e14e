import Foundation
import QuireCore
import XCTest

@testable import QuireMarkdown

/// A lean load parses each note and keeps what the graph reads: the links' raw targets,
/// shared between notes as they are parsed, with their annotations kept apart until the
/// links are resolved.
final class LeanParseTests: XCTestCase {
  private var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-lean-parse-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let text = "# Note\n\nSee [the door](../threads/witness.md#the-postern-door) — where the Postern Door opens.\n"
    for name in ["one.md", "two.md"] {
      try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }
  }

  override func tearDownWithError() throws { try FileManager.default.removeItem(at: root) }

  private let words = Locked(WordTable())

  private func parseLean(_ name: String, strings: Locked<LinkStringPool>) throws -> (Note, NoteAnnotations?) {
    let file = VaultScanner.File(id: name, size: 0, modified: 0)
    let parsed = VaultLoader.parse(file, rootPath: root.path, options: .init(lean: true), strings: strings, words: words)
    guard case .parsed(let note, _, let annotations) = parsed else {
      XCTFail("\(name) not parsed")
      throw CocoaError(.fileReadUnknown)
    }
    return (note, annotations)
  }

  func testNotesLinkingAlikeShareTheTargetAsTheyAreParsedAndHandOverTheirAnnotations() throws {
    let strings = Locked(LinkStringPool())
    let (one, oneAnnotations) = try parseLean("one.md", strings: strings)
    let (two, _) = try parseLean("two.md", strings: strings)
    let link = try XCTUnwrap(one.links.first)
    XCTAssertEqual(link.raw, "../threads/witness.md#the-postern-door")
    XCTAssertTrue(link.annotationLeftOut && link.textLeftOut)
    // The annotation's words, numbered in the load's table: "where the postern door opens".
    XCTAssertEqual(oneAnnotations?[0], [0, 1, 2, 3, 4])
    XCTAssertEqual(words.withLock(\.count), 5)
    XCTAssertEqual(
      link.withRawUTF8 { $0.baseAddress }, two.links.first?.withRawUTF8 { $0.baseAddress },
      "one storage for both targets")
  }
}

import Foundation
import GRDB
import QuireCore
import QuireTestSupport
import XCTest

@testable import QuireSearch

final class NoteCodingTests: XCTestCase {
  /// What a stored note must read back as: the note without its texts.
  private func assertRoundTrip(_ note: Note, file: StaticString = #filePath, line: UInt = #line) throws {
    var expected = note
    expected.texts = []
    let data = NoteCoding.encode(note)
    XCTAssertEqual(data.first, NoteCoding.version, file: file, line: line)
    XCTAssertEqual(try NoteCoding.decode(data, modified: note.modified), expected, file: file, line: line)
  }

  func testFixtureNotesRoundTrip() throws {
    let fixture = try FixtureVault()
    defer { fixture.remove() }
    let (vault, _) = try fixture.load()
    XCTAssertEqual(vault.notes.count, FixtureVault.files.count)
    for note in vault.notes { try assertRoundTrip(note) }
  }

  func testGeneratedNotesRoundTrip() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("quire-coding-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: base) }
    _ = try VaultGenerator(notes: 120, seed: 7).write(to: base)
    let fixture = FixtureVault(root: base, cache: base.appendingPathComponent(".cache"))
    let (vault, _) = try fixture.load()
    XCTAssertEqual(vault.notes.count, 120)
    XCTAssertGreaterThan(vault.notes.reduce(0) { $0 + $1.links.count }, 500)
    for note in vault.notes { try assertRoundTrip(note) }
  }

  /// Every field and every enumeration case, with the awkward values: negatives, nil and
  /// present optionals, non-ASCII text, nested front matter.
  static func everything() -> Note {
    let nested = FrontMatter([
      .init(key: "inner", value: .list([.int(-3), .double(-0.5), .bool(true), .null])),
      .init(key: "deeper", value: .map(FrontMatter([.init(key: "k", value: .string("v"))]))),
    ])
    let frontMatter = FrontMatter([
      .init(key: "title", value: .string("Naïve café — 東京 🚀")),
      .init(key: "flag", value: .bool(false)),
      .init(key: "count", value: .int(Int.min)),
      .init(key: "big", value: .int(Int.max)),
      .init(key: "ratio", value: .double(.infinity)),
      .init(key: "empty", value: .list([])),
      .init(key: "nested", value: .map(nested)),
    ])
    var links: [Link] = []
    let kinds: [LinkKind] = [.markdown, .wiki, .frontmatter, .mention]
    let states: [LinkState] = [.resolved, .broken, .ambiguous, .external, .asset]
    let relations: [LinkRelation] = [.concept, .thread, .cites, .anchors, .instantiates, .lens, .mentions]
    for index in 0..<states.count * relations.count {
      var link = Link(
        raw: "../x/\(index).md#A#B", kind: kinds[index % kinds.count], text: index % 2 == 0 ? "" : "tëxt",
        line: index, column: -index, byteRange: index % 3 == 0 ? nil : (index * 100)..<(index * 100 + 7),
        isEmbed: index % 4 == 1, sourceSection: index % 5 == 0 ? nil : index - 2,
        annotation: "note \(index)", relation: relations[index % relations.count])
      link.state = states[index % states.count]
      link.target = index % 2 == 0 ? "x/\(index).md" : nil
      link.candidates = index % 3 == 0 ? ["a.md", "b.md"] : []
      link.targetSections = index % 2 == 0 ? [0, 3, -1] : []
      link.reason = index % 3 == 1 ? "why" : nil
      link.missingAnchor = index % 7 == 0 ? "Gone" : nil
      links.append(link)
    }
    return Note(
      id: "dir/naïve.md", type: .lens, title: "Naïve", hasExplicitTitle: true, frontMatter: frontMatter,
      aliases: ["One", ""], tags: ["t/x"], status: nil, date: "2024-01-02",
      sections: [
        Section(index: 0, title: "Top", level: 1, anchor: "top", line: 3, endLine: 10, parent: nil),
        Section(index: 1, title: "Sub ✓", level: 2, anchor: "sub-", line: 5, endLine: 10, parent: 0),
      ],
      links: links, texts: [SectionText(section: 0, text: "dropped")],
      diagnostics: [
        Diagnostic(path: "dir/naïve.md", line: 2, column: 9, severity: .error, message: "m", rule: "r"),
        Diagnostic(path: "p", severity: .warning, message: "", rule: ""),
        Diagnostic(path: "p", severity: .info, message: "i", rule: "x"),
      ],
      byteCount: 123_456, modified: 1_700_000_000.25, lineCount: 40, bodyLine: 7)
  }

  func testEveryFieldRoundTrips() throws {
    try assertRoundTrip(Self.everything())
    for type in NoteType.allCases {
      var note = Self.everything()
      note.type = type
      note.status = "draft"
      try assertRoundTrip(note)
    }
    try assertRoundTrip(Note(id: "empty.md"))
  }

  func testModifiedTimeIsNotPartOfTheBytes() {
    var note = Self.everything()
    let one = NoteCoding.encode(note)
    note.modified += 100
    XCTAssertEqual(NoteCoding.encode(note), one)
  }

  func testDamagedBytesThrowInsteadOfTrapping() throws {
    let data = NoteCoding.encode(Self.everything())
    for length in stride(from: 0, to: data.count, by: 7) {
      XCTAssertThrowsError(try NoteCoding.decode(data.prefix(length), modified: 0), "prefix \(length)")
    }
    var otherVersion = data
    otherVersion[otherVersion.startIndex] = NoteCoding.version &+ 1
    XCTAssertThrowsError(try NoteCoding.decode(otherVersion, modified: 0))
    XCTAssertThrowsError(try NoteCoding.decode(data + Data([0]), modified: 0))
    XCTAssertThrowsError(try NoteCoding.decode(Data("{\"id\":\"x\"}".utf8), modified: 0))
    var flipped = data
    for offset in stride(from: 1, to: flipped.count, by: 13) {
      flipped[offset] = 0xFF
      _ = try? NoteCoding.decode(flipped, modified: 0)  // must not trap
    }
  }

  func testOldJSONCacheIsRebuiltWithNotice() throws {
    let fixture = try FixtureVault()
    defer { fixture.remove() }
    let (first, _, _) = try fixture.openIndex()
    // What a cache of format 1 held: JSON notes.
    try first.writer.write { db in
      try db.execute(sql: "UPDATE note SET data = ?", arguments: [Data("{\"id\":\"x\"}".utf8)])
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    let (index, report, summary) = try fixture.openIndex()
    XCTAssertEqual(index.notices.count, 1)
    XCTAssertTrue(index.notices[0].contains("old format (1)"), index.notices[0])
    XCTAssertEqual(report.parsed, FixtureVault.files.count)
    XCTAssertEqual(summary.added, FixtureVault.files.count)
    let (_, again, _) = try fixture.openIndex()
    XCTAssertEqual(again.parsed, 0)
  }

  func testUnreadableRowIsParsedAndStoredAgain() throws {
    let fixture = try FixtureVault()
    defer { fixture.remove() }
    let (first, _, _) = try fixture.openIndex()
    try first.writer.write { db in
      try db.execute(sql: "UPDATE note SET data = x'0102' WHERE path = 'index.md'")
    }
    let (_, report, _) = try fixture.openIndex()
    XCTAssertEqual(report.parsed, 1)
    let (_, again, _) = try fixture.openIndex()
    XCTAssertEqual(again.parsed, 0)
  }

  func testParallelEncodingKeepsOrder() {
    let notes = (0..<300).map { index in
      var note = Self.everything()
      note.id = "n\(index).md"
      return note
    }
    let encoded = SearchIndex.encode(notes)
    XCTAssertEqual(encoded.count, notes.count)
    for (note, (data, hash)) in zip(notes, encoded) {
      XCTAssertEqual(data, NoteCoding.encode(note))
      XCTAssertEqual(hash, NoteCoding.contentHash(of: note, encoded: data))
    }
  }
}

extension NoteCodingTests {
  /// A lean decode (the browser's) leaves out the links' annotations and texts and every
  /// front matter field but `url`, nested values stepped over; all else reads back as stored.
  func testALeanDecodeLeavesOutAnnotationsTextsAndTheFrontMatterButTheURL() throws {
    var note = Self.everything()
    note.frontMatter.entries.insert(.init(key: "URL", value: .string("https://example.org/x")), at: 3)
    let lean = try NoteCoding.decode(NoteCoding.encode(note), modified: note.modified, lean: true)
    XCTAssertTrue(lean.frontMatterLeftOut)
    XCTAssertEqual(lean.frontMatter.entries, [.init(key: "URL", value: .string("https://example.org/x"))])
    XCTAssertTrue(lean.links.allSatisfy { $0.annotation.isEmpty && $0.annotationLeftOut })
    XCTAssertTrue(lean.links.allSatisfy { $0.text.isEmpty })
    // An empty text has nothing to read back: it is not said to be left out.
    XCTAssertEqual(lean.links.map(\.textLeftOut), note.links.map { !$0.text.isEmpty })
    XCTAssertEqual(lean.links.map(\.raw), note.links.map(\.raw))
    var restored = lean
    restored.frontMatter = note.frontMatter
    for index in restored.links.indices {
      restored.links[index].annotation = note.links[index].annotation
      restored.links[index].text = note.links[index].text
    }
    var expected = note
    expected.texts = []
    XCTAssertEqual(restored, expected)
  }
}

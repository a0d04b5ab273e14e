import QuireCore
import XCTest

/// A lean vault (`Vault(lean:)`) resolves its links as a full one does, run by run on a
/// large vault, and keeps no annotation: what a vault never seen is built from.
final class LeanResolutionTests: XCTestCase {
  /// More notes than one run of the lean pass takes (4,096): each links to the next one by
  /// name (naming its heading in the link's annotation, then in the link), and to a note
  /// that is not there.
  private func notes(count: Int) -> [Note] {
    (0..<count).map { number in
      let next = (number + 1) % count
      let links = [
        Link(raw: "note-\(next)", kind: .wiki, text: "next", annotation: "where The Door \(next) opens"),
        Link(raw: "missing-\(number)", kind: .wiki, text: "gone", annotation: "nothing here"),
        Link(raw: "note-\(next)#The Door \(next)", kind: .wiki, text: "door", annotation: ""),
      ]
      let heading = Section(
        index: 0, title: "The Door \(number)", level: 2, anchor: "the-door-\(number)", line: 3, endLine: 4,
        parent: nil)
      return Note(
        id: "notes/note-\(number).md", title: "Note \(number)", sections: [heading], links: links)
    }
  }

  func testALeanVaultResolvesRunByRunAsAFullOneAndKeepsNoAnnotation() {
    let count = 9_000
    let full = Vault(root: "/vault", notes: notes(count: count))
    let lean = Vault(root: "/vault", notes: notes(count: count), lean: true)
    XCTAssertEqual(lean.notes.count, count)
    for (note, want) in zip(lean.notes, full.notes) {
      XCTAssertEqual(note.id, want.id)
      XCTAssertEqual(note.links.map(\.target), want.links.map(\.target), note.id)
      XCTAssertEqual(note.links.map(\.state), want.links.map(\.state), note.id)
      XCTAssertEqual(note.links.map(\.targetSections), want.links.map(\.targetSections), note.id)
      XCTAssertTrue(note.links.allSatisfy { $0.annotationLeftOut && $0.annotation.isEmpty }, note.id)
    }
    XCTAssertEqual(full.notes.first?.links.first?.targetSections, [0], "the annotation names the heading")
    XCTAssertEqual(full.notes.first?.links.last?.targetSections, [0], "the link names the heading")
    XCTAssertEqual(lean.incoming, full.incoming)
    XCTAssertEqual(lean.ghosts, full.ghosts)
  }

  /// The annotations kept apart (`ParsedAnnotations`), as a lean parse hands them over, are
  /// read run by run as each run's links are resolved.
  func testALeanVaultReadsTheAnnotationsKeptApartRunByRun() {
    let count = 9_000
    let full = Vault(root: "/vault", notes: notes(count: count))
    let words = Locked(WordTable())
    var parsed: [String: NoteAnnotations] = [:]
    let leaned = notes(count: count).map { note in
      var note = note
      parsed[note.id] = note.leaveOutForGraph(words: words)
      return note
    }
    let lean = Vault(
      root: "/vault", notes: leaned, parsedAnnotations: ParsedAnnotations(parsed, words: words.withLock { $0 }),
      lean: true)
    for (note, want) in zip(lean.notes, full.notes) {
      XCTAssertEqual(note.links.map(\.targetSections), want.links.map(\.targetSections), note.id)
    }
    XCTAssertEqual(lean.notes.last?.links.first?.targetSections, [0], "the annotation names the heading")
    XCTAssertEqual(lean.incoming, full.incoming)
  }
}

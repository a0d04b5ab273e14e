import QuireCore
import XCTest

final class SectionMentionMatcherTests: XCTestCase {
  private let thread = Note(
    id: "threads/witness-ai.md", type: .thread, title: "Is Matter Seeing Itself?",
    sections: [
      Section(index: 0, title: "Thesis", level: 2, anchor: "thesis", line: 5, endLine: 9, parent: nil),
      Section(index: 1, title: "The Positive Formation", level: 2, anchor: "the-positive-formation", line: 10, endLine: 19, parent: nil),
      Section(index: 2, title: "Argument", level: 3, anchor: "argument", line: 11, endLine: 14, parent: 1),
      Section(index: 3, title: "The Postern Door", level: 2, anchor: "the-postern-door", line: 20, endLine: 29, parent: nil),
      Section(index: 4, title: "Argument", level: 3, anchor: "argument-1", line: 21, endLine: 24, parent: 3),
      Section(index: 5, title: "Door", level: 2, anchor: "door", line: 30, endLine: 31, parent: nil),
      Section(index: 6, title: "Method", level: 2, anchor: "method", line: 32, endLine: 33, parent: nil),
    ])

  func testMentions() {
    let cases: [(String, [Int], String)] = [
      (
        "extends two sections. Positive Formation: third angle. Postern Door: partial.", [1, 3],
        "the seed's wording, without articles"
      ),
      ("see the postern door first, then THE POSITIVE FORMATION", [3, 1], "case and order"),
      ("Postern-Door", [], "a hyphenated word is one word"),
      ("on the Door alone", [5], "a short name matches when alone"),
      ("the Postern Door, not the Door", [3, 5], "longest match first, then the rest"),
      ("its Argument is weak", [], "names used twice name nothing"),
      ("a cross-method comparison of method", [], "template headings name nothing"),
      ("Is Matter Seeing Itself?", [], "nothing named"),
      ("", [], "empty"),
    ]
    for (text, expected, why) in cases {
      XCTAssertEqual(SectionMentionMatcher.sections(of: thread, mentionedIn: text), expected, why)
    }
  }
}

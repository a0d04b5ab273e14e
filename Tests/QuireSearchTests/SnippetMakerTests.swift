import QuireCore
import XCTest

@testable import QuireSearch

final class SnippetMakerTests: XCTestCase {
  private func maker(_ text: String) throws -> SnippetMaker { SnippetMaker(query: try SearchQuery(parsing: text)) }

  private func marked(_ snippet: (text: String, highlights: [SnippetRange])) -> [String] {
    let characters = Array(snippet.text)
    return snippet.highlights.map { String(characters[$0.start..<($0.start + $0.length)]) }
  }

  func testCountsWordsAsTheTokenizerSplitsThem() throws {
    let words = try maker("train")  // the last word typed is a prefix
    XCTAssertEqual(words.matchCount(in: "Training, trains; RE-TRAIN retrain 2train"), 3)
    XCTAssertEqual(words.matchCount(in: "Le café trainé — TRAINÉE"), 2)
    XCTAssertEqual(try maker("cafe").matchCount(in: "Un CAFÉ, un café\u{301}, cafes"), 3)
    XCTAssertEqual(try maker("cafe ").matchCount(in: "Un CAFÉ, un cafe, cafes"), 2)
    XCTAssertEqual(try maker("東京").matchCount(in: "in 東京 today"), 1)
    XCTAssertEqual(try maker("x").matchCount(in: ""), 0)
  }

  func testASCIISnippetCollapsesSpaceAndMarksWords() throws {
    let words = try maker("door gate")
    let snippet = words.snippet(of: "The  hidden\n\tdoor and the gate.")
    XCTAssertEqual(snippet.text, "The hidden door and the gate")
    XCTAssertEqual(marked(snippet), ["door", "gate"])
  }

  func testLongTextGetsEllipsesAroundTheDensestWindow() throws {
    let filler = Array(repeating: "word", count: 40).joined(separator: " ")
    let text = filler + " door and gate and door " + filler
    let snippet = try maker("door").snippet(of: text)
    XCTAssertTrue(snippet.text.hasPrefix("…"))
    XCTAssertTrue(snippet.text.hasSuffix("…"))
    XCTAssertEqual(marked(snippet), ["door", "door"])
  }

  /// Text with other characters goes through the marked-text path; the result reads the same.
  func testNonASCIISnippetMatchesTheASCIIOne() throws {
    let words = try maker("naive cafe")
    let snippet = words.snippet(of: "A  naïve reader\nin a café — here.")
    XCTAssertEqual(snippet.text, "A naïve reader in a café — here")
    XCTAssertEqual(marked(snippet), ["naïve", "café"])
    let plain = words.snippet(of: "A  naive reader\nin a cafe -- here.")
    XCTAssertEqual(plain.text, "A naive reader in a cafe -- here")
    XCTAssertEqual(plain.highlights, snippet.highlights)
  }
}

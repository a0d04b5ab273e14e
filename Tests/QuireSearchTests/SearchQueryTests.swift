import QuireCore
import XCTest

@testable import QuireSearch

final class SearchQueryTests: XCTestCase {
  /// Typed text and the FTS5 pattern it must become (nil: nothing to search for).
  func testPatterns() throws {
    let table: [(String, String?)] = [
      ("", nil),
      ("   ", nil),
      ("training", #""training" *"#),
      ("training ", #""training""#),
      ("adversarial training", #""adversarial" AND "training" *"#),
      ("\"sleeper agents\"", #""sleeper agents""#),
      ("\"sleeper agents", #""sleeper agents""#),
      ("rlhf -sft", #"("rlhf") NOT ("sft")"#),
      ("rlhf -\"supervised fine\" x", #"("rlhf" AND "x" *) NOT ("supervised fine")"#),
      ("rlhf OR dpo training", #"("rlhf" OR "dpo") AND "training" *"#),
      ("a OR b OR c ", #"("a" OR "b" OR "c")"#),
      ("train* model", #""train" * AND "model" *"#),
      ("in:title sleeper ", #"{title aliases} : ("sleeper")"#),
      ("in:heading in:body door ", #"{heading body} : ("door")"#),
      ("AND x ", #""x""#),
      ("type:finding ", nil),
    ]
    for (input, expected) in table {
      let query = try SearchQuery(parsing: input)
      XCTAssertEqual(query.sectionPattern, expected, "for \(input.debugDescription)")
    }
  }

  func testFilters() throws {
    let query = try SearchQuery(parsing: "type:Findings status:Draft lens:behavioral type:concept x")
    XCTAssertEqual(query.types, [.finding, .concept])
    XCTAssertEqual(query.statuses, ["draft"])
    XCTAssertEqual(query.lenses, ["behavioral"])
    XCTAssertEqual(query.clauses, [[SearchQuery.Term(text: "x", isPrefix: true)]])
  }

  func testMalformedQueriesHaveMessages() {
    let table: [(String, SearchQueryError)] = [
      ("-rlhf", .onlyExclusions),
      ("-rlhf -sft ", .onlyExclusions),
      ("OR rlhf", .danglingOr),
      ("rlhf OR", .danglingOr),
      ("rlhf OR OR dpo", .danglingOr),
      ("rlhf OR -dpo", .danglingOr),
      ("type:", .emptyFilter("type")),
      ("type:banana x", .unknownType("banana")),
      ("in:footnotes x", .unknownField("footnotes")),
      (String(repeating: "word ", count: 65), .tooLong(maxTerms: 64, maxCharacters: 2_000)),
      (String(repeating: "x", count: 2_001), .tooLong(maxTerms: 64, maxCharacters: 2_000)),
    ]
    for (input, expected) in table {
      XCTAssertThrowsError(try SearchQuery(parsing: input), "for \(input.prefix(30))") { error in
        XCTAssertEqual(error as? SearchQueryError, expected, "for \(input.prefix(30))")
        XCTAssertFalse((error as? LocalizedError)?.errorDescription?.isEmpty ?? true)
      }
    }
  }

  /// Hostile text parses, and every term reaches FTS5 as one quoted string.
  func testHostileInputIsQuoted() throws {
    let table: [(String, String?)] = [
      (#"a"b"#, #""a""b" *"#),
      (#"say ""hi"" "#, #""say" AND "hi""""""#),
      ("NEAR(a b)", #""NEAR(a" AND "b)" *"#),
      ("NEAR a ", #""NEAR" AND "a""#),
      ("title:x ", #""title:x""#),
      (": :: a:b ", #""a:b""#),
      ("((a ", #""((a""#),
      ("a) OR (b ", #"("a)" OR "(b")"#),
      ("* ** ", nil),
      ("^x ", #""^x""#),
      ("x\u{0}y ", #""xy""#),
      ("🙂 ", nil),
      ("🙂ok ", #""🙂ok""#),
      ("naïve café ", #""naïve" AND "café""#),
      ("\u{1B}[31m red ", #""[31m" AND "red""#),
      ("'; DROP TABLE note; -- ", #""DROP" AND "TABLE" AND "note;""#),
    ]
    for (input, expected) in table {
      let query = try SearchQuery(parsing: input)
      XCTAssertEqual(query.sectionPattern, expected, "for \(input.debugDescription)")
    }
  }

  func testVeryLongWordIsAccepted() throws {
    let word = String(repeating: "ab", count: 900)
    let query = try SearchQuery(parsing: word)
    XCTAssertEqual(query.clauses.count, 1)
  }
}

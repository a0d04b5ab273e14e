import XCTest

@testable import QuireMarkdown

final class WikilinkScannerTests: XCTestCase {
  func testForms() {
    let cases: [(String, [String], [String?], [Bool])] = [
      ("[[A]]", ["A"], [nil], [false]),
      ("x [[A|b]] y", ["A"], ["b"], [false]),
      ("[[A#H]] [[#H]]", ["A#H", "#H"], [nil, nil], [false, false]),
      ("![[img.png]]", ["img.png"], [nil], [true]),
      ("[[T\\|x]]", ["T"], ["x"], [false]),
      ("[[]] [[ ]] [[unclosed", [], [], []),
      ("[[a\nb]]", [], [], []),
    ]
    for (text, targets, aliases, embeds) in cases {
      let found = WikilinkScanner.scan(Array(text.utf8))
      XCTAssertEqual(found.map(\.target), targets, text)
      XCTAssertEqual(found.map(\.alias), aliases, text)
      XCTAssertEqual(found.map(\.isEmbed), embeds, text)
    }
  }
}

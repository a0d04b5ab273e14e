import Foundation
import QuireTUI
import XCTest

/// The README's key list is the command table's, between its `keys` markers.
final class ReadmeKeysTests: XCTestCase {
  static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
  static let begin = "<!-- keys:begin -->\n"
  static let end = "<!-- keys:end -->"

  func testReadmeListsEveryKeyOfTheCommandTable() throws {
    let text = try String(contentsOf: Self.readme, encoding: .utf8)
    guard let start = text.range(of: Self.begin), let stop = text.range(of: Self.end),
      start.upperBound <= stop.lowerBound
    else { return XCTFail("README.md has no keys markers") }
    let expected =
      "Generated from the browser's command table; press `?` in the browser for the same list.\n\n"
      + CommandTable.markdownKeyList() + "\n"
    let current = String(text[start.upperBound..<stop.lowerBound])
    if ProcessInfo.processInfo.environment["QUIRE_RECORD_SCREENS"] != nil {
      let updated = text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: expected)
      try updated.write(to: Self.readme, atomically: true, encoding: .utf8)
    } else {
      XCTAssertEqual(current, expected, "README key list is stale: run with QUIRE_RECORD_SCREENS=1")
    }
  }
}

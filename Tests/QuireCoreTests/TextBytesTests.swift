import XCTest

@testable import QuireCore

/// The byte searches and the lower-casing that link resolution leans on.
final class TextBytesTests: XCTestCase {
  func testOffsetsAreUTF8Offsets() {
    let text = "über/数据/x.md"
    XCTAssertEqual(text.utf8Offset(of: UInt8(ascii: "/")), 5)
    XCTAssertEqual(text.utf8LastOffset(of: UInt8(ascii: "/")), 12)
    XCTAssertNil(text.utf8Offset(of: UInt8(ascii: "#")))
    XCTAssertTrue(text.utf8Contains(UInt8(ascii: ".")))
    XCTAssertEqual(String(text[..<text.utf8Index(12)]), "über/数据")
    // Small strings and substrings answer the same way.
    XCTAssertEqual("a#b".utf8Offset(of: UInt8(ascii: "#")), 1)
    XCTAssertEqual(text.dropFirst(5).utf8Offset(of: UInt8(ascii: "/")), 6)
    XCTAssertNil("".utf8LastOffset(of: UInt8(ascii: "/")))
  }

  func testFoldersAndStemsAroundNonASCIINames() {
    XCTAssertEqual(NotePath.folder(of: "über/数据/x.md"), "über/数据")
    XCTAssertEqual(NotePath.stem(of: "über/数据/é.MD"), "é")
    XCTAssertEqual(NotePath.folder(of: "x.md"), "")
    XCTAssertEqual(NotePath.stem(of: "dir/"), "")
  }

  func testLowerCasingMatchesTheStandardLibrary() {
    for text in ["Positive Formation", "ÉCOLE — Über", "MiXeD 123 _-'", "", "İstanbul", "ẞ straße"] {
      XCTAssertEqual(SectionMentionMatcher.lowercasedUTF8(text), Array(text.lowercased().utf8), text)
    }
  }
}

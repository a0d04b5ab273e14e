import QuireCore
import XCTest

/// The corners of `NotePath.join`, which works on bytes.
final class NotePathJoinTests: XCTestCase {
  func testEmptyPartsAndDotsFold() {
    XCTAssertEqual(NotePath.join("a", "b//c/"), "a/b/c")
    XCTAssertEqual(NotePath.join("a", ""), "a")
    XCTAssertEqual(NotePath.join("a", "./."), "a")
    XCTAssertEqual(NotePath.join("a", ".."), "")
    XCTAssertEqual(NotePath.join("a/b", "../.."), "")
    XCTAssertEqual(NotePath.join("a/b", "../../c"), "c")
    XCTAssertNil(NotePath.join("a/b", "../../.."))
    XCTAssertNil(NotePath.join("", ".."))
  }

  func testAPathFromTheRootIgnoresTheFolder() {
    XCTAssertEqual(NotePath.join("a/b", "/x/y.md"), "x/y.md")
    XCTAssertNil(NotePath.join("a/b", "/../y.md"))
  }

  func testNamesThatOnlyStartWithDotsAreNames() {
    XCTAssertEqual(NotePath.join("a", "..."), "a/...")
    XCTAssertEqual(NotePath.join("a", "..x/.y"), "a/..x/.y")
    XCTAssertEqual(NotePath.join("", ".hidden/n.md"), ".hidden/n.md")
  }

  func testNonASCIINamesPassThrough() {
    XCTAssertEqual(NotePath.join("über", "../数据/é.md"), "数据/é.md")
    XCTAssertEqual(NotePath.join("", "a b/c%20d.md"), "a b/c%20d.md")
  }
}

/// Slugs of headings that are not plain ASCII, and of ASCII punctuation.
final class SlugCornerTests: XCTestCase {
  func testMixedScriptsAndPunctuation() {
    let cases: [(String, String)] = [
      ("ÉCOLE Normale", "école-normale"),
      ("İstanbul notes", "i\u{307}stanbul-notes"),
      ("Tab\there", "tabhere"),
      ("a—b – c", "ab--c"),
      ("Café au lait", "café-au-lait"),
      ("x\u{301}y", "x\u{301}y"),
      ("!@#$%^&*()+=[]{}|;:'\",.<>/?`~", ""),
      ("UPPER_lower-09", "upper_lower-09"),
    ]
    for (heading, slug) in cases {
      XCTAssertEqual(Slug.make(heading), slug, "slug of \(heading)")
    }
  }
}

import XCTest

@testable import QuireMarkdown

/// How the text after a link is tidied into its annotation.
final class AnnotationTidyTests: XCTestCase {
  func testSeparatorsAndWhiteSpaceBeforeTheAnnotationGo() {
    let cases: [(String, String)] = [
      (" — extends the argument. ", "extends the argument."),
      (": partial", "partial"),
      (" -: , ;  x y ", "x y"),
      ("\t–\u{00A0}. done\n", "done"),
      ("plain", "plain"),
      ("", ""),
      ("  \n ", ""),
      (" — : ", ""),
      ("x — y", "x — y"),
      (" .5 of it", "5 of it"),
    ]
    for (text, expected) in cases {
      XCTAssertEqual(CommonMarkConverter.tidyAnnotation(text), expected, text.debugDescription)
    }
  }

  func testASeparatorCarryingACombiningMarkIsText() {
    // `-` with an acute accent is one character, not the dash.
    XCTAssertEqual(CommonMarkConverter.tidyAnnotation(" -\u{301}x "), "-\u{301}x")
    XCTAssertEqual(CommonMarkConverter.tidyAnnotation(": \u{301}x"), "\u{301}x")
  }
}

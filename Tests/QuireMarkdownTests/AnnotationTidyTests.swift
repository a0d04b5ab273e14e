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

  func testBytesAreTidiedAsTheTextIs() {
    let cases = [
      " — extends the argument. ", ": partial", " -: , ;  x y ", "\t–\u{00A0}. done\n", "plain", "",
      "  \n ", " — : ", "x — y", " .5 of it", " -\u{301}x ", ": \u{301}x", "\r\n- x\r\n",
      " ,;: ", "...", " - Ünïcode, ja. ", "\u{000B}\u{000C}v\u{000B}", " -- x -- ",
      " — x", "—", " – — : y", "—\u{301}x", " —\u{00A0}x", "\u{00A0}x\u{00A0}", "x\u{3000}",
      " -\u{200D}x", "é ", " ü\u{301} ", ", —é", "\u{2014}\u{2013}", " \u{2012} x",
    ]
    for text in cases {
      let bytes = Array(text.utf8)
      XCTAssertEqual(
        CommonMarkConverter.tidyAnnotation(bytes: bytes[...]),
        CommonMarkConverter.tidyAnnotation(text), text.debugDescription)
      // A slice that does not start at zero, as the converter passes them.
      let padded = Array("xx".utf8) + bytes
      XCTAssertEqual(
        CommonMarkConverter.tidyAnnotation(bytes: padded[2...]),
        CommonMarkConverter.tidyAnnotation(text), text.debugDescription)
    }
    XCTAssertEqual(CommonMarkConverter.tidyAnnotation(bytes: Array(" -: , ;  x y ".utf8)[...]), "x y")
  }

  func testDoubleBracketsAreFound() {
    let cases: [(String, Bool)] = [
      ("", false), ("[", false), ("[[", true), ("a [b] [c", false), ("x[[y", true), ("[ [", false),
      ("[][[", true), ("ends [", false), ("é[[ü]]", true),
    ]
    for (text, expected) in cases {
      let bytes = Array(text.utf8)
      let found = bytes.withUnsafeBufferPointer { CommonMarkConverter.hasDoubleBracket($0) }
      XCTAssertEqual(found, expected, text)
    }
  }

  func testASeparatorCarryingACombiningMarkIsText() {
    // `-` with an acute accent is one character, not the dash.
    XCTAssertEqual(CommonMarkConverter.tidyAnnotation(" -\u{301}x "), "-\u{301}x")
    XCTAssertEqual(CommonMarkConverter.tidyAnnotation(": \u{301}x"), "\u{301}x")
  }
}

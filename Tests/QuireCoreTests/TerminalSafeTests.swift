import QuireCore
import XCTest

final class TerminalSafeTests: XCTestCase {
  func testControlSequencesAreShownNotInterpreted() {
    let cases: [(String, String)] = [
      ("plain text", "plain text"),
      ("red \u{1B}[31mtext\u{1B}[0m", "red ^[[31mtext^[[0m"),
      ("clip \u{1B}]52;c;aGk=\u{07}", "clip ^[]52;c;aGk=^G"),
      ("bidi \u{202E}txet", "bidi <U+202E>txet"),
      ("c1 \u{9B}31m", "c1 <U+009B>31m"),
      ("tab\tand\nline", "tab\tand\nline"),
      ("del\u{7F}", "del^?"),
      ("日本語 ok", "日本語 ok"),
    ]
    for (input, shown) in cases {
      XCTAssertEqual(TerminalSafe.escape(input), shown)
      XCTAssertFalse(TerminalSafe.escape(input).unicodeScalars.contains { $0.value == 0x1B })
    }
  }

  func testDisplayWidths() {
    XCTAssertEqual(DisplayWidth.of("abc"), 3)
    XCTAssertEqual(DisplayWidth.of("日本"), 4)
    XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    XCTAssertEqual(DisplayWidth.of("🙂"), 2)
    XCTAssertEqual(DisplayWidth.of(""), 0)
  }
}

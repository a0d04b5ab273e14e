import QuireCore
import XCTest

@testable import QuireMarkdown

/// Which keys of a front matter count as the same key: Yams compares keys by text and
/// by resolved YAML tag, so `1` (an int) and `"1"` (a string) are two keys, while a key
/// written twice, or once plain and once with the tag its plain form resolves to, is
/// one key given twice and makes the whole front matter a warning.
final class FrontMatterKeyTests: XCTestCase {
  private func read(_ yaml: String) -> (keys: [String], problem: String?) {
    let (fields, problem) = FrontMatterParser.parse(yaml)
    return (fields.entries.map(\.key), problem?.message)
  }

  func testAKeyGivenTwiceIsAWarningAndNoFields() {
    let result = read("title: A\ntags: [x]\ntitle: B\n")
    XCTAssertEqual(result.keys, [])
    XCTAssertTrue(result.problem?.contains("not valid YAML") ?? false, "\(result)")
    XCTAssertTrue(result.problem?.contains("title") ?? false, "\(result)")
  }

  func testAPlainAndAQuotedKeyOfOneTextAreOneKeyWhenBothAreStrings() {
    let result = read("title: A\n\"title\": B\n")
    XCTAssertEqual(result.keys, [])
    XCTAssertNotNil(result.problem)
  }

  func testAPlainNumberAndAQuotedNumberAreTwoKeys() {
    for (plain, quoted) in [("1", "\"1\""), ("true", "'true'"), ("2024-01-02", "\"2024-01-02\""), ("~", "'~'")] {
      let result = read("\(plain): a\n\(quoted): b\n")
      XCTAssertEqual(result.keys.count, 2, "\(plain) / \(quoted): \(result)")
      XCTAssertNil(result.problem, "\(plain) / \(quoted)")
    }
  }

  func testAnExplicitTagThatAgreesWithThePlainKeyMakesItTheSameKey() {
    let same = read("1: a\n!!int 1: b\n")
    XCTAssertEqual(same.keys, [])
    XCTAssertNotNil(same.problem)
    let different = read("1: a\n!!str 1: b\n")
    XCTAssertEqual(different.keys.count, 2, "\(different)")
    XCTAssertNil(different.problem)
  }

  func testDuplicateKeysInANestedMapAreAWarningToo() {
    let result = read("title: A\nmeta:\n  a: 1\n  a: 2\n")
    XCTAssertEqual(result.keys, [])
    XCTAssertNotNil(result.problem)
    let fine = read("title: A\nmeta:\n  a: 1\n  \"1\": 2\n  1: 3\n")
    XCTAssertEqual(fine.keys, ["title", "meta"])
    XCTAssertNil(fine.problem)
  }

  func testTheWarningOfADuplicateKeyIsWordedAsBefore() {
    let (_, problem) = FrontMatterParser.parse("title: A\ntags: [x]\n\nstatus: x\nstatus: y\n")
    XCTAssertEqual(problem?.line, 1)
    XCTAssertEqual(
      problem?.message,
      "front matter is not valid YAML: Parser: expected all keys to be unique but found the "
        + "following duplicated key(s): 'status'.")
  }
}

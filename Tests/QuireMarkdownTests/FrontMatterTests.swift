import QuireCore
import XCTest

@testable import QuireMarkdown

final class FrontMatterTests: XCTestCase {
  func testFieldsAreKeptInOrderWithTheirValues() {
    let note = parse(
      """
      ---
      title: "Sleeper agents"
      type: finding
      date: 2026-11-20
      models: [a, b]
      lenses:
        - behavioral
      status: stable
      answer: no
      count: 3
      ratio: 0.5
      nothing:
      nested: {a: 1}
      ---
      Body.
      """)
    XCTAssertEqual(
      note.frontMatter.entries.map(\.key),
      ["title", "type", "date", "models", "lenses", "status", "answer", "count", "ratio", "nothing", "nested"])
    XCTAssertEqual(note.title, "Sleeper agents")
    XCTAssertEqual(note.type, .finding)
    XCTAssertEqual(note.date, "2026-11-20")
    XCTAssertEqual(note.frontMatter.strings("models"), ["a", "b"])
    XCTAssertEqual(note.frontMatter["answer"], .string("no"), "YAML 1.2: no stays a string")
    XCTAssertEqual(note.frontMatter["count"], .int(3))
    XCTAssertEqual(note.frontMatter["ratio"], .double(0.5))
    XCTAssertEqual(note.frontMatter["nothing"], .null)
    XCTAssertEqual(note.frontMatter["nested"], .map(FrontMatter([.init(key: "a", value: .int(1))])))
    XCTAssertEqual(note.bodyLine, 15)
    XCTAssertTrue(note.diagnostics.isEmpty)
  }

  func testBadFrontMatterIsAWarningAndTheBodyStillLoads() {
    let cases: [(String, String, String)] = [
      ("---\ntitle: [unclosed\n---\n# Heading\n", "yaml", "front matter is not valid YAML"),
      ("---\n- a\n- b\n---\n# Heading\n", "yaml", "not a set of fields"),
      ("---\ntitle: x\n\n# Heading\n", "yaml", "never closed"),
      ("---\r\ntitle: x\r\n---\r\n# Heading\r\n", "", ""),
      ("---\n---\n# Heading\n", "", ""),
    ]
    for (text, rule, message) in cases {
      let note = parse(text)
      XCTAssertEqual(note.sections.last?.title, "Heading", text)
      if rule.isEmpty {
        XCTAssertTrue(note.diagnostics.isEmpty, text)
      } else {
        XCTAssertEqual(note.diagnostics.first?.rule, rule, text)
        XCTAssertTrue(note.diagnostics.first?.message.contains(message) ?? false, text)
      }
    }
  }

  func testAnAliasBombIsCutShort() {
    var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...8 {
      let previous = level == 1 ? "a" : "l\(level - 1)"
      yaml += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
    }
    let note = parse("---\n\(yaml)---\n# Still here\n")
    XCTAssertEqual(note.title, "Still here")
    XCTAssertEqual(note.diagnostics.first?.rule, "yaml")
  }
}

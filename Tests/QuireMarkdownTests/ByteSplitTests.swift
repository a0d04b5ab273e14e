import XCTest

@testable import QuireCore
@testable import QuireMarkdown

/// The byte-level splits of link targets and labels give what splitting by `Character`
/// gave, non-ASCII text, escaped pipes and `#` joined to a combining mark included.
final class ByteSplitTests: XCTestCase {
  /// How labels were made before: split by `Character`, trimmed, joined.
  private func characterLabel(_ target: String) -> String {
    let text = target.hasPrefix("#") ? String(target.dropFirst()) : target
    return text.split(separator: "#").map { $0.trimmed }.joined(separator: " > ")
  }

  private let targets = [
    "A", "A#H", "#H", "A # B ", "A##B", "A#", "#", "##", "é#ü", "Ünïcödé # Ärger",
    "a#\u{301}b", "a\u{301}#b", "#\u{301}", "x#\u{FE0F}\u{20E3}", "\u{0600}#x", "日本#語 ",
    " padded ", "a#\u{2003}b\u{2003}", "tab\t#\tx", "",
  ]

  func testLabelsAsCharacterSplitGaveThem() {
    for target in targets {
      let found = WikilinkScanner.Found(range: 0..<0, target: target, alias: nil, isEmbed: false)
      XCTAssertEqual(found.label, characterLabel(target), target.debugDescription)
    }
    let joined = WikilinkScanner.Found(range: 0..<0, target: "a#\u{301}b", alias: nil, isEmbed: false)
    XCTAssertEqual(joined.label, "a#\u{301}b", "a # with a combining mark is no separator")
    let plain = WikilinkScanner.Found(range: 0..<0, target: "Ärger#Überblick", alias: nil, isEmbed: false)
    XCTAssertEqual(plain.label, "Ärger > Überblick")
  }

  func testScannerSplitsTargetAndAlias() {
    let cases: [(String, String, String?)] = [
      ("[[é|ü ]]", "é", "ü"),
      ("[[a|b|c]]", "a", "b|c"),
      ("[[T\\|x]]", "T", "x"),
      ("[[T\\|x\\|y]]", "T", "x|y"),
      ("[[ Ärger #Kopf| Zeige ]]", "Ärger #Kopf", "Zeige"),
      ("[[a\\b|c]]", "a\\b", "c"),
      ("[[日本|]]", "日本", ""),
      ("[[|only alias]]", "", "only alias"),
    ]
    for (text, target, alias) in cases {
      let found = WikilinkScanner.scan(Array(text.utf8))
      XCTAssertEqual(found.map(\.target), [target], text)
      XCTAssertEqual(found.map(\.alias), [alias], text)
    }
  }

  func testRawPathAndAnchors() {
    let cases: [(String, String, [String])] = [
      ("T#A#B", "T", ["A", "B"]),
      ("T", "T", []),
      ("T#", "T", []),
      ("T##A", "T", ["A"]),
      ("dir/é.md#ü#x", "dir/é.md", ["ü", "x"]),
      ("T#a#\u{301}", "T", ["a#\u{301}"]),
      ("T#\u{301}a", "T", ["\u{301}a"]),
      ("#Only", "", ["Only"]),
      ("日本#語#", "日本", ["語"]),
    ]
    for (raw, path, anchors) in cases {
      let link = Link(raw: raw, kind: .wiki)
      XCTAssertEqual(link.rawPath, path, raw.debugDescription)
      XCTAssertEqual(link.rawAnchors, anchors, raw.debugDescription)
      // The first `#` byte ends the path, as it always did; the rest splits by characters.
      let rest = raw.utf8.firstIndex(of: UInt8(ascii: "#")).map { raw[raw.utf8.index(after: $0)...] } ?? ""
      XCTAssertEqual(
        link.rawAnchors, rest.split(separator: "#").map(String.init), raw.debugDescription)
    }
  }

  func testInferredTypes() {
    let cases: [(String, NoteType)] = [
      ("Findings/x.md", .finding),
      ("wiki/CONCEPTS/x.md", .concept),
      ("a/threads/b/c.md", .thread),
      ("threads/sources/x.md", .source),
      ("sources/threads/x.md", .thread),
      ("Source-x.md", .source),
      ("notes/source-é.md", .source),
      ("é/lenses/x.md", .lens),
      ("researchers/ü.md", .researcher),
      ("findings", .page),
      ("findingsx/a.md", .page),
      ("Ärger/x.md", .page),
      ("x/fındings/a.md", .page),
      ("", .page),
    ]
    for (path, type) in cases {
      XCTAssertEqual(NoteType.inferred(fromPath: path), type, path)
    }
  }
}

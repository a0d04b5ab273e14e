import QuireCore
import QuireTUI
import XCTest

/// The data derived once per vault must answer exactly as the per-key computations did.
final class NoteCatalogTests: XCTestCase {
  func testCatalogFuzzyMatchesEqualTheDirectOnes() throws {
    let vault = try Fixture.vault()
    let catalog = NoteCatalog(vault: vault)
    for query in ["", "t", "th", "pf", "sleeper", "pos form", "AGENT", "zz", "é", "q"] {
      XCTAssertEqual(
        FuzzyMatcher.matches(query, in: catalog), FuzzyMatcher.matches(query, in: vault), "query \(query)")
    }
  }

  func testCatalogOrdersEveryNoteOnce() throws {
    let vault = try Fixture.vault()
    let catalog = NoteCatalog(vault: vault)
    XCTAssertEqual(catalog.byTitle.sorted(), Array(vault.notes.indices))
    XCTAssertEqual(catalog.byDate.sorted(), Array(vault.notes.indices))
    let titles = catalog.byTitle.map { vault.notes[$0].title.lowercased() }
    XCTAssertEqual(titles, titles.sorted())
  }

  /// A layout kept for back and forward is made again when the width changed meanwhile.
  func testRememberedLayoutFollowsTheWidth() throws {
    var harness = try Harness(width: 120, height: 40, start: "findings/sleeper.md")
    harness.press("<Tab> <Enter>")
    harness.send(.resize(width: 80, height: 24))
    harness.press("<BS>")
    XCTAssertEqual(harness.noteID, "findings/sleeper.md")
    let fresh = try Harness(width: 80, height: 24, start: "findings/sleeper.md")
    XCTAssertEqual(harness.state.note?.layout?.width, fresh.state.note?.layout?.width)
    XCTAssertEqual(harness.state.note?.layout?.lines.count, fresh.state.note?.layout?.lines.count)
  }
}

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

  /// Ctrl-P's names keep a character in 16 bits; a vault whose names use more distinct
  /// characters than that holds shares one code among the rest, so that a query of one
  /// of them still finds its note (and perhaps a few others).
  func testNamesOfMoreDistinctCharactersThanCodesAreStillFound() throws {
    // 40,000 ideographs (of CJK Extension B), 8 to a title: 5,000 notes, none sharing a character.
    let ideographs = (0x20000..<(0x20000 + 40_000)).map { Character(UnicodeScalar($0)!) }
    let notes = stride(from: 0, to: ideographs.count, by: 8).map { start in
      Note(id: "n/\(start).md", title: String(ideographs[start..<start + 8]))
    }
    let vault = Vault(root: "/v", notes: notes)
    let catalog = NoteCatalog(vault: vault)
    for (start, query) in [(0, String(ideographs[0])), (16_000, String(ideographs[16_000...16_001])), (39_992, String(ideographs[39_999]))] {
      let id = "n/\(start).md"
      let found = FuzzyMatcher.matches(query, in: catalog, limit: 10_000).map { vault.notes[$0].id }
      XCTAssertTrue(found.contains(id), "\(query): \(found.prefix(5))")
      XCTAssertLessThan(found.count, notes.count / 2, "\(query) matches half the vault")
    }
    // Names read before the codes ran out (the catalog reads notes in id order) match
    // exactly as the direct match does.
    for query in vault.notes.prefix(3).map({ String($0.title.prefix(2)) }) + ["x"] {
      XCTAssertEqual(FuzzyMatcher.matches(query, in: catalog), FuzzyMatcher.matches(query, in: vault), query)
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

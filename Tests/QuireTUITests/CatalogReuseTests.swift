import QuireCore
@testable import QuireTUI
import XCTest

/// After an edit, the browser keeps its catalog (navigator orders, Ctrl-P names) when no
/// note changed what the catalog is made of: making it again took 150-200 ms of the input
/// thread at 100,000 notes.
final class CatalogReuseTests: XCTestCase {
  private func vault(_ notes: [Note]) -> Vault { Vault(root: "/v", notes: notes) }

  private let notes = [
    Note(id: "b.md", type: .finding, title: "Beta", date: "2024-01-01"),
    Note(id: "a.md", type: .concept, title: "Alpha", aliases: ["First"]),
    Note(id: "c.md", type: .finding, title: "Gamma"),
  ]

  func testAnEditOfTheTextKeepsTheCatalog() {
    let old = vault(notes)
    let catalog = NoteCatalog(vault: old)
    var edited = notes
    edited[0].lineCount = 99
    edited[2].tags = ["new"]
    XCTAssertTrue(catalog.serves(vault(edited), madeFor: old))
  }

  func testAChangeOfWhatTheCatalogOrdersOrMatchesMakesItAgain() {
    let old = vault(notes)
    let catalog = NoteCatalog(vault: old)
    let changes: [(String, (inout [Note]) -> Void)] = [
      ("title", { $0[0].title = "Zeta" }),
      ("type", { $0[1].type = .thread }),
      ("date", { $0[2].date = "2025-05-05" }),
      ("aliases", { $0[1].aliases = [] }),
      ("a note added", { $0.append(Note(id: "d.md", title: "Delta")) }),
      ("a note gone", { $0.removeLast() }),
      ("path", { $0[2].id = "cc.md" }),
    ]
    for (what, change) in changes {
      var changed = notes
      change(&changed)
      XCTAssertFalse(catalog.serves(vault(changed), madeFor: old), what)
    }
  }

  /// Ctrl-P's names are made when first asked for, from the notes the catalog was made
  /// from: kept for a later vault, it makes them from that vault's notes instead, and lets
  /// go of the first's (the first screen's outline, as the browser reads the whole vault).
  func testACatalogKeptForALaterVaultMakesItsNamesFromThatVault() throws {
    let outline = vault(notes)
    var state = AppState(vault: outline, width: 100, height: 30)
    _ = state.start()
    let catalog = state.catalog
    XCTAssertTrue(catalog.notesForNames?.first?.isUnchangedCopy(of: outline.notes[0]) == true)
    // Each note read again: the same names in boxes of their own.
    let loaded = vault(
      notes.map { note in
        var read = note
        read.lineCount = 40
        return read
      })
    _ = state.update(.vaultLoaded(loaded))
    XCTAssertTrue(state.catalog === catalog, "kept")
    let pending = try XCTUnwrap(catalog.notesForNames)
    XCTAssertTrue(pending[0].isUnchangedCopy(of: loaded.notes[0]), "the later vault's notes")
    XCTAssertFalse(pending[0].isUnchangedCopy(of: outline.notes[0]))
    XCTAssertEqual(FuzzyMatcher.matches("gam", in: catalog, limit: 5), [2])
    XCTAssertNil(catalog.notesForNames, "made, and the notes let go of")
  }

  /// Through the browser: an edit of a note's text keeps the navigator's order and the
  /// Ctrl-P answers; a new title re-sorts it.
  func testTheBrowserReloadsWithTheRightCatalog() throws {
    var state = AppState(vault: vault(notes), width: 100, height: 30)
    _ = state.start()
    let before = state.catalog
    var edited = notes
    edited[0].lineCount = 5
    _ = state.update(.vaultReloaded(vault(edited)))
    XCTAssertTrue(state.catalog === before)
    edited[0].title = "Aardvark"
    _ = state.update(.vaultReloaded(vault(edited)))
    XCTAssertFalse(state.catalog === before)
    XCTAssertEqual(state.catalog.byTitle.first, state.vault.index(of: "b.md"), "the renamed note sorts first")
  }
}

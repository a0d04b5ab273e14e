import Foundation
import QuireCore
import QuireMarkdown
import QuireTUI
import XCTest

/// The browser opened on an outline of a large vault (titles only, the open note in full)
/// says it is loading, then takes the whole vault without losing the reader's place.
final class OutlineLoadingTests: XCTestCase {
  private func outline(of vault: Vault, keeping id: String) -> Vault {
    let notes = vault.notes.map { note in
      note.id == id ? note : Note(id: note.id, type: note.type, title: note.title, hasExplicitTitle: true)
    }
    return Vault(root: vault.root, notes: notes)
  }

  func testLoadingMessageThenTheWholeVaultKeepsThePlace() throws {
    let full = try Fixture.vault()
    let start = "findings/sleeper.md"
    var state = AppState(vault: outline(of: full, keeping: start), width: 100, height: 30)
    var session = ScriptedSession(source: FileNoteSource(root: Fixture.root), searcher: InMemorySearcher(vault: full))
    session.perform(state.start(noteID: start), on: &state)
    state.loadingVault = "reading 5 notes…"

    var status = Renderer.render(state).line(29)
    XCTAssertTrue(status.contains("reading 5 notes…"), status)
    XCTAssertEqual(state.currentNote?.id, start)
    // The outline knows no other note's links: no backlinks yet.
    let index = try XCTUnwrap(state.vault.index(of: start))
    XCTAssertTrue(state.vault.backlinks(to: index).isEmpty)

    session.send(.key(.down), to: &state)
    let scroll = state.note?.scroll
    session.send(.vaultLoaded(full), to: &state)
    XCTAssertNil(state.loadingVault)
    XCTAssertEqual(state.currentNote?.id, start)
    XCTAssertEqual(state.note?.scroll, scroll)
    XCTAssertFalse(state.vault.backlinks(to: try XCTUnwrap(state.vault.index(of: start))).isEmpty)
    status = Renderer.render(state).line(29)
    XCTAssertTrue(status.contains("All \(full.notes.count) notes loaded"), status)
    XCTAssertNotNil(state.note?.layout, "the open note is laid out again")
  }
}

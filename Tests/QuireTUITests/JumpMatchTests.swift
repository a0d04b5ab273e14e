import QuireCore
import QuireTUI
import XCTest

/// Ctrl-P matches names off the input thread: a key shows the typed text at once, the
/// matches arrive later as an event, and only the newest request's matches are taken.
final class JumpMatchTests: XCTestCase {
  let sleeper = "findings/sleeper.md"
  let witness = "threads/witness.md"

  /// The request of the one name match among effects.
  private func matchRequest(_ effects: [Effect], file: StaticString = #filePath, line: UInt = #line) -> Int? {
    for effect in effects {
      if case .matchNames(_, _, let request) = effect { return request }
    }
    XCTFail("no name match asked for: \(effects)", file: file, line: line)
    return nil
  }

  /// The browser at the Sleeper finding with the Ctrl-P box just opened; effects are left
  /// to each test, which answers them (or not) itself.
  private func openBox() throws -> AppState {
    var state = try Harness(width: 80, height: 24, start: sleeper).state
    XCTAssertEqual(state.update(.key(.ctrl("p"))), [], "the empty box lists notes by title at once")
    return state
  }

  private func jumpPrompt(_ state: AppState) -> (text: String, matches: [Int], selected: Int)? {
    if case .jump(let text, let matches, let selected)? = state.prompt { return (text, matches, selected) }
    return nil
  }

  func testTypedLetterShowsAtOnceWithTheOldMatchesUntilTheNewOnesArrive() throws {
    var state = try openBox()
    let opened = try XCTUnwrap(jumpPrompt(state))
    XCTAssertEqual(opened.matches, FuzzyMatcher.matches("", in: state.catalog))
    XCTAssertFalse(state.jumpPending)

    let effects = state.update(.key(.character("w")))
    let request = try XCTUnwrap(matchRequest(effects))
    let typed = try XCTUnwrap(jumpPrompt(state))
    XCTAssertEqual(typed.text, "w")
    XCTAssertEqual(typed.matches, opened.matches, "the old matches stay until the new ones come")
    XCTAssertTrue(state.jumpPending)
    XCTAssertTrue(Renderer.render(state).text.contains("Jump to: w"))

    let found = FuzzyMatcher.matches("w", in: state.catalog)
    XCTAssertNotEqual(found, opened.matches)
    XCTAssertEqual(state.update(.nameMatches(text: "w", matches: found, request: request)), [])
    XCTAssertEqual(jumpPrompt(state)?.matches, found)
    XCTAssertFalse(state.jumpPending)
  }

  func testMatchesOfAnOlderRequestAreDropped() throws {
    var state = try openBox()
    let first = try XCTUnwrap(matchRequest(state.update(.key(.character("w")))))
    let second = try XCTUnwrap(matchRequest(state.update(.key(.character("i")))))
    XCTAssertGreaterThan(second, first)
    // Answers told apart by their notes (any indices of the vault do).
    let older = [0, 1]
    let newer = [2]
    XCTAssertNotEqual(jumpPrompt(state)?.matches, older)

    // The older answer arriving first is not shown, and the box still waits.
    _ = state.update(.nameMatches(text: "w", matches: older, request: first))
    XCTAssertNotEqual(jumpPrompt(state)?.matches, older)
    XCTAssertTrue(state.jumpPending)
    _ = state.update(.nameMatches(text: "wi", matches: newer, request: second))
    XCTAssertEqual(jumpPrompt(state)?.matches, newer)
    // Nor does it overwrite the newer one when it comes last.
    _ = state.update(.nameMatches(text: "w", matches: older, request: first))
    XCTAssertEqual(jumpPrompt(state)?.text, "wi")
    XCTAssertEqual(jumpPrompt(state)?.matches, newer)
    XCTAssertFalse(state.jumpPending)
  }

  /// Enter before the matches of the typed text have come opens the best match of that
  /// text, not the selected row of the older list on screen.
  func testEnterBeforeTheMatchesArriveOpensTheBestMatchOfTheTypedText() throws {
    var harness = try Harness(width: 80, height: 24, start: sleeper)
    var state = try openBox()
    var requests: [Int] = []
    for letter in "witn" {
      requests += [try XCTUnwrap(matchRequest(state.update(.key(.character(letter)))))]
    }
    let listed = try XCTUnwrap(jumpPrompt(state)?.matches.first)
    XCTAssertNotEqual(state.vault.notes[listed].id, witness, "the list on screen is the unfiltered one")
    // A row chosen in that list does not count either: it is not a match of the text.
    _ = state.update(.key(.down))
    let effects = state.update(.key(.enter))
    XCTAssertNil(state.prompt)
    XCTAssertEqual(state.currentNote?.id, witness)
    XCTAssertEqual(state.focus, .note)
    // The answer to the last letter, arriving after Enter, changes nothing.
    _ = state.update(.nameMatches(text: "witn", matches: [listed], request: requests.last ?? 0))
    XCTAssertNil(state.prompt)
    harness.state = state
    harness.session.perform(effects, on: &harness.state)
    XCTAssertEqual(harness.noteID, witness)
    XCTAssertNotNil(harness.state.note?.layout)
  }

  /// Backspace to an empty box lists the notes by title at once, and an answer for the
  /// longer text that arrives afterwards is dropped.
  func testEmptyTextListsTheNotesAtOnce() throws {
    var state = try openBox()
    let request = try XCTUnwrap(matchRequest(state.update(.key(.character("w")))))
    XCTAssertEqual(state.update(.key(.backspace)), [])
    let all = FuzzyMatcher.matches("", in: state.catalog)
    XCTAssertEqual(jumpPrompt(state)?.matches, all)
    XCTAssertFalse(state.jumpPending)
    _ = state.update(.nameMatches(text: "w", matches: [0], request: request))
    XCTAssertEqual(jumpPrompt(state)?.matches, all)
  }

  /// The scripted session matches in line: the box shows the answer after each key.
  func testScriptedSessionShowsTheMatchesAfterEachKey() throws {
    var harness = try Harness(width: 80, height: 24, start: sleeper)
    harness.press("<C-p> witn")
    XCTAssertFalse(harness.state.jumpPending)
    let matches = try XCTUnwrap(jumpPrompt(harness.state)?.matches)
    XCTAssertEqual(matches, FuzzyMatcher.matches("witn", in: harness.state.catalog))
    XCTAssertEqual(matches.first.map { harness.state.vault.notes[$0].id }, witness)
    harness.press("<Down> <Up> <Enter>")
    XCTAssertEqual(harness.noteID, witness)
  }

  /// A box left open while the vault is read again keeps its notes (by id, in the new
  /// vault) and asks for the typed text's matches in the new vault.
  func testVaultReadAgainWhileTheBoxIsOpenMatchesAgain() throws {
    var harness = try Harness(width: 80, height: 24, start: sleeper)
    harness.press("<C-p> witn")
    let before = try XCTUnwrap(jumpPrompt(harness.state))
    let ids = before.matches.map { harness.state.vault.notes[$0].id }
    // The same notes in reverse order: every index moves.
    let old = harness.state.vault
    let reversed = Vault(root: old.root, notes: old.notes.reversed())
    var state = harness.state
    let effects = state.update(.vaultReloaded(reversed))
    let request = try XCTUnwrap(matchRequest(effects))
    let kept = try XCTUnwrap(jumpPrompt(state))
    XCTAssertEqual(kept.text, "witn")
    XCTAssertEqual(kept.matches.map { state.vault.notes[$0].id }, ids)
    XCTAssertTrue(state.jumpPending)
    _ = state.update(
      .nameMatches(text: "witn", matches: FuzzyMatcher.matches("witn", in: state.catalog), request: request))
    XCTAssertEqual(jumpPrompt(state)?.matches.map { state.vault.notes[$0].id }, ids)
    XCTAssertFalse(state.jumpPending)
  }
}

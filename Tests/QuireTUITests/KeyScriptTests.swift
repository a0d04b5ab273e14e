import QuireCore
import QuireTUI
import QuireTestSupport
import XCTest

/// Scripts of keys through `update` and `render`, compared with saved screens.
final class KeyScriptTests: XCTestCase {
  let sleeper = "findings/sleeper.md"
  let witness = "threads/witness.md"

  /// Tab to the thread link (the first link of the Threads section) and follow it.
  private func followThreadLink(_ harness: inout Harness) {
    harness.press("o")
    let rows = harness.state.contextRows
    guard let threads = rows.firstIndex(where: { row in
      if case .section(let index) = row { return harness.state.currentNote?.sections[index].title == "Threads" }
      return false
    }) else { return XCTFail("no Threads section in the outline") }
    for _ in 0..<(threads - harness.state.contextSelection) { harness.press("j") }
    harness.press("<Enter> <Tab>")
    XCTAssertTrue(harness.state.message?.contains("threads/witness.md") ?? false, harness.state.message ?? "")
    harness.press("<Enter>")
  }

  func testFollowLinkToSectionHighlightsTheHeading() throws {
    for (width, height) in [(80, 24), (120, 40)] {
      var harness = try Harness(width: width, height: height, start: sleeper)
      harness.assertScreen("open-sleeper-\(width)x\(height)")
      followThreadLink(&harness)
      XCTAssertEqual(harness.noteID, witness)
      let formation = harness.state.currentNote?.section(named: "The Positive Formation")?.index
      XCTAssertNotNil(formation)
      XCTAssertEqual(harness.state.note?.highlightedSection, formation)
      let screen = harness.screen
      let row = try XCTUnwrap(ScreenAssertions.row(containing: "## The Positive Formation", in: screen))
      XCTAssertEqual(row, width >= 100 ? 1 : 2, "the heading is the note's first text line")
      let x = try XCTUnwrap(screen.line(row).firstRange(of: "The Positive").map {
        screen.line(row).distance(from: screen.line(row).startIndex, to: $0.lowerBound)
      })
      XCTAssertEqual(screen[x, row].style.background, Theme.headingHighlight.background)
      harness.assertScreen("follow-section-\(width)x\(height)")
    }
  }

  func testLinksLoadedWithoutTheirTextsListTheTextsTheNoteShows() throws {
    // As the browser loads a cached vault: no link keeps its text in memory.
    let lean = { (vault: Vault) -> Vault in
      var notes = vault.notes
      for note in notes.indices {
        for link in notes[note].links.indices { notes[note].links[link].leaveOutText() }
      }
      return Vault(root: vault.root, notes: notes)
    }
    var whole = try Harness(width: 120, height: 40, start: sleeper)
    var leanHarness = try Harness(width: 120, height: 40, start: sleeper, adjust: lean)
    XCTAssertTrue(leanHarness.state.currentNote?.links.allSatisfy { $0.textLeftOut || $0.text.isEmpty } ?? false)
    whole.press("L")
    leanHarness.press("L")
    XCTAssertEqual(leanHarness.screen.text, whole.screen.text)
    XCTAssertNotNil(ScreenAssertions.row(containing: "→ Witness thread", in: leanHarness.screen), leanHarness.screen.text)
    XCTAssertNotNil(ScreenAssertions.row(containing: "✗ Missing note (ghost)", in: leanHarness.screen), leanHarness.screen.text)
  }

  func testBackAndForwardKeepScrollAndSelectedLink() throws {
    var harness = try Harness(width: 80, height: 24, start: sleeper)
    followThreadLink(&harness)
    XCTAssertEqual(harness.noteID, witness)
    harness.press("<BS>")
    XCTAssertEqual(harness.noteID, sleeper)
    XCTAssertNotNil(harness.state.note?.selectedLink, "the followed link is selected again")
    XCTAssertGreaterThan(harness.state.note?.scroll ?? 0, 0, "the scroll position is kept")
    harness.assertScreen("back-80x24")
    harness.press("l")
    XCTAssertEqual(harness.noteID, witness)
    harness.press("h")
    XCTAssertEqual(harness.noteID, sleeper)
    harness.press("<Right>")
    XCTAssertEqual(harness.noteID, witness)
  }

  func testOutlineJump() throws {
    var harness = try Harness(width: 120, height: 40, start: witness)
    harness.press("o")
    XCTAssertEqual(harness.state.focus, .context)
    harness.press("G")
    harness.press("<Enter>")
    let open = harness.state.currentNote?.section(named: "Open questions")?.index
    XCTAssertEqual(harness.state.note?.highlightedSection, open)
    XCTAssertEqual(harness.state.focus, .note)
    harness.assertScreen("outline-jump-120x40")
    harness.press("<BS>")
    XCTAssertEqual(harness.state.note?.scroll, 0, "back returns to the top")
  }

  func testBacklinksGroupedBySection() throws {
    var harness = try Harness(width: 120, height: 40, start: witness)
    harness.press("b")
    let rows = harness.state.contextRows
    let groups = rows.compactMap { row -> Int?? in
      if case .backlinkGroup(let section, _) = row { return .some(section) }
      return nil
    }
    let note = try XCTUnwrap(harness.state.currentNote)
    let names = groups.map { $0.map { note.sections[$0].title } ?? "whole" }
    XCTAssertEqual(names, ["whole", "The Positive Formation", "The Postern Door"])
    harness.assertScreen("backlinks-120x40")
    // At the Postern Door, `b` selects that section's group first.
    harness.press("<Esc> o")
    let postern = try XCTUnwrap(rows.isEmpty ? nil : note.section(named: "The Postern Door")?.index)
    while harness.state.contextRows[harness.state.contextSelection] != .section(postern) { harness.press("j") }
    harness.press("<Enter> b")
    XCTAssertEqual(harness.state.contextRows[harness.state.contextSelection], .backlinkGroup(section: postern, count: 2))
    harness.assertScreen("backlinks-postern-120x40")
  }

  func testSearchPromptUpdatesAsYouType() throws {
    var harness = try Harness(width: 80, height: 24, start: sleeper)
    harness.press("/ conceal")
    XCTAssertEqual(harness.state.focus, .navigator)
    let hits = try XCTUnwrap(harness.state.hits)
    XCTAssertFalse(hits.isEmpty)
    harness.assertScreen("search-80x24")
    harness.press("<Enter>")
    XCTAssertNil(harness.state.prompt)
    XCTAssertEqual(harness.noteID, hits[0].id)
    harness.press("n")
    XCTAssertTrue(harness.state.message?.hasPrefix("Match 1 of") ?? false, harness.state.message ?? "")
  }

  func testStaleSearchResultsNeverOverwriteNewerOnes() throws {
    var harness = try Harness(width: 80, height: 24, start: sleeper)
    var state = harness.state
    var effects = state.update(.key(.character("/")))
    effects = state.update(.key(.character("a")))
    guard case .search(_, _, let first)? = effects.first else { return XCTFail("no search effect") }
    effects = state.update(.key(.character("b")))
    guard case .search(_, _, let second)? = effects.first else { return XCTFail("no search effect") }
    let newer = SearchHit(id: witness, title: "newer", type: .thread, score: 2)
    let older = SearchHit(id: sleeper, title: "older", type: .finding, score: 1)
    _ = state.update(.searchResults(query: "ab", hits: [newer], request: second))
    _ = state.update(.searchResults(query: "a", hits: [older], request: first))
    XCTAssertEqual(state.hits?.map(\.title), ["newer"])
    harness.state = state
  }

  /// Answers from a searcher that has no full index yet say so where the prompt's hint
  /// goes; answers from the index bring the hint back.
  func testSearchAnsweredWithoutTheIndexSaysSo() throws {
    var harness = try Harness(width: 100, height: 24, start: sleeper)
    var state = harness.state
    var effects = state.update(.key(.character("/")))
    effects = state.update(.key(.character("s")))
    guard case .search(_, _, let request)? = effects.first else { return XCTFail("no search effect") }
    let hit = SearchHit(id: witness, title: "A thread", type: .thread, score: 1)
    _ = state.update(.searchResults(query: "s", hits: [hit], request: request, notice: "titles only: full index coming"))
    harness.state = state
    let status = { (screen: ScreenBuffer) in screen.line(screen.height - 1) }
    XCTAssertTrue(status(harness.screen).contains("titles only: full index coming"), status(harness.screen))
    effects = state.update(.key(.character("l")))
    guard case .search(_, _, let next)? = effects.first else { return XCTFail("no search effect") }
    _ = state.update(.searchResults(query: "sl", hits: [hit], request: next))
    harness.state = state
    XCTAssertFalse(status(harness.screen).contains("full index coming"))
    XCTAssertTrue(status(harness.screen).contains("Enter opens"), status(harness.screen))
  }

  func testResizeToTinyAndBack() throws {
    var harness = try Harness(width: 120, height: 40, start: sleeper)
    harness.press("j j <Tab>")
    let before = harness.screen
    for (width, height) in [(60, 20), (20, 5), (1, 1), (0, 0), (3, 2), (24, 6)] {
      harness.send(.resize(width: width, height: height))
      let screen = harness.screen
      XCTAssertEqual(screen.width, width)
      harness.press("j <Tab> o b <Esc>")
    }
    harness.send(.resize(width: 1, height: 1))
    XCTAssertEqual(harness.screen.text, "t")
    harness.send(.resize(width: 20, height: 5))
    harness.assertScreen("tiny-20x5")
    harness.send(.resize(width: 120, height: 40))
    harness.press("<Esc> <Esc>")
    XCTAssertEqual(harness.screen.width, before.width)
    harness.assertScreen("resized-back-120x40")
  }

  func testJumpByFuzzyTitle() throws {
    var harness = try Harness(width: 80, height: 24, start: sleeper)
    harness.press("<C-p> witn")
    harness.assertScreen("jump-80x24")
    harness.press("<Enter>")
    XCTAssertEqual(harness.noteID, witness)
  }

  func testGhostAndExternalLinksSaySoInTheStatusLine() throws {
    var harness = try Harness(width: 120, height: 40, start: sleeper)
    harness.press("G <S-Tab>")
    XCTAssertTrue(harness.state.message?.contains("Ghost note") ?? false, harness.state.message ?? "")
    harness.press("<Enter>")
    XCTAssertEqual(harness.noteID, sleeper, "a ghost link goes nowhere")
    harness.press("<S-Tab>")
    XCTAssertTrue(harness.state.message?.contains("https://arxiv.org/abs/2401.05566") ?? false)
    harness.press("x")
    XCTAssertEqual(harness.session.recorded.last, .openURL("https://arxiv.org/abs/2401.05566"))
  }

  func testHelpListsEveryCommandAndEditIsAnEffect() throws {
    var harness = try Harness(width: 120, height: 40, start: sleeper)
    harness.press("?")
    let text = harness.screen.text
    for command in CommandTable.all { XCTAssertTrue(text.contains(command.help), command.help) }
    harness.press("<Esc> e")
    guard case .edit(let path)? = harness.session.recorded.last else { return XCTFail("no edit effect") }
    XCTAssertTrue(path.hasSuffix("/findings/sleeper.md"))
    harness.press("q")
    XCTAssertEqual(harness.session.recorded.last, .quit)
  }

  func testMouseClickFollowsALink() throws {
    var harness = try Harness(width: 120, height: 40, start: sleeper)
    harness.press("o")
    while harness.state.contextRows[harness.state.contextSelection] != .section(2) { harness.press("j") }
    harness.press("<Enter>")
    let screen = harness.screen
    let row = try XCTUnwrap(ScreenAssertions.row(containing: "Witness thread", in: screen))
    let line = screen.line(row)
    let column = try XCTUnwrap(line.firstRange(of: "Witness thread")).lowerBound
    harness.send(.key(.click(x: line.distance(from: line.startIndex, to: column) + 2, y: row)))
    XCTAssertEqual(harness.noteID, witness)
  }

  func testFrameBenchmarkReturnsOneDurationPerKey() throws {
    let vault = try Fixture.vault()
    let keys = FrameBenchmark.typicalKeys
    let durations = FrameBenchmark.run(
      vault: vault, source: QuireMarkdownSource.make(Fixture.root), keys: keys, width: 80, height: 24)
    XCTAssertEqual(durations.count, keys.count)
  }
}

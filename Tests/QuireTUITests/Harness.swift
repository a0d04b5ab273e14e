import Foundation
import QuireCore
import QuireMarkdown
import QuireTUI
import QuireTestSupport
import XCTest

/// The fixture vault under `Fixtures/vault`, loaded with the real loader.
enum Fixture {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/vault")
  static let screens = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Screens")

  static func vault() throws -> Vault {
    try VaultLoader(root: root, options: .init(keepText: true)).load()
  }
}

/// A browser driven by key scripts: update, effects performed in line, render.
struct Harness {
  var state: AppState
  var session: ScriptedSession

  /// - Parameter adjust: changes the fixture vault before the browser opens it.
  init(
    width: Int = 80, height: Int = 24, start: String? = nil, section: Int? = nil,
    adjust: (Vault) -> Vault = { $0 }
  ) throws {
    let vault = adjust(try Fixture.vault())
    state = AppState(vault: vault, width: width, height: height)
    session = ScriptedSession(
      source: FileNoteSource(root: Fixture.root), searcher: InMemorySearcher(vault: vault))
    session.perform(state.start(noteID: start, section: section), on: &state)
  }

  mutating func press(_ script: String) {
    for key in KeyScript.parse(script) { session.send(.key(key), to: &state) }
  }

  mutating func send(_ event: Event) { session.send(event, to: &state) }

  var screen: ScreenBuffer { Renderer.render(state) }

  /// Compares the screen with `Screens/<name>.txt`.
  func assertScreen(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
    if let failure = ScreenAssertions.mismatch(screen, savedAs: name, in: Fixture.screens) {
      XCTFail(failure, file: file, line: line)
    }
  }

  var noteID: String? { state.currentNote?.id }
}

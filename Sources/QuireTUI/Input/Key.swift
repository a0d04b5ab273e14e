import QuireCore

/// A key press or mouse click, as the browser understands it (no terminal codes).
public enum Key: Sendable, Hashable {
  case character(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case tab, backTab, enter, backspace, escape
  /// Ctrl plus a letter, lower case (`ctrl("p")` for Ctrl-P).
  case ctrl(Character)
  /// A left click at a screen cell.
  case click(x: Int, y: Int)

  /// How help and the README write the key.
  public var label: String {
    switch self {
    case .character(" "): "Space"
    case .character(let character): String(character)
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .enter: "Enter"
    case .backspace: "Backspace"
    case .escape: "Esc"
    case .ctrl(let letter): "Ctrl-" + String(letter).uppercased()
    case .click: "click"
    }
  }
}

/// Everything that can change the browser: keys, sizes, and the answers to effects.
public enum Event: Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
  /// A note's document, read in answer to `Effect.loadDocument`.
  case documentLoaded(id: String, document: Document, request: Int)
  /// Hits for a query, in answer to `Effect.search`; `request` tells stale answers apart.
  /// `notice`: what the searcher said of its answers (`NoteSearcher.notice`).
  case searchResults(query: String, hits: [SearchHit], request: Int, notice: String? = nil)
  /// The Ctrl-P box's best notes (indices in the vault) for its text, in answer to
  /// `Effect.matchNames`; `request` tells stale answers apart.
  case nameMatches(text: String, matches: [Int], request: Int)
  /// A vault read afresh (after the editor returned).
  case vaultReloaded(Vault)
  /// The whole vault, read in the background after the browser opened on an outline of it
  /// (`AppState.loadingVault`).
  case vaultLoaded(Vault)
  /// Something failed; shown in the status line.
  case failed(String)
}

/// Work the browser asks its host to do; the answer comes back as an `Event`.
public enum Effect: Sendable, Hashable {
  case loadDocument(id: String, request: Int)
  case search(query: String, limit: Int, request: Int)
  /// Match the Ctrl-P box's text against the names of `AppState.catalog`
  /// (`FuzzyMatcher.matches(_:in:limit:)`) and answer with `Event.nameMatches`: on
  /// 100,000 notes that takes longer than a frame, so it runs off the input path.
  case matchNames(text: String, limit: Int, request: Int)
  /// Suspend the screen, run `$EDITOR` on the file (an absolute path), then reload.
  case edit(path: String)
  case openURL(String)
  case quit
}

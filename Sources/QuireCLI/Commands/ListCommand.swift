import ArgumentParser

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "Not built yet.")
  @OptionGroup var vaultOptions: VaultOptions
  func run() throws { throw CLIFailure("'list' is not built yet") }
}

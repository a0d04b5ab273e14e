import ArgumentParser

struct BacklinksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "backlinks", abstract: "Not built yet.")
  @OptionGroup var vaultOptions: VaultOptions
  func run() throws { throw CLIFailure("'backlinks' is not built yet") }
}

import ArgumentParser

struct LinksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "links", abstract: "Not built yet.")
  @OptionGroup var vaultOptions: VaultOptions
  func run() throws { throw CLIFailure("'links' is not built yet") }
}

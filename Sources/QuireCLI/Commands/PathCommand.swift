import ArgumentParser

struct PathCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "path", abstract: "Not built yet.")
  @OptionGroup var vaultOptions: VaultOptions
  func run() throws { throw CLIFailure("'path' is not built yet") }
}

import ArgumentParser

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Not built yet.")
  @OptionGroup var vaultOptions: VaultOptions
  func run() throws { throw CLIFailure("'check' is not built yet") }
}

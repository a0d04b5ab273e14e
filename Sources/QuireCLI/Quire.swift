import ArgumentParser
import Foundation

/// The `quire` command: a terminal browser and linker for vaults of Markdown notes.
public struct Quire: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "quire",
    abstract: "Browse, search and link a vault of Markdown research notes.",
    discussion: """
      With no command, opens the terminal browser on the vault, at NOTE when one is given (NOTE#Section opens at a section). NOTE may be a path, a file name, a title or an alias.

      The vault is --vault DIR, else $QUIRE_VAULT, else the nearest folder above the working directory that holds a .quire/ folder, else ./Notes when it exists, else the working directory.
      """,
    version: "0.1.0",
    subcommands: [
      BrowseCommand.self, ListCommand.self, ShowCommand.self, LinksCommand.self,
      BacklinksCommand.self, SearchCommand.self, GraphCommand.self, PathCommand.self,
      CheckCommand.self, IndexCommand.self,
      LinkCommand.self, ImportCommand.self, MoveCommand.self,
    ],
    defaultSubcommand: BrowseCommand.self
  )

  public init() {}

  /// Runs the command line, accepting `--vault` before the command name as well as after it.
  public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
    do {
      var command = try parseAsRoot(VaultOptions.movingVaultOption(in: arguments))
      try command.run()
      exit(withError: nil)
    } catch let failure as CLIFailure {
      FileHandle.standardError.write(Data("Error: \(failure.message)\n".utf8))
      Foundation.exit(failure.exitCode)
    } catch {
      exit(withError: error)
    }
  }
}

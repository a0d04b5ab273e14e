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
      if let mistyped = mistypedCommand(in: arguments) { throw mistyped }
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

extension Quire {
  /// A first word that names no command, followed by more words than the browser takes
  /// (one note), is a mistyped command: `quire serach sleeper` says so, with the nearest
  /// name, rather than the browser's "unexpected argument". A first word alone stays a
  /// note to open.
  static func mistypedCommand(in arguments: [String]) -> CLIFailure? {
    // `--vault DIR` may come first.
    var arguments = arguments[...]
    while let option = arguments.first, option == "--vault" || option.hasPrefix("--vault=") {
      arguments = arguments.dropFirst(option == "--vault" ? 2 : 1)
    }
    guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
    var names: [String] = []
    for command in configuration.subcommands {
      names.append(command._commandName)
      names += command.configuration.aliases
    }
    guard !names.contains(first), first != "help" else { return nil }
    var words = 0
    var rest = arguments.dropFirst()[...]
    while let argument = rest.popFirst() {
      if argument == "--vault" {
        _ = rest.popFirst()
      } else if !argument.hasPrefix("-") {
        words += 1
      }
    }
    guard words > 0 else { return nil }
    let listed = configuration.subcommands.map { $0._commandName }
    let nearest = listed.map { ($0, editDistance(first.lowercased(), $0)) }.min { $0.1 < $1.1 }
    let hint = nearest.flatMap { $0.1 <= 2 ? " (did you mean '\($0.0)'?)" : nil } ?? ""
    return CLIFailure(
      "unknown command '\(first)'\(hint); the commands are \(listed.joined(separator: ", "))")
  }

  /// Levenshtein distance between two short words, by characters.
  static func editDistance(_ left: String, _ right: String) -> Int {
    let a = Array(left)
    let b = Array(right)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
  }
}

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
    // The words, without `--vault DIR` (which may stand anywhere) and other options; an
    // option before the first word (`quire --json x y`) is the parser's to judge.
    var words: [String] = []
    var optionFirst = false
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      if argument == "--vault" {
        _ = rest.popFirst()
      } else if argument.hasPrefix("--vault=") {
        continue
      } else if argument.hasPrefix("-") {
        if words.isEmpty { optionFirst = true }
      } else {
        words.append(argument)
      }
    }
    guard !optionFirst, let first = words.first else { return nil }
    let names = configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases }
    guard !names.contains(first), first != "help", words.count > 1 else { return nil }
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
    // previous[j]: the distance from the characters of `a` before this one to the first j of `b`.
    var previous = Array(0...b.count)
    for (i, character) in a.enumerated() {
      var current = [i + 1]
      for j in b.indices {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (character == b[j] ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}

import ArgumentParser
import Foundation
import QuireCore
import QuireMarkdown
import QuireSearch

/// The `--vault` option every command takes, and how a vault is found without it.
struct VaultOptions: ParsableArguments {
  @Option(
    name: .long, help: ArgumentHelp("The vault folder.", valueName: "DIR"),
    completion: .directory)
  var vault: String?

  /// The vault folder: `--vault`, else `$QUIRE_VAULT`, else the nearest ancestor holding
  /// `.quire/`, else `./Notes` when it exists, else the working directory.
  func resolvedRoot(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) -> URL {
    if let vault, !vault.isEmpty { return URL(fileURLWithPath: vault, relativeTo: workingDirectory) }
    if let fromEnvironment = environment["QUIRE_VAULT"], !fromEnvironment.isEmpty {
      return URL(fileURLWithPath: fromEnvironment, relativeTo: workingDirectory)
    }
    var folder = workingDirectory.standardizedFileURL
    while true {
      var isFolder: ObjCBool = false
      let marker = folder.appendingPathComponent(".quire").path
      if FileManager.default.fileExists(atPath: marker, isDirectory: &isFolder), isFolder.boolValue {
        return folder
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    let notes = workingDirectory.appendingPathComponent("Notes")
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: notes.path, isDirectory: &isFolder), isFolder.boolValue {
      return notes
    }
    return workingDirectory
  }

  /// Loads the vault, or fails with a clear message and exit code 2.
  ///
  /// When the vault has a search cache (`quire index`, `quire search` or the browser made
  /// it), a note whose size and modification time agree with the cache is taken from it
  /// and its file is not read; the rest are parsed. No cache is made here. Commands that
  /// rewrite notes pass `fromCache: false`: the byte ranges of their edits come from a
  /// parse of the files as they are, never from a cache trusted on size and time.
  func load(keepText: Bool = false, fromCache: Bool = true) throws -> Vault {
    let root = resolvedRoot()
    do {
      let cache = fromCache ? Self.existingCache(of: root) : nil
      return try VaultLoader(root: root, options: .init(keepText: keepText, cache: cache)).load()
    } catch {
      throw CLIFailure(error.localizedDescription)
    }
  }

  /// The parsed notes of the vault's search cache, when it exists, is of this version
  /// and holds any; an old or damaged cache is left as it is (the next `quire index`,
  /// search or browser rebuilds it, saying so).
  static func existingCache(of root: URL) -> NoteCacheSnapshot? {
    guard let index = SearchIndex.openExisting(vaultRoot: root) else { return nil }
    let snapshot = index.loadNoteCache()
    return snapshot.count > 0 ? snapshot : nil
  }

  /// Moves `--vault DIR` (or `--vault=DIR`) written before the command name to after it,
  /// so that `quire --vault V list` and `quire list --vault V` mean the same.
  static func movingVaultOption(in arguments: [String]) -> [String] {
    let commands = Set(Quire.configuration.subcommands.map { $0._commandName })
    guard let commandIndex = arguments.firstIndex(where: { commands.contains($0) }) else {
      return arguments
    }
    var before = Array(arguments[..<commandIndex])
    var moved: [String] = []
    var index = 0
    while index < before.count {
      let argument = before[index]
      if argument == "--vault", index + 1 < before.count {
        moved += [argument, before[index + 1]]
        before.removeSubrange(index...(index + 1))
      } else if argument.hasPrefix("--vault=") {
        moved.append(argument)
        before.remove(at: index)
      } else {
        index += 1
      }
    }
    guard !moved.isEmpty else { return arguments }
    return before + [arguments[commandIndex]] + moved + arguments[(commandIndex + 1)...]
  }
}

/// A failure the user must see: printed as `Error: message`, exit code 2 by default.
struct CLIFailure: Error, CustomStringConvertible {
  var message: String
  var exitCode: Int32
  init(_ message: String, exitCode: Int32 = 2) {
    self.message = message
    self.exitCode = exitCode
  }
  var description: String { message }
}

import Foundation

/// Runs the editor and the URL opener as child programs, never through a shell.
enum ExternalPrograms {
  /// The editor command: `$VISUAL`, else `$EDITOR`, else `vi`, split into words.
  static func editorCommand(environment: [String: String]) -> [String] {
    for name in ["VISUAL", "EDITOR"] {
      let words = (environment[name] ?? "").split(separator: " ").map(String.init)
      if !words.isEmpty { return words }
    }
    return ["vi"]
  }

  /// Runs the editor on a file and waits for it; the path is one argument whatever it holds.
  static func edit(path: String, environment: [String: String]) throws -> Int32 {
    let command = editorCommand(environment: environment)
    // `--` stops env reading an editor word or a path as its own option.
    return try run(["--"] + command + [path], wait: true)
  }

  /// Opens a URL with xdg-open, if it is installed; does not wait.
  static func open(url: String) throws -> Bool {
    guard find("xdg-open") != nil else { return false }
    _ = try run(["xdg-open", url], wait: false, quiet: true)
    return true
  }

  static func find(_ program: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = String(folder) + "/" + program
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs `/usr/bin/env` with the arguments (env finds the program on PATH, no shell).
  private static func run(_ arguments: [String], wait: Bool, quiet: Bool = false) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if quiet {
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    guard wait else { return 0 }
    process.waitUntilExit()
    return process.terminationStatus
  }
}

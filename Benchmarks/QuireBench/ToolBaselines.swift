import Foundation

/// The command-line tools Quire is compared with, each run over the same files when installed.
enum ToolBaselines {
  /// `cmark-gfm --extension table --extension autolink --extension strikethrough FILES > /dev/null`.
  ///
  /// The tool joins the files of one invocation into one document and renders HTML, which goes
  /// to /dev/null. The file list is split into batches that fit in the argument space and the
  /// batches run one after the other, so this is one core's work.
  static func cmarkCommand(_ files: VaultFiles) throws -> Double? {
    guard let tool = ChildProcess.which("cmark-gfm") else { return nil }
    let flags = CmarkBaseline.extensions.flatMap { ["--extension", $0] }
    var seconds = 0.0
    for batch in batches(files.paths, limit: 1_000_000) {
      let outcome = try ChildProcess.run(tool, flags + batch, in: files.root, discardOutput: true)
      guard outcome.status == 0 else { throw BenchError.failed("cmark-gfm exited \(outcome.status)") }
      seconds += outcome.seconds
    }
    return seconds
  }

  /// Splits paths into lists whose total length stays under `limit` bytes of arguments.
  static func batches(_ paths: [String], limit: Int) -> [[String]] {
    var result: [[String]] = []
    var current: [String] = []
    var size = 0
    for path in paths {
      if size + path.utf8.count + 1 > limit && !current.isEmpty {
        result.append(current)
        current = []
        size = 0
      }
      current.append(path)
      size += path.utf8.count + 1
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  /// Seconds of `rg --count-matches --ignore-case --fixed-strings WORD` over the vault, per word.
  static func ripgrep(_ files: VaultFiles, words: [String]) throws -> [Double]? {
    guard let tool = ChildProcess.which("rg") else { return nil }
    return try words.map { word in
      let outcome = try ChildProcess.run(
        tool, ["--count-matches", "--ignore-case", "--fixed-strings", "--glob", "*.md", "--", word, "."],
        in: files.root, discardOutput: true)
      // rg exits 1 when nothing matched, which is an answer, not a failure.
      guard outcome.status <= 1 else { throw BenchError.failed("rg exited \(outcome.status)") }
      return outcome.seconds
    }
  }

  /// Seconds the sqlite3 shell needs to fill a plain FTS5 table with every note of the vault.
  ///
  /// Uses the shell's own `fsdir` and `readfile`, so no file goes through this bench:
  /// `INSERT INTO notes SELECT name, CAST(readfile(name) AS TEXT) FROM fsdir('.') ...`.
  static func sqliteFTS5(_ files: VaultFiles, scratch: URL) throws -> (seconds: Double, rows: Int)? {
    guard let tool = ChildProcess.which("sqlite3") else { return nil }
    let database = scratch.appendingPathComponent("fts5-\(ProcessInfo.processInfo.processIdentifier).db")
    try? FileManager.default.removeItem(at: database)
    defer { try? FileManager.default.removeItem(at: database) }
    let script = """
      CREATE VIRTUAL TABLE notes USING fts5(path, body);
      INSERT INTO notes SELECT name, CAST(readfile(name) AS TEXT) FROM fsdir('.')
        WHERE name LIKE '%.md' AND substr(name, 2) NOT LIKE '%/.%';
      SELECT count(*) FROM notes;

      """
    let outcome = try ChildProcess.run(tool, [database.path], in: files.root, input: Data(script.utf8))
    guard outcome.status == 0 else {
      throw BenchError.failed("sqlite3 failed: \(String(decoding: outcome.errors, as: UTF8.self))")
    }
    let rows =
      Int(String(decoding: outcome.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
      ?? 0
    return (outcome.seconds, rows)
  }
}

import Foundation
import XCTest

/// Runs the command-line transcripts in `Transcripts/`: each `$ quire ...` line runs the
/// real binary in a fresh copy of `Fixtures/`, and its standard output, standard error
/// (lines starting `2> `) and exit status (`? N`, 0 when absent) must match.
///
/// `QUIRE_RECORD=1 swift test --filter TranscriptTests` writes the actual output back.
final class TranscriptTests: XCTestCase {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  func testTranscripts() throws {
    let files = try FileManager.default.contentsOfDirectory(
      at: Self.folder.appendingPathComponent("Transcripts"), includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "t" }.sorted { $0.path < $1.path }
    XCTAssertFalse(files.isEmpty, "no transcripts found")
    for file in files {
      try runTranscript(file)
    }
  }

  private func runTranscript(_ file: URL) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    let workspace = try CLIWorkspace()
    defer { workspace.remove() }
    var recorded: [String] = []
    var changed = false
    for block in Transcript.parse(text) {
      guard let command = block.command else {
        recorded += block.comment
        continue
      }
      let result = try workspace.run(command)
      let expected = block.expectedText
      let actual = Transcript.render(command: command, result: result)
      recorded += block.comment + actual
      if actual.joined(separator: "\n") != expected.joined(separator: "\n") {
        changed = true
        if ProcessInfo.processInfo.environment["QUIRE_RECORD"] == nil {
          XCTFail(
            """
            \(file.lastPathComponent): $ \(command)
            --- expected
            \(expected.joined(separator: "\n"))
            --- actual
            \(actual.joined(separator: "\n"))
            """)
        }
      }
    }
    if changed, ProcessInfo.processInfo.environment["QUIRE_RECORD"] != nil {
      try (recorded.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    }
  }
}

/// One transcript file: a comment, then `$ command` blocks with their expected results.
enum Transcript {
  struct Block {
    var comment: [String] = []
    var command: String?
    var body: [String] = []

    /// The block as it should read: command, output, stderr, status.
    var expectedText: [String] {
      var lines = ["$ " + (command ?? "")] + body
      while lines.last == "" { lines.removeLast() }
      return lines + [""]
    }
  }

  /// Lines before the first `$ ` are a comment; every later line belongs to the command
  /// above it (so output may hold lines starting with `#`).
  static func parse(_ text: String) -> [Block] {
    var blocks: [Block] = [Block()]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("$ ") {
        blocks.append(Block(command: String(line.dropFirst(2))))
      } else if blocks.count == 1 {
        blocks[0].comment.append(line)
      } else {
        blocks[blocks.count - 1].body.append(line)
      }
    }
    if blocks[0].comment.last == "" { blocks[0].comment.removeLast() }
    return blocks
  }

  static func render(command: String, result: CLIWorkspace.Result) -> [String] {
    var lines = ["$ " + command]
    lines += result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last == "" { lines.removeLast() }
    let errors = result.stderr.split(separator: "\n").map { "2> " + $0 }
    lines += errors
    if result.status != 0 { lines.append("? \(result.status)") }
    return lines + [""]
  }
}

/// A fresh copy of the fixture vaults, and the `quire` binary run inside it.
final class CLIWorkspace {
  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  let root: URL
  /// Per command: generous for a slow debug build on a busy machine, short enough that a
  /// hang cannot stall CI.
  static let timeout = 300.0

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: TranscriptTests.folder.appendingPathComponent("Fixtures"), to: root.appendingPathComponent("vaults"))
  }

  func remove() { try? FileManager.default.removeItem(at: root) }

  /// Runs a command line: `quire` becomes the binary, words split as a shell would for
  /// plain and double-quoted words; the working directory is `vaults/`. Throws when it
  /// runs past `timeout`.
  func run(_ command: String) throws -> Result {
    var words = Self.split(command)
    guard words.first == "quire" else { throw NSError(domain: "quire-tests", code: 2) }
    words.removeFirst()
    let result = try QuireProcess.run(
      words, in: root.appendingPathComponent("vaults"), home: root,
      environment: ["QUIRE_TODAY": "2026-11-29"], timeout: Self.timeout)
    let vaults = root.appendingPathComponent("vaults").path
    func clean(_ data: Data) -> String {
      String(decoding: data, as: UTF8.self).replacingOccurrences(of: vaults, with: "$FIXTURES")
        .replacingOccurrences(of: root.path, with: "$WORKSPACE")
    }
    if result.timedOut {
      throw NSError(
        domain: "quire-tests", code: 3,
        userInfo: [NSLocalizedDescriptionKey: "\(command) did not finish in \(Self.timeout) s"])
    }
    return Result(stdout: clean(result.stdout), stderr: clean(result.stderr), status: result.status)
  }

  static func split(_ command: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var inWord = false
    for character in command {
      if character == "\"" {
        quoted.toggle()
        inWord = true
      } else if character == " ", !quoted {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    if inWord { words.append(current) }
    return words
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `quire` binary started by a test: a working directory, a test environment, both
/// pipes drained on their own threads (so a chatty command never blocks on a full pipe)
/// and a time limit after which it is killed.
final class QuireProcess {
  /// What a finished (or killed) run printed and how it ended.
  struct Result {
    var stdout: Data
    var stderr: Data
    var status: Int32
    var reason: Process.TerminationReason
    /// It ran past its time limit and was killed.
    var timedOut: Bool

    var output: String { String(decoding: stdout, as: UTF8.self) }
    var errors: String { String(decoding: stderr, as: UTF8.self) }
  }

  private let process = Process()
  private let exited = DispatchSemaphore(value: 0)
  private let drained = DispatchGroup()
  private let outBox = DataBox()
  private let errBox = DataBox()

  /// Starts `quire arguments` in `directory`; `home` holds its HOME and cache.
  ///
  /// The environment is the test's, with colour off, no `QUIRE_VAULT`, and `extra` added.
  init(_ arguments: [String], in directory: URL, home: URL, environment extra: [String: String] = [:]) throws {
    process.executableURL = try Self.binary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["XDG_CACHE_HOME"] = home.appendingPathComponent("cache").path
    environment["HOME"] = home.path
    environment.removeValue(forKey: "QUIRE_VAULT")
    environment.merge(extra) { _, new in new }
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    for (pipe, box) in [(output, outBox), (errors, errBox)] {
      drained.enter()
      DispatchQueue.global().async { [drained] in
        box.data = pipe.fileHandleForReading.readDataToEndOfFile()
        drained.leave()
      }
    }
    process.terminationHandler = { [exited] _ in exited.signal() }
    try process.run()
  }

  /// Runs a command to its end (or its time limit) and returns what it did.
  static func run(
    _ arguments: [String], in directory: URL, home: URL, environment: [String: String] = [:],
    timeout: Double
  ) throws -> Result {
    try QuireProcess(arguments, in: directory, home: home, environment: environment).wait(timeout: timeout)
  }

  /// Whether it has not exited yet.
  var isRunning: Bool { process.isRunning }

  /// Kills the process at once (SIGKILL), as a power cut or the OOM killer would.
  func sigkill() {
    _ = kill(process.processIdentifier, SIGKILL)
  }

  /// Waits for the end, killing the process when `timeout` seconds pass first.
  func wait(timeout: Double) -> Result {
    var timedOut = false
    if exited.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      sigkill()
      _ = exited.wait(timeout: .now() + 10)
    }
    _ = drained.wait(timeout: .now() + 10)
    return Result(
      stdout: outBox.data, stderr: errBox.data, status: process.terminationStatus,
      reason: process.terminationReason, timedOut: timedOut)
  }

  /// The `quire` executable built beside the test bundle.
  static func binary() throws -> URL {
    let start = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").standardizedFileURL
    for folder in [
      start.deletingLastPathComponent(), start, start.deletingLastPathComponent().deletingLastPathComponent(),
    ] {
      let candidate = folder.appendingPathComponent("quire")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw NSError(
      domain: "quire-tests", code: 1,
      userInfo: [NSLocalizedDescriptionKey: "quire binary not found near \(start.path); run swift build first"])
  }
}

/// Bytes read from a pipe on another thread, read back after the reader has finished.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}

import Foundation

/// Starts programs and times them: this bench's own probes, and the command-line tools it
/// compares with.
enum ChildProcess {
  /// The outcome of one program run.
  struct Outcome {
    var seconds: Double
    var status: Int32
    var output: Data
    var errors: Data
  }

  /// Runs `executable` with `arguments` in `directory`, stdout captured unless `discardOutput`.
  static func run(
    _ executable: String, _ arguments: [String], in directory: URL? = nil, input: Data? = nil,
    discardOutput: Bool = false
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = discardOutput ? FileHandle.nullDevice : output
    process.standardError = errors
    let inputPipe = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    let clock = ContinuousClock()
    let start = clock.now
    try process.run()
    if let input {
      inputPipe.fileHandleForWriting.write(input)
      try inputPipe.fileHandleForWriting.close()
    }
    // Errors are read on another thread so that neither pipe can fill up and stall the child.
    let errorReader = PipeReader(errors.fileHandleForReading)
    let data = discardOutput ? Data() : output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = (clock.now - start).seconds
    return Outcome(
      seconds: seconds, status: process.terminationStatus, output: data, errors: errorReader.wait())
  }

  /// Runs a probe of this very executable in a child process, so its peak memory is its own.
  static func measure(_ probe: Probe, directory: URL) throws -> Measurement {
    let outcome = try run(ProcessStatus.executablePath(), [probe.rawValue, directory.path])
    guard outcome.status == 0 else {
      let message = String(decoding: outcome.errors, as: UTF8.self)
      throw BenchError.failed("\(probe.rawValue) failed (exit \(outcome.status)): \(message)")
    }
    do {
      return try JSONDecoder().decode(Measurement.self, from: outcome.output)
    } catch {
      throw BenchError.failed(
        "\(probe.rawValue) printed no measurement: \(String(decoding: outcome.output, as: UTF8.self))")
    }
  }

  /// The full path of `name` on `PATH`, or nil when it is not installed.
  static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
  // Written once by the reading thread before the semaphore is signalled, read after waiting.
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}

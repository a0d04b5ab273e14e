import Foundation
import QuireCore
import QuireMarkdown

/// One timed measurement, made in a child process and sent back as one JSON line.
struct Measurement: Codable, Sendable {
  var seconds: Double
  /// The child's peak resident memory (VmHWM), in bytes.
  var peakBytes: Int
  var files: Int
  var bytes: Int
  /// What the loader found, to check it sees what the generator wrote.
  var links: Int?
  var brokenLinks: Int?
  var brokenAnchors: Int?
  /// Seconds of each phase, for the probes that open the search cache.
  var phases: [String: Double]?
  /// Notes parsed rather than taken from the cache, and notes the refresh wrote.
  var parsed: Int?
  var changed: Int?
  var editedNote: String?
  var queries: [QueryTiming]?
  /// Per-frame milliseconds of the keystroke replay: update for the key and the render after it.
  var frames: [Double]?
  /// Per key, milliseconds of the effects it asked for (note read, search) with the frame that
  /// shows their answer; 0 when it asked for none.
  var effectFrames: [Double]?
  /// Per key, what its effects were ("load", "search", "match": `FrameTiming.effectKinds`,
  /// joined by commas); empty when it asked for none.
  var effectKinds: [String]?
  /// The key of each frame, as help writes it.
  var frameKeys: [String]?
  /// Resident memory (VmRSS) of the browser a few seconds after the whole vault came.
  var residentBytes: Int?

  init(
    seconds: Double, peakBytes: Int, files: Int, bytes: Int, links: Int? = nil, brokenLinks: Int? = nil,
    brokenAnchors: Int? = nil
  ) {
    self.seconds = seconds
    self.peakBytes = peakBytes
    self.files = files
    self.bytes = bytes
    self.links = links
    self.brokenLinks = brokenLinks
    self.brokenAnchors = brokenAnchors
  }
}

/// Runs one probe in this process and prints its measurement.
enum ProbeRunner {
  static func run(_ probe: Probe, directory: String) throws -> Measurement {
    let root = URL(fileURLWithPath: directory)
    switch probe {
    case .load, .leanLoad:
      let clock = ContinuousClock()
      let start = clock.now
      let vault = try VaultLoader(root: root, options: VaultLoader.Options(lean: probe == .leanLoad)).load()
      let seconds = (clock.now - start).seconds
      var links = 0
      var broken = 0
      var brokenAnchors = 0
      var bytes = 0
      for note in vault.notes {
        bytes += note.byteCount
        links += note.links.count
        for link in note.links {
          if link.state == .broken { broken += 1 }
          if link.missingAnchor != nil { brokenAnchors += 1 }
        }
      }
      return Measurement(
        seconds: seconds, peakBytes: ProcessStatus.peakResidentBytes(), files: vault.notes.count,
        bytes: bytes, links: links, brokenLinks: broken, brokenAnchors: brokenAnchors)
    case .cmark, .cmarkTwoCores:
      // The file list is made before the clock starts: the baseline is read + parse only.
      let files = try VaultFiles(root: root)
      let clock = ContinuousClock()
      let start = clock.now
      let totals = CmarkBaseline.parse(files, threads: probe == .cmark ? 1 : 2)
      let seconds = (clock.now - start).seconds
      return Measurement(
        seconds: seconds, peakBytes: ProcessStatus.peakResidentBytes(), files: totals.files,
        bytes: totals.bytes)
    case .index, .reopen, .edit, .queries, .redraw:
      return try SearchProbes.run(probe, root: root)
    case .firstScreen:
      return try FirstScreenProbe.run(root: root)
    case .coldFirstScreen:
      return try ColdFirstScreenProbe.run(root: root)
    case .reload:
      return try FirstScreenProbe.reload(root: root)
    case .browser:
      return try BrowserProbe.run(root: root)
    case .browserFresh:
      return try BrowserProbe.run(root: root, fresh: true)
    case .read:
      let files = try VaultFiles(root: root)
      let clock = ContinuousClock()
      let start = clock.now
      var bytes = 0
      for path in files.paths { bytes += VaultFiles.read(files.absolute(path)).count }
      let seconds = (clock.now - start).seconds
      return Measurement(
        seconds: seconds, peakBytes: ProcessStatus.peakResidentBytes(), files: files.paths.count,
        bytes: bytes)
    }
  }
}

/// This process's own figures from `/proc/self/status`.
enum ProcessStatus {
  /// Peak resident set size (VmHWM) in bytes; 0 where /proc is missing.
  static func peakResidentBytes() -> Int { bytes("VmHWM", of: "self") }

  /// A size line of `/proc/PROCESS/status` (`VmHWM`, `VmRSS`...) in bytes; 0 when the
  /// process or the line is missing.
  static func bytes(_ field: String, of process: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
      let kilobytes =
        line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) } ?? 0
      return kilobytes * 1024
    }
    return 0
  }

  /// The path of the running executable, to start children of the same build.
  static func executablePath() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
  }
}

extension Duration {
  /// The duration in seconds as a Double.
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}

/// The phases of a probe timed one after the other, from its start.
final class PhaseClock {
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private var mark: ContinuousClock.Instant
  /// Seconds each phase took, by name.
  private(set) var phases: [String: Double] = [:]

  init() {
    start = clock.now
    mark = start
  }

  /// Ends the phase under way, naming it; the next starts now.
  func phase(_ name: String) {
    let now = clock.now
    phases[name] = (now - mark).seconds
    mark = now
  }

  /// Seconds since the clock started.
  var elapsed: Double { (clock.now - start).seconds }
}

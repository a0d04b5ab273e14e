import Foundation
import QuireCore
import QuireMarkdown
import QuireSearch
import QuireTUI

/// The search and browser probes: the index built from nothing, reopened warm, refreshed after
/// one edit, queried; and keystrokes replayed through the terminal UI's update and render.
///
/// They open the vault the way `quire index` does (open the cache, load through its snapshot,
/// refresh), with the cache in a folder of the bench's own, never the user's.
enum SearchProbes {
  /// Queries by kind: prefixes as typed (`m`, `me`, `mem`), then one to three words.
  static let queries: [(kind: String, queries: [String])] = [
    ("1 letter", ["m", "d", "s", "p"]),
    ("2 letters", ["me", "di", "sa", "pa"]),
    ("3 letters", ["mem", "dis", "saf", "pal"]),
    ("1 word", ["memory", "disposition", "palimpsest", "sycophancy", "membrane", "meridian"]),
    ("2 words", ["safety training", "memory drift", "hidden door", "latent gradient"]),
    ("3 words", ["adversarial training backdoor", "latent memory collapse", "quiet harbor gradient"]),
  ]

  /// The bench's cache folder for the vaults below `vault`'s parent, or the folder named by
  /// `QUIRE_BENCH_SEARCH_CACHE` (so that a long 100,000-note build can be kept apart and
  /// reused across query runs).
  static func cacheDirectory(for vault: URL) -> URL {
    if let folder = ProcessInfo.processInfo.environment["QUIRE_BENCH_SEARCH_CACHE"], !folder.isEmpty {
      return URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
    }
    return vault.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("search-cache")
  }

  /// The phases of opening a vault through its search cache.
  struct Opened {
    var vault: Vault
    var index: SearchIndex
    var parsed: Int
    var summary: RefreshSummary
    var phases: [String: Double]
  }

  /// Opens the index, loads the vault through its snapshot, refreshes the index: timed.
  static func open(_ root: URL) throws -> Opened {
    let clock = ContinuousClock()
    var phases: [String: Double] = [:]
    var start = clock.now
    let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cacheDirectory(for: root))
    // As the browser loads it: the links' annotations stay in the cache.
    let snapshot = index.loadNoteCache(lean: true)
    phases["open cache"] = (clock.now - start).seconds
    start = clock.now
    var cpu = processCPUSeconds()
    // Lean as well: the notes parsed keep only what the graph reads, and the refresh reads
    // their files again as it indexes them.
    let loaded = try VaultLoader(root: root, options: .init(keepText: true, cache: snapshot, lean: true))
      .loadReporting()
    phases["load"] = (clock.now - start).seconds
    phases["load CPU"] = processCPUSeconds() - cpu
    start = clock.now
    cpu = processCPUSeconds()
    let summary = try index.refresh(vault: loaded.vault, cache: snapshot, source: FileNoteSource(root: root))
    phases["refresh index"] = (clock.now - start).seconds
    // CPU time of the whole process (all threads) while it refreshed: on a machine shared
    // with other builds, what the refresh cost when wall time says how long it waited.
    phases["refresh index CPU"] = processCPUSeconds() - cpu
    return Opened(
      vault: loaded.vault, index: index, parsed: loaded.report.parsed, summary: summary, phases: phases)
  }

  /// User and system CPU time of this process so far, in seconds.
  static func processCPUSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
  }

  static func run(_ probe: Probe, root: URL) throws -> Measurement {
    let clock = ContinuousClock()
    switch probe {
    case .index:
      SearchIndex.removeCache(vaultRoot: root, cacheDirectory: cacheDirectory(for: root))
      let start = clock.now
      let opened = try open(root)
      return measurement(opened, seconds: (clock.now - start).seconds)
    case .reopen:
      let start = clock.now
      let opened = try open(root)
      return measurement(opened, seconds: (clock.now - start).seconds)
    case .edit:
      return try editOneNote(root)
    case .queries:
      let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cacheDirectory(for: root))
      var timings: [QueryTiming] = []
      for (kind, queries) in queries {
        for timing in try SearchBenchmark.time(queries, on: index, limit: 20, runs: 20) {
          timings.append(
            QueryTiming(
              kind: kind, query: timing.query, hits: timing.hits, milliseconds: timing.milliseconds,
              cpuMilliseconds: timing.cpuMilliseconds)
          )
        }
      }
      var result = Measurement(seconds: 0, peakBytes: ProcessStatus.peakResidentBytes(), files: 0, bytes: 0)
      result.queries = timings
      return result
    case .redraw:
      let opened = try open(root)
      let keys = Array(repeating: FrameBenchmark.typicalKeys, count: 10).flatMap { $0 }
      let frames = FrameBenchmark.frames(
        vault: opened.vault, source: FileNoteSource(root: root), searcher: opened.index, keys: keys)
      var result = Measurement(
        seconds: frames.reduce(0) { $0 + $1.keyToFrame.seconds }, peakBytes: ProcessStatus.peakResidentBytes(),
        files: opened.vault.notes.count, bytes: 0)
      result.frames = frames.map { $0.keyToFrame.seconds * 1000 }
      result.effectFrames = frames.map { $0.effects.seconds * 1000 }
      result.effectKinds = frames.map { $0.effectKinds.joined(separator: ",") }
      result.frameKeys = frames.map(\.key.label)
      // One line per key on stderr, to find the slow ones: key, key to frame, effects after it.
      var log = "frame\tkey\tkey->frame ms\teffects ms\teffects\n"
      for (number, frame) in frames.enumerated() {
        let effects = frame.effectKinds.isEmpty ? "" : String(format: "%.3f", frame.effects.seconds * 1000)
        log += "\(number)\t\(frame.key.label)\t\(String(format: "%.3f", frame.keyToFrame.seconds * 1000))"
          + "\t\(effects)\t\(frame.effectKinds.joined(separator: ","))\n"
      }
      FileHandle.standardError.write(Data(log.utf8))
      return result
    default:
      throw BenchError.failed("\(probe.rawValue) is not a search probe")
    }
  }

  private static func measurement(_ opened: Opened, seconds: Double) -> Measurement {
    var result = Measurement(
      seconds: seconds, peakBytes: ProcessStatus.peakResidentBytes(), files: opened.vault.notes.count,
      bytes: opened.vault.notes.reduce(0) { $0 + $1.byteCount })
    result.phases = opened.phases
    result.parsed = opened.parsed
    result.changed = opened.summary.added + opened.summary.updated + opened.summary.removed
    return result
  }

  /// Appends a line to one note, reopens, then puts the note back as it was (bytes and time),
  /// so that the cached vault stays the generator's.
  private static func editOneNote(_ root: URL) throws -> Measurement {
    let files = try VaultFiles(root: root)
    guard let path = files.paths.first(where: { $0.hasPrefix("findings/") }) ?? files.paths.first else {
      throw BenchError.failed("no note to edit in \(root.path)")
    }
    let edit = try BenchEdit(
      root: root, path: path,
      appending: "\nAn edit for the benchmark: palimpsest memory \(UInt64(Date().timeIntervalSince1970)).\n")
    defer { try? edit.restore() }
    let clock = ContinuousClock()
    let start = clock.now
    let opened = try open(root)
    var result = measurement(opened, seconds: (clock.now - start).seconds)
    result.editedNote = path
    return result
  }
}

/// One query's latencies, in milliseconds.
struct QueryTiming: Codable, Sendable {
  var kind: String
  var query: String
  var hits: Int
  var milliseconds: [Double]
  /// CPU time of the searching thread per run (`SearchBenchmark.Timing.cpuMilliseconds`).
  var cpuMilliseconds: [Double]? = nil
}

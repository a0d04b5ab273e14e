import Foundation

/// What `quire-bench` was asked to do, parsed by hand from the command line.
///
/// The bench has few flags, so it does without swift-argument-parser: `make bench` runs it
/// with no arguments (the `run` command) or with `BENCH_ARGS` such as `--sizes 1000`.
enum BenchCommand: Equatable {
  /// Generates the missing vaults and prints one table per size.
  case run(RunOptions)
  /// Writes one synthetic vault.
  case generate(notes: Int, seed: UInt64, out: String)
  /// Child side of `run`: one timed measurement, printed as one JSON line.
  case measure(Probe, directory: String)
  /// Instruction counts of the load path and of cmark-gfm under valgrind.
  case callgrind(RunOptions)
  /// Lists the links the loader found broken or ambiguous, to check it against the generator.
  case brokenLinks(directory: String)
  case help

  /// The flags `run` and `callgrind` share.
  struct RunOptions: Equatable {
    var sizes = [10_000, 100_000]
    var directory = "bench-vaults"
    var seed: UInt64 = 1
    var runs = 3
    /// Skip the command-line tools (cmark-gfm, rg, sqlite3) even when installed.
    var skipTools = false
    /// Skip the search-cache and browser figures (the long part at 100,000 notes).
    var skipSearch = false
  }

  static let usage = """
    usage: quire-bench [run] [--sizes 10000,100000] [--dir bench-vaults] [--seed 1] [--runs 3]
                       [--no-tools] [--no-search]
           quire-bench generate --notes N [--seed S] --out DIR
           quire-bench callgrind [--sizes 1000] [--dir bench-vaults] [--seed 1]
           quire-bench measure-load|measure-load-lean|measure-cmark|measure-cmark-2|measure-read DIR
           quire-bench measure-index|measure-reopen|measure-first-screen|measure-first-screen-cold|measure-reload|measure-edit|measure-queries|measure-redraw|measure-browser|measure-browser-fresh DIR
           quire-bench broken-links DIR

    run (the default) generates the vaults it lacks under --dir, then prints one table per
    size: Quire's load next to cmark-gfm's parse of the same files, measured in the same run.
    Sizes accept 10000, 10_000 or 10k.
    """

  /// Reads the arguments after the program name.
  static func parse(_ arguments: [String]) throws -> BenchCommand {
    var words = arguments[...]
    let name = words.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "run"
    if words.first == name { words = words.dropFirst() }
    switch name {
    case "run", "callgrind":
      var options = RunOptions()
      if name == "callgrind" { options.sizes = [1_000] }
      while let flag = words.popFirst() {
        switch flag {
        case "--sizes", "--size", "--notes":
          options.sizes = try value(flag, &words).split(separator: ",").map { try count(String($0)) }
        case "--dir": options.directory = try value(flag, &words)
        case "--seed": options.seed = try seed(value(flag, &words))
        case "--runs": options.runs = max(1, try count(value(flag, &words)))
        case "--no-tools": options.skipTools = true
        case "--no-search": options.skipSearch = true
        case "-h", "--help": return .help
        default: throw BenchError.usage("unknown flag \(flag)")
        }
      }
      return name == "run" ? .run(options) : .callgrind(options)
    case "generate":
      var notes: Int?
      var seedValue: UInt64 = 1
      var out: String?
      while let flag = words.popFirst() {
        switch flag {
        case "--notes": notes = try count(value(flag, &words))
        case "--seed": seedValue = try seed(value(flag, &words))
        case "--out": out = try value(flag, &words)
        default: throw BenchError.usage("unknown flag \(flag)")
        }
      }
      guard let notes, let out else { throw BenchError.usage("generate needs --notes and --out") }
      return .generate(notes: notes, seed: seedValue, out: out)
    case "help", "-h", "--help":
      return .help
    case "broken-links":
      guard let directory = words.popFirst(), words.isEmpty else {
        throw BenchError.usage("broken-links takes one vault folder")
      }
      return .brokenLinks(directory: directory)
    default:
      guard let probe = Probe(rawValue: name) else { throw BenchError.usage("unknown command \(name)") }
      guard let directory = words.popFirst(), words.isEmpty else {
        throw BenchError.usage("\(name) takes one vault folder")
      }
      return .measure(probe, directory: directory)
    }
  }

  private static func value(_ flag: String, _ words: inout ArraySlice<String>) throws -> String {
    guard let word = words.popFirst() else { throw BenchError.usage("\(flag) needs a value") }
    return word
  }

  /// `10000`, `10_000` or `10k`.
  static func count(_ text: String) throws -> Int {
    var digits = text.lowercased().replacingOccurrences(of: "_", with: "")
    var factor = 1
    if digits.hasSuffix("k") {
      factor = 1_000
      digits.removeLast()
    }
    guard let value = Int(digits), value > 0 else { throw BenchError.usage("not a count: \(text)") }
    return value * factor
  }

  private static func seed(_ text: String) throws -> UInt64 {
    guard let value = UInt64(text) else { throw BenchError.usage("not a seed: \(text)") }
    return value
  }
}

/// The measurements a child process makes, one per process so each has its own peak memory.
enum Probe: String, CaseIterable {
  /// Quire's `VaultLoader(root:options:).load()`.
  case load = "measure-load"
  /// The same, lean (`VaultLoader.Options(lean: true)`): how the browser, `quire index`
  /// and `quire search` load a vault whose cache is empty.
  case leanLoad = "measure-load-lean"
  /// cmark-gfm in process on one core: read and parse every file.
  case cmark = "measure-cmark"
  /// The same on two threads.
  case cmarkTwoCores = "measure-cmark-2"
  /// Reading every file and nothing else: the floor.
  case read = "measure-read"
  /// The search cache built from nothing: open, load (every note parsed, lean, as the
  /// browser and `quire index` load), index (each file read again as it is indexed).
  case index = "measure-index"
  /// The same with the cache warm: no note parsed, nothing written.
  case reopen = "measure-reopen"
  /// The browser's first frame on a warm cache: outline, start note, frame drawn.
  case firstScreen = "measure-first-screen"
  /// The browser's first frame with an empty cache of its own: quick scan outline, start
  /// note and the notes it links to, frame drawn.
  case coldFirstScreen = "measure-first-screen-cold"
  /// The browser's reload after one note was edited: that file read again, the links it
  /// can move resolved again, the index refreshed.
  case reload = "measure-reload"
  /// The same after one note was edited.
  case edit = "measure-edit"
  /// Query latencies over the warm index.
  case queries = "measure-queries"
  /// Keystrokes replayed through the terminal UI's update and render.
  case redraw = "measure-redraw"
  /// The `quire` browser itself under tmux on the warm cache, until the whole vault is in:
  /// its peak and resident memory.
  case browser = "measure-browser"
  /// The same on a vault never seen (an empty cache): the browser opens on a scanned
  /// outline, parses the whole vault behind it, then indexes it.
  case browserFresh = "measure-browser-fresh"
}

/// Why the bench stopped.
enum BenchError: Error, CustomStringConvertible {
  case usage(String)
  case failed(String)

  var description: String {
    switch self {
    case .usage(let message): "\(message)\n\n\(BenchCommand.usage)"
    case .failed(let message): message
    }
  }
}

import Foundation
import QuireTestSupport

/// `quire-bench run`: for each size, the vault, then every figure, then one table.
struct BenchRun {
  let options: BenchCommand.RunOptions

  /// Single words from the fixed query list, for the ripgrep scan.
  static let scanWords = ["memory", "disposition", "palimpsest", "sycophancy", "membrane", "meridian"]

  func log(_ message: String) {
    FileHandle.standardError.write(Data("quire-bench: \(message)\n".utf8))
  }

  func run() throws {
    let cache = VaultCache(directory: URL(fileURLWithPath: options.directory))
    print("## quire-bench \(Self.machine())\n")
    for size in options.sizes {
      let (folder, manifest) = try cache.vault(notes: size, seed: options.seed, log: log)
      let table = try measure(folder: folder, manifest: manifest)
      print(table.text)
      if !options.skipSearch { print(try measureSearch(folder: folder, notes: size).text) }
    }
  }

  /// Every figure for one vault.
  func measure(folder: URL, manifest: VaultCache.Manifest) throws -> BenchTable {
    let summary = manifest.summary
    let files = try VaultFiles(root: folder)
    let notes = Double(files.paths.count)
    let megabytes = Double(summary.bytes) / 1e6

    // One untimed read warms the page cache: every figure below is "page cache warm".
    _ = try ChildProcess.measure(.read, directory: folder)

    var samples: [Probe: [Measurement]] = [:]
    for round in 1...options.runs {
      for probe in [Probe.read, .load, .leanLoad, .cmark, .cmarkTwoCores] {
        log("\(Format.count(files.paths.count)) notes: \(probe.rawValue) \(round)/\(options.runs)")
        samples[probe, default: []].append(try ChildProcess.measure(probe, directory: folder))
      }
    }
    func median(_ probe: Probe) -> Double { Statistics.median(samples[probe, default: []].map(\.seconds)) }
    func peak(_ probe: Probe) -> Int { samples[probe, default: []].map(\.peakBytes).max() ?? 0 }

    var table = BenchTable(
      title: "\(Format.count(files.paths.count)) notes, \(Format.megabytes(summary.bytes)), "
        + "\(Format.count(summary.links)) links written (\(Format.count(summary.brokenLinks)) broken), seed \(manifest.seed)",
      header: ["measurement", "time", "notes/s", "MB/s", "peak RSS", "what it is"])
    func row(_ name: String, _ seconds: Double, peak: Int?, _ what: String) {
      table.add([
        name, Format.seconds(seconds), Format.rate(notes / seconds),
        String(format: "%.1f", megabytes / seconds),
        peak.map(Format.megabytes) ?? "", what,
      ])
    }
    let runs = "median of \(options.runs)"
    row(
      "read files", median(.read), peak: peak(.read), "open + read every note, one core; the floor (\(runs))")
    row(
      "**Quire load**", median(.load), peak: peak(.load),
      "`VaultLoader(root:options:).load()`: scan, parse on 2 cores, resolve (\(runs))")
    row(
      "**Quire load, lean**", median(.leanLoad), peak: peak(.leanLoad),
      "the same keeping what the graph reads, as the browser and `quire index` load a vault "
        + "whose cache is empty (\(runs))")
    row(
      "cmark-gfm, 1 core", median(.cmark), peak: peak(.cmark),
      "in process: read + parse, table/autolink/strikethrough (\(runs))")
    row(
      "cmark-gfm, 2 cores", median(.cmarkTwoCores), peak: peak(.cmarkTwoCores),
      "the same on two threads (\(runs))")

    var cmarkCommand: Double?
    if !options.skipTools {
      log("\(Format.count(files.paths.count)) notes: cmark-gfm command line")
      let times = try (0..<options.runs).compactMap { _ in try ToolBaselines.cmarkCommand(files) }
      if !times.isEmpty {
        let seconds = Statistics.median(times)
        cmarkCommand = seconds
        row(
          "cmark-gfm command", seconds, peak: nil,
          "`cmark-gfm --extension table ... FILES > /dev/null`, HTML rendered too (\(runs))")
      }
      log("\(Format.count(files.paths.count)) notes: sqlite3 FTS5")
      if let fts = try ToolBaselines.sqliteFTS5(files, scratch: folder.deletingLastPathComponent()) {
        row(
          "sqlite3 FTS5 build", fts.seconds, peak: nil,
          "sqlite3 shell: plain `fts5(path, body)` table of every note (\(Format.count(fts.rows)) rows, 1 run)"
        )
      }
      log("\(Format.count(files.paths.count)) notes: ripgrep")
      if let scans = try ToolBaselines.ripgrep(files, words: Self.scanWords) {
        table.add([
          "ripgrep scan", "p50 \(Format.seconds(Statistics.median(scans)))", "", "", "",
          "`rg --count-matches -i -F WORD`, one run per word: \(Self.scanWords.joined(separator: ", ")); max \(Format.seconds(scans.max() ?? 0))",
        ])
      }
    }

    let load = median(.load)
    var ratios = [
      "Quire load / cmark-gfm 2 cores: **\(Format.ratio(load / median(.cmarkTwoCores)))**",
      "Quire load / cmark-gfm 1 core: **\(Format.ratio(load / median(.cmark)))**",
    ]
    if let cmarkCommand {
      ratios.append("Quire load / cmark-gfm command: **\(Format.ratio(load / cmarkCommand))**")
      ratios.append("Quire load, lean / cmark-gfm command: **\(Format.ratio(median(.leanLoad) / cmarkCommand))**")
    }
    table.notes.append("Ratios (issue 2 asks ≤ 3× cmark-gfm alone): " + ratios.joined(separator: "; "))
    if let loaded = samples[.load]?.last {
      table.notes.append(
        "The loader found \(Format.count(loaded.files)) notes, \(Format.count(loaded.links ?? 0)) links, "
          + "\(Format.count(loaded.brokenLinks ?? 0)) broken (\(Format.count(loaded.brokenAnchors ?? 0)) of them missing anchors); "
          + "the generator wrote \(Format.count(summary.links)) links (front-matter references included), "
          + "\(Format.count(summary.brokenLinks)) of them broken on purpose.")
    }
    return table
  }

  /// The search cache and the browser: cold index, warm reopen, one edit, queries, keystrokes.
  func measureSearch(folder: URL, notes: Int) throws -> BenchTable {
    var table = BenchTable(
      title: "\(Format.count(notes)) notes: search cache and browser",
      header: ["measurement", "time", "p99", "peak RSS", "what it is"])
    func probe(_ probe: Probe, runs: Int) throws -> [Measurement] {
      try (1...runs).map { round in
        log("\(Format.count(notes)) notes: \(probe.rawValue) \(round)/\(runs)")
        return try ChildProcess.measure(probe, directory: folder)
      }
    }
    func phase(_ samples: [Measurement], _ name: String) -> Double {
      Statistics.median(samples.map { $0.phases?[name] ?? 0 })
    }
    func peak(_ samples: [Measurement]) -> String { Format.megabytes(samples.map(\.peakBytes).max() ?? 0) }

    // The cold build is long at 100,000 notes; one run says enough there.
    let coldRuns = notes > 20_000 ? 1 : options.runs
    let cold = try probe(.index, runs: coldRuns)
    table.add([
      "cold index", Format.seconds(Statistics.median(cold.map(\.seconds))), "", peak(cold),
      "empty cache: load \(Format.seconds(phase(cold, "load"))) (every note parsed, lean) + FTS5 index "
        + "\(Format.seconds(phase(cold, "refresh index"))) (each file read again as it is indexed; "
        + "median of \(coldRuns))",
    ])
    let warm = try probe(.reopen, runs: options.runs)
    table.add([
      "warm reopen", Format.seconds(Statistics.median(warm.map(\.seconds))), "", peak(warm),
      "open cache \(Format.seconds(phase(warm, "open cache"))), load through it "
        + "\(Format.seconds(phase(warm, "load"))) (\(warm.last?.parsed ?? 0) parsed), refresh "
        + "\(Format.seconds(phase(warm, "refresh index"))) (median of \(options.runs))",
    ])
    let first = try probe(.firstScreen, runs: options.runs)
    table.add([
      "first screen, warm", Format.seconds(Statistics.median(first.map(\.seconds))), "", peak(first),
      "the browser on the warm cache: outline of every note \(Format.seconds(phase(first, "outline vault"))), "
        + "app state \(Format.seconds(phase(first, "app state"))), start note read and drawn; the whole "
        + "vault loads behind it (warm reopen) (median of \(options.runs))",
    ])
    let coldFirst = try probe(.coldFirstScreen, runs: options.runs)
    table.add([
      "first screen, cold", Format.seconds(Statistics.median(coldFirst.map(\.seconds))), "", peak(coldFirst),
      "the browser with an empty cache: walk \(Format.seconds(phase(coldFirst, "walk"))), every note's "
        + "type and title read \(Format.seconds(phase(coldFirst, "read titles"))), start note and the notes "
        + "it links to parsed, graph built \(Format.seconds(phase(coldFirst, "start note and graph"))), app state "
        + "\(Format.seconds(phase(coldFirst, "app state"))), start note read and drawn; the whole vault loads "
        + "behind it, then the index builds (cold index) (median of \(options.runs))",
    ])
    let reloads = try probe(.reload, runs: options.runs)
    table.add([
      "browser reload after one edit", Format.seconds(Statistics.median(reloads.map(\.seconds))),
      "max \(Format.seconds(reloads.map(\.seconds).max() ?? 0))", peak(reloads),
      "the edited file read again and the links it can move resolved "
        + "\(Format.seconds(phase(reloads, "graph"))), then the index refresh of that note "
        + "\(Format.seconds(phase(reloads, "refresh index"))); then, on the input thread, the screen takes "
        + "the new vault \(Format.seconds(phase(reloads, "screen takes the new vault"))) (the old one is "
        + "released off it: \(Format.seconds(phase(reloads, "release of the shown vault")))); FTS5's merging "
        + "of segments after, off the input thread: \(Format.seconds(phase(reloads, "merge segments after"))), "
        + "at most \(Format.seconds(reloads.compactMap { $0.phases?["merge segments after"] }.max() ?? 0)); an edit that "
        + "adds an alias: graph \(Format.seconds(phase(reloads, "graph after a new alias"))) (median of \(options.runs))",
    ])
    let browsers = try probe(.browser, runs: options.runs)
    let resident = browsers.compactMap(\.residentBytes)
    table.add([
      "browser, whole vault in", Format.seconds(Statistics.median(browsers.map(\.seconds))), "", peak(browsers),
      "`quire` itself under tmux on the warm cache, from its start until the status line says the whole "
        + "vault is in; resident between \(Format.megabytes(resident.min() ?? 0)) and "
        + "\(Format.megabytes(resident.max() ?? 0)) \(Int(BrowserProbe.settle.seconds)) s later (median of \(options.runs))",
    ])
    let freshBrowsers = try probe(.browserFresh, runs: options.runs)
    let freshResident = freshBrowsers.compactMap(\.residentBytes)
    table.add([
      "browser, vault never seen", Format.seconds(Statistics.median(freshBrowsers.map(\.seconds))), "",
      peak(freshBrowsers),
      "the same with an empty cache: a scanned outline first, the whole vault parsed behind it, then "
        + "indexed; resident between \(Format.megabytes(freshResident.min() ?? 0)) and "
        + "\(Format.megabytes(freshResident.max() ?? 0)) \(Int(BrowserProbe.settle.seconds)) s later, while it "
        + "indexes (median of \(options.runs))",
    ])
    let edits = try probe(.edit, runs: options.runs)
    table.add([
      "reopen after one edit", Format.seconds(Statistics.median(edits.map(\.seconds))), "", peak(edits),
      "one note appended to; \(edits.last?.parsed ?? 0) parsed, \(edits.last?.changed ?? 0) rewritten; "
        + "the index refresh alone \(Format.seconds(phase(edits, "refresh index"))) (median of \(options.runs))",
    ])
    let queries = try probe(.queries, runs: 1).first?.queries ?? []
    for (kind, list) in SearchProbes.queries {
      let times = queries.filter { $0.kind == kind }.flatMap(\.milliseconds).map { $0 / 1000 }
      table.add([
        "search, \(kind)", "p50 \(Format.seconds(Statistics.median(times)))",
        Format.seconds(Statistics.percentile(times, 99)), "",
        "`SearchIndex.search(_:limit: 20)`, 20 runs each of "
          + list.map { "`\($0)`" }.joined(separator: ", "),
      ])
    }
    let redraw = try probe(.redraw, runs: 1)
    let frames = redraw.flatMap { $0.frames ?? [] }.map { $0 / 1000 }
    table.add([
      "keystroke redraw", "p50 \(Format.seconds(Statistics.median(frames)))",
      Format.seconds(Statistics.percentile(frames, 99)), peak(redraw),
      "`FrameBenchmark.frames`: \(frames.count) keys (the typical script ×10) at 120×40, each timed "
        + "from the key to its frame (update + render; reads, searches and Ctrl-P matches it starts run off the input path)",
    ])
    // What the keys that start work wait for before their answer shows: the note read from disk
    // and parsed, or the search on the index, and the frame drawn with it; Ctrl-P's name
    // matches on a row of their own.
    var answers: [(seconds: Double, kinds: String)] = []
    for run in redraw {
      let times = run.effectFrames ?? []
      let kinds = run.effectKinds ?? []
      for (index, milliseconds) in times.enumerated() where milliseconds > 0 {
        answers.append((milliseconds / 1000, kinds.indices.contains(index) ? kinds[index] : ""))
      }
    }
    let rows: [(name: String, isMatch: Bool, what: (Int) -> String)] = [
      ("answer after a key", false, {
        "the \($0) keys of the script that read a note from disk or search the index: "
          + "that work, its answer applied and the frame drawn again"
      }),
      ("Ctrl-P matches after a key", true, {
        "the \($0) letters typed into Ctrl-P: every note's names matched (off the input path), "
          + "the answer applied and the frame drawn again"
      }),
    ]
    for row in rows {
      let times = answers.filter { $0.kinds.contains("match") == row.isMatch }.map(\.seconds)
      guard !times.isEmpty else { continue }
      table.add([
        row.name, "p50 \(Format.seconds(Statistics.median(times)))",
        Format.seconds(Statistics.percentile(times, 99)), "", row.what(times.count),
      ])
    }
    table.notes.append(
      "Cache in \(SearchProbes.cacheDirectory(for: folder).path); page cache warm throughout.")
    return table
  }

  /// "2 cores, Linux ..., Swift ...": what the figures were measured on.
  static func machine() -> String {
    let info = ProcessInfo.processInfo
    let date = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
    var model = ""
    if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let colon = line.firstIndex(of: ":")
    {
      model = ", " + line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return
      "— \(date), \(info.activeProcessorCount) cores\(model), \(Format.megabytes(Int(info.physicalMemory))) RAM"
  }
}

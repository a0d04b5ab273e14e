import Foundation
import QuireMarkdown
import QuireSearch

/// The browser itself, not a model of it: `quire` (built next to this bench) started under
/// tmux on the bench's warm cache, watched until the status line says the whole vault is
/// in, then left a few seconds for what it does behind that (the index refresh, Ctrl-P's
/// names, memory given back). Its peak (VmHWM) and resident (VmRSS) memory are read from
/// `/proc`, as a user's `top` would show them.
///
/// `fresh`: the browser gets a cache folder of its own, empty, as on a vault never seen:
/// it opens on a quick scan of the files, parses the whole vault behind the first screen
/// and then builds the index (the index is still being built when the figures are read;
/// its peak comes with the whole vault, before).
enum BrowserProbe {
  /// How long the browser is left after the whole vault came before its memory is read.
  static let settle: Duration = .seconds(3)
  /// How long the whole vault may take to come before the probe gives up.
  static let deadline: Duration = .seconds(300)

  static func run(root: URL, fresh: Bool = false) throws -> Measurement {
    guard let tmux = ChildProcess.which("tmux") else {
      throw BenchError.failed("measure-browser needs tmux (make deps installs it)")
    }
    let quire = URL(fileURLWithPath: ProcessStatus.executablePath()).deletingLastPathComponent()
      .appendingPathComponent("quire").path
    guard FileManager.default.isExecutableFile(atPath: quire) else {
      throw BenchError.failed("measure-browser needs \(quire): swift build -c release --product quire")
    }
    // The browser finds its cache under $XDG_CACHE_HOME/quire: a folder whose `quire` is
    // the bench's cache, or nothing at all.
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("quire-bench-xdg-\(getpid())")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    let notes: Int
    if fresh {
      notes = VaultOutlineScan(root: root).count
    } else {
      let cache = SearchProbes.cacheDirectory(for: root)
      let index = try SearchIndex.open(vaultRoot: root, cacheDirectory: cache)
      guard let stored = try? index.storedOutlines(), !stored.isEmpty else {
        throw BenchError.failed("the cache of \(root.path) holds no notes: run measure-index first")
      }
      notes = stored.count
      try FileManager.default.createSymbolicLink(
        at: home.appendingPathComponent("quire"), withDestinationURL: cache)
    }

    let session = "quire-bench-\(getpid())"
    func tmuxRun(_ arguments: [String]) throws -> String {
      String(decoding: try ChildProcess.run(tmux, arguments).output, as: UTF8.self)
    }
    let command =
      "exec env XDG_CACHE_HOME=\(quoted(home.path)) TERM=screen-256color LANG=C.UTF-8 "
      + "\(quoted(quire)) --vault \(quoted(root.path))"
    let clock = ContinuousClock()
    let start = clock.now
    try startDetached(tmux, ["new-session", "-d", "-s", session, "-x", "120", "-y", "40", command])
    defer { try? startDetached(tmux, ["kill-session", "-t", session]) }
    let pid = try tmuxRun(["display", "-p", "-t", session, "#{pane_pid}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)

    // In: the status line says so (a vault opened on its outline), or a frame is drawn
    // and says nothing of reading (a vault small enough to load before its first frame).
    var seconds: Double?
    while clock.now - start < deadline {
      let screen = try tmuxRun(["capture-pane", "-p", "-t", session])
      if screen.contains("notes loaded") || (screen.contains("? help") && !screen.contains("reading ")) {
        seconds = (clock.now - start).seconds
        break
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    guard let seconds else {
      throw BenchError.failed("the browser did not load \(root.path) within \(deadline)")
    }
    Thread.sleep(forTimeInterval: settle.seconds)
    let peak = ProcessStatus.bytes("VmHWM", of: pid)
    let resident = ProcessStatus.bytes("VmRSS", of: pid)
    guard peak > 0 else { throw BenchError.failed("the browser (pid \(pid)) is gone: \(root.path)") }
    // q quits; the session ends with the browser (and is killed after a while if not).
    try startDetached(tmux, ["send-keys", "-t", session, "q"])
    let quitting = clock.now
    while clock.now - quitting < .seconds(5), (try? startDetached(tmux, ["has-session", "-t", session])) == true {
      Thread.sleep(forTimeInterval: 0.05)
    }
    var result = Measurement(seconds: seconds, peakBytes: peak, files: notes, bytes: 0)
    result.residentBytes = resident
    return result
  }

  /// Runs `executable` with every standard stream on /dev/null and waits for it. The tmux
  /// server it may start keeps those streams for as long as it runs: given a pipe, it would
  /// keep the bench reading; and Foundation's `Process` has been seen to wait for ever on a
  /// tmux client that had exited.
  /// Returns whether it exited with status 0.
  @discardableResult
  private static func startDetached(_ executable: String, _ arguments: [String]) throws -> Bool {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in [0, 1, 2] {
      posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw BenchError.failed("cannot start \(executable): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      guard errno == EINTR else { return false }
    }
    // Exited (the low seven bits are 0) with status 0.
    return status & 0x7f == 0 && (status >> 8) & 0xff == 0
  }

  private static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

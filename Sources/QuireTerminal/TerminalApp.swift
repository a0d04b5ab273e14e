import Dispatch
import Foundation
import QuireCore
import QuireTUI

/// Runs the browser on the terminal: the one entry point the command line calls.
public enum TerminalApp {
  /// Takes the screen, runs until `q`, and restores the terminal on every way out.
  ///
  /// - Parameters:
  ///   - start: the note (and section) to open first; nil opens `index.md` or the first note.
  ///   - reload: brings the vault up to date after the editor returns, given a copy of the vault shown
  ///     and the file edited; nil keeps the vault as it is.
  ///   - loading: when `vault` is an outline of a large vault, reads the whole vault; it
  ///     runs in the background from the first frame on, and `loadingMessage` shows in the
  ///     status line until it is done.
  ///   - afterLoading: runs in the background once the screen has the vault `loading` read
  ///     and has let go of the outline, the memory both freed given back.
  public static func run(
    vault: consuming Vault, source: any NoteSource, searcher: any NoteSearcher,
    start: (noteID: String, section: Int?)? = nil,
    reload: (@Sendable (_ vault: inout Vault, _ editedPath: String) throws -> Void)? = nil,
    loading: (@Sendable () throws -> Vault)? = nil, loadingMessage: String = "Loading…",
    afterLoading: (@Sendable () -> Void)? = nil
  ) throws {
    guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
    let environment = ProcessInfo.processInfo.environment
    let screen = try CursesScreen(environment: environment)
    SignalGuard.install()
    defer {
      screen.close()
      SignalGuard.uninstall()
    }
    var loop = EventLoop(
      screen: screen, source: source, searcher: searcher, reload: reload, environment: environment)
    let size = screen.size
    // The screen holds the only copy: an outline is let go of once the whole vault comes.
    var state = AppState(vault: consume vault, width: size.width, height: size.height)
    loop.perform(state.start(noteID: start?.noteID, section: start?.section), on: &state)
    if let loading {
      state.loadingVault = loadingMessage
      loop.afterLoading = afterLoading
      loop.loadVault(loading)
    }
    loop.run(&state)
  }
}

/// The loop: draw, wait for a key or finished work, update, perform effects.
///
/// Reading a note from disk, searching and Ctrl-P's name matching run on queues of their
/// own, so a key is answered by a frame at once; their results come back through the inbox
/// as events.
struct EventLoop {
  /// How long a frame waits for a note read just started before drawing "Loading…":
  /// most reads take a few milliseconds, and a frame that waits that long avoids a flash
  /// of "Loading…" while staying within the 16 ms a keystroke may take.
  static let loadWait: Duration = .milliseconds(10)
  /// How often the loop looks for answers while work runs: Ctrl-P's matches come in tens of
  /// milliseconds and show at the next look, so it looks more often while one is made.
  static let pollMilliseconds: Int32 = 30
  static let matchPollMilliseconds: Int32 = 5

  let screen: CursesScreen
  let source: any NoteSource
  let searcher: any NoteSearcher
  let reload: (@Sendable (inout Vault, String) throws -> Void)?
  let environment: [String: String]
  /// Answers of work done off the main thread (note reads, searches), picked up between keys.
  let inbox = Inbox()
  let searchQueue = DispatchQueue(label: "quire.search")
  let loadQueue = DispatchQueue(label: "quire.load")
  let vaultQueue = DispatchQueue(label: "quire.vault", qos: .userInitiated)
  let matchQueue = DispatchQueue(label: "quire.match", qos: .userInitiated)
  /// The newest name match asked for: one queued behind a newer request is skipped, so
  /// that letters typed faster than matches are made do not queue up work nobody sees.
  let newestMatch = Locked(0)
  var searchesInFlight = 0
  var matchesInFlight = 0
  var loadsInFlight = 0
  var vaultsInFlight = 0
  /// Run once the vault loaded behind the first screen has replaced the outline.
  var afterLoading: (@Sendable () -> Void)?
  /// The newest vault the vault queue made (a load, or a reload after an edit), so that a
  /// reload queued behind another starts from the other's result and no edit is lost.
  /// It shares its tables with the screen's copy until the editor starts; then the vault
  /// queue gives it tables of its own (`Vault.prepareForUpdate`, 35 MB at 100,000 notes)
  /// while the user edits, and the reload after the edit updates it in place.
  let spareVault = Locked<Vault?>(nil)

  init(
    screen: CursesScreen, source: any NoteSource, searcher: any NoteSearcher,
    reload: (@Sendable (inout Vault, String) throws -> Void)?, environment: [String: String]
  ) {
    self.screen = screen
    self.source = source
    self.searcher = searcher
    self.reload = reload
    self.environment = environment
  }

  mutating func run(_ state: inout AppState) {
    while !state.quitting {
      awaitLoads(&state)
      screen.draw(Renderer.render(state))
      // Poll while work runs, so its answers show without a key press.
      let busy = searchesInFlight > 0 || loadsInFlight > 0 || vaultsInFlight > 0
      let timeout = matchesInFlight > 0 ? Self.matchPollMilliseconds : busy ? Self.pollMilliseconds : -1
      let input = screen.readInput(timeout: timeout)
      applyFinished(&state)
      switch input {
      case .key(let key)?:
        perform(state.update(.key(key)), on: &state)
      case .resize?:
        let size = screen.size
        perform(state.update(.resize(width: size.width, height: size.height)), on: &state)
      case .scroll(let lines)?:
        for _ in 0..<abs(lines) {
          perform(state.update(.key(lines < 0 ? .up : .down)), on: &state)
        }
      case nil:
        break
      }
    }
  }

  /// Applies the answers that have arrived.
  mutating func applyFinished(_ state: inout AppState) {
    for (work, event) in inbox.drain() {
      // The vault the screen showed until a new one replaces it: its tables are freed on
      // the vault queue (10-14 ms at 100,000 notes, too long between two keys).
      var replaced: Handoff<Vault>? = nil
      switch work {
      case .load: loadsInFlight -= 1
      case .search: searchesInFlight -= 1
      case .match: matchesInFlight -= 1
      case .vault:
        vaultsInFlight -= 1
        // Loaded or failed, the status line stops saying it is loading, once nothing
        // else is under way on the vault queue.
        if vaultsInFlight == 0 { state.loadingVault = nil }
        replaced = Handoff(state.vault)
      }
      if let event { perform(state.update(event), on: &state) }
      replaced?.letGo(on: vaultQueue)
      // The outline and what the load let go of (about 130 MB at 100,000 notes) would
      // otherwise stay resident for as long as the browser runs.
      if case .vaultLoaded? = event {
        let after = afterLoading
        afterLoading = nil
        vaultQueue.async {
          FreedMemory.giveBack()
          after?()
        }
      }
    }
  }

  /// Reads the whole vault off the main thread; it arrives as `Event.vaultLoaded`.
  mutating func loadVault(_ load: @escaping @Sendable () throws -> Vault) {
    vaultsInFlight += 1
    let inbox = self.inbox
    let spare = spareVault
    vaultQueue.async {
      do {
        let vault = try load()
        // What the load let go of (the notes as parsed) is given back before the screen
        // makes its state for the whole vault beside the outline's: that state is made on
        // the input thread, whose malloc arena does not reuse what the parse's threads
        // freed in theirs. At 100,000 notes 35 MB go back, and the peak drops by 20-25 MB.
        FreedMemory.giveBack()
        inbox.post(.vaultLoaded(vault), from: .vault)
        Self.keep(vault, as: spare)
      } catch {
        inbox.post(.failed("Cannot read the vault: \(error.localizedDescription)"), from: .vault)
      }
    }
  }

  /// Brings the vault up to date after the editor returns, off the main thread, so the
  /// screen keeps answering keys; the result arrives as `Event.vaultReloaded`. Reloads run
  /// one after the other, each from the vault the one before made.
  mutating func reloadVault(
    shown: Vault, editedPath: String, reload: @escaping @Sendable (inout Vault, String) throws -> Void
  ) {
    vaultsInFlight += 1
    let inbox = self.inbox
    let spare = spareVault
    vaultQueue.async {
      var vault = Self.takeNewest(from: spare, or: shown)
      do {
        try reload(&vault, editedPath)
        inbox.post(.vaultReloaded(vault), from: .vault)
        Self.keep(vault, as: spare)
      } catch {
        inbox.post(.failed("Cannot reload the vault: \(error.localizedDescription)"), from: .vault)
      }
    }
  }

  /// Gives the newest vault tables of its own on the vault queue, so that the reload
  /// after an edit updates them in place: called as the editor starts, it runs while the
  /// user edits. `shown` is the newest vault when the queue has made none.
  func prepareSpare(shown: Vault) {
    let spare = spareVault
    vaultQueue.async {
      var vault = Self.takeNewest(from: spare, or: shown)
      vault.prepareForUpdate()
      Self.keep(vault, as: spare)
    }
  }

  private static func keep(_ vault: Vault, as spare: Locked<Vault?>) {
    spare.withLock { $0 = vault }
  }

  /// The newest vault the queue made, else `shown`; taken out of the slot, so that what
  /// changes it next holds the only copy of its tables.
  private static func takeNewest(from spare: Locked<Vault?>, or shown: Vault) -> Vault {
    spare.withLock { slot in
      defer { slot = nil }
      return slot
    } ?? shown
  }

  /// Waits up to `loadWait` for note reads in flight, applying answers as they come.
  mutating func awaitLoads(_ state: inout AppState) {
    guard loadsInFlight > 0 else { return }
    let deadline = ContinuousClock.now + Self.loadWait
    while loadsInFlight > 0 {
      let left = deadline - ContinuousClock.now
      guard left > .zero, inbox.waitForPost(timeout: left) else { return }
      applyFinished(&state)
    }
  }

  mutating func perform(_ effects: [Effect], on state: inout AppState) {
    var queue = effects
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      switch effect {
      case .loadDocument(let id, let request):
        loadsInFlight += 1
        let source = self.source
        let inbox = self.inbox
        loadQueue.async {
          do {
            let document = try source.read(id).document
            inbox.post(.documentLoaded(id: id, document: document, request: request), from: .load)
          } catch {
            inbox.post(.failed("Cannot read \(id): \(error.localizedDescription)"), from: .load)
          }
        }
      case .search(let query, let limit, let request):
        searchesInFlight += 1
        let searcher = self.searcher
        let inbox = self.inbox
        searchQueue.async {
          do {
            // Asked first: a searcher that falls back says so before it answers.
            let notice = searcher.notice
            let hits = try searcher.search(query, limit: limit)
            inbox.post(.searchResults(query: query, hits: hits, request: request, notice: notice), from: .search)
          } catch {
            inbox.post(.failed("Search failed: \(error.localizedDescription)"), from: .search)
          }
        }
      case .matchNames(let text, let limit, let request):
        matchesInFlight += 1
        let catalog = state.catalog
        let inbox = self.inbox
        let newest = newestMatch
        newest.withLock { $0 = request }
        matchQueue.async {
          // Skipped when a newer request is already queued: its answer would be dropped.
          guard newest.withLock({ $0 }) == request else { return inbox.post(nil, from: .match) }
          let matches = FuzzyMatcher.matches(text, in: catalog, limit: limit)
          inbox.post(.nameMatches(text: text, matches: matches, request: request), from: .match)
        }
      case .edit(let path):
        if reload != nil { prepareSpare(shown: state.vault) }
        screen.suspend()
        let status: Result<Int32, any Error> = Result {
          try ExternalPrograms.edit(path: path, environment: environment)
        }
        screen.resume()
        switch status {
        case .failure(let error):
          queue += state.update(.failed("Cannot run the editor: \(error.localizedDescription)"))
        case .success(let code) where code != 0:
          queue += state.update(.failed("The editor exited with status \(code)"))
          fallthrough
        case .success:
          if let reload {
            reloadVault(shown: state.vault, editedPath: path, reload: reload)
            if state.loadingVault == nil { state.loadingVault = "updating the vault…" }
          }
        }
      case .openURL(let url):
        do {
          if try !ExternalPrograms.open(url: url) {
            queue += state.update(.failed("xdg-open is not installed; the URL is \(url)"))
          }
        } catch {
          queue += state.update(.failed("Cannot open \(url): \(error.localizedDescription)"))
        }
      case .quit:
        return
      }
    }
  }
}

/// Events posted from other threads, read by the loop.
final class Inbox: Sendable {
  /// The kind of work an event answers, so the loop knows what is still running.
  enum Work: Sendable {
    case load, search, match, vault
  }

  /// Each answer, or nil for work that ended without one (a skipped name match).
  private let events = Locked<[(Work, Event?)]>([])
  /// Signalled once per post, so the loop can wait for an answer with a deadline.
  private let posted = DispatchSemaphore(value: 0)

  func post(_ event: Event?, from work: Work) {
    events.withLock { $0.append((work, event)) }
    posted.signal()
  }

  /// Waits until something is posted or the time is up; true when something was.
  func waitForPost(timeout: Duration) -> Bool {
    let nanoseconds = max(0, Int(timeout.components.seconds) * 1_000_000_000
      + Int(timeout.components.attoseconds / 1_000_000_000))
    return posted.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success
  }

  func drain() -> [(Work, Event?)] {
    events.withLock { pending in
      defer { pending.removeAll() }
      return pending
    }
  }
}

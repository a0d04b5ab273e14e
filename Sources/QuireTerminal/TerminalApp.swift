import Dispatch
import Foundation
import QuireCore
import QuireTUI
import Synchronization

/// Runs the browser on the terminal: the one entry point the command line calls.
public enum TerminalApp {
  /// Takes the screen, runs until `q`, and restores the terminal on every way out.
  ///
  /// - Parameters:
  ///   - start: the note (and section) to open first; nil opens `index.md` or the first note.
  ///   - reload: reads the vault afresh after the editor returns; nil keeps the vault as it is.
  public static func run(
    vault: Vault, source: any NoteSource, searcher: any NoteSearcher,
    start: (noteID: String, section: Int?)? = nil,
    reload: (@Sendable () throws -> Vault)? = nil
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
    var state = AppState(vault: vault, width: size.width, height: size.height)
    loop.perform(state.start(noteID: start?.noteID, section: start?.section), on: &state)
    loop.run(&state)
  }
}

/// The loop: draw, wait for a key or a finished search, update, perform effects.
struct EventLoop {
  let screen: CursesScreen
  let source: any NoteSource
  let searcher: any NoteSearcher
  let reload: (@Sendable () throws -> Vault)?
  let environment: [String: String]
  /// Answers of work done off the main thread (searches), picked up between keys.
  let inbox = Inbox()
  let searchQueue = DispatchQueue(label: "quire.search")
  var searchesInFlight = 0

  init(
    screen: CursesScreen, source: any NoteSource, searcher: any NoteSearcher,
    reload: (@Sendable () throws -> Vault)?, environment: [String: String]
  ) {
    self.screen = screen
    self.source = source
    self.searcher = searcher
    self.reload = reload
    self.environment = environment
  }

  mutating func run(_ state: inout AppState) {
    while !state.quitting {
      screen.draw(Renderer.render(state))
      // Poll while searches run, so their answers show without a key press.
      let input = screen.readInput(timeout: searchesInFlight > 0 ? 30 : -1)
      for event in inbox.drain() {
        searchesInFlight -= 1
        perform(state.update(event), on: &state)
      }
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

  mutating func perform(_ effects: [Effect], on state: inout AppState) {
    var queue = effects
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      switch effect {
      case .loadDocument(let id, let request):
        do {
          let document = try source.read(id).document
          queue += state.update(.documentLoaded(id: id, document: document, request: request))
        } catch {
          queue += state.update(.failed("Cannot read \(id): \(error.localizedDescription)"))
        }
      case .search(let query, let limit, let request):
        searchesInFlight += 1
        let searcher = self.searcher
        let inbox = self.inbox
        searchQueue.async {
          do {
            let hits = try searcher.search(query, limit: limit)
            inbox.post(.searchResults(query: query, hits: hits, request: request))
          } catch {
            inbox.post(.failed("Search failed: \(error.localizedDescription)"))
          }
        }
      case .edit(let path):
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
            do {
              queue += state.update(.vaultReloaded(try reload()))
            } catch {
              queue += state.update(.failed("Cannot reload the vault: \(error.localizedDescription)"))
            }
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
  private let events = Mutex<[Event]>([])

  func post(_ event: Event) { events.withLock { $0.append(event) } }

  func drain() -> [Event] {
    events.withLock { pending in
      defer { pending.removeAll() }
      return pending
    }
  }
}

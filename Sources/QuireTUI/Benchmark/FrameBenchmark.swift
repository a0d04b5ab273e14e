import QuireCore

/// Replays keys over a vault and times each frame (update, the work it asks for, render).
///
/// The host work is done in line: documents come from `source`, searches from `searcher`
/// (the in-memory one when none is given), so a frame's time is what a keystroke costs.
public enum FrameBenchmark {
  /// Per-frame durations for a key script, after opening `start` (or the first note).
  public static func run(
    vault: Vault, source: any NoteSource, searcher: (any NoteSearcher)? = nil, keys: [Key],
    width: Int = 120, height: Int = 40, start: String? = nil
  ) -> [Duration] {
    var state = AppState(vault: vault, width: width, height: height)
    let searcher = searcher ?? InMemorySearcher(vault: vault)
    var session = ScriptedSession(source: source, searcher: searcher)
    session.perform(state.start(noteID: start), on: &state)
    _ = Renderer.render(state)
    let clock = ContinuousClock()
    var durations: [Duration] = []
    durations.reserveCapacity(keys.count)
    for key in keys {
      let elapsed = clock.measure {
        session.send(.key(key), to: &state)
        _ = Renderer.render(state)
      }
      durations.append(elapsed)
    }
    return durations
  }

  /// A key script that reads, follows links, goes back, searches and jumps: a typical session.
  public static let typicalKeys: [Key] =
    [.character("j"), .character("j"), .pageDown, .tab, .tab, .enter, .backspace, .character("l"),
     .character("h"), .character("o"), .down, .enter, .character("b"), .escape, .character("/"),
     .character("s"), .character("a"), .character("f"), .enter, .character("n"), .ctrl("p"),
     .character("t"), .character("h"), .escape, .character("G"), .character("g"), .character("s"),
     .character("1"), .down, .down, .enter, .character("?"), .escape]
}

/// Runs events and the effects they ask for synchronously: for tests and benchmarks.
///
/// Documents are read from the source, searches run at once, editor and URL requests
/// are only recorded.
public struct ScriptedSession: Sendable {
  public let source: any NoteSource
  public let searcher: any NoteSearcher
  /// Effects that need a real terminal (edit, open URL, quit), in order.
  public private(set) var recorded: [Effect] = []

  public init(source: any NoteSource, searcher: any NoteSearcher) {
    self.source = source
    self.searcher = searcher
  }

  /// Sends an event and performs everything it leads to.
  public mutating func send(_ event: Event, to state: inout AppState) {
    perform(state.update(event), on: &state)
  }

  /// Performs effects, feeding their answers back until none are left.
  public mutating func perform(_ effects: [Effect], on state: inout AppState) {
    var queue = effects
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      switch effect {
      case .loadDocument(let id, let request):
        do {
          let document = try source.read(id).document
          queue += state.update(.documentLoaded(id: id, document: document, request: request))
        } catch {
          queue += state.update(.failed("Cannot read \(id): \(error)"))
        }
      case .search(let query, let limit, let request):
        do {
          let hits = try searcher.search(query, limit: limit)
          queue += state.update(.searchResults(query: query, hits: hits, request: request))
        } catch {
          queue += state.update(.failed("Search failed: \(error)"))
        }
      case .edit, .openURL, .quit:
        recorded.append(effect)
      }
    }
  }
}

import QuireCore

/// What one key cost: the frame the user sees after it, and the work it started.
public struct FrameTiming: Sendable {
  /// The key replayed.
  public var key: Key
  /// `update` for the key and the render after it: what a user waits for before the screen answers.
  public var keyToFrame: Duration
  /// The effects the key asked for (reading a note from disk, a search, Ctrl-P's name match),
  /// their answers applied and the screen drawn again; zero when the key asked for none. The
  /// browser runs these off the input path, so they delay the result, not the frame.
  public var effects: Duration
  /// What the effects were: "load", "search", "match", in order; empty when none.
  public var effectKinds: [String]
}

/// Replays keys over a vault and times each frame.
///
/// Each key is timed twice: the frame right after it (update + render, as the terminal draws
/// it before any effect answers), then the effects it asked for, performed in line (documents
/// from `source`, searches from `searcher`, the in-memory one when none is given, name matches
/// on the state's catalog) with the frame that shows their answers.
public enum FrameBenchmark {
  /// Per-key timings for a key script, after opening `start` (or the first note).
  public static func frames(
    vault: Vault, source: any NoteSource, searcher: (any NoteSearcher)? = nil, keys: [Key],
    width: Int = 120, height: Int = 40, start: String? = nil
  ) -> [FrameTiming] {
    var state = AppState(vault: vault, width: width, height: height)
    let searcher = searcher ?? InMemorySearcher(vault: vault)
    var session = ScriptedSession(source: source, searcher: searcher)
    session.perform(state.start(noteID: start), on: &state)
    _ = Renderer.render(state)
    let clock = ContinuousClock()
    var timings: [FrameTiming] = []
    timings.reserveCapacity(keys.count)
    for key in keys {
      var effects: [Effect] = []
      let keyToFrame = clock.measure {
        effects = state.update(.key(key))
        _ = Renderer.render(state)
      }
      let kinds = effects.compactMap(\.benchmarkKind)
      var effectTime = Duration.zero
      if !effects.isEmpty {
        effectTime = clock.measure {
          session.perform(effects, on: &state)
          _ = Renderer.render(state)
        }
      }
      timings.append(FrameTiming(key: key, keyToFrame: keyToFrame, effects: effectTime, effectKinds: kinds))
    }
    return timings
  }

  /// Per-frame durations for a key script: the key-to-frame time of each key.
  public static func run(
    vault: Vault, source: any NoteSource, searcher: (any NoteSearcher)? = nil, keys: [Key],
    width: Int = 120, height: Int = 40, start: String? = nil
  ) -> [Duration] {
    frames(
      vault: vault, source: source, searcher: searcher, keys: keys, width: width, height: height,
      start: start
    ).map(\.keyToFrame)
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
/// Documents are read from the source, searches and Ctrl-P's name matches run at once,
/// editor and URL requests are only recorded.
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
      case .matchNames(let text, let limit, let request):
        let matches = FuzzyMatcher.matches(text, in: state.catalog, limit: limit)
        queue += state.update(.nameMatches(text: text, matches: matches, request: request))
      case .edit, .openURL, .quit:
        recorded.append(effect)
      }
    }
  }
}

extension Effect {
  /// The benchmark's name for work done off the input path; nil for the rest.
  var benchmarkKind: String? {
    switch self {
    case .loadDocument: "load"
    case .search: "search"
    case .matchNames: "match"
    case .edit, .openURL, .quit: nil
    }
  }
}

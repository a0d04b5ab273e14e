/// One search result: a note, and the section the match is in when there is one.
public struct SearchHit: Sendable, Hashable, Codable {
  public var id: String
  public var title: String
  public var type: NoteType
  /// The section holding the best match, as an index into the note's sections.
  public var section: Int?
  public var sectionTitle: String?
  /// Higher is better.
  public var score: Double
  /// A short excerpt around the match.
  public var snippet: String
  /// UTF-16-free ranges of matched words in `snippet`, as character offsets (start, length).
  public var highlights: [SnippetRange]

  public init(
    id: String, title: String, type: NoteType, section: Int? = nil, sectionTitle: String? = nil,
    score: Double, snippet: String = "", highlights: [SnippetRange] = []
  ) {
    self.id = id
    self.title = title
    self.type = type
    self.section = section
    self.sectionTitle = sectionTitle
    self.score = score
    self.snippet = snippet
    self.highlights = highlights
  }
}

/// A run of characters in a snippet: `start` and `length` count Characters.
public struct SnippetRange: Sendable, Hashable, Codable {
  public var start: Int
  public var length: Int
  public init(start: Int, length: Int) {
    self.start = start
    self.length = length
  }
}

/// The port through which the browser and the command line search a vault.
///
/// QuireSearch implements it with SQLite FTS5; tests may use a simple in-memory one.
public protocol NoteSearcher: Sendable {
  /// Ranked hits for what a user typed (plain words, "phrases", -excluded, OR, type: filters).
  func search(_ query: String, limit: Int) throws -> [SearchHit]
  /// What a user should know about the answers now, in a few words ("titles only: full
  /// index coming"); nil when they come from the full index.
  var notice: String? { get }
}

extension NoteSearcher {
  public var notice: String? { nil }
}

/// A store of notes parsed earlier, so that reopening an unchanged vault parses nothing.
///
/// Cached notes carry the links they had when stored, resolved. When the cache says
/// `linksAreCurrent`, those links were resolved against the vault it stored as a whole,
/// so the loader re-resolves only what changed since (`LinkResolution.cached`).
public protocol ParsedNoteCache: Sendable {
  /// The note parsed from a file of this size and modification time, if the cache has it.
  func note(id: String, size: Int, modified: Double) -> Note?
  /// The ids of every stored note.
  var storedIDs: [String] { get }
  /// A note as stored, whatever its file holds now (to know the names a changed or
  /// deleted note went by).
  func storedNote(id: String) -> Note?
  /// Whether the stored notes' links were resolved against the stored vault as a whole.
  var linksAreCurrent: Bool { get }
  /// Where annotations that the cache's notes come without can be read back; nil when
  /// its notes keep theirs.
  var annotationStore: (any AnnotationStore)? { get }
}

extension ParsedNoteCache {
  public var storedIDs: [String] { [] }
  public func storedNote(id: String) -> Note? { nil }
  public var linksAreCurrent: Bool { false }
  public var annotationStore: (any AnnotationStore)? { nil }
}

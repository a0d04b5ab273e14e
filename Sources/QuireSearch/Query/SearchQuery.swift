import QuireCore

/// A search as a user typed it, parsed: words, phrases, exclusions, alternatives and filters.
///
/// The grammar is the one search boxes teach: plain words must all match, `"exact phrases"`
/// match in order, `-word` excludes, `a OR b` accepts either, and `type:`, `status:`, `lens:`
/// and `in:` filter. The last plain word is a prefix while the user is still typing it
/// (`trai` finds `training`), and a word ending in `*` is a prefix anywhere.
///
/// Parsing never fails on odd characters: quotes, `*`, `:`, parentheses and control
/// characters are either understood or dropped, and the FTS5 pattern built from a query
/// quotes every term, so no input can reach SQLite as syntax.
public struct SearchQuery: Sendable, Hashable {
  /// One word or phrase to look for.
  public struct Term: Sendable, Hashable {
    /// The text of the term, control characters removed.
    public var text: String
    /// Written in quotes: its words must appear together, in order.
    public var isPhrase: Bool
    /// Its last word matches any word it begins.
    public var isPrefix: Bool

    public init(text: String, isPhrase: Bool = false, isPrefix: Bool = false) {
      self.text = text
      self.isPhrase = isPhrase
      self.isPrefix = isPrefix
    }
  }

  /// A part of a note that `in:` can restrict a search to.
  public enum Field: String, Sendable, Hashable, CaseIterable {
    /// The title and the aliases.
    case title
    /// Section headings.
    case heading
    /// The text of the sections.
    case body
  }

  /// Groups that must all match; a group matches when any of its terms does (`a OR b`).
  public var clauses: [[Term]]
  /// Terms no hit may contain.
  public var excluded: [Term]
  /// Note types to keep (any of them); empty keeps every type.
  public var types: [NoteType]
  /// Statuses to keep, lowercased (any of them); empty keeps every status.
  public var statuses: [String]
  /// Lenses a hit must list (any of them), lowercased; empty keeps every note.
  public var lenses: [String]
  /// The parts of a note to search; empty searches all of them.
  public var fields: [Field]

  /// The longest search accepted, in terms.
  public static let maxTerms = 64
  /// The longest search accepted, in characters.
  public static let maxCharacters = 2_000

  public init(
    clauses: [[Term]] = [], excluded: [Term] = [], types: [NoteType] = [],
    statuses: [String] = [], lenses: [String] = [], fields: [Field] = []
  ) {
    self.clauses = clauses
    self.excluded = excluded
    self.types = types
    self.statuses = statuses
    self.lenses = lenses
    self.fields = fields
  }

  /// Parses what a user typed.
  ///
  /// - Parameter prefixLast: treat the last plain word as a prefix unless the text ends
  ///   with a space (the user has finished the word).
  /// - Throws: `SearchQueryError` for a search that cannot mean anything.
  public init(parsing text: String, prefixLast: Bool = true) throws {
    self = try SearchQueryParser(text: text, prefixLast: prefixLast).parse()
  }

  /// Whether there is nothing to look for (an empty or all-punctuation search).
  public var isEmpty: Bool { clauses.isEmpty }

  /// Whether the query is only the words and filters: no exclusions, no `in:`.
  var searchesEverything: Bool { excluded.isEmpty && fields.isEmpty }
}

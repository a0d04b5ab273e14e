/// Links the entries of an imported note's *Concepts*, *Threads* and *Sources* sections.
///
/// Each entry names one note: by a title followed by its file stem in parentheses
/// ("Is Matter Seeing Itself? (witness-ai) — extends ..."), else by the first name in it
/// whose note has the type the section asks for (a concept under *Concepts*, a source stub,
/// else a finding, under *Sources*), else by its first unambiguous name. The name becomes a
/// link in place; the rest of the entry stays prose, so the sections of the target it names
/// ("Positive Formation: ...") are read from the annotation as section links.
public struct EntryLinker: Sendable {
  public var finder: MentionFinder
  public var formatter: LinkFormatter

  public init(finder: MentionFinder, formatter: LinkFormatter) {
    self.finder = finder
    self.formatter = formatter
  }

  /// An entry after linking.
  public struct Result: Sendable, Hashable {
    /// The entry's text, its subject turned into a link when found.
    public var text: String
    /// The note linked, if any.
    public var target: String?
    /// The name the entry gives its subject when no note answers to it.
    public var unmatched: String?
    /// The file stem the entry gave in parentheses, if any.
    public var slug: String?
  }

  /// Links one entry of a section with this relation, from a note at `source`.
  public func link(entry text: String, relation: LinkRelation, from source: String) -> Result {
    let parsedSlug = Self.titleWithSlug(text)
    if let parsed = parsedSlug, let target = note(withStem: parsed.slug, preferring: relation) {
      let link = formatter.link(text: parsed.title, from: source, to: target)
      return Result(text: link + parsed.rest, target: target.id, slug: parsed.slug)
    }
    let mentions = finder.mentions(inText: text, excluding: source)
    let wanted = relation.preferredTypes
    var chosen: (Mention, String)? = nil
    for type in wanted {
      for mention in mentions {
        let candidates = [mention.target] + mention.alternatives + mention.weaker
        if let match = candidates.first(where: { finder.note($0)?.type == type }) {
          chosen = (mention, match)
          break
        }
      }
      if chosen != nil { break }
    }
    if chosen == nil, let first = mentions.first(where: { !$0.isAmbiguous }) {
      chosen = (first, first.target)
    }
    if let (mention, target) = chosen, let note = finder.note(target) {
      let bytes = Array(text.utf8)
      let link = formatter.link(text: mention.text, from: source, to: note)
      let linked =
        String(decoding: bytes[..<mention.byteRange.lowerBound], as: UTF8.self) + link
        + String(decoding: bytes[mention.byteRange.upperBound...], as: UTF8.self)
      return Result(text: linked, target: target, slug: parsedSlug?.slug)
    }
    let name = parsedSlug?.title ?? Self.subject(of: text)
    return Result(text: text, target: nil, unmatched: name, slug: parsedSlug?.slug)
  }

  /// A note by file stem, a note of the type the relation asks for first.
  func note(withStem stem: String, preferring relation: LinkRelation) -> Note? {
    let matches = finder.notes.filter { $0.stem.lowercased() == stem.lowercased() }
    for type in relation.preferredTypes {
      if let match = matches.first(where: { $0.type == type }) { return match }
    }
    return matches.count == 1 ? matches[0] : nil
  }

  /// `Title (slug) rest` split into its parts, when the parenthesis holds a file stem.
  public static func titleWithSlug(_ text: String) -> (title: String, slug: String, rest: String)? {
    var search = text.startIndex
    while let open = text[search...].firstIndex(of: "("),
      let close = text[open...].firstIndex(of: ")")
    {
      let inside = text[text.index(after: open)..<close]
      let isSlug =
        !inside.isEmpty && inside.contains("-")
        && inside.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
        && inside == inside.lowercased()
      let title = String(text[..<open]).trimmed
      if isSlug, !title.isEmpty {
        return (title, String(inside), String(text[text.index(after: close)...]))
      }
      search = text.index(after: open)
    }
    return nil
  }

  /// The part of an entry that names its subject: before a dash, else its first clause.
  public static func subject(of text: String) -> String {
    for separator in [" — ", " – ", " - "] {
      if let range = text.firstRange(of: separator) { return String(text[..<range.lowerBound]).trimmed }
    }
    for separator in [". ", ": "] {
      if let range = text.firstRange(of: separator) { return String(text[..<range.lowerBound]).trimmed }
    }
    return text.trimmed
  }
}

extension LinkRelation {
  /// The note types an entry of a section with this relation names, most likely first.
  public var preferredTypes: [NoteType] {
    switch self {
    case .concept: [.concept]
    case .thread: [.thread]
    case .cites: [.source, .finding]
    case .anchors, .instantiates: [.finding]
    case .lens: [.lens]
    case .mentions: []
    }
  }
}

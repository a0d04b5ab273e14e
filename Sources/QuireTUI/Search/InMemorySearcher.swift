import QuireCore

/// A simple full-text searcher over the vault in memory, until the FTS5 index is wired in.
///
/// Every word of the query must occur in the note (its title, aliases or text); `-word`
/// excludes, `type:T` filters. Titles weigh more than text. A note loaded without its texts
/// (`Note.textsLeftOut`) is searched by its headings instead.
public struct InMemorySearcher: NoteSearcher {
  struct Entry: Sendable {
    var id: String
    var title: String
    var type: NoteType
    var titleText: String
    /// Lower-cased text per section (nil: before the first heading).
    var sections: [(section: Int?, title: String?, text: String, original: String)]
    /// The headings, lower-cased, a line each in section order: searched when the note
    /// carries no text.
    var headings: String
    /// The note's sections when `headings` are searched (shared with the note, not copied).
    var headingSections: [Section]
  }

  let entries: [Entry]

  public init(vault: Vault) {
    entries = vault.notes.map { note in
      Entry(
        id: note.id, title: note.title, type: note.type,
        titleText: ([note.title, note.stem] + note.aliases).joined(separator: " ").lowercased(),
        sections: note.texts.map { text in
          (
            text.section, text.section.flatMap { note.sections[safe: $0]?.title },
            text.text.lowercased(), text.text
          )
        },
        headings: note.texts.isEmpty ? note.sections.map(\.title).joined(separator: "\n").lowercased() : "",
        headingSections: note.texts.isEmpty ? note.sections : [])
    }
  }

  public func search(_ query: String, limit: Int) throws -> [SearchHit] {
    var include: [String] = []
    var exclude: [String] = []
    var types: Set<NoteType> = []
    for word in query.lowercased().split(separator: " ") {
      let word = String(word.filter { $0 != "\"" && $0 != "*" })
      if word.isEmpty || word == "or" || word == "and" { continue }
      if word.hasPrefix("type:"), let type = NoteType(field: String(word.dropFirst(5))) {
        types.insert(type)
      } else if word.hasPrefix("-"), word.count > 1 {
        exclude.append(String(word.dropFirst()))
      } else {
        include.append(word)
      }
    }
    guard !include.isEmpty || !types.isEmpty else { return [] }
    var hits: [SearchHit] = []
    for entry in entries {
      if !types.isEmpty, !types.contains(entry.type) { continue }
      var score = 0.0
      var best: (section: Int?, title: String?, text: String, original: String)? = nil
      var bestCount = 0
      var bestHeading: Int? = nil
      var excluded = false
      for word in exclude
      where entry.titleText.contains(word) || entry.headings.contains(word)
        || entry.sections.contains(where: { $0.text.contains(word) })
      {
        excluded = true
      }
      if excluded { continue }
      var allFound = true
      for word in include {
        let inTitle = entry.titleText.contains(word)
        var count = 0
        for section in entry.sections where section.text.contains(word) {
          // The score counts at most 20; counting every "e" of a 50 MB note took seconds.
          let here = section.text.occurrences(of: word, upTo: 20)
          count += here
          if here > bestCount {
            bestCount = here
            best = section
          }
        }
        let heading = entry.headings.isEmpty ? nil : Self.heading(containing: word, in: entry.headings)
        if !inTitle && count == 0 && heading == nil {
          allFound = false
          break
        }
        if bestHeading == nil { bestHeading = heading }
        score += (inTitle ? 5 : 0) + (heading == nil ? 0 : 2) + Double(min(count, 20))
      }
      guard allFound else { continue }
      // The section of the best text, else of the first heading a word was found in.
      let heading = bestHeading.map { entry.headingSections[$0] }
      var hit = SearchHit(
        id: entry.id, title: entry.title, type: entry.type, section: best?.section ?? heading?.index,
        sectionTitle: best?.title ?? heading?.title, score: score)
      if let best, let word = include.first {
        (hit.snippet, hit.highlights) = Self.snippet(best.original, around: word)
      }
      hits.append(hit)
    }
    hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    return Array(hits.prefix(limit))
  }

  /// The position of the first heading (a line of `headings`) that holds `word`.
  static func heading(containing word: String, in headings: String) -> Int? {
    guard headings.contains(word) else { return nil }
    return headings.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(word) }
  }

  /// About sixty characters around the first occurrence of a word, and where it is.
  ///
  /// Walks the text in place: copying it into an array of characters (and another of
  /// lower-cased ones) took minutes and gigabytes on a 50 MB note.
  static func snippet(_ text: String, around word: String) -> (String, [SnippetRange]) {
    let target = word.map { String($0) }
    var found = 0
    var foundIndex = text.startIndex
    var index = text.startIndex
    var position = 0
    while index < text.endIndex {
      var probe = index
      var matched = true
      for expected in target {
        guard probe < text.endIndex, text[probe].lowercased() == expected else {
          matched = false
          break
        }
        probe = text.index(after: probe)
      }
      if matched {
        found = position
        foundIndex = index
        break
      }
      index = text.index(after: index)
      position += 1
    }
    let before = min(25, found)
    let from = text.index(foundIndex, offsetBy: -before)
    let to =
      text.index(foundIndex, offsetBy: target.count + 35, limitedBy: text.endIndex) ?? text.endIndex
    let snippet = text[from..<to].map { $0 == "\n" ? " " : String($0) }.joined()
    return (snippet, [SnippetRange(start: before, length: target.count)])
  }
}

extension String {
  /// How many times a non-empty piece occurs, not overlapping, counting up to `limit`.
  fileprivate func occurrences(of piece: String, upTo limit: Int) -> Int {
    guard !piece.isEmpty else { return 0 }
    var count = 0
    var rest = self[...]
    while count < limit, let range = rest.firstRange(of: piece) {
      count += 1
      rest = rest[range.upperBound...]
    }
    return count
  }
}

import QuireCore

/// Ranks notes against a few typed letters: title, aliases and file name, fuzzily.
///
/// The letters must appear in order; runs of consecutive letters, letters at word starts
/// and an early first match score higher, as in most "go to file" boxes.
public enum FuzzyMatcher {
  /// The best notes for the text, best first; every note (by title) when the text is empty.
  public static func matches(_ text: String, in vault: Vault, limit: Int = 50) -> [Int] {
    let query = Array(text.lowercased().filter { $0 != " " })
    var scored: [(note: Int, score: Int)] = []
    for (index, note) in vault.notes.enumerated() {
      if query.isEmpty {
        scored.append((index, 0))
        continue
      }
      var best = score(query, in: note.title)
      best = max(best ?? Int.min, score(query, in: note.stem) ?? Int.min)
      for alias in note.aliases { best = max(best ?? Int.min, score(query, in: alias) ?? Int.min) }
      if let best, best > Int.min { scored.append((index, best)) }
    }
    scored.sort { lhs, rhs in
      if lhs.score != rhs.score { return lhs.score > rhs.score }
      return vault.notes[lhs.note].title.lowercased() < vault.notes[rhs.note].title.lowercased()
    }
    return scored.prefix(limit).map(\.note)
  }

  /// The same as `matches(_:in:limit:)` on names lower-cased and coded once per vault.
  public static func matches(_ text: String, in catalog: NoteCatalog, limit: Int = 50) -> [Int] {
    let characters = text.lowercased().filter { $0 != " " }
    if characters.isEmpty { return Array(catalog.byTitle.prefix(limit)) }
    guard let query = catalog.fuzzyNames.query(characters) else { return [] }
    // One integer per match, score above title rank, so that a plain descending sort of
    // integers orders by score then title: sorting thousands of tuples through a closure
    // took most of a keystroke.
    let rankMask = 0xFFFF_FFFF
    var keys: [Int] = []
    let rank = catalog.titleRank
    catalog.fuzzyNames.scores(query) { note, score in
      keys.append(((score + (1 << 24)) << 32) | (rankMask - rank[note]))
    }
    keys.sort(by: >)
    return keys.prefix(limit).map { catalog.byTitle[rankMask - ($0 & rankMask)] }
  }

  /// The score of the query in a candidate, or nil when its letters are not all there in order.
  public static func score(_ query: [Character], in candidate: String) -> Int? {
    guard !query.isEmpty else { return 0 }
    var score = 0
    var queryIndex = 0
    var previousMatched = false
    var previous: Character = " "
    var position = 0
    for character in candidate.lowercased() {
      defer {
        previous = character
        position += 1
      }
      guard queryIndex < query.count else { break }
      if character == query[queryIndex] {
        score += 1
        if previousMatched { score += 5 }
        if !previous.isLetter && !previous.isNumber { score += 8 }
        if queryIndex == 0 { score -= min(position, 10) }
        queryIndex += 1
        previousMatched = true
      } else {
        previousMatched = false
      }
    }
    guard queryIndex == query.count else { return nil }
    return score
  }
}

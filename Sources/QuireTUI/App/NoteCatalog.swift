import QuireCore

/// What the browser derives from a vault once, when it opens or reloads, not per key.
///
/// A keystroke must redraw in a frame (16 ms) on a vault of 10,000 notes: sorting the
/// navigator, lower-casing titles for the Ctrl-P box or grouping notes by type on each key
/// took tens of milliseconds there. Everything here depends on the vault alone.
public struct NoteCatalog: Sendable {
  /// Every note's index, by lower-cased title (ties by index).
  public let byTitle: [Int]
  /// Every note's index, newest first (undated last, ties by index).
  public let byDate: [Int]
  /// For each note, its position in `byTitle`: sorts by title with an integer comparison.
  let titleRank: [Int]
  /// What Ctrl-P matches for each note: title, stem, then aliases.
  let fuzzyNames: [[FuzzyName]]

  public init(vault: Vault) {
    let notes = vault.notes
    let titles = notes.map { $0.title.lowercased() }
    byTitle = notes.indices.sorted { titles[$0] != titles[$1] ? titles[$0] < titles[$1] : $0 < $1 }
    var rank = [Int](repeating: 0, count: notes.count)
    for (position, index) in byTitle.enumerated() { rank[index] = position }
    titleRank = rank
    let dates = notes.map { $0.date ?? "" }
    byDate = notes.indices.sorted { dates[$0] != dates[$1] ? dates[$0] > dates[$1] : $0 < $1 }
    var codes = FuzzyName.Codes()
    fuzzyNames = notes.indices.map { index in
      let note = notes[index]
      var names = [FuzzyName(titles[index], codes: &codes), FuzzyName(note.stem, codes: &codes)]
      for alias in note.aliases { names.append(FuzzyName(alias, codes: &codes)) }
      return names
    }
    fuzzyCodes = codes
  }

  /// The code of each non-ASCII character seen in a name, shared by the query.
  let fuzzyCodes: FuzzyName.Codes
}

/// A name lower-cased and turned into one integer per character, for quick fuzzy scoring.
///
/// Scoring compares characters one by one; comparing `Character` values (graphemes) for
/// 30,000 names on every typed letter was most of Ctrl-P's time. ASCII characters are
/// their own code; others get a number from a table keyed by `Character`, so canonically
/// equal characters still compare equal.
struct FuzzyName: Sendable {
  /// Codes for characters beyond ASCII, numbered from 128 as met.
  struct Codes: Sendable {
    var table: [Character: UInt32] = [:]

    mutating func code(of character: Character) -> UInt32 {
      if let ascii = character.asciiValue { return UInt32(ascii) }
      if let known = table[character] { return known }
      let next = UInt32(128 + table.count)
      table[character] = next
      return next
    }

    /// The code of a character if any name holds it; nil means nothing can match it.
    func existingCode(of character: Character) -> UInt32? {
      if let ascii = character.asciiValue { return UInt32(ascii) }
      return table[character]
    }
  }

  /// One code per character of the lower-cased name.
  let codes: [UInt32]
  /// Whether each character follows one that is neither a letter nor a digit (a word start).
  let wordStarts: [Bool]

  init(_ name: String, codes table: inout Codes) {
    var codes: [UInt32] = []
    var starts: [Bool] = []
    var previous: Character = " "
    for character in name.lowercased() {
      codes.append(table.code(of: character))
      starts.append(!previous.isLetter && !previous.isNumber)
      previous = character
    }
    self.codes = codes
    wordStarts = starts
  }

  /// The same score as `FuzzyMatcher.score(_:in:)`, on codes.
  func score(_ query: [UInt32]) -> Int? {
    guard !query.isEmpty else { return 0 }
    var score = 0
    var queryIndex = 0
    var previousMatched = false
    for position in codes.indices {
      guard queryIndex < query.count else { break }
      if codes[position] == query[queryIndex] {
        score += 1
        if previousMatched { score += 5 }
        if wordStarts[position] { score += 8 }
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

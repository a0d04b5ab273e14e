import QuireCore

/// Turns the text of a search box into a `SearchQuery`.
///
/// Works in two passes: split the text into tokens (words, quoted phrases, `OR`,
/// `key:value` filters), then fold the tokens into clauses. Terms that hold no letter
/// or digit are dropped: the index's tokenizer could never match them.
struct SearchQueryParser {
  let text: String
  let prefixLast: Bool

  /// A piece of the search text.
  enum Token: Equatable {
    case word(String, excluded: Bool)
    case phrase(String, excluded: Bool)
    case or
    case filter(key: String, value: String)
  }

  static let filterKeys: Set<String> = ["type", "status", "lens", "in"]

  func parse() throws -> SearchQuery {
    guard text.count <= SearchQuery.maxCharacters else {
      throw SearchQueryError.tooLong(
        maxTerms: SearchQuery.maxTerms, maxCharacters: SearchQuery.maxCharacters)
    }
    let tokens = tokenize()
    var query = SearchQuery()
    var pendingOr = false
    var termCount = 0
    let lastWordIndex = tokens.lastIndex { if case .word = $0 { true } else { false } }
    let endsOpen = prefixLast && !(text.last.map { $0.isWhitespace } ?? true)

    for (index, token) in tokens.enumerated() {
      switch token {
      case .or:
        guard !pendingOr, !query.clauses.isEmpty, lastTokenWasPositive(tokens, before: index)
        else { throw SearchQueryError.danglingOr }
        pendingOr = true
        continue
      case .filter(let key, let value):
        try apply(filter: key, value: value, to: &query)
      case .word(let raw, let excluded), .phrase(let raw, let excluded):
        var isPrefix = false
        var body = raw
        let isPhrase: Bool
        if case .phrase = token {
          isPhrase = true
        } else {
          isPhrase = false
          if body.hasSuffix("*") {
            isPrefix = true
            while body.hasSuffix("*") { body.removeLast() }
          } else if endsOpen, !excluded, index == tokens.count - 1, index == lastWordIndex {
            isPrefix = true
          }
        }
        let cleaned = Self.clean(body)
        guard Self.canMatch(cleaned) else {
          if pendingOr { throw SearchQueryError.danglingOr }
          continue
        }
        termCount += 1
        guard termCount <= SearchQuery.maxTerms else {
          throw SearchQueryError.tooLong(
            maxTerms: SearchQuery.maxTerms, maxCharacters: SearchQuery.maxCharacters)
        }
        let term = SearchQuery.Term(text: cleaned, isPhrase: isPhrase, isPrefix: isPrefix)
        if excluded {
          if pendingOr { throw SearchQueryError.danglingOr }
          query.excluded.append(term)
        } else if pendingOr, !query.clauses.isEmpty {
          query.clauses[query.clauses.count - 1].append(term)
        } else {
          query.clauses.append([term])
        }
      }
      pendingOr = false
    }
    if pendingOr { throw SearchQueryError.danglingOr }
    if query.clauses.isEmpty, !query.excluded.isEmpty { throw SearchQueryError.onlyExclusions }
    return query
  }

  /// Whether the token before `index` is a term that `OR` can join to.
  private func lastTokenWasPositive(_ tokens: [Token], before index: Int) -> Bool {
    guard index > 0 else { return false }
    switch tokens[index - 1] {
    case .word(_, let excluded), .phrase(_, let excluded): return !excluded
    case .or, .filter: return false
    }
  }

  private func apply(filter key: String, value: String, to query: inout SearchQuery) throws {
    let value = Self.clean(value).trimmed
    guard !value.isEmpty else { throw SearchQueryError.emptyFilter(key) }
    switch key {
    case "type":
      guard let type = NoteType(field: value) else { throw SearchQueryError.unknownType(value) }
      if !query.types.contains(type) { query.types.append(type) }
    case "status":
      query.statuses.append(value.lowercased())
    case "lens":
      query.lenses.append(value.lowercased())
    default:
      let lower = value.lowercased()
      let field: SearchQuery.Field? =
        switch lower {
        case "title", "titles", "alias", "aliases": .title
        case "heading", "headings", "section", "sections": .heading
        case "body", "text": .body
        default: nil
        }
      guard let field else { throw SearchQueryError.unknownField(value) }
      if !query.fields.contains(field) { query.fields.append(field) }
    }
  }

  // MARK: - Tokens

  /// Splits the text at white space, keeping quoted phrases whole (an unclosed quote runs
  /// to the end, as it does while the user is typing it).
  func tokenize() -> [Token] {
    var tokens: [Token] = []
    var characters = Array(text)
    characters.removeAll { $0 == "\u{0}" }
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character.isWhitespace {
        index += 1
        continue
      }
      var excluded = false
      if character == "-", index + 1 < characters.count, !characters[index + 1].isWhitespace {
        excluded = true
        index += 1
      }
      if characters[index] == "\"" {
        var end = index + 1
        while end < characters.count, characters[end] != "\"" { end += 1 }
        tokens.append(.phrase(String(characters[(index + 1)..<min(end, characters.count)]), excluded: excluded))
        index = end + 1
        continue
      }
      var end = index
      while end < characters.count, !characters[end].isWhitespace { end += 1 }
      let word = String(characters[index..<end])
      index = end
      if !excluded, word == "OR" || word == "|" {
        tokens.append(.or)
      } else if !excluded, word == "AND" || word == "&&" {
        continue  // every word must match already
      } else if !excluded, let colon = word.firstIndex(of: ":"),
        Self.filterKeys.contains(word[..<colon].lowercased())
      {
        var value = String(word[word.index(after: colon)...])
        if value.hasPrefix("\"") { value = value.replacingOccurrences(of: "\"", with: "") }
        tokens.append(.filter(key: word[..<colon].lowercased(), value: value))
      } else {
        tokens.append(.word(word, excluded: excluded))
      }
    }
    return tokens
  }

  /// The text without control characters, white space collapsed.
  static func clean(_ text: String) -> String {
    var result = ""
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace {
        result.unicodeScalars.append(" ")
        pendingSpace = false
      }
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  /// Whether SQLite's unicode61 tokenizer would find a token in the text: a letter, a
  /// digit or a private-use character.
  static func canMatch(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .decimalNumber, .letterNumber, .otherNumber, .privateUse:
        true
      default:
        false
      }
    }
  }
}

import Foundation
import QuireCore

/// Cuts a snippet from a section's text around the words a query matched, in Swift.
///
/// FTS5's own `snippet()` needs the MATCH to run again for each hit, and a prefix
/// pattern (`"trai" *`) makes SQLite merge that prefix's whole doclist each time; reading
/// the row by id and marking words here costs a lookup per hit instead. Words are
/// compared as the index's tokenizer sees them: letters and digits, case and diacritics
/// folded.
struct SnippetMaker {
  /// Folded words of the query; a prefix term matches any word it begins.
  let words: [(text: String, isPrefix: Bool)]
  /// Words of context the snippet holds.
  var width = 16

  init(query: SearchQuery) {
    var words: [(String, Bool)] = []
    for term in query.clauses.joined() {
      let tokens = Self.tokens(of: term.text).map { Self.fold($0.text) }
      for (position, token) in tokens.enumerated() {
        words.append((token, term.isPrefix && position == tokens.count - 1))
      }
    }
    self.words = words
  }

  /// How many words of the text match the query.
  func matchCount(in text: String) -> Int {
    Self.tokens(of: text).reduce(0) { $0 + (matches(Self.fold($1.text)) ? 1 : 0) }
  }

  /// The snippet around the densest run of matches, with the matches as ranges; the
  /// text's start when nothing matches.
  func snippet(of text: String) -> (text: String, highlights: [SnippetRange]) {
    let tokens = Self.tokens(of: text)
    guard !tokens.isEmpty else { return ("", []) }
    let hits = tokens.indices.filter { matches(Self.fold(tokens[$0].text)) }
    var first = 0
    if !hits.isEmpty {
      var best = 0
      for hit in hits {
        let count = hits.filter { $0 >= hit && $0 < hit + width }.count
        if count > best {
          best = count
          first = max(0, hit - 2)
        }
      }
    }
    let last = min(tokens.count, first + width)
    let lower = tokens[first].range.lowerBound
    let upper = tokens[last - 1].range.upperBound
    var marked = ""
    var position = lower
    for index in first..<last where hits.contains(index) {
      marked += text[position..<tokens[index].range.lowerBound]
      marked += SnippetMarkup.openText + text[tokens[index].range] + SnippetMarkup.closeText
      position = tokens[index].range.upperBound
    }
    marked += text[position..<upper]
    if first > 0 { marked = SnippetMarkup.ellipsis + marked }
    if last < tokens.count { marked += SnippetMarkup.ellipsis }
    return SnippetMarkup.parse(marked)
  }

  private func matches(_ word: String) -> Bool {
    words.contains { $0.isPrefix ? word.hasPrefix($0.text) : word == $0.text }
  }

  /// Runs of letters and digits, as unicode61 splits text.
  static func tokens(of text: String) -> [(text: Substring, range: Range<String.Index>)] {
    var tokens: [(Substring, Range<String.Index>)] = []
    var start: String.Index? = nil
    var index = text.startIndex
    while index < text.endIndex {
      let isWord = text[index].unicodeScalars.contains { scalar in
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      }
      if isWord, start == nil { start = index }
      if !isWord, let begin = start {
        tokens.append((text[begin..<index], begin..<index))
        start = nil
      }
      index = text.index(after: index)
    }
    if let begin = start { tokens.append((text[begin...], begin..<text.endIndex)) }
    return tokens
  }

  static func fold<S: StringProtocol>(_ text: S) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}

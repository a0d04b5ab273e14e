import Foundation
import QuireCore

/// Cuts a snippet from a section's text around the words a query matched, in Swift.
///
/// FTS5's own `snippet()` needs the MATCH to run again for each hit, and a prefix
/// pattern (`"trai" *`) makes SQLite merge that prefix's whole doclist each time; reading
/// the row by id and marking words here costs a lookup per hit instead. Words are
/// compared as the index's tokenizer sees them: letters, digits and marks, case and
/// diacritics folded.
///
/// This runs over every section of up to a screenful of hits on each keystroke, so it
/// walks Unicode scalars (not `Character`s, whose grapheme breaking is slow) and compares
/// ASCII words byte by byte without making strings; only words with other characters go
/// through Foundation's folding.
struct SnippetMaker {
  /// Folded words of the query; a prefix term matches any word it begins.
  let words: [(text: String, isPrefix: Bool)]
  /// The same words as bytes, for the ASCII comparison.
  private let wordBytes: [(bytes: [UInt8], isPrefix: Bool)]
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
    wordBytes = words.map { (Array($0.0.utf8), $0.1) }
  }

  /// How many words of the text match the query.
  func matchCount(in text: String) -> Int {
    guard !words.isEmpty else { return 0 }
    var count = 0
    Self.forEachToken(in: text) { token in
      if matches(token) { count += 1 }
    }
    return count
  }

  /// The snippet around the densest run of matches, with the matches as ranges; the
  /// text's start when nothing matches.
  func snippet(of text: String) -> (text: String, highlights: [SnippetRange]) {
    let tokens = Self.tokens(of: text)
    guard !tokens.isEmpty else { return ("", []) }
    let hits = tokens.indices.filter { matches(tokens[$0].text) }
    var first = 0
    if !hits.isEmpty {
      // The window of `width` words starting near a hit that holds the most hits.
      var best = 0
      var end = 0
      for (position, hit) in hits.enumerated() {
        while end < hits.count, hits[end] < hit + width { end += 1 }
        if end - position > best {
          best = end - position
          first = max(0, hit - 2)
        }
      }
    }
    let last = min(tokens.count, first + width)
    let lower = tokens[first].range.lowerBound
    let upper = tokens[last - 1].range.upperBound
    let marked = Set(hits)
    var result = ""
    var position = lower
    for index in first..<last where marked.contains(index) {
      result += text[position..<tokens[index].range.lowerBound]
      result += SnippetMarkup.openText + text[tokens[index].range] + SnippetMarkup.closeText
      position = tokens[index].range.upperBound
    }
    result += text[position..<upper]
    if first > 0 { result = SnippetMarkup.ellipsis + result }
    if last < tokens.count { result += SnippetMarkup.ellipsis }
    return SnippetMarkup.parse(result)
  }

  /// Whether a word of the text matches a word of the query.
  private func matches(_ token: Substring) -> Bool {
    let utf8 = token.utf8
    if utf8.allSatisfy({ $0 < 0x80 }) {
      return wordBytes.contains { word in
        utf8.count == word.bytes.count || (word.isPrefix && utf8.count > word.bytes.count)
          ? zip(utf8, word.bytes).allSatisfy { Self.lowercased($0) == $1 } : false
      }
    }
    let folded = Self.fold(token)
    return words.contains { $0.isPrefix ? folded.hasPrefix($0.text) : folded == $0.text }
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  /// Whether unicode61 keeps a scalar inside a token: letters, digits, marks.
  private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 {
      return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        || (value >= 0x61 && value <= 0x7A)
    }
    let properties = scalar.properties
    if properties.isAlphabetic || properties.numericType != nil { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .privateUse: return true
    default: return false
    }
  }

  /// Calls `body` with each run of word characters, as unicode61 splits text.
  static func forEachToken(in text: String, _ body: (Substring) -> Void) {
    let scalars = text.unicodeScalars
    var start: String.Index? = nil
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let word = isWord(scalars[index])
      if word, start == nil { start = index }
      if !word, let begin = start {
        body(text[begin..<index])
        start = nil
      }
      index = scalars.index(after: index)
    }
    if let begin = start { body(text[begin...]) }
  }

  /// Runs of word characters with their ranges.
  static func tokens(of text: String) -> [(text: Substring, range: Range<String.Index>)] {
    var tokens: [(Substring, Range<String.Index>)] = []
    forEachToken(in: text) { tokens.append(($0, $0.startIndex..<$0.endIndex)) }
    return tokens
  }

  static func fold<S: StringProtocol>(_ text: S) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}

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
/// walks the UTF-8 bytes and compares ASCII words byte by byte without making strings;
/// only words with other characters are decoded and go through Foundation's folding.
struct SnippetMaker {
  /// Folded words of the query; a prefix term matches any word it begins.
  let words: [(text: String, isPrefix: Bool)]
  /// The same words as bytes, for the ASCII comparison.
  private let wordBytes: [(bytes: [UInt8], isPrefix: Bool)]
  /// Words of context the snippet holds.
  var width = 16

  /// A word of a text, as byte offsets into its UTF-8.
  struct Token {
    var start: Int
    var end: Int
    var isASCII: Bool
  }

  init(query: SearchQuery) {
    var words: [(String, Bool)] = []
    for term in query.clauses.joined() {
      let tokens = Self.words(of: term.text).map { Self.fold($0) }
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
    var copy = text
    return copy.withUTF8 { bytes in
      var count = 0
      Self.forEachToken(in: bytes) { token in
        if matches(token, in: bytes) { count += 1 }
      }
      return count
    }
  }

  /// The snippet around the densest run of matches, with the matches as ranges; the
  /// text's start when nothing matches.
  func snippet(of text: String) -> (text: String, highlights: [SnippetRange]) {
    var copy = text
    let snippet: Built = copy.withUTF8 { bytes in
      var tokens: [Token] = []
      Self.forEachToken(in: bytes) { tokens.append($0) }
      guard !tokens.isEmpty else { return .empty }
      let hits = tokens.indices.filter { matches(tokens[$0], in: bytes) }
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
      if let plain = Self.asciiSnippet(
        bytes, tokens: tokens, hits: hits, window: first..<last, allTokens: tokens.count)
      {
        return plain
      }
      var result: [UInt8] = []
      if first > 0 { result += Array(SnippetMarkup.ellipsis.utf8) }
      var position = tokens[first].start
      var nextHit = hits.firstIndex { $0 >= first } ?? hits.count
      while nextHit < hits.count, hits[nextHit] < last {
        let token = tokens[hits[nextHit]]
        result += bytes[position..<token.start]
        result += Array(SnippetMarkup.openText.utf8)
        result += bytes[token.start..<token.end]
        result += Array(SnippetMarkup.closeText.utf8)
        position = token.end
        nextHit += 1
      }
      result += bytes[position..<tokens[last - 1].end]
      if last < tokens.count { result += Array(SnippetMarkup.ellipsis.utf8) }
      return .marked(String(decoding: result, as: UTF8.self))
    }
    switch snippet {
    case .empty: return ("", [])
    case .plain(let text, let highlights): return (text, highlights)
    case .marked(let marked): return SnippetMarkup.parse(marked)
    }
  }

  /// A snippet ready to show, or marked text still to parse.
  private enum Built {
    case empty
    case plain(String, [SnippetRange])
    case marked(String)
  }

  /// The snippet of an ASCII window built directly (white space collapsed, highlights
  /// counted in characters, which are bytes here), as `SnippetMarkup.parse` would make
  /// it from marked text; nil when the window holds other characters.
  private static func asciiSnippet(
    _ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], hits: [Int], window: Range<Int>,
    allTokens: Int
  ) -> Built? {
    let lower = tokens[window.lowerBound].start
    let upper = tokens[window.upperBound - 1].end
    guard !bytes[lower..<upper].contains(where: { $0 >= 0x80 }) else { return nil }
    var text: [UInt8] = []
    text.reserveCapacity(upper - lower + 8)
    var count = 0
    if window.lowerBound > 0 { count = 1 }  // the ellipsis, one character
    var highlights: [SnippetRange] = []
    var nextHit = hits.firstIndex { $0 >= window.lowerBound } ?? hits.count
    var pendingSpace = false
    var position = lower
    for index in window {
      let token = tokens[index]
      for byte in bytes[position..<token.start] {
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
          pendingSpace = true
          continue
        }
        if pendingSpace {
          text.append(0x20)
          count += 1
          pendingSpace = false
        }
        text.append(byte)
        count += 1
      }
      if pendingSpace {
        text.append(0x20)
        count += 1
        pendingSpace = false
      }
      if nextHit < hits.count, hits[nextHit] == index {
        highlights.append(SnippetRange(start: count, length: token.end - token.start))
        nextHit += 1
      }
      text.append(contentsOf: bytes[token.start..<token.end])
      count += token.end - token.start
      position = token.end
    }
    var result = String(decoding: text, as: UTF8.self)
    if window.lowerBound > 0 { result = SnippetMarkup.ellipsis + result }
    if window.upperBound < allTokens { result += SnippetMarkup.ellipsis }
    return .plain(result, highlights)
  }

  /// Whether a word of the text matches a word of the query.
  private func matches(_ token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let slice = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
    if token.isASCII {
      return wordBytes.contains { word in
        guard slice.count == word.bytes.count || (word.isPrefix && slice.count > word.bytes.count)
        else { return false }
        return zip(slice, word.bytes).allSatisfy { Self.lowercased($0) == $1 }
      }
    }
    let folded = Self.fold(String(decoding: slice, as: UTF8.self))
    return words.contains { $0.isPrefix ? folded.hasPrefix($0.text) : folded == $0.text }
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  private static func isASCIIWord(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  /// Whether unicode61 keeps a scalar inside a token: letters, digits, marks.
  private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    if properties.isAlphabetic || properties.numericType != nil { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .privateUse: return true
    default: return false
    }
  }

  /// Calls `body` with each run of word characters in valid UTF-8, as unicode61 splits text.
  static func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
    var start = -1
    var ascii = true
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      var length = 1
      let word: Bool
      if lead < 0x80 {
        word = isASCIIWord(lead)
      } else {
        // Decode one scalar; the bytes come from a Swift string, so they are valid.
        length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        length = min(length, bytes.count - index)
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<max(length, 1) { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
        word = Unicode.Scalar(value).map(isWord) ?? false
      }
      if word {
        if start < 0 {
          start = index
          ascii = true
        }
        if lead >= 0x80 { ascii = false }
      } else if start >= 0 {
        body(Token(start: start, end: index, isASCII: ascii))
        start = -1
      }
      index += length
    }
    if start >= 0 { body(Token(start: start, end: bytes.count, isASCII: ascii)) }
  }

  /// The words of a text, as unicode61 splits it.
  static func words(of text: String) -> [String] {
    var copy = text
    return copy.withUTF8 { bytes in
      var words: [String] = []
      forEachToken(in: bytes) {
        words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.start..<$0.end]), as: UTF8.self))
      }
      return words
    }
  }

  static func fold<S: StringProtocol>(_ text: S) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}

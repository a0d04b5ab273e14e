import QuireCore

/// What an imported note's front matter can be filled with from its text: a title from
/// the first sentence, a source URL and date from an arXiv identifier or a URL.
public enum NoteFacts {
  /// Words after which a full stop does not end a sentence.
  static let abbreviations: Set<String> = [
    "al", "e.g", "i.e", "eg", "ie", "vs", "etc", "cf", "fig", "figs", "eq", "no", "dr", "mr",
    "mrs", "ms", "prof", "st", "approx", "ca", "resp", "sec", "ch", "vol", "pp",
  ]

  /// The first sentence of a text: up to a `.`, `!` or `?` followed by a space and not ending
  /// an abbreviation or an initial.
  public static func firstSentence(_ text: String) -> String {
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if ".!?".contains(character),
        index + 1 == characters.count || characters[index + 1] == " "
      {
        if character != "." { return String(characters[...index]).trimmed }
        var start = index
        while start > 0, !characters[start - 1].isWhitespace, characters[start - 1] != "(" {
          start -= 1
        }
        let word = String(characters[start..<index]).lowercased()
        let isInitial = word.count == 1 && (word.first?.isLetter ?? false)
        if !abbreviations.contains(word), !isInitial { return String(characters[..<index]).trimmed }
      }
      index += 1
    }
    return text.trimmed
  }

  /// A title made from a note's first sentence, cut at a clause break when very long.
  public static func title(fromFirstSentence text: String, limit: Int = 120) -> String {
    let sentence = firstSentence(text)
    guard sentence.count > limit else { return sentence }
    for separator in [": ", "; ", " — ", ", "] {
      if let range = sentence.firstRange(of: separator),
        sentence.distance(from: sentence.startIndex, to: range.lowerBound) >= 20,
        sentence.distance(from: sentence.startIndex, to: range.lowerBound) <= limit
      {
        return String(sentence[..<range.lowerBound]).trimmed
      }
    }
    var cut = ""
    for word in sentence.split(separator: " ") {
      if cut.count + word.count + 1 > limit { break }
      cut += cut.isEmpty ? String(word) : " " + word
    }
    return cut + "…"
  }

  /// The first arXiv identifier in a text (`arXiv:2401.05566`, `arxiv.org/abs/2401.05566`).
  public static func arXivID(in text: String) -> String? {
    let lower = text.lowercased()
    for marker in ["arxiv:", "arxiv.org/abs/", "arxiv.org/pdf/"] {
      var search = lower.startIndex
      while let range = lower[search...].firstRange(of: marker) {
        var rest = lower[range.upperBound...].drop { $0 == " " }
        let id = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        rest = rest.dropFirst(id.count)
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 2, parts[0].count == 4, parts[1].count >= 4 {
          return "\(parts[0]).\(parts[1].prefix(5))"
        }
        search = range.upperBound
      }
    }
    return nil
  }

  /// The date an arXiv identifier encodes (`2401.05566` is January 2024) as `YYYY-MM`.
  public static func date(ofArXivID id: String) -> String? {
    let digits = Array(id.prefix(4))
    guard digits.count == 4, let year = Int(String(digits[0...1])),
      let month = Int(String(digits[2...3])), (1...12).contains(month)
    else { return nil }
    return String(2000 + year) + "-" + (month < 10 ? "0\(month)" : "\(month)")
  }

  /// The first `http(s)://` URL in a text, without trailing punctuation.
  public static func url(in text: String) -> String? {
    guard let start = text.firstRange(of: "https://") ?? text.firstRange(of: "http://") else { return nil }
    var url = String(text[start.lowerBound...].prefix { !$0.isWhitespace })
    while let last = url.last, ".,;:)]'\"".contains(last) { url.removeLast() }
    return url
  }

  /// A file-name slug: lower-case words joined by `-`, at most `words` of them.
  public static func slug(_ text: String, words limit: Int = 6) -> String {
    let words = SectionName.words(of: text)
    return words.prefix(limit).joined(separator: "-")
  }
}

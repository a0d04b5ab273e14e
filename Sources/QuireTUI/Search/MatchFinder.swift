import QuireCore

/// Finds the words of a search in a laid-out note, for `n`/`N` and highlighting.
public enum MatchFinder {
  /// A match on screen: line, column and width in columns.
  public struct Match: Sendable, Hashable {
    public var line: Int
    public var x: Int
    public var width: Int
  }

  /// The words of a query worth finding: no operators, no `type:` filters, no exclusions.
  public static func terms(of query: String) -> [[Character]] {
    query.split(separator: " ").compactMap { word -> [Character]? in
      var word = String(word)
      if word.hasPrefix("-") || word.contains(":") || word == "OR" || word == "AND" { return nil }
      word = String(word.filter { $0 != "\"" && $0 != "*" })
      return word.isEmpty ? nil : Array(word.lowercased())
    }
  }

  /// Every match of any term in the layout, in reading order.
  public static func matches(of terms: [[Character]], in layout: NoteLayout) -> [Match] {
    guard !terms.isEmpty else { return [] }
    var result: [Match] = []
    for (number, line) in layout.lines.enumerated() {
      result += matches(of: terms, inLine: line.plainText, line: number)
    }
    return result
  }

  /// Matches in one line's text, case-insensitively, with their display columns.
  ///
  /// Runs for every visible line of every frame once a search was made, so it compares in
  /// place and lower-cases ASCII without building strings; columns are counted only for
  /// lines that match.
  public static func matches(of terms: [[Character]], inLine text: String, line: Int) -> [Match] {
    guard !terms.isEmpty, !text.isEmpty else { return [] }
    let characters = Array(text)
    let lower = characters.map(lowered)
    var found: [(start: Int, count: Int)] = []
    var start = 0
    while start < lower.count {
      var matched = 0
      for term in terms where term.count > matched && start + term.count <= lower.count {
        var same = true
        for offset in term.indices where lower[start + offset] != term[offset] {
          same = false
          break
        }
        if same { matched = term.count }
      }
      if matched > 0 {
        found.append((start, matched))
        start += matched
      } else {
        start += 1
      }
    }
    guard !found.isEmpty else { return [] }
    var columns = [Int](repeating: 0, count: characters.count + 1)
    for (index, character) in characters.enumerated() {
      columns[index + 1] = columns[index] + DisplayWidth.of(character)
    }
    return found.map { match in
      Match(
        line: line, x: columns[match.start],
        width: columns[match.start + match.count] - columns[match.start])
    }
  }

  /// A character lower-cased as one character (the first of its lower case, if that is longer).
  private static func lowered(_ character: Character) -> Character {
    if let ascii = character.asciiValue, ascii >= 65, ascii <= 90 {
      return Character(Unicode.Scalar(ascii + 32))
    }
    if character.isASCII { return character }
    return Character(character.lowercased().first.map(String.init) ?? String(character))
  }
}

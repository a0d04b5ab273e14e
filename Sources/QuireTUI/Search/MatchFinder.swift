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
  public static func matches(of terms: [[Character]], inLine text: String, line: Int) -> [Match] {
    guard !terms.isEmpty, !text.isEmpty else { return [] }
    let characters = Array(text)
    let lower = characters.map { Character($0.lowercased().first.map(String.init) ?? String($0)) }
    var columns = [Int](repeating: 0, count: characters.count + 1)
    for (index, character) in characters.enumerated() {
      columns[index + 1] = columns[index] + CellWidth.of(character)
    }
    var result: [Match] = []
    var start = 0
    while start < lower.count {
      var matched = 0
      for term in terms where term.count > matched && start + term.count <= lower.count {
        if Array(lower[start..<(start + term.count)]) == term { matched = term.count }
      }
      if matched > 0 {
        result.append(
          Match(line: line, x: columns[start], width: columns[start + matched] - columns[start]))
        start += matched
      } else {
        start += 1
      }
    }
    return result
  }
}

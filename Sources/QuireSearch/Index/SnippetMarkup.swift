import QuireCore

/// The marks SQLite puts around matched words in a snippet, and how they become ranges.
///
/// Two private-use characters mark a match's start and end; they are removed from all
/// indexed text first, so a note cannot forge a highlight.
enum SnippetMarkup {
  static let open: Character = "\u{E000}"
  static let close: Character = "\u{E001}"
  static let openText = String(open)
  static let closeText = String(close)
  static let ellipsis = "…"

  /// Text to index, with the marker characters and NULs taken out.
  static func clean(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isReserved) else { return text }
    var result = ""
    result.unicodeScalars.append(contentsOf: text.unicodeScalars.filter { !isReserved($0) })
    return result
  }

  private static func isReserved(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value == 0xE000 || scalar.value == 0xE001 || scalar.value == 0
  }

  /// The snippet without marks, white space collapsed to single spaces, and the marked
  /// runs as character ranges of the result.
  static func parse(_ marked: String) -> (text: String, highlights: [SnippetRange]) {
    var text = ""
    var highlights: [SnippetRange] = []
    var count = 0
    var start: Int? = nil
    var pendingSpace = false
    for character in marked {
      if character == open {
        start = count + (pendingSpace && count > 0 ? 1 : 0)
        continue
      }
      if character == close {
        if let begin = start, count > begin {
          highlights.append(SnippetRange(start: begin, length: count - begin))
        }
        start = nil
        continue
      }
      if character.isWhitespace {
        pendingSpace = count > 0
        continue
      }
      if pendingSpace {
        text.append(" ")
        count += 1
        pendingSpace = false
      }
      text.append(character)
      count += 1
    }
    return (text, highlights)
  }
}

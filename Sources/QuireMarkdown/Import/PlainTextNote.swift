import QuireCore

/// A note that arrived as plain text (FORMAT.md, "Plain-text notes"), read into sections.
///
/// Each section title stands alone on a line ("Summary", "Key results", "interpretive
/// tensions": case varies); a list item is a line holding only `-` with the item's text on
/// the next line, or `- text` on one line; `1. text` is a numbered item; other lines are
/// paragraphs. Text before the first title is kept as a nameless section.
public struct PlainTextNote: Sendable, Hashable {
  /// A block of a section.
  public enum Block: Sendable, Hashable {
    case paragraph(String)
    case item(String)
    case numbered(Int, String)
  }

  /// A titled part of the note.
  public struct Part: Sendable, Hashable {
    /// The title as FORMAT.md spells it ("Interpretive tensions"); nil before the first title.
    public var title: String?
    public var blocks: [Block]
  }

  public var parts: [Part]

  /// Section titles recognised on a line of their own, in FORMAT.md's spelling.
  static let knownTitles: [String: String] = {
    var titles: [String: String] = [:]
    for type in NoteType.allCases {
      for title in type.typicalSections { titles[title.lowercased()] = title }
    }
    for title in [
      "Concepts", "Threads", "Sources", "References", "Notes", "Background", "Results",
      "Discussion", "Limitations", "Open questions", "Thesis", "Abstract",
    ] {
      titles[title.lowercased()] = title
    }
    return titles
  }()

  /// Reads plain text (CRLF and a BOM tolerated).
  public init(text: String) {
    var lines = text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false)
      .map { String($0) }
    if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
    var parts: [Part] = [Part(title: nil, blocks: [])]
    var index = 0
    while index < lines.count {
      let line = lines[index].trimmed
      index += 1
      if line.isEmpty { continue }
      if let title = Self.knownTitles[Self.titleKey(line)] {
        parts.append(Part(title: title, blocks: []))
        continue
      }
      var block: Block
      if line == "-" || line == "*" || line == "•" {
        // The item's text is on the next non-empty line.
        while index < lines.count, lines[index].trimmed.isEmpty { index += 1 }
        guard index < lines.count, Self.knownTitles[Self.titleKey(lines[index].trimmed)] == nil
        else { continue }
        block = .item(lines[index].trimmed)
        index += 1
      } else if let rest = Self.bulletText(line) {
        block = .item(rest)
      } else if let (number, rest) = Self.numberedText(line) {
        block = .numbered(number, rest)
      } else {
        block = .paragraph(line)
      }
      parts[parts.count - 1].blocks.append(block)
    }
    if parts[0].blocks.isEmpty { parts.removeFirst() }
    self.parts = parts
  }

  /// A line as a title key: lower case, no trailing colon.
  static func titleKey(_ line: String) -> String {
    var key = line.lowercased()
    while key.hasSuffix(":") { key.removeLast() }
    return key.trimmed
  }

  static func bulletText(_ line: String) -> String? {
    for marker in ["- ", "* ", "• ", "– "] where line.hasPrefix(marker) {
      return String(line.dropFirst(marker.count)).trimmed
    }
    return nil
  }

  static func numberedText(_ line: String) -> (Int, String)? {
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count < 4, let number = Int(digits) else { return nil }
    let rest = line.dropFirst(digits.count)
    guard let mark = rest.first, mark == "." || mark == ")",
      rest.dropFirst().first == " "
    else { return nil }
    return (number, String(rest.dropFirst(2)).trimmed)
  }

  /// The blocks of the part with this title (case-insensitive).
  public func blocks(of title: String) -> [Block] {
    parts.first { $0.title?.lowercased() == title.lowercased() }?.blocks ?? []
  }

  /// All the text, for looking up identifiers.
  public var allText: String {
    parts.flatMap(\.blocks).map(\.text).joined(separator: "\n")
  }
}

extension PlainTextNote.Block {
  /// The block's text.
  public var text: String {
    switch self {
    case .paragraph(let text), .item(let text), .numbered(_, let text): text
    }
  }
}

extension String {
  fileprivate func replacingCRLF() -> String {
    var result = ""
    result.reserveCapacity(utf8.count)
    var previousCR = false
    for scalar in unicodeScalars {
      if scalar == "\r" {
        result.unicodeScalars.append("\n")
        previousCR = true
        continue
      }
      if scalar == "\n", previousCR {
        previousCR = false
        continue
      }
      previousCR = false
      result.unicodeScalars.append(scalar)
    }
    return result
  }
}

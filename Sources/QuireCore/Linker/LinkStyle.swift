/// How a vault writes links between its notes, which new links must follow.
public enum LinkStyle: String, Sendable, Hashable, CaseIterable {
  /// `[text](../folder/note.md#anchor)`, paths relative to the linking note.
  case markdown
  /// `[[note|text]]`, `[[note#Heading]]`.
  case wiki

  /// The style most of a vault's links between notes are written in (Markdown on a tie).
  public static func detect(in notes: [Note]) -> LinkStyle {
    var markdown = 0
    var wiki = 0
    for note in notes {
      for link in note.links where !link.isEmbed {
        switch link.kind {
        case .markdown where !NotePath.hasScheme(link.rawPath): markdown += 1
        case .wiki: wiki += 1
        default: break
        }
      }
    }
    return wiki > markdown ? .wiki : .markdown
  }
}

/// Writes links from one note to another in a vault's style.
public struct LinkFormatter: Sendable {
  public var style: LinkStyle
  /// Lower-cased file stems used by more than one note: wikilinks to those need a path.
  var sharedStems: Set<String>

  public init(style: LinkStyle, notes: [Note]) {
    self.style = style
    var counts: [String: Int] = [:]
    for note in notes { counts[note.stem.lowercased(), default: 0] += 1 }
    sharedStems = Set(counts.filter { $0.value > 1 }.map(\.key))
  }

  /// A link from `source` (a vault path) to `target`, showing `text`, at a heading when given.
  public func link(text: String, from source: String, to target: Note, section: Section? = nil)
    -> String
  {
    switch style {
    case .markdown:
      var destination = Self.encode(NotePath.relative(from: NotePath.folder(of: source), to: target.id))
      if let section { destination += "#" + section.anchor }
      return "[\(Self.escapeText(text))](\(destination))"
    case .wiki:
      var name = wikiName(for: target.id)
      if let section { name += "#" + section.title }
      let plainName = wikiName(for: target.id)
      if section == nil, text == plainName { return "[[\(name)]]" }
      return "[[\(name)|\(text)]]"
    }
  }

  /// The name a wikilink uses for a note: its file stem, or its path when the stem is shared.
  public func wikiName(for id: String, excluding: String? = nil) -> String {
    let stem = NotePath.stem(of: id)
    if sharedStems.contains(stem.lowercased()) {
      return id.lowercased().hasSuffix(".md") ? String(id.dropLast(3)) : id
    }
    return stem
  }

  /// Percent-encodes what would end or break a Markdown link destination.
  public static func encode(_ path: String) -> String {
    var result = ""
    for character in path {
      switch character {
      case " ": result += "%20"
      case "(": result += "%28"
      case ")": result += "%29"
      case "<": result += "%3C"
      case ">": result += "%3E"
      case "#": result += "%23"
      case "%": result += "%25"
      default: result.append(character)
      }
    }
    return result
  }

  /// Escapes brackets in link text so that the link stays one link.
  static func escapeText(_ text: String) -> String {
    var result = ""
    for character in text {
      if character == "[" || character == "]" { result.append("\\") }
      result.append(character)
    }
    return result
  }
}

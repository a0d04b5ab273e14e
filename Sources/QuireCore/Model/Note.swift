/// One Markdown file of the vault, parsed.
public struct Note: Sendable, Hashable, Identifiable, Codable {
  /// The vault-relative path with forward slashes: the note's identity.
  public var id: String
  public var type: NoteType
  /// `title:`, else the first `#` heading, else the file stem.
  public var title: String
  /// Whether the title came from the front matter or a heading rather than the file name.
  public var hasExplicitTitle: Bool
  public var frontMatter: FrontMatter
  public var aliases: [String]
  public var tags: [String]
  public var status: String?
  public var date: String?
  public var sections: [Section]
  /// Outgoing links in file order, front-matter references last.
  public var links: [Link]
  /// The text of the body without Markdown marks, cut at headings, for search.
  /// May be emptied once indexed, to keep a large vault small in memory.
  public var texts: [SectionText]
  /// Problems found while reading this note (broken YAML, invalid UTF-8, ...).
  public var diagnostics: [Diagnostic]
  /// Size in bytes and modification time (seconds since 1970) of the file when read.
  public var byteCount: Int
  public var modified: Double
  /// Number of lines in the file.
  public var lineCount: Int
  /// The line on which the body starts, after the front matter (1-based).
  public var bodyLine: Int

  public init(
    id: String, type: NoteType = .page, title: String = "", hasExplicitTitle: Bool = false,
    frontMatter: FrontMatter = FrontMatter(), aliases: [String] = [], tags: [String] = [],
    status: String? = nil, date: String? = nil, sections: [Section] = [], links: [Link] = [],
    texts: [SectionText] = [], diagnostics: [Diagnostic] = [], byteCount: Int = 0,
    modified: Double = 0, lineCount: Int = 0, bodyLine: Int = 1
  ) {
    self.id = id
    self.type = type
    self.title = title
    self.hasExplicitTitle = hasExplicitTitle
    self.frontMatter = frontMatter
    self.aliases = aliases
    self.tags = tags
    self.status = status
    self.date = date
    self.sections = sections
    self.links = links
    self.texts = texts
    self.diagnostics = diagnostics
    self.byteCount = byteCount
    self.modified = modified
    self.lineCount = lineCount
    self.bodyLine = bodyLine
  }

  /// The body's text without marks, all sections joined.
  public var plainText: String { texts.map(\.text).joined(separator: "\n") }

  /// The file name without its folder and without `.md`.
  public var stem: String { NotePath.stem(of: id) }

  /// The folder part of the id ("" at the vault root).
  public var folder: String { NotePath.folder(of: id) }

  /// The section governing a line, the innermost one.
  public func section(atLine line: Int) -> Section? {
    sections.last { $0.line <= line && line <= $0.endLine }
  }

  /// A section by heading text (case-insensitive, leading article ignored) or anchor slug.
  public func section(named name: String) -> Section? {
    let key = SectionName.key(name)
    let slug = Slug.make(name)
    return sections.first { SectionName.key($0.title) == key }
      ?? sections.first { $0.anchor == name || $0.anchor == slug }
  }
}

/// The plain text of one section of a note (or of the part before the first heading).
public struct SectionText: Sendable, Hashable, Codable {
  /// The section, as an index into the note's sections; nil before the first heading.
  public var section: Int?
  public var text: String
  public init(section: Int?, text: String) {
    self.section = section
    self.text = text
  }
}

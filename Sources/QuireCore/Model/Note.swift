/// One Markdown file of the vault, parsed.
///
/// A value like any other, kept in one shared box until it is changed (copy on write): a
/// vault of 100,000 notes is copied by retaining 100,000 boxes rather than every string
/// and array of every note, which is what lets an edit be patched into a vault that the
/// screen still shows (`Vault.update`) in milliseconds.
public struct Note: Sendable, Hashable, Identifiable {
  /// The stored properties, in the box that copies of a note share.
  struct Fields: Sendable, Hashable {
    var id: String
    var type: NoteType
    var title: String
    var hasExplicitTitle: Bool
    var frontMatter: FrontMatter
    var aliases: [String]
    var tags: [String]
    var status: String?
    var date: String?
    var sections: [Section]
    var links: [Link]
    var texts: [SectionText]
    var diagnostics: [Diagnostic]
    var byteCount: Int
    var modified: Double
    var lineCount: Int
    var bodyLine: Int
    var frontMatterLeftOut = false
    var textsLeftOut = false
  }

  /// Shared by copies; never changed while shared (`fields`' setter copies it first).
  final class Box: @unchecked Sendable {
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  private var fields: Fields {
    get { box.fields }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
      yield &box.fields
    }
  }

  /// Whether this note is a copy of `other` that neither has changed since: they share
  /// one box, so they are equal, and saying so costs a pointer comparison (the browser
  /// asks it of 100,000 notes after an edit). False says nothing: equal notes made apart
  /// have boxes of their own.
  public func isUnchangedCopy(of other: Note) -> Bool { box === other.box }

  /// The vault-relative path with forward slashes: the note's identity.
  public var id: String {
    get { box.fields.id }
    set { fields.id = newValue }
    _modify { yield &fields.id }
  }
  public var type: NoteType {
    get { box.fields.type }
    set { fields.type = newValue }
    _modify { yield &fields.type }
  }
  /// `title:`, else the first `#` heading, else the file stem.
  public var title: String {
    get { box.fields.title }
    set { fields.title = newValue }
    _modify { yield &fields.title }
  }
  /// Whether the title came from the front matter or a heading rather than the file name.
  public var hasExplicitTitle: Bool {
    get { box.fields.hasExplicitTitle }
    set { fields.hasExplicitTitle = newValue }
    _modify { yield &fields.hasExplicitTitle }
  }
  /// The front matter as written; only the fields the graph reads (`graphFields`) when
  /// `frontMatterLeftOut`. Setting it keeps it whole again.
  public var frontMatter: FrontMatter {
    get { box.fields.frontMatter }
    set {
      fields.frontMatter = newValue
      fields.frontMatterLeftOut = false
    }
  }

  /// The front matter fields the graph reads once a note is parsed: a source's `url`,
  /// which links name it by. Type, title, aliases, tags, status and date have fields of
  /// their own.
  public static let graphFields: Set<String> = ["url"]

  /// Whether the front matter was left where the note was loaded from (the vault's cache)
  /// but for `graphFields`: the browser shows none of it, and at 100,000 notes it is
  /// 80 MB. Whatever stores the note again reads it back first.
  public var frontMatterLeftOut: Bool { box.fields.frontMatterLeftOut }

  /// Keeps only the front matter fields of `graphFields`, and says so (`frontMatterLeftOut`).
  public mutating func leaveOutFrontMatter() {
    let kept = frontMatter.entries.filter { Self.graphFields.contains($0.key.lowercased()) }
    if kept.count != frontMatter.entries.count { fields.frontMatter = FrontMatter(kept) }
    fields.frontMatterLeftOut = true
  }
  public var aliases: [String] {
    get { box.fields.aliases }
    set { fields.aliases = newValue }
    _modify { yield &fields.aliases }
  }
  public var tags: [String] {
    get { box.fields.tags }
    set { fields.tags = newValue }
    _modify { yield &fields.tags }
  }
  public var status: String? {
    get { box.fields.status }
    set { fields.status = newValue }
    _modify { yield &fields.status }
  }
  public var date: String? {
    get { box.fields.date }
    set { fields.date = newValue }
    _modify { yield &fields.date }
  }
  public var sections: [Section] {
    get { box.fields.sections }
    set { fields.sections = newValue }
    _modify { yield &fields.sections }
  }
  /// Outgoing links in file order, front-matter references last.
  public var links: [Link] {
    get { box.fields.links }
    set { fields.links = newValue }
    _modify { yield &fields.links }
  }
  /// The text of the body without Markdown marks, cut at headings, for search.
  /// May be emptied once indexed, to keep a large vault small in memory; empty too when
  /// `textsLeftOut`. Setting it keeps it again.
  public var texts: [SectionText] {
    get { box.fields.texts }
    set {
      fields.texts = newValue
      fields.textsLeftOut = false
    }
  }

  /// Whether the texts were let go as the note was parsed (`leaveOutTexts`): still to be
  /// indexed, they are read again from the file when the index takes the note. Unlike
  /// texts emptied once indexed, this says the note was never indexed with these texts.
  public var textsLeftOut: Bool { box.fields.textsLeftOut }

  /// Lets go of the texts, and says so (`textsLeftOut`).
  public mutating func leaveOutTexts() {
    if !texts.isEmpty { fields.texts = [] }
    fields.textsLeftOut = true
  }
  /// Problems found while reading this note (broken YAML, invalid UTF-8, ...).
  public var diagnostics: [Diagnostic] {
    get { box.fields.diagnostics }
    set { fields.diagnostics = newValue }
    _modify { yield &fields.diagnostics }
  }
  /// Size in bytes and modification time (seconds since 1970) of the file when read.
  public var byteCount: Int {
    get { box.fields.byteCount }
    set { fields.byteCount = newValue }
    _modify { yield &fields.byteCount }
  }
  public var modified: Double {
    get { box.fields.modified }
    set { fields.modified = newValue }
    _modify { yield &fields.modified }
  }
  /// Number of lines in the file.
  public var lineCount: Int {
    get { box.fields.lineCount }
    set { fields.lineCount = newValue }
    _modify { yield &fields.lineCount }
  }
  /// The line on which the body starts, after the front matter (1-based).
  public var bodyLine: Int {
    get { box.fields.bodyLine }
    set { fields.bodyLine = newValue }
    _modify { yield &fields.bodyLine }
  }

  public init(
    id: String, type: NoteType = .page, title: String = "", hasExplicitTitle: Bool = false,
    frontMatter: FrontMatter = FrontMatter(), aliases: [String] = [], tags: [String] = [],
    status: String? = nil, date: String? = nil, sections: [Section] = [], links: [Link] = [],
    texts: [SectionText] = [], diagnostics: [Diagnostic] = [], byteCount: Int = 0,
    modified: Double = 0, lineCount: Int = 0, bodyLine: Int = 1
  ) {
    box = Box(
      Fields(
        id: id, type: type, title: title, hasExplicitTitle: hasExplicitTitle, frontMatter: frontMatter,
        aliases: aliases, tags: tags, status: status, date: date, sections: sections, links: links,
        texts: texts, diagnostics: diagnostics, byteCount: byteCount, modified: modified,
        lineCount: lineCount, bodyLine: bodyLine))
  }

  // Compared and hashed by their fields, exactly as before they were boxed.
  public static func == (left: Note, right: Note) -> Bool {
    left.box === right.box || left.box.fields == right.box.fields
  }

  public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

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

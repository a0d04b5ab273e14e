import QuireCore

/// Turns a plain-text note into a Markdown note of a vault, linked to the notes it names.
///
/// Front matter from the text (type, a title from the first sentence, date and source from
/// an arXiv identifier or a URL, `status: draft`), `##` headings for its section titles,
/// the entries of *Concepts*, *Threads* and *Sources* linked through `EntryLinker`, and
/// then the rest of the prose linked the way `quire link` would link it.
public struct NoteImporter: Sendable {
  /// Choices the command line passes through.
  public struct Options: Sendable {
    public var title: String?
    public var type: NoteType
    /// The vault folder to write into; by default the type's folder (`findings/`, ...).
    public var folder: String?
    /// The year to name a finding by when the text gives no date.
    public var year: Int
    /// Make stub notes for names that match no note.
    public var createStubs: Bool

    public init(
      title: String? = nil, type: NoteType = .finding, folder: String? = nil, year: Int = 2025,
      createStubs: Bool = false
    ) {
      self.title = title
      self.type = type
      self.folder = folder
      self.year = year
      self.createStubs = createStubs
    }
  }

  /// A note to write, new.
  public struct File: Sendable, Hashable {
    public var id: String
    public var markdown: String
  }

  /// What an import produced.
  public struct Output: Sendable {
    public var note: File
    /// Stub notes made for unmatched names (with `createStubs`).
    public var stubs: [File]
    /// Each linked entry: the section it is in and the note it links.
    public var linked: [(section: String, target: String)]
    /// Names no note answers to: the section they are in and the name.
    public var unmatched: [(section: String, name: String)]
  }

  public let vault: Vault
  public let options: Options
  let style: LinkStyle

  public init(vault: Vault, options: Options = Options()) {
    self.vault = vault
    self.options = options
    style = LinkStyle.detect(in: vault.notes)
  }

  /// Imports one plain-text note.
  public func importNote(text: String) -> Output {
    let plain = PlainTextNote(text: text)
    let firstText = plain.parts.first?.blocks.first?.text ?? ""
    let title = options.title ?? NoteFacts.title(fromFirstSentence: firstText)
    var source: String? = nil
    var date: String? = nil
    if let arXiv = NoteFacts.arXivID(in: plain.allText) {
      source = "https://arxiv.org/abs/\(arXiv)"
      date = NoteFacts.date(ofArXivID: arXiv)
    } else if let url = NoteFacts.url(in: plain.allText) {
      source = url
    }
    let folder = options.folder ?? Self.defaultFolder(for: options.type)
    // Links depend on the folder only; the file name is settled once the sources are known.
    let draftID = (folder.isEmpty ? "" : folder + "/") + ".quire-import.md"

    let finder = MentionFinder(vault: vault)
    let formatter = LinkFormatter(style: style, notes: vault.notes)
    let entries = EntryLinker(finder: finder, formatter: formatter)
    var linked: [(section: String, target: String)] = []
    var unmatched: [(section: String, name: String)] = []
    var stubs: [File] = []

    var body = ""
    for part in plain.parts {
      if let heading = part.title { body += "## \(heading)\n\n" }
      let relation = part.title.flatMap(LinkRelation.init(sectionTitle:))
      var previousWasItem = false
      for block in part.blocks {
        var text = Self.escaped(block.text, paragraph: block == .paragraph(block.text))
        if let relation, relation.preferredType != nil {
          let result = entries.link(entry: text, relation: relation, from: draftID)
          text = result.text
          if let target = result.target {
            linked.append((part.title ?? "", target))
          } else if let name = result.unmatched {
            if options.createStubs, let stub = stub(named: name, slug: result.slug, relation: relation, existing: stubs) {
              stubs.append(stub)
              let link = formatter.link(text: name, from: draftID, to: Note(id: stub.id))
              if let range = text.firstRange(of: name) { text.replaceSubrange(range, with: link) }
              linked.append((part.title ?? "", stub.id))
            } else {
              unmatched.append((part.title ?? "", name))
            }
          }
        }
        switch block {
        case .paragraph:
          if previousWasItem { body += "\n" }
          body += text + "\n\n"
          previousWasItem = false
        case .item:
          body += "- " + text + "\n"
          previousWasItem = true
        case .numbered(let number, _):
          body += "\(number). " + text + "\n"
          previousWasItem = true
        }
      }
      if previousWasItem { body += "\n" }
    }
    while body.hasSuffix("\n\n") { body.removeLast() }

    let id = uniqueID(folder: folder, stem: fileStem(title: title, date: date, linked: linked))
    var front = "---\n"
    front += "type: \(options.type.rawValue)\n"
    front += "title: \(Self.yamlString(title))\n"
    if let date { front += "date: \(Self.yamlString(date))\n" }
    if let source { front += "source: \(source)\n" }
    front += "status: draft\n---\n\n"
    var markdown = front + body
    markdown = linkingProse(markdown, id: id, stubs: stubs)
    return Output(note: File(id: id, markdown: markdown), stubs: stubs, linked: linked, unmatched: unmatched)
  }

  /// Links the mentions left in the prose, as `quire link` would once the note is in the vault.
  private func linkingProse(_ markdown: String, id: String, stubs: [File]) -> String {
    let bytes = Array(markdown.utf8)
    let (note, _, prose) = NoteParser.parse(id: id, bytes: bytes, collectingProse: true)
    let stubNotes = stubs.map { NoteParser.parse(id: $0.id, bytes: Array($0.markdown.utf8)).note }
    let extended = Vault(root: vault.root, notes: vault.notes + stubNotes + [note], assets: vault.assets)
    guard let resolved = extended.note(id) else { return markdown }
    let planner = LinkPlanner(vault: extended, style: style, minimumConfidence: .alias)
    // Entries of Concepts, Threads and Sources name one note each, linked already; a second
    // link in an entry would cut the first one's annotation short.
    let edits = planner.plan(resolved, bytes: bytes, prose: prose)
      .filter { change in
        NoteParserRelationPublic.relation(of: change.mention.sourceSection, in: resolved).preferredType == nil
      }
      .map(\.edit)
    guard let linked = try? TextEdit.apply(edits, to: bytes) else { return markdown }
    return String(decoding: linked, as: UTF8.self)
  }

  /// A finding is named after the source stub it cites (`source-2024-x` gives `2024-x`),
  /// else by year and title; other notes by title.
  func fileStem(title: String, date: String?, linked: [(section: String, target: String)]) -> String {
    if options.type == .finding, options.title == nil {
      for (section, target) in linked where LinkRelation(sectionTitle: section) == .cites {
        let stem = NotePath.stem(of: target)
        if stem.hasPrefix("source-"), stem.count > 7 { return String(stem.dropFirst(7)) }
      }
    }
    var stem = NoteFacts.slug(title)
    if stem.isEmpty { stem = "imported" }
    if options.type == .finding {
      stem = (date.map { String($0.prefix(4)) } ?? String(options.year)) + "-" + stem
    }
    return stem
  }

  private func stub(named name: String, slug: String?, relation: LinkRelation, existing: [File]) -> File? {
    let type = relation.preferredType ?? .page
    let stem = slug ?? (type == .source ? "source-" : "") + NoteFacts.slug(name)
    guard !stem.isEmpty, stem != "source-" else { return nil }
    let id = uniqueID(folder: Self.defaultFolder(for: type), stem: stem, taken: Set(existing.map(\.id)))
    let markdown = """
      ---
      type: \(type.rawValue)
      title: \(Self.yamlString(name))
      status: draft
      ---

      Stub made by `quire import`; fill it in.

      """
    return File(id: id, markdown: markdown)
  }

  /// A vault path not yet taken: `stem.md`, else `stem-2.md`, ...
  func uniqueID(folder: String, stem: String, taken: Set<String> = []) -> String {
    let prefix = folder.isEmpty ? "" : folder + "/"
    var candidate = prefix + stem + ".md"
    var number = 2
    while vault.note(candidate) != nil || taken.contains(candidate) {
      candidate = prefix + stem + "-\(number).md"
      number += 1
    }
    return candidate
  }

  static func defaultFolder(for type: NoteType) -> String {
    switch type {
    case .finding: "findings"
    case .concept: "concepts"
    case .thread: "threads"
    case .source: "sources"
    case .lens: "lenses"
    case .researcher: "researchers"
    case .page: ""
    }
  }

  /// A double-quoted YAML string.
  static func yamlString(_ text: String) -> String {
    var result = "\""
    for character in text {
      switch character {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += " "
      default: result.append(character)
      }
    }
    return result + "\""
  }

  /// Plain text made safe to stand as Markdown: marks that would start a block are escaped.
  static func escaped(_ text: String, paragraph: Bool) -> String {
    guard let first = text.first, (paragraph ? "#>+=|" : "#>").contains(first) else { return text }
    return "\\" + text
  }
}

/// The relation of a section of a note, read from its title or its ancestors' titles.
enum NoteParserRelationPublic {
  static func relation(of section: Int?, in note: Note) -> LinkRelation {
    var current = section
    while let index = current, index < note.sections.count {
      if let relation = LinkRelation(sectionTitle: note.sections[index].title) { return relation }
      current = note.sections[index].parent
    }
    return .mentions
  }
}

/// Resolves links to notes, sections and assets, following FORMAT.md.
///
/// Markdown links are paths relative to the source note (then, as Obsidian writes them,
/// relative to the vault root, or a bare file name). Wikilinks resolve by path, then by
/// file stem or path suffix (case-insensitive), then by title or alias. Several matches
/// make a link ambiguous; the candidate nearest the source's folder is followed.
struct LinkResolver: Sendable {
  let notes: [Note]
  let lookup: NoteLookup
  /// Each note's section names that prose can mention, by note index, when worked out
  /// beforehand (a whole-vault pass); else each target's names are worked out as needed.
  let mentionNames: [[SectionMentionMatcher.Name]]?
  /// Where the annotations left out of links at loading are read back from.
  let annotations: (any AnnotationStore)?
  /// The annotations of the notes a lean load parsed, kept apart from their links (in a
  /// whole-vault pass, those of the run of notes being resolved).
  var parsedAnnotations: ParsedAnnotations?
  /// Whether resolved links come out with their annotations left out (read back from
  /// `annotations` when needed): a lean load keeps them only while its links are resolved.
  let leavesOutAnnotations: Bool

  init(
    notes: [Note], lookup: NoteLookup, mentionNames: [[SectionMentionMatcher.Name]]? = nil,
    annotations: (any AnnotationStore)? = nil, parsedAnnotations: ParsedAnnotations? = nil,
    leavesOutAnnotations: Bool = false
  ) {
    self.notes = notes
    self.lookup = lookup
    self.mentionNames = mentionNames
    self.annotations = annotations
    self.parsedAnnotations = parsedAnnotations
    self.leavesOutAnnotations = leavesOutAnnotations
  }

  /// Resolves every link of one note and returns them.
  func resolveLinks(of note: Note) -> [Link] {
    resolve(Array(note.links.indices), of: note)
  }

  /// The links at `positions` of a note, resolved.
  ///
  /// A link loaded without its annotation that leads to a note with headings is resolved
  /// again with the annotation read back (one read for the note), then left out again:
  /// the annotation is where the sections it names are found. Broken links, the most
  /// common ones to resolve again, need no read. A note parsed lean has its annotations
  /// at hand (`parsedAnnotations`).
  func resolve(_ positions: [Int], of note: Note) -> [Link] {
    let parsed = parsedAnnotations?[note.id].flatMap { $0.count == note.links.count ? $0 : nil }
    var links = positions.map { position in
      resolve(note.links[position], from: note, annotation: parsed.map { (parsed: $0, position: position) })
    }
    if leavesOutAnnotations {
      for slot in links.indices { links[slot].leaveOutAnnotation() }
    }
    let needing = links.indices.filter { slot in
      guard note.links[positions[slot]].annotationLeftOut, links[slot].isEdge,
        let target = links[slot].target, let index = lookup.byPath[target]
      else { return false }
      return !notes[index].sections.isEmpty
    }
    guard parsed == nil, !needing.isEmpty else { return links }
    var annotated = note.links
    let restored = Set(
      Self.restoringAnnotations(&annotated, at: needing.map { positions[$0] }, of: note, from: annotations))
    for slot in needing where restored.contains(positions[slot]) {
      links[slot] = resolve(annotated[positions[slot]], from: note)
      links[slot].leaveOutAnnotation()
    }
    return links
  }

  /// - Parameter annotation: where the link's annotation is kept, when apart from the link.
  func resolve(
    _ link: Link, from source: Note, annotation: (parsed: NoteAnnotations, position: Int)? = nil
  ) -> Link {
    var link = link
    link.state = .broken
    link.target = nil
    link.candidates = []
    link.targetSections = []
    link.reason = nil
    link.missingAnchor = nil
    switch link.kind {
    case .markdown: resolveMarkdown(&link, from: source)
    case .wiki, .mention: resolveWiki(&link, from: source)
    case .frontmatter: resolveFrontMatter(&link, from: source)
    }
    if link.target != nil, link.state == .resolved || link.state == .ambiguous {
      resolveSections(&link, from: source, annotation: annotation)
    }
    return link
  }

  // MARK: - Kinds

  private func resolveMarkdown(_ link: inout Link, from source: Note) {
    let rawPath = link.rawPath.trimmed
    if NotePath.hasScheme(rawPath) {
      link.state = .external
      return
    }
    if rawPath.isEmpty {
      accept(&link, [source.id])
      return
    }
    var path = NotePath.percentDecoded(rawPath)
    if path.hasPrefix("<"), path.hasSuffix(">") { path = String(path.dropFirst().dropLast()) }
    if let query = path.utf8Offset(of: UInt8(ascii: "?")) { path = String(path[..<path.utf8Index(query)]) }
    guard let joined = NotePath.join(source.folder, path) else {
      link.reason = "outside the vault"
      return
    }
    if acceptPath(&link, joined) { return }
    // Obsidian also writes vault-root paths and bare file names in Markdown links.
    if !path.hasPrefix("."), let fromRoot = NotePath.join("", path), acceptPath(&link, fromRoot) {
      return
    }
    if !Self.hasSlash(path) {
      let stem = NotePath.stem(of: path).lowercased()
      let matches = lookup.notes(stem: stem, in: notes)
      if !matches.isEmpty {
        accept(&link, matches.map { notes[$0].id }, from: source)
        return
      }
    }
    link.reason = "no such note: \(joined)"
  }

  /// Accepts an exact vault path: a note (with or without `.md`) or an asset.
  private func acceptPath(_ link: inout Link, _ path: String) -> Bool {
    if let index = lookup.byPath[path] ?? lookup.byPath[path + ".md"] {
      accept(&link, [notes[index].id])
      return true
    }
    if lookup.assets.contains(path) {
      link.state = .asset
      link.target = path
      return true
    }
    return false
  }

  private func resolveWiki(_ link: inout Link, from source: Note) {
    let name = link.rawPath.trimmed
    if name.isEmpty {
      accept(&link, [source.id])
      return
    }
    if NotePath.hasScheme(name) {
      link.state = .external
      return
    }
    let lower = name.lowercased()
    let bare = lower.hasSuffix(".md") ? String(lower.dropLast(3)) : lower
    // 1. The vault-relative path.
    if let index = lookup.byPath[name] ?? lookup.byPath[name + ".md"] {
      accept(&link, [notes[index].id])
      return
    }
    if case let matches = lookup.notes(lowerPath: bare + ".md", in: notes), !matches.isEmpty {
      accept(&link, matches.map { notes[$0].id }, from: source)
      return
    }
    // 2. The file name without `.md`, or a `folder/name` path suffix.
    let byName = Self.hasSlash(bare) ? lookup.bySuffix(bare, in: notes) : lookup.notes(stem: bare, in: notes)
    if !byName.isEmpty {
      accept(&link, byName.map { notes[$0].id }, from: source)
      return
    }
    // 3. A title or an alias.
    let byTitle = lookup.notes(titleOrAlias: lower, in: notes)
    if !byTitle.isEmpty {
      accept(&link, byTitle.map { notes[$0].id }, from: source)
      return
    }
    // An embed or link to a file that is not a note.
    if lookup.assets.contains(name) {
      link.state = .asset
      link.target = name
      return
    }
    let fileName = (name.split(separator: "/").last.map(String.init) ?? name).lowercased()
    if let assets = lookup.assetsByName[fileName], let nearest = nearest(assets, to: source) {
      link.state = .asset
      link.target = nearest
      return
    }
    link.reason = "no such note: \(name)"
  }

  private func resolveFrontMatter(_ link: inout Link, from source: Note) {
    let name = link.rawPath.trimmed
    if link.relation == .cites {
      // A finding's `source:` URL leads to the source stub that has the same `url:`.
      let matches = lookup.sources(urlKey: NoteLookup.urlKey(name), in: notes)
      if matches.isEmpty {
        link.state = NotePath.hasScheme(name) ? .external : .broken
        if link.state == .broken { link.reason = "no source stub with url \(name)" }
      } else {
        accept(&link, matches.map { notes[$0].id }, from: source)
      }
      return
    }
    // A `lenses:` entry names a lens by file stem; a lens note wins over others of that stem.
    let lower = name.lowercased()
    var matches = lookup.notes(stem: lower, in: notes)
    let lenses = matches.filter { notes[$0].type == .lens }
    if !lenses.isEmpty { matches = lenses }
    if matches.isEmpty {
      matches = lookup.notes(titleOrAlias: lower, in: notes)
    }
    if matches.isEmpty {
      link.reason = "no such lens: \(name)"
    } else {
      accept(&link, matches.map { notes[$0].id }, from: source)
    }
  }

  /// Whether a path holds a `/` character. The byte test settles most paths cheaply; the
  /// character test then keeps a `/` that a combining mark makes part of a larger character
  /// out, as comparing characters always did.
  private static func hasSlash(_ path: String) -> Bool {
    path.utf8Contains(UInt8(ascii: "/")) && path.contains("/")
  }

  // MARK: - Candidates

  /// Marks a link resolved (one candidate) or ambiguous (several), following the nearest.
  private func accept(_ link: inout Link, _ candidates: [String], from source: Note? = nil) {
    let unique = candidates.count == 1 ? candidates : Array(Set(candidates)).sorted()
    if unique.count == 1 {
      link.state = .resolved
      link.target = unique[0]
    } else if let source {
      link.state = .ambiguous
      link.candidates = unique
      link.target = nearest(unique, to: source)
    }
  }

  private func nearest(_ paths: [String], to source: Note) -> String? {
    paths.min { lhs, rhs in
      let left = NotePath.distance(fromFolder: source.folder, to: lhs)
      let right = NotePath.distance(fromFolder: source.folder, to: rhs)
      return left != right ? left < right : lhs < rhs
    }
  }

  // MARK: - Sections

  private func resolveSections(
    _ link: inout Link, from source: Note, annotation: (parsed: NoteAnnotations, position: Int)?
  ) {
    guard let targetID = link.target, let index = lookup.byPath[targetID] else { return }
    let target = notes[index]
    var sections: [Int] = []
    // Most targets name no heading: a byte search spares them splitting the target.
    var anchors =
      link.kind == .frontmatter || !link.raw.utf8Contains(UInt8(ascii: "#")) ? [] : link.rawAnchors
    // Obsidian block references (`#^block-id`) name a paragraph, not a heading.
    if let last = anchors.last, last.hasPrefix("^") { anchors.removeLast() }
    if !anchors.isEmpty {
      if let section = findSection(anchors, in: target, wiki: link.kind != .markdown) {
        sections.append(section)
      } else {
        let shown = anchors.joined(separator: "#")
        link.state = .broken
        link.reason = "no heading '\(shown)' in \(target.id)"
        link.missingAnchor = shown
        link.targetSections = []
        return
      }
    }
    let names =
      mentionNames.map { index < $0.count ? $0[index] : [] } ?? SectionMentionMatcher.names(of: target)
    let named =
      if let annotation, let parsedAnnotations {
        parsedAnnotations.sections(named: names, in: annotation.parsed, at: annotation.position)
      } else {
        SectionMentionMatcher.sections(named: names, in: link.annotation)
      }
    for section in named where !sections.contains(section) {
      sections.append(section)
    }
    link.targetSections = sections
  }

  /// Finds `A`, then `B` below it, for `#A#B`; matches slugs, and heading text for wikilinks.
  private func findSection(_ anchors: [String], in note: Note, wiki: Bool) -> Int? {
    var scope: Int? = nil
    for anchor in anchors {
      let decoded = NotePath.percentDecoded(anchor).trimmed
      let slug = Slug.make(decoded)
      let key = decoded.lowercased()
      let candidates = note.sections.filter { section in
        guard let scope else { return true }
        return isDescendant(section.index, of: scope, in: note)
      }
      let match =
        candidates.first { $0.anchor == decoded }
        ?? candidates.first { $0.title.lowercased() == key }
        ?? candidates.first { $0.anchor == slug && !slug.isEmpty }
        ?? (wiki ? candidates.first { SectionName.key($0.title) == SectionName.key(decoded) } : nil)
      guard let match else { return nil }
      scope = match.index
    }
    return scope
  }

  private func isDescendant(_ section: Int, of ancestor: Int, in note: Note) -> Bool {
    var current = note.sections[section].parent
    while let parent = current {
      if parent == ancestor { return true }
      current = note.sections[parent].parent
    }
    return false
  }
}

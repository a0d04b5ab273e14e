extension Vault {
  /// Puts a note parsed afresh in place of the vault's note of the same id, and brings the
  /// graph up to date without building it again: the note's own links are resolved, then
  /// only the links of other notes that the change can move.
  ///
  /// Those are the links that lead to it or miss one of its headings (its headings may
  /// have changed), and, when it goes by other names than before (title, aliases, a
  /// source's URL), the links that name it by the old names or the new, found on the
  /// links' bytes (`ChangedNames`) on every core.
  ///
  /// On a vault of 100,000 notes this takes milliseconds where a new vault takes seconds;
  /// the result equals a vault built from scratch of the same notes. `relinked`, when the
  /// vault has one, then lists the other notes whose links moved.
  ///
  /// - Returns: false, changing nothing, when no note has that id: a note added or removed
  ///   renumbers the notes, and needs a new vault.
  @discardableResult
  public mutating func update(_ note: Note) -> Bool {
    guard let index = indexByID[note.id] else { return false }
    let old = notes[index]

    // The old links leave the graph; the tables learn the new names.
    for (position, link) in old.links.enumerated() {
      unfile(LinkRef(note: index, link: position), link, from: old)
    }
    let oldNames = NoteLookup.Names(old)
    let newNames = NoteLookup.Names(note)
    if oldNames != newNames { lookup.rename(index, from: oldNames, to: newNames) }
    notes[index] = note
    if mentionNames != nil { mentionNames?[index] = SectionMentionMatcher.names(of: note) }

    // Resolved against the vault as it now is. The resolver shares the notes' storage,
    // so it is let go before anything is written back (no copy of 100,000 notes).
    var moved: [(ref: LinkRef, link: Link)] = []
    let links: [Link]
    do {
      let resolver = LinkResolver(
        notes: notes, lookup: lookup, mentionNames: mentionNames, annotations: annotationStore)
      links = resolver.resolveLinks(of: note)
      // Links that lead to the note, or miss one of its headings, can move with its
      // headings; when its names change, so can every link that names it, by the old
      // name or the new (broken and ambiguous links elsewhere name other notes: they stay).
      var suspects = (incoming[index] + (missingAnchors[note.id] ?? [])).filter { $0.note != index }
      if oldNames != newNames {
        let names = ChangedNames([old, note])
        let naming = notes.parallelMap { other -> [Int] in
          guard other.id != note.id else { return [] }
          return other.links.withUnsafeBufferPointer { links -> [Int] in
            guard let first = links.baseAddress else { return [] }
            // A Markdown link finds its note by path, never by title or alias: only the
            // others are read (most of the time here is reading each link's target).
            return links.indices.filter { first[$0].kind != .markdown && names.matches(first + $0) }
          }
        }
        let known = Set(suspects)
        for (noteIndex, positions) in naming.enumerated() {
          for position in positions where !known.contains(LinkRef(note: noteIndex, link: position)) {
            suspects.append(LinkRef(note: noteIndex, link: position))
          }
        }
      }
      // Note by note: annotations left out at loading are read back once for each.
      for (noteIndex, refs) in Dictionary(grouping: suspects, by: \.note).sorted(by: { $0.key < $1.key }) {
        let source = notes[noteIndex]
        let positions = refs.map(\.link)
        for (position, link) in zip(positions, resolver.resolve(positions, of: source))
        where !Relinking.sameResolution(link, source.links[position]) {
          moved.append((LinkRef(note: noteIndex, link: position), link))
        }
      }
    }

    notes[index].links = links
    for (position, link) in links.enumerated() {
      file(LinkRef(note: index, link: position), link, from: notes[index])
    }
    for (ref, link) in moved {
      unfile(ref, notes[ref.note].links[ref.link], from: notes[ref.note])
      notes[ref.note].links[ref.link] = link
      file(ref, link, from: notes[ref.note])
    }
    if relinked != nil {
      relinked = Set(moved.map(\.ref.note)).sorted().map { notes[$0].id }
    }
    return true
  }

  /// Adds a link to the list its place in the graph keeps, in note and link order.
  private mutating func file(_ ref: LinkRef, _ link: Link, from note: Note) {
    switch place(of: link, from: note) {
    case .incoming(let target): Self.insert(ref, into: &incoming[target])
    case .ghost(let key): Self.insert(ref, into: &ghosts[key, default: []])
    case .missingAnchor(let id): Self.insert(ref, into: &missingAnchors[id, default: []])
    case .none: break
    }
  }

  /// Takes a link out of the list its place in the graph keeps.
  private mutating func unfile(_ ref: LinkRef, _ link: Link, from note: Note) {
    switch place(of: link, from: note) {
    case .incoming(let target):
      incoming[target].removeAll { $0 == ref }
    case .ghost(let key):
      ghosts[key]?.removeAll { $0 == ref }
      if ghosts[key]?.isEmpty == true { ghosts[key] = nil }
    case .missingAnchor(let id):
      missingAnchors[id]?.removeAll { $0 == ref }
      if missingAnchors[id]?.isEmpty == true { missingAnchors[id] = nil }
    case .none:
      break
    }
  }

  private func place(of link: Link, from note: Note) -> Place {
    Self.place(of: link, from: note, targetIndex: link.isEdge ? link.target.flatMap { indexByID[$0] } : nil)
  }

  private static func insert(_ ref: LinkRef, into refs: inout [LinkRef]) {
    let position = refs.firstIndex { ($0.note, $0.link) > (ref.note, ref.link) } ?? refs.count
    refs.insert(ref, at: position)
  }
}

extension Vault {
  /// Gives this copy of the vault tables of its own, shared with no other copy, so that
  /// the next `update(_:)` changes them in place instead of copying them first (on a
  /// vault of 100,000 notes that copy is most of an update's time).
  ///
  /// The browser calls it on its spare copy while it waits for the next edit; the notes
  /// themselves stay shared (each is copied on its own when changed).
  public mutating func prepareForUpdate() {
    notes.reserveCapacity(notes.count)
    incoming.reserveCapacity(incoming.count)
    ghosts.reserveCapacity(ghosts.count)
    missingAnchors.reserveCapacity(missingAnchors.count)
    mentionNames?.reserveCapacity(notes.count)
    lookup.prepareForRename()
  }

  /// Lets go of every note's section texts. The search index is given them (or has them:
  /// a note from the cache comes without); the browser reads a note's text from its file
  /// when it shows it. At 100,000 notes the texts are about as large as the vault on disk.
  public mutating func dropTexts() {
    for index in notes.indices where !notes[index].texts.isEmpty { notes[index].texts = [] }
  }
}

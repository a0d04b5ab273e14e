import Dispatch

/// A link named by where it stands: note index and link index within that note.
///
/// Stored in 32 bits each: a vault keeps one for every link in its backlink lists (1.7
/// million at 100,000 notes). Indices past 2^31 would need a vault of billions of notes.
public struct LinkRef: Sendable, Hashable {
  private var storedNote: Int32
  private var storedLink: Int32
  public var note: Int {
    get { Int(storedNote) }
    set { storedNote = Int32(newValue) }
  }
  public var link: Int {
    get { Int(storedLink) }
    set { storedLink = Int32(newValue) }
  }
  public init(note: Int, link: Int) {
    storedNote = Int32(note)
    storedLink = Int32(link)
  }
}

/// All notes of a vault, their resolved links, and the graph they make.
///
/// Built from parsed notes: the initializer resolves every link (on all cores) and indexes
/// incoming links per note and per section. Unresolved targets become ghost nodes.
public struct Vault: Sendable {
  /// The vault's root folder, absolute.
  public let root: String
  /// Every note, sorted by id.
  public internal(set) var notes: [Note]
  /// Vault-relative paths of files that are not notes (images, PDFs).
  public let assets: Set<String>
  /// Problems found while reading the vault as a whole (unreadable folders, ...).
  public var diagnostics: [Diagnostic]

  var lookup: NoteLookup
  var mentionNames: [[SectionMentionMatcher.Name]]?
  var indexByID: [String: Int]
  /// Links pointing at each note, by note index.
  public internal(set) var incoming: [[LinkRef]]
  /// Broken links grouped by the target they name: the vault's ghost notes.
  public internal(set) var ghosts: [String: [LinkRef]]
  /// Links to a note that exists but lacks the heading they name, by the note's id: an
  /// edit that adds the heading mends them (`update(_:)`).
  var missingAnchors: [String: [LinkRef]]

  /// Notes that came with resolved links (from a cache) whose links resolve differently
  /// in this vault, by id: what the cache must store again to stay true. Nil when the
  /// vault was not built from a cache (`LinkResolution.all`).
  public internal(set) var relinked: [String]?

  /// Where the annotations left out of links at loading are read back when a link is
  /// resolved again (`Link.annotationLeftOut`); nil when every link kept its own.
  public let annotationStore: (any AnnotationStore)?

  /// Builds the graph of parsed notes.
  ///
  /// - Parameters:
  ///   - resolution: how much of the notes' links to resolve. `.all` resolves every link;
  ///     `.changes` trusts the links of notes that came resolved from a cache and resolves
  ///     only the links a change can have moved (see `LinkResolution`).
  ///   - annotations: where annotations left out of the notes' links can be read back.
  ///   - parsedAnnotations: the annotations of notes parsed lean (`Note.leaveOutForGraph`),
  ///     read while their links are resolved and let go of after.
  ///   - lean: the links resolved come out with their annotations left out (read back from
  ///     `annotations`: they are needed only to resolve a link again): what a load of notes
  ///     parsed lean (`Note.leaveOutForGraph`) keeps. Their strings are shared where they
  ///     were parsed or decoded (`LinkStringPool`); resolving keeps them as they are.
  ///   - notes: taken, so that each note's links as parsed are let go as its resolved ones
  ///     replace them.
  public init(
    root: String, notes: consuming [Note], assets: Set<String> = [], diagnostics: [Diagnostic] = [],
    resolution: LinkResolution = .all, annotations: (any AnnotationStore)? = nil,
    parsedAnnotations: consuming ParsedAnnotations? = nil, lean: Bool = false
  ) {
    var notes = notes
    // Loaders and caches hand notes over sorted already; sorting copies them all.
    if !notes.indices.dropFirst().allSatisfy({ notes[$0 - 1].id < notes[$0].id }) {
      notes.sort { $0.id < $1.id }
    }
    self.root = root
    self.assets = assets
    self.diagnostics = diagnostics
    self.annotationStore = annotations
    let lookup = NoteLookup(notes: notes, assets: assets)
    self.lookup = lookup
    // The lookup's table of paths is exactly the index by id.
    let indexByID = lookup.byPath
    self.indexByID = indexByID

    let pass = Relinking(resolution: resolution, notes: notes)
    // A whole-vault pass asks for every note's section names many times over: work them
    // out once. A pass over what changed, or over a vault of outlines, asks for few.
    let linkCount = notes.reduce(0) { $0 + $1.links.count }
    let names =
      pass.resolvesEverything && linkCount >= notes.count
      ? notes.parallelMap { SectionMentionMatcher.names(of: $0) } : nil
    self.mentionNames = lean ? nil : names
    // A lean pass over every note resolves a run of notes at a time, so that the links as
    // parsed (their annotations) go run by run rather than after all are resolved (260 MB
    // at 100,000 notes). Their links are taken out of the notes first, so that the resolver
    // reads every note's names and headings from the notes themselves (copies without
    // links took 22 MB); the resolved links go back in once the resolver is let go of.
    // Otherwise one run, its resolver let go of before the links are replaced.
    let inRuns = lean && pass.resolvesEverything
    var parsedLinks: [[Link]] = []
    if inRuns {
      parsedLinks.reserveCapacity(notes.count)
      for index in notes.indices {
        var links: [Link] = []
        // The notes are this vault's alone (taken): swapped out in place, not copied.
        swap(&links, &notes[index].links)
        parsedLinks.append(links)
      }
    }
    // In runs, each run's annotations are taken out for it, and go with it.
    var annotationsLeft = inRuns ? parsedAnnotations.take() : nil
    var resolver: LinkResolver? = LinkResolver(
      notes: notes, lookup: lookup, mentionNames: names,
      annotations: annotations, parsedAnnotations: parsedAnnotations, leavesOutAnnotations: lean)
    var relinked: [String] = []
    var resolvedLinks: [[Link]] = []
    let run = inRuns ? 4096 : Swift.max(notes.count, 1)
    for start in stride(from: 0, to: notes.count, by: run) {
      let range = start..<Swift.min(start + run, notes.count)
      // In runs, each note given its links as parsed in a copy that lives for the run.
      let part =
        inRuns
        ? range.map { index in
          var note = notes[index]
          note.links = parsedLinks[index]
          return note
        } : Array(notes[range])
      if inRuns { resolver!.parsedAnnotations = annotationsLeft?.take(part.lazy.map(\.id)) }
      let resolved = { [part = consume part, resolver = resolver!] in
        part.parallelMap { note in pass.relink(note, with: resolver) }
      }()
      if !inRuns { resolver = nil }
      for (offset, index) in range.enumerated() {
        if resolved[offset].moved { relinked.append(notes[index].id) }
        if inRuns {
          resolvedLinks.append(resolved[offset].links ?? parsedLinks[index])
          parsedLinks[index] = []
        } else if let links = resolved[offset].links, !(links.isEmpty && notes[index].links.isEmpty) {
          // A note without links (every note of an outline) is left as it came: setting
          // its empty list copied each note the caller still held (22 MB at 100,000 notes).
          notes[index].links = links
        }
      }
    }
    resolver = nil
    for (index, links) in resolvedLinks.enumerated() where !links.isEmpty {
      notes[index].links = links
    }
    self.notes = notes
    if case .cached = resolution { self.relinked = relinked }

    // Where each link leads, worked out on every core (a dictionary lookup per link is most
    // of this pass on a large vault); then the backlink lists, in link order, on one.
    let lookupIndex = indexByID
    let sources = notes
    // One run of targets per chunk of notes, in link order (a list per note cost 100,000
    // small arrays at the load's peak).
    let chunkCount = Swift.min(64, notes.count)
    let bounds = (0...chunkCount).map { notes.count * $0 / Swift.max(chunkCount, 1) }
    let chunkTargets = Array(0..<chunkCount).parallelMap(chunks: chunkCount) { chunk -> [Int32] in
      var targets: [Int32] = []
      targets.reserveCapacity(sources[bounds[chunk]..<bounds[chunk + 1]].reduce(0) { $0 + $1.links.count })
      for note in sources[bounds[chunk]..<bounds[chunk + 1]] {
        // Through the buffer: mapping the array copied every link, all its strings retained.
        note.links.withUnsafeBufferPointer { links in
          guard let first = links.baseAddress else { return }
          for position in links.indices {
            // Field by field (a call of `isEdge` on the pointee copied the link).
            let state = first[position].state
            guard state == .resolved || state == .ambiguous, let target = first[position].target,
              let index = lookupIndex[target]
            else {
              targets.append(-1)
              continue
            }
            targets.append(Int32(index))
          }
        }
      }
      return targets
    }
    // Each list made as long as it will be: grown by appending, they kept about half as
    // much room again unused (10 MB at 100,000 notes).
    var counts = [Int](repeating: 0, count: notes.count)
    for targets in chunkTargets { for target in targets where target >= 0 { counts[Int(target)] += 1 } }
    var incoming = counts.map { count -> [LinkRef] in
      var refs: [LinkRef] = []
      refs.reserveCapacity(count)
      return refs
    }
    var ghosts: [String: [LinkRef]] = [:]
    var missingAnchors: [String: [LinkRef]] = [:]
    for (chunk, targets) in chunkTargets.enumerated() {
      var position = 0
      for noteIndex in bounds[chunk]..<bounds[chunk + 1] {
        let note = notes[noteIndex]
        for linkIndex in note.links.indices {
          let target = targets[position]
          position += 1
          let ref = LinkRef(note: noteIndex, link: linkIndex)
          if target >= 0 {
            incoming[Int(target)].append(ref)
            continue
          }
          switch Self.place(of: note.links[linkIndex], from: note, targetIndex: nil) {
          case .ghost(let key): ghosts[key, default: []].append(ref)
          case .missingAnchor(let id): missingAnchors[id, default: []].append(ref)
          case .incoming, .none: break
          }
        }
      }
    }
    self.incoming = incoming
    self.ghosts = ghosts
    self.missingAnchors = missingAnchors
  }

  // MARK: - Notes

  /// The index of a note by its vault-relative path.
  public func index(of id: String) -> Int? { indexByID[id] }

  /// A note by its vault-relative path.
  public func note(_ id: String) -> Note? { indexByID[id].map { notes[$0] } }

  /// Finds a note from what a user typed: a path, a stem, a title or an alias,
  /// resolved like a wikilink. `#Section` at the end is split off.
  public func find(_ name: String) -> NoteQuery {
    var text = name.trimmed
    var section: String? = nil
    if let hash = text.firstIndex(of: "#"), hash != text.startIndex {
      section = String(text[text.index(after: hash)...])
      text = String(text[..<hash])
    }
    if text.hasPrefix("./") { text.removeFirst(2) }
    let probe = Note(id: "")
    var link = Link(raw: text, kind: .wiki)
    link = LinkResolver(notes: notes, lookup: lookup, mentionNames: mentionNames).resolve(link, from: probe)
    switch link.state {
    case .resolved:
      guard let id = link.target, let note = note(id) else { return .notFound(suggestions: []) }
      return .found(note, section: section.flatMap { note.section(named: $0) })
    case .ambiguous:
      return .ambiguous(link.candidates)
    default:
      return .notFound(suggestions: suggestions(for: text))
    }
  }

  /// Notes whose title, stem or path contains the text, for "did you mean" lists.
  public func suggestions(for text: String, limit: Int = 5) -> [String] {
    let key = text.lowercased()
    guard !key.isEmpty else { return [] }
    return notes.filter {
      $0.title.lowercased().contains(key) || $0.id.lowercased().contains(key)
    }.prefix(limit).map(\.id)
  }

  /// Links that point at a note, or at one of its sections when `section` is given.
  public func backlinks(to noteIndex: Int, section: Int? = nil) -> [LinkRef] {
    let refs = incoming[noteIndex]
    guard let section else { return refs }
    return refs.filter { notes[$0.note].links[$0.link].targetsSection(section) }
  }

  /// Backlinks of a note grouped by the section of the note they point at
  /// (nil: the note as a whole), sections in document order.
  public func backlinksBySection(to noteIndex: Int) -> [(section: Int?, links: [LinkRef])] {
    var whole: [LinkRef] = []
    var bySection: [Int: [LinkRef]] = [:]
    for ref in incoming[noteIndex] {
      let sections = link(ref).targetSections
      if sections.isEmpty { whole.append(ref) }
      for section in sections { bySection[section, default: []].append(ref) }
    }
    var groups: [(section: Int?, links: [LinkRef])] = []
    if !whole.isEmpty { groups.append((nil, whole)) }
    for section in bySection.keys.sorted() { groups.append((section, bySection[section] ?? [])) }
    return groups
  }

  /// The link a reference names.
  public func link(_ ref: LinkRef) -> Link { notes[ref.note].links[ref.link] }

  /// Every link of the vault, in note order.
  public var allLinks: [LinkRef] {
    notes.indices.flatMap { note in notes[note].links.indices.map { LinkRef(note: note, link: $0) } }
  }

  // MARK: - Graph

  /// Notes reachable through resolved links, each with its outgoing targets (deduplicated).
  public func neighbours(of noteIndex: Int) -> [Int] {
    var seen = Set<Int>()
    var result: [Int] = []
    for link in notes[noteIndex].links where link.isEdge {
      if let target = link.target, let index = indexByID[target], seen.insert(index).inserted {
        result.append(index)
      }
    }
    return result
  }

  /// The shortest chain of links from one note to another (breadth-first), both ends included.
  ///
  /// Follows links in their direction; when `directed` is false, backlinks count too.
  public func shortestPath(from start: Int, to goal: Int, directed: Bool = true) -> [Int]? {
    if start == goal { return [start] }
    var previous = [Int](repeating: -1, count: notes.count)
    previous[start] = start
    var queue = [start]
    var head = 0
    while head < queue.count {
      let current = queue[head]
      head += 1
      var next = neighbours(of: current)
      if !directed { next += incoming[current].map(\.note) }
      for neighbour in next where previous[neighbour] == -1 {
        previous[neighbour] = current
        if neighbour == goal {
          var path = [goal]
          var step = goal
          while step != start {
            step = previous[step]
            path.append(step)
          }
          return path.reversed()
        }
        queue.append(neighbour)
      }
    }
    return nil
  }

  /// Notes within `depth` links of a note, in either direction, the note included.
  public func neighbourhood(of noteIndex: Int, depth: Int) -> Set<Int> {
    var seen: Set<Int> = [noteIndex]
    var frontier = [noteIndex]
    for _ in 0..<max(0, depth) {
      var next: [Int] = []
      for current in frontier {
        for neighbour in neighbours(of: current) + incoming[current].map(\.note)
        where seen.insert(neighbour).inserted {
          next.append(neighbour)
        }
      }
      frontier = next
    }
    return seen
  }

  // MARK: - Helpers

  /// Where the graph files a link: among the backlinks of the note it leads to, under
  /// the ghost it names, among the links that miss a heading of an existing note, or
  /// nowhere (external links, assets, links broken otherwise).
  enum Place: Equatable {
    case incoming(Int)
    case ghost(String)
    case missingAnchor(String)
    case none
  }

  /// The place of a link; `targetIndex` is the index of its target when the caller knows it.
  static func place(of link: Link, from note: Note, targetIndex: Int?) -> Place {
    if link.isEdge, let targetIndex { return .incoming(targetIndex) }
    guard link.state == .broken else { return .none }
    if let target = link.target { return link.missingAnchor != nil ? .missingAnchor(target) : .none }
    return ghostKey(for: link, from: note).map(Place.ghost) ?? .none
  }

  /// The name a ghost note goes by: the vault path a Markdown link names, or a wikilink's target.
  static func ghostKey(for link: Link, from note: Note) -> String? {
    let path = link.rawPath.trimmed
    guard !path.isEmpty else { return nil }
    switch link.kind {
    case .markdown:
      return NotePath.join(note.folder, NotePath.percentDecoded(path)) ?? path
    case .wiki, .mention, .frontmatter:
      return path
    }
  }
}

/// What a user's NOTE argument named.
public enum NoteQuery: Sendable {
  case found(Note, section: Section?)
  case ambiguous([String])
  case notFound(suggestions: [String])
}

/// How much of a vault's links to resolve when its graph is built.
public enum LinkResolution: Sendable {
  /// Every link of every note: notes straight from the parser.
  case all
  /// Notes from a cache of earlier runs, whose links were resolved then.
  ///
  /// - `fresh`: ids of the notes parsed now (changed or new files); their links are
  ///   resolved in full.
  /// - `previous`: the stored versions of the notes that changed or disappeared since,
  ///   when the cache's links were resolved against the vault it stored as a whole; nil
  ///   when they cannot be trusted, and every link is resolved again.
  ///
  /// With `previous`, a cached note keeps its links except those a change can have moved:
  /// links that are broken or ambiguous, that point at or list a changed note, whose asset
  /// is gone, or that name (by path, file name, title, alias or source URL) a note that
  /// changed, appeared or disappeared. Notes whose links then resolve differently are
  /// listed in `Vault.relinked`.
  case cached(fresh: Set<String>, previous: [Note]?)
}

/// One pass of link resolution over a vault's notes, as a `LinkResolution` asks.
struct Relinking: Sendable {
  /// A note's links after the pass: nil when they stay as they were.
  struct Outcome: Sendable {
    var links: [Link]?
    /// Whether links that came resolved now resolve differently.
    var moved: Bool
  }

  private enum Mode: Sendable {
    case everything
    case everythingReporting(fresh: Set<String>)
    case changes(fresh: Set<String>, touched: Touched, names: ChangedNames)
  }

  private let mode: Mode

  init(resolution: LinkResolution, notes: [Note]) {
    switch resolution {
    case .all:
      mode = .everything
    case .cached(let fresh, nil):
      mode = .everythingReporting(fresh: fresh)
    case .cached(let fresh, let previous?) where previous.count + fresh.count > notes.count / 4:
      // Past a quarter of the vault, checking link by link costs more than resolving.
      mode = .everythingReporting(fresh: fresh)
    case .cached(let fresh, let previous?):
      var touched = Set(previous.map(\.id))
      touched.formUnion(fresh)
      let current = notes.filter { fresh.contains($0.id) }
      mode = .changes(fresh: fresh, touched: Touched(touched), names: ChangedNames(previous + current))
    }
  }

  /// Whether every link of every note is resolved.
  var resolvesEverything: Bool {
    if case .changes = mode { return false }
    return true
  }

  func relink(_ note: Note, with resolver: LinkResolver) -> Outcome {
    switch mode {
    case .everything:
      return Outcome(links: resolver.resolveLinks(of: note), moved: false)
    case .everythingReporting(let fresh):
      let links = resolver.resolveLinks(of: note)
      let moved = !fresh.contains(note.id) && !Self.sameResolution(links, note.links)
      return Outcome(links: links, moved: moved)
    case .changes(let fresh, let touched, let names):
      if fresh.contains(note.id) {
        return Outcome(links: resolver.resolveLinks(of: note), moved: false)
      }
      // Most links cannot have moved: find the others without copying any link (a
      // subscript of the buffer copied each one, six strings retained and released).
      let suspects = note.links.withUnsafeBufferPointer { links -> [Int] in
        guard let first = links.baseAddress else { return [] }
        return links.indices.filter {
          Self.mayHaveMoved(first + $0, touched: touched, names: names, resolver: resolver)
        }
      }
      guard !suspects.isEmpty else { return Outcome(links: nil, moved: false) }
      var links = note.links
      var moved = false
      for (index, link) in zip(suspects, resolver.resolve(suspects, of: note)) {
        if !Self.sameResolution(link, links[index]) {
          links[index] = link
          moved = true
        }
      }
      return Outcome(links: moved ? links : nil, moved: moved)
    }
  }

  /// Whether a change of the notes in `touched` (and of the names they hold) can resolve
  /// this link differently than it was.
  private static func mayHaveMoved(
    _ link: UnsafePointer<Link>, touched: Touched, names: ChangedNames, resolver: LinkResolver
  ) -> Bool {
    switch link.pointee.state {
    case .broken, .ambiguous:
      return true
    case .asset:
      // An asset that is gone, or a note that now has its path.
      return !resolver.lookup.assets.contains(link.pointee.target ?? "") || names.matches(link)
    case .external:
      // A URL stays a URL, except a `source:` URL that a new source stub now claims.
      return link.pointee.kind == .frontmatter && names.matches(link)
    case .resolved:
      if let target = link.pointee.target, touched.contains(target) { return true }
      return names.matches(link)
    }
  }

  /// Whether two links resolved alike (what the resolver sets, nothing the parser saw).
  static func sameResolution(_ left: Link, _ right: Link) -> Bool {
    left.state == right.state && left.target == right.target
      && left.candidates == right.candidates && left.targetSections == right.targetSections
      && left.reason == right.reason && left.missingAnchor == right.missingAnchor
  }

  static func sameResolution(_ left: [Link], _ right: [Link]) -> Bool {
    left.count == right.count && zip(left, right).allSatisfy { sameResolution($0, $1) }
  }
}

/// The ids of the notes that changed, asked about for every link of the vault: a few
/// are compared one by one (no hashing of each link's target), many through a set.
struct Touched: Sendable {
  private let few: [String]
  private let many: Set<String>

  init(_ ids: Set<String>) {
    if ids.count <= 16 {
      few = Array(ids)
      many = []
    } else {
      few = []
      many = ids
    }
  }

  func contains(_ id: String) -> Bool {
    few.isEmpty ? many.contains(id) : few.contains(id)
  }
}

/// The names a set of notes goes by (paths, file names, titles, aliases, source URLs),
/// lower-cased, and a quick test of whether a link names one of them.
///
/// The test runs over every link of a large vault after each change, so it works on the
/// link's bytes without making strings; a link with a percent escape, angle brackets, a
/// query or bytes beyond ASCII takes the slower way through `String`.
struct ChangedNames: Sendable {
  /// Names by a hash of their lower-cased UTF-8 bytes.
  private var byHash: [UInt64: [[UInt8]]] = [:]
  private var urls: Set<String> = []

  init(_ notes: [Note]) {
    for note in notes {
      let id = note.id.lowercased()
      add(id)
      if NotePath.hasMarkdownExtension(id) { add(String(id.utf8.dropLast(3)) ?? id) }
      add(note.stem.lowercased())
      add(note.title.lowercased())
      for alias in note.aliases { add(alias.lowercased()) }
      if note.type == .source, let url = note.frontMatter.string("url") {
        urls.insert(NoteLookup.urlKey(url))
      }
    }
  }

  private mutating func add(_ name: String) {
    let bytes = Array(name.trimmed.utf8)
    guard !bytes.isEmpty else { return }
    let hash = bytes.withUnsafeBufferPointer { Self.hash($0, 0, $0.count) }
    byHash[hash, default: []].append(bytes)
  }

  /// FNV-1a over the bytes with ASCII letters folded to lower case.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for index in start..<end {
      hash = (hash ^ UInt64(folded(bytes[index]))) &* 0x100_0000_01b3
    }
    return hash
  }

  private static func folded(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }

  /// Whether the link names one of the notes: its whole target or its last path part,
  /// without `.md`, equals one of the names; for a `source:` URL, one of the URLs.
  func matches(_ link: UnsafePointer<Link>) -> Bool {
    if byHash.isEmpty, urls.isEmpty { return false }
    if link.pointee.kind == .frontmatter, link.pointee.relation == .cites {
      return !urls.isEmpty && urls.contains(NoteLookup.urlKey(link.pointee.rawPath))
    }
    let fast = link.pointee.withRawUTF8 { raw -> Bool? in
      var end = raw.firstIndex(of: UInt8(ascii: "#")) ?? raw.count
      var start = 0
      while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
      while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
      for index in start..<end {
        let byte = raw[index]
        if byte >= 0x80 || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "<")
          || byte == UInt8(ascii: "?")
        {
          return nil
        }
      }
      if end - start >= 3, raw[end - 3] == UInt8(ascii: "."), raw[end - 2] | 0x20 == UInt8(ascii: "m"),
        raw[end - 1] | 0x20 == UInt8(ascii: "d")
      {
        // Names are kept both with and without `.md`; one spelling suffices.
        end -= 3
      }
      var last = end
      while last > start, raw[last - 1] != UInt8(ascii: "/") { last -= 1 }
      return contains(raw, start, end) || (last > start && contains(raw, last, end))
    }
    if let fast { return fast }
    return slowMatches(link.pointee)
  }

  private func contains(_ raw: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    guard end > start, let names = byHash[Self.hash(raw, start, end)] else { return false }
    return names.contains { name in
      name.count == end - start
        && name.indices.allSatisfy { Self.folded(raw[start + $0]) == name[$0] }
    }
  }

  private func slowMatches(_ link: Link) -> Bool {
    var path = NotePath.percentDecoded(link.rawPath).trimmed.lowercased()
    if path.hasPrefix("<"), path.hasSuffix(">") { path = String(path.dropFirst().dropLast()) }
    if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
    if NotePath.hasMarkdownExtension(path) { path = String(path.dropLast(3)) }
    let last = path.split(separator: "/").last.map(String.init) ?? path
    return [path, last].contains { name in
      let bytes = Array(name.utf8)
      let hash = bytes.withUnsafeBufferPointer { Self.hash($0, 0, $0.count) }
      return byHash[hash]?.contains(bytes) ?? false
    }
  }
}

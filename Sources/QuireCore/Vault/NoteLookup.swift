import Dispatch

/// The ways a vault finds notes by name: path, stem, title, alias, source URL.
///
/// Built once per vault; every table maps a lower-cased key to note indices.
struct NoteLookup: Sendable {
  var byPath: [String: Int] = [:]
  var byLowerPath: [String: [Int]] = [:]
  var byStem: [String: [Int]] = [:]
  var byTitle: [String: [Int]] = [:]
  var byAlias: [String: [Int]] = [:]
  var sourceByURL: [String: [Int]] = [:]
  var assets: Set<String> = []
  var assetsByName: [String: [String]] = [:]

  init(notes: [Note], assets: Set<String>) {
    // Three independent groups of tables, built side by side: on a vault of 100,000
    // notes each takes a tenth of a second or more, and the browser's first screen waits.
    let paths = ResultSlots<([String: Int], [String: [Int]])>(count: 1)
    let names = ResultSlots<([String: [Int]], [String: [Int]])>(count: 1)
    let others = ResultSlots<([String: [Int]], [String: [Int]])>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 3) { group in
      switch group {
      case 0:
        var byPath: [String: Int] = [:]
        var byLowerPath: [String: [Int]] = [:]
        byPath.reserveCapacity(notes.count)
        byLowerPath.reserveCapacity(notes.count)
        for (index, note) in notes.enumerated() {
          byPath[note.id] = index
          // Most paths are lower case already: the key then shares the id's storage.
          let lower = note.id.lowercased()
          byLowerPath[lower == note.id ? note.id : lower, default: []].append(index)
        }
        paths.set(0, (byPath, byLowerPath))
      case 1:
        var byStem: [String: [Int]] = [:]
        byStem.reserveCapacity(notes.count)
        for (index, note) in notes.enumerated() {
          byStem[note.stem.lowercased(), default: []].append(index)
        }
        var byAlias: [String: [Int]] = [:]
        for (index, note) in notes.enumerated() {
          for alias in note.aliases { byAlias[alias.lowercased(), default: []].append(index) }
        }
        names.set(0, (byStem, byAlias))
      default:
        var byTitle: [String: [Int]] = [:]
        byTitle.reserveCapacity(notes.count)
        var sourceByURL: [String: [Int]] = [:]
        for (index, note) in notes.enumerated() {
          byTitle[note.title.lowercased(), default: []].append(index)
          if note.type == .source, let url = note.frontMatter.string("url") {
            sourceByURL[Self.urlKey(url), default: []].append(index)
          }
        }
        others.set(0, (byTitle, sourceByURL))
      }
    }
    (byPath, byLowerPath) = paths.values[0] ?? ([:], [:])
    (byStem, byAlias) = names.values[0] ?? ([:], [:])
    (byTitle, sourceByURL) = others.values[0] ?? ([:], [:])
    self.assets = assets
    for asset in assets {
      let name = asset.split(separator: "/").last.map(String.init) ?? asset
      assetsByName[name.lowercased(), default: []].append(asset)
    }
  }

  /// Notes whose path ends with `suffix` (already lower-cased, without `.md`) at a folder boundary.
  func bySuffix(_ suffix: String, in notes: [Note]) -> [Int] {
    guard let stem = suffix.split(separator: "/").last.map(String.init) else { return [] }
    return (byStem[stem] ?? []).filter { index in
      let path = notes[index].id.lowercased()
      let bare = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
      return bare == suffix || bare.hasSuffix("/" + suffix)
    }
  }

  /// A URL compared loosely: no scheme, no `www.`, no trailing slash, lower case.
  static func urlKey(_ url: String) -> String {
    var key = url.trimmed.lowercased()
    for prefix in ["https://", "http://"] where key.hasPrefix(prefix) {
      key.removeFirst(prefix.count)
    }
    if key.hasPrefix("www.") { key.removeFirst(4) }
    while key.hasSuffix("/") { key.removeLast() }
    return key
  }
}

extension NoteLookup {
  /// The names a note goes by in the tables a note's contents decide (title, aliases,
  /// a source's URL); its path and file name are its id's and never change in place.
  struct Names: Equatable {
    var title: String
    var aliases: [String]
    var url: String?

    init(_ note: Note) {
      title = note.title.lowercased()
      aliases = note.aliases.map { $0.lowercased() }
      url = note.type == .source ? note.frontMatter.string("url").map(NoteLookup.urlKey) : nil
    }
  }

  /// Gives the tables a rename changes storage of their own (a copy of a vault shares
  /// them with the original), so that a rename in this copy later does not first copy
  /// them whole: 100,000 titles and aliases took most of 0.2 s of a renaming edit.
  mutating func prepareForRename() {
    byTitle.reserveCapacity(byTitle.count)
    byAlias.reserveCapacity(byAlias.count)
    sourceByURL.reserveCapacity(sourceByURL.count)
  }

  /// Files the note at `index` under its new names instead of its old ones.
  mutating func rename(_ index: Int, from old: Names, to new: Names) {
    Self.remove(index, from: &byTitle, at: old.title)
    for alias in old.aliases { Self.remove(index, from: &byAlias, at: alias) }
    if let url = old.url { Self.remove(index, from: &sourceByURL, at: url) }
    Self.insert(index, into: &byTitle, at: new.title)
    for alias in new.aliases { Self.insert(index, into: &byAlias, at: alias) }
    if let url = new.url { Self.insert(index, into: &sourceByURL, at: url) }
  }

  private static func remove(_ index: Int, from table: inout [String: [Int]], at key: String) {
    guard var indices = table[key] else { return }
    // A note listed twice under one key (an alias equal to its title) loses one entry.
    if let position = indices.firstIndex(of: index) { indices.remove(at: position) }
    table[key] = indices.isEmpty ? nil : indices
  }

  /// Inserts in index order, the order a build of the tables gives.
  private static func insert(_ index: Int, into table: inout [String: [Int]], at key: String) {
    var indices = table[key] ?? []
    let position = indices.firstIndex { $0 > index } ?? indices.count
    indices.insert(index, at: position)
    table[key] = indices
  }
}

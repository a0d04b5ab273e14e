import Dispatch

/// The ways a vault finds notes by name: path, stem, title, alias, source URL.
///
/// Built once per vault; every table maps a lower-cased key to note indices.
struct NoteLookup: Sendable {
  var byPath: [String: Int] = [:]
  var byLowerPath = NameTable()
  var byStem = NameTable()
  var byTitle = NameTable()
  var byAlias = NameTable()
  var sourceByURL = NameTable()
  var assets: Set<String> = []
  var assetsByName: [String: [String]] = [:]

  init(notes: [Note], assets: Set<String>) {
    // Three independent groups of tables, built side by side: on a vault of 100,000
    // notes each takes a tenth of a second or more, and the browser's first screen waits.
    let paths = ResultSlots<([String: Int], NameTable)>(count: 1)
    let names = ResultSlots<(NameTable, NameTable)>(count: 1)
    let others = ResultSlots<(NameTable, NameTable)>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 3) { group in
      switch group {
      case 0:
        var byPath: [String: Int] = [:]
        var byLowerPath = NameTable()
        byPath.reserveCapacity(notes.count)
        byLowerPath.reserveCapacity(notes.count)
        for (index, note) in notes.enumerated() {
          byPath[note.id] = index
          // Most paths are lower case already: the key then shares the id's storage.
          let lower = note.id.lowercased()
          byLowerPath.append(index, at: lower == note.id ? note.id : lower)
        }
        paths.set(0, (byPath, byLowerPath))
      case 1:
        var byStem = NameTable()
        byStem.reserveCapacity(notes.count)
        for (index, note) in notes.enumerated() {
          byStem.append(index, at: note.stem.lowercased())
        }
        var byAlias = NameTable()
        for (index, note) in notes.enumerated() {
          for alias in note.aliases { byAlias.append(index, at: alias.lowercased()) }
        }
        names.set(0, (byStem, byAlias))
      default:
        var byTitle = NameTable()
        byTitle.reserveCapacity(notes.count)
        var sourceByURL = NameTable()
        for (index, note) in notes.enumerated() {
          byTitle.append(index, at: note.title.lowercased())
          if note.type == .source, let url = note.frontMatter.string("url") {
            sourceByURL.append(index, at: Self.urlKey(url))
          }
        }
        others.set(0, (byTitle, sourceByURL))
      }
    }
    (byPath, byLowerPath) = paths.values[0] ?? ([:], NameTable())
    (byStem, byAlias) = names.values[0] ?? (NameTable(), NameTable())
    (byTitle, sourceByURL) = others.values[0] ?? (NameTable(), NameTable())
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
    byTitle.remove(index, at: old.title)
    for alias in old.aliases { byAlias.remove(index, at: alias) }
    if let url = old.url { sourceByURL.remove(index, at: url) }
    byTitle.insert(index, at: new.title)
    for alias in new.aliases { byAlias.insert(index, at: alias) }
    if let url = new.url { sourceByURL.insert(index, at: url) }
  }
}

/// Note indices by lower-cased name, in index order. Most names belong to one note, whose
/// index the table holds itself; only names several notes share have a list (at 100,000
/// notes, a list for every name cost 14 MB).
struct NameTable: Sendable {
  /// A note's index, or -1 - (the position in `shared`) for a name several notes share.
  private var table: [String: Int] = [:]
  private var shared: [[Int]] = []

  var count: Int { table.count }

  /// The notes that go by this name; nil when none does.
  subscript(key: String) -> [Int]? {
    guard let value = table[key] else { return nil }
    return value >= 0 ? [value] : shared[-1 - value]
  }

  /// Room for `count` names; also gives this copy storage of its own.
  mutating func reserveCapacity(_ count: Int) {
    table.reserveCapacity(count)
    shared.reserveCapacity(shared.count)
  }

  /// Files a note after those the name has (a table is built in index order).
  mutating func append(_ index: Int, at key: String) {
    guard let value = table[key] else {
      table[key] = index
      return
    }
    if value >= 0 {
      shared.append([value, index])
      table[key] = -shared.count
    } else {
      shared[-1 - value].append(index)
    }
  }

  /// Files a note among those the name has, in index order.
  mutating func insert(_ index: Int, at key: String) {
    var indices = self[key] ?? []
    indices.insert(index, at: indices.firstIndex { $0 > index } ?? indices.count)
    set(indices, at: key)
  }

  /// Takes a note from the name; a note listed twice (an alias equal to its title) loses one entry.
  mutating func remove(_ index: Int, at key: String) {
    guard var indices = self[key] else { return }
    if let position = indices.firstIndex(of: index) { indices.remove(at: position) }
    set(indices, at: key)
  }

  private mutating func set(_ indices: [Int], at key: String) {
    switch indices.count {
    case 0: table[key] = nil
    case 1: table[key] = indices[0]
    default:
      // A list no name uses any more stays in `shared`: renames are few.
      if let value = table[key], value < 0 {
        shared[-1 - value] = indices
      } else {
        shared.append(indices)
        table[key] = -shared.count
      }
    }
  }
}

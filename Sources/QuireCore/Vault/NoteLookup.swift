import Dispatch

/// The ways a vault finds notes by name: path, stem, title, alias, source URL.
///
/// Built once per vault; every table but `byPath` maps a lower-cased name to note indices
/// (`NameTable`), and is read through the methods below, which keep only the notes that
/// go by the name.
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
          byLowerPath.append(index, at: note.id.lowercased())
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

  /// Notes whose path, lower-cased, is `key`.
  func notes(lowerPath key: String, in notes: [Note]) -> [Int] {
    byLowerPath.notes(named: key) { NameTable.same(notes[$0].id, key) }
  }

  /// Notes whose file name without `.md`, lower-cased, is `key`.
  func notes(stem key: String, in notes: [Note]) -> [Int] {
    byStem.notes(named: key) { NameTable.same(notes[$0].stem, key) }
  }

  /// Notes whose title or one of whose aliases, lower-cased, is `key`, each once.
  func notes(titleOrAlias key: String, in notes: [Note]) -> [Int] {
    let titled = byTitle.notes(named: key) { NameTable.same(notes[$0].title, key) }
    let aliased = byAlias.notes(named: key) { index in notes[index].aliases.contains { NameTable.same($0, key) } }
    return aliased.isEmpty ? titled : Array(Set(titled + aliased))
  }

  /// Source notes whose `url:` has this key (`urlKey`).
  func sources(urlKey key: String, in notes: [Note]) -> [Int] {
    sourceByURL.notes(named: key) { notes[$0].frontMatter.string("url").map(Self.urlKey) == key }
  }

  /// Notes whose path ends with `suffix` (already lower-cased, without `.md`) at a folder boundary.
  func bySuffix(_ suffix: String, in notes: [Note]) -> [Int] {
    guard let stem = suffix.split(separator: "/").last.map(String.init) else { return [] }
    return self.notes(stem: stem, in: notes).filter { index in
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
///
/// A name is filed by a 64-bit hash of it, not by the name itself: the names are the
/// notes' own (titles, file names, aliases), and keeping each again, lower-cased, as a key
/// cost 20 MB at 100,000 notes, in the browser's outline and again in its whole vault. So
/// a name's notes may, very rarely, come with notes of another name that hashes alike: a
/// lookup keeps only those its caller says go by the name (`notes(named:where:)`).
struct NameTable: Sendable {
  /// A note's index, or -1 - (the position in `shared`) for a hash several notes share.
  private var table: [UInt64: Int32] = [:]
  private var shared: [[Int]] = []

  var count: Int { table.count }

  /// The key a name is filed by: a hash of the name as Swift compares strings (canonically
  /// equivalent names hash alike), seeded anew in each process.
  private static func key(_ name: String) -> UInt64 {
    var hasher = Hasher()
    hasher.combine(name)
    return UInt64(bitPattern: Int64(hasher.finalize()))
  }

  /// The notes filed under this name's hash: those that go by it and, very rarely, others.
  subscript(name: String) -> [Int]? {
    guard let value = table[Self.key(name)] else { return nil }
    return value >= 0 ? [Int(value)] : shared[-1 - Int(value)]
  }

  /// The notes that go by this name: the filed ones `isNamed` agrees go by it.
  func notes(named name: String, where isNamed: (Int) -> Bool) -> [Int] {
    guard let value = table[Self.key(name)] else { return [] }
    if value >= 0 { return isNamed(Int(value)) ? [Int(value)] : [] }
    return shared[-1 - Int(value)].filter(isNamed)
  }

  /// Whether `name`, lower-cased, is `key`; without lower-casing a copy when the name is
  /// ASCII (most are).
  static func same(_ name: String, _ key: String) -> Bool {
    var (name, key) = (name, key)
    let ascii: Bool? = name.withUTF8 { name in
      guard !name.contains(where: { $0 >= 0x80 }) else { return nil }
      return key.withUTF8 { key in
        guard name.count == key.count else { return false }
        for position in name.indices {
          var byte = name[position]
          if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
          if byte != key[position] { return false }
        }
        return true
      }
    }
    return ascii ?? (name.lowercased() == key)
  }

  /// Room for `count` names; also gives this copy storage of its own.
  mutating func reserveCapacity(_ count: Int) {
    table.reserveCapacity(count)
    shared.reserveCapacity(shared.count)
  }

  /// Files a note after those the name has (a table is built in index order).
  mutating func append(_ index: Int, at name: String) {
    let key = Self.key(name)
    guard let value = table[key] else {
      table[key] = Int32(index)
      return
    }
    if value >= 0 {
      shared.append([Int(value), index])
      table[key] = Int32(-shared.count)
    } else {
      shared[-1 - Int(value)].append(index)
    }
  }

  /// Files a note among those the name has, in index order.
  mutating func insert(_ index: Int, at name: String) {
    var indices = self[name] ?? []
    indices.insert(index, at: indices.firstIndex { $0 > index } ?? indices.count)
    set(indices, at: Self.key(name))
  }

  /// Takes a note from the name; a note listed twice (an alias equal to its title) loses one entry.
  mutating func remove(_ index: Int, at name: String) {
    guard var indices = self[name] else { return }
    if let position = indices.firstIndex(of: index) { indices.remove(at: position) }
    set(indices, at: Self.key(name))
  }

  private mutating func set(_ indices: [Int], at key: UInt64) {
    switch indices.count {
    case 0: table[key] = nil
    case 1: table[key] = Int32(indices[0])
    default:
      // A list no name uses any more stays in `shared`: renames are few.
      if let value = table[key], value < 0 {
        shared[-1 - Int(value)] = indices
      } else {
        shared.append(indices)
        table[key] = Int32(-shared.count)
      }
    }
  }
}

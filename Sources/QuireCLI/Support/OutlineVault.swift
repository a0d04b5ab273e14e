import Foundation
import QuireCore
import QuireMarkdown
import QuireSearch

/// The browser's first vault on a large vault it has cached: every note in outline (path,
/// type, title, from the cache's small columns), the note it opens at read from its file,
/// and the notes that note links to as the cache stored them.
///
/// Reading and resolving 100,000 notes takes seconds even from the cache; this takes a
/// fraction of that, so the browser draws its first screen at once and the whole vault
/// follows in the background (`TerminalApp.run(loading:)`). Until then, links of other
/// notes and backlinks are partial: the status line says the vault is loading.
public struct OutlineVault: Sendable {
  /// Vaults smaller than this are loaded whole before the first screen: it takes well
  /// under a second, and the browser is then complete from the start.
  public static let minimumNotes = 5_000

  public var vault: Vault
  /// The note to open, by id.
  public var startID: String

  /// The outline, or nil when the cache is too small, empty or unreadable, or the start
  /// note cannot be found or read: then the caller loads the whole vault first.
  ///
  /// - Parameter start: what the user asked to open (a path, file name or title), or nil
  ///   for `index.md` or the first note the navigator lists.
  public static func make(
    root: URL, index: SearchIndex, start: String?, minimumNotes: Int = minimumNotes
  ) -> OutlineVault? {
    guard var outlines = try? index.storedOutlines(), outlines.count >= minimumNotes else { return nil }
    // SQLite sorts paths by bytes, Swift by Unicode scalars: sort as the vault does.
    outlines.sort { $0.id < $1.id }
    let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
    guard let startID = startNoteID(start, in: outlines, rootPath: rootPath),
      let startNote = try? FileNoteSource(root: root).read(startID).note,
      let startPosition = Self.position(of: startID, in: outlines)
    else { return nil }
    // In place: a copy of 100,000 notes costs as much as building the vault's tables.
    var notes = outlines
    outlines = []
    notes[startPosition] = startNote

    // The notes the start note links to go in as stored, with their sections, so that
    // links into them resolve. Their ids come from the stored start note when its links
    // are written as in the file; else from resolving its links against the outline.
    let targets: Set<String>
    if let stored = try? index.storedNotes(ids: [startID]).first,
      stored.links.map(\.raw) == startNote.links.map(\.raw)
    {
      targets = Set(stored.links.compactMap(\.target))
    } else {
      targets = Set(Vault(root: rootPath, notes: notes).note(startID)?.links.compactMap(\.target) ?? [])
    }
    for note in (try? index.storedNotes(ids: targets.subtracting([startID]).sorted())) ?? [] {
      if let position = Self.position(of: note.id, in: notes) { notes[position] = note }
    }
    return OutlineVault(vault: Vault(root: rootPath, notes: notes), startID: startID)
  }

  /// The id of the note to open: the one `start` names, else `index.md`, else the
  /// navigator's first; nil when `start` names none of `outlines` (sorted by id).
  static func startNoteID(_ start: String?, in outlines: [Note], rootPath: String) -> String? {
    if let start {
      guard case .found(let note, _) = Vault(root: rootPath, notes: outlines).find(start) else { return nil }
      return note.id
    }
    if position(of: "index.md", in: outlines) != nil { return "index.md" }
    return outlines.min(by: navigatorOrder)?.id
  }

  /// Where a note is in notes sorted by id.
  static func position(of id: String, in notes: [Note]) -> Int? {
    var low = 0
    var high = notes.count
    while low < high {
      let middle = (low + high) / 2
      if notes[middle].id < id { low = middle + 1 } else { high = middle }
    }
    return low < notes.count && notes[low].id == id ? low : nil
  }

  /// The navigator's first note: the first by title in the first type group (the same
  /// choice `AppState.start` makes on the whole vault).
  private static func navigatorOrder(_ left: Note, _ right: Note) -> Bool {
    let types = NoteType.allCases
    let leftType = types.firstIndex(of: left.type) ?? types.count
    let rightType = types.firstIndex(of: right.type) ?? types.count
    if leftType != rightType { return leftType < rightType }
    let leftTitle = left.title.lowercased()
    let rightTitle = right.title.lowercased()
    return leftTitle != rightTitle ? leftTitle < rightTitle : left.id < right.id
  }
}

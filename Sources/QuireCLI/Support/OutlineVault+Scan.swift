import Foundation
import QuireCore
import QuireMarkdown

extension OutlineVault {
  /// The outline of a large vault with no usable cache, made from a quick scan of its
  /// files (`VaultOutlineScan`): every note's path, type and title; the start note and the
  /// notes it links to parsed in full from their files, so that its links and the sections
  /// they point into resolve.
  ///
  /// Nil when the walk finds fewer than `minimumNotes` notes, or the start note cannot be
  /// found or read: then the caller loads the whole vault first.
  ///
  /// - Parameter start: what the user asked to open (a path, file name or title), or nil
  ///   for `index.md` or the first note the navigator lists.
  public static func scanned(root: URL, start: String?, minimumNotes: Int = minimumNotes) -> OutlineVault? {
    let scan = VaultOutlineScan(root: root)
    guard scan.count >= minimumNotes else { return nil }
    return scanned(scan, start: start)
  }

  /// The same from a walk already made.
  public static func scanned(_ scan: VaultOutlineScan, start: String?) -> OutlineVault? {
    scanned(outlines: scan.outlines(), rootPath: scan.rootPath, start: start)
  }

  /// The same from the scan's outlines (sorted by id) of the vault at `rootPath`.
  public static func scanned(outlines: consuming [Note], rootPath: String, start: String?) -> OutlineVault? {
    // Moved, not copied: a copy of 100,000 notes costs as much as building the vault's tables.
    var notes = consume outlines
    let source = FileNoteSource(root: URL(fileURLWithPath: rootPath))
    guard let startID = startNoteID(start, in: notes, rootPath: rootPath),
      let startPosition = position(of: startID, in: notes),
      let startNote = try? source.read(startID).note
    else { return nil }
    notes[startPosition] = startNote
    // The start note's links resolved against the outline name the notes to parse in full;
    // the vault is then built again with them, so anchors into their sections resolve.
    let targets = Set(Vault(root: rootPath, notes: notes).note(startID)?.links.compactMap(\.target) ?? [])
    let parsed = targets.subtracting([startID]).sorted().parallelMap(chunks: 8) { id in
      try? source.read(id).note
    }
    for case var note? in parsed {
      guard let position = position(of: note.id, in: notes) else { continue }
      note.modified = notes[position].modified
      notes[position] = note
    }
    return OutlineVault(vault: Vault(root: rootPath, notes: notes), startID: startID)
  }
}

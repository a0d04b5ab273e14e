import Foundation
import QuireCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension VaultLoader {
  /// The vault with some of its files read again: each id is parsed afresh when it is a
  /// readable Markdown file inside the vault, and leaves the vault otherwise (deleted,
  /// moved away, turned into a link out of the vault). Only the links these changes can
  /// move are resolved again (`LinkResolution.cached`), so that after an edit a large
  /// vault is up to date in a fraction of a full load. Other files are not looked at.
  public func reloading(_ vault: Vault, ids: [String]) -> Vault {
    var notes = vault.notes
    var previous: [Note] = []
    var fresh = Set<String>()
    var gone = Set<String>()
    for id in Set(ids) {
      if let old = vault.note(id) { previous.append(old) }
      if let note = Self.readNote(id, root: root.path, keepText: options.keepText) {
        fresh.insert(id)
        if let index = vault.index(of: id) { notes[index] = note } else { notes.append(note) }
      } else {
        gone.insert(id)
      }
    }
    if !gone.isEmpty { notes.removeAll { gone.contains($0.id) } }
    // Links of a vault built from a cache can be trusted; others are resolved again, and
    // the result, like its origin, vouches for no cache (`relinked` stays nil).
    let resolution: LinkResolution = vault.relinked == nil ? .all : .cached(fresh: fresh, previous: previous)
    return Vault(
      root: vault.root, notes: notes, assets: vault.assets, diagnostics: vault.diagnostics,
      resolution: resolution)
  }

  /// One note read and parsed, or nil when its file is no readable Markdown file that
  /// stays inside the vault.
  private static func readNote(_ id: String, root: String, keepText: Bool) -> Note? {
    guard NotePath.hasMarkdownExtension(id), !id.hasPrefix("/"),
      !id.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") })
    else { return nil }
    let path = root + "/" + id
    guard let resolved = realpath(path, nil) else { return nil }
    let destination = String(cString: resolved)
    free(resolved)
    var info = stat()
    guard destination.hasPrefix(root + "/"), stat(destination, &info) == 0,
      info.st_mode & S_IFMT == S_IFREG,
      case .success(let bytes) = FileReader.read(path)
    else { return nil }
    let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    var note = NoteParser.parse(id: id, bytes: bytes, modified: modified).note
    if !keepText { note.texts = [] }
    return note
  }
}

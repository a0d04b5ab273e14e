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
  /// vault is up to date in a fraction of a full load; one note edited in place is put
  /// into the vault as it stands (`Vault.update`). Other files are not looked at.
  public func reloading(_ vault: Vault, ids: [String]) -> Vault {
    var copy = vault
    reload(&copy, ids: ids)
    return copy
  }

  /// `reloading(_:ids:)` in place: when the caller holds no other copy of the vault (see
  /// `Vault.prepareForUpdate`), a note edited in place copies none of its tables.
  public func reload(_ vault: inout Vault, ids: [String]) {
    // The usual case, a note edited in place: the graph is patched, not built again.
    if ids.count == 1, let id = ids.first, vault.index(of: id) != nil, let note = readNote(id) {
      vault.update(note)
      return
    }
    vault = rebuilt(vault, ids: ids)
  }

  private func rebuilt(_ vault: Vault, ids: [String]) -> Vault {
    var notes = vault.notes
    var previous: [Note] = []
    var fresh = Set<String>()
    var gone = Set<String>()
    for id in Set(ids) {
      if let old = vault.note(id) { previous.append(old) }
      if let note = readNote(id) {
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
      resolution: resolution, annotations: vault.annotationStore)
  }

  /// One note read and parsed, or nil when its file is no readable Markdown file that
  /// stays inside the vault.
  private func readNote(_ id: String) -> Note? {
    let rootPath = root.path
    guard NotePath.hasMarkdownExtension(id), !id.hasPrefix("/"),
      !id.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") }),
      let resolved = realpath(rootPath + "/" + id, nil)
    else { return nil }
    let destination = String(cString: resolved)
    free(resolved)
    var info = stat()
    guard destination.hasPrefix(rootPath + "/"), stat(destination, &info) == 0,
      info.st_mode & S_IFMT == S_IFREG
    else { return nil }
    // Read and parsed as a load does, the cache left out: the file is known to have changed.
    let file = VaultScanner.File(id: id, size: Int(info.st_size), modified: FileSnapshot.modifiedSeconds(info))
    guard
      case .parsed(let note, _, _) = Self.parse(file, rootPath: rootPath, options: Options(keepText: options.keepText))
    else { return nil }
    return note
  }
}

import Foundation
import GRDB
import QuireCore

extension SearchIndex {
  /// The `meta` key saying that stored notes carry links resolved against the stored
  /// vault as a whole, and the value that says it for this way of resolving.
  static let resolvedLinksKey = "resolved-links"
  static let resolvedLinksValue = "1"

  /// Whether the cache's stored links can be trusted as resolved against the stored vault.
  static func linksAreCurrent(_ db: Database) throws -> Bool {
    try String.fetchOne(
      db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [resolvedLinksKey])
      == resolvedLinksValue
  }

  /// Stores again the notes whose links now resolve differently (`Vault.relinked`), so
  /// that the next load can trust every stored link it does not re-resolve, and says so
  /// in `meta`.
  ///
  /// Runs before the index refresh, in its own transaction: should the process stop in
  /// between, the notes that changed still differ from their files and the next load
  /// re-resolves what they touch. Notes whose files changed are left to the refresh,
  /// which stores them whole.
  ///
  /// A vault not built from this cache (or reloaded from one that was; `relinked` nil)
  /// proves nothing about the other stored notes: the mark is taken away, and the next
  /// load through the cache resolves every link and stores what moved.
  func storeResolvedLinks(of vault: Vault) throws {
    // A reopen with nothing moved and the mark in place writes nothing.
    let marked = try writer.read { db in try Self.linksAreCurrent(db) }
    guard let ids = vault.relinked else {
      guard marked else { return }
      try writer.write { db in
        try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [Self.resolvedLinksKey])
      }
      return
    }
    if ids.isEmpty, marked { return }
    // Relinked notes are never ones whose files changed (those are parsed afresh, and
    // the refresh stores them whole).
    // What a lean load left out of them (annotations, front matter) comes from their rows.
    let relinked = try writer.read { db in try Self.restoringLeftOut(db, ids.compactMap { vault.note($0) }) }
    let encoded = relinked.parallelMap { NoteCoding.encode($0) }
    try writer.write { db in
      let update = try db.cachedStatement(sql: "UPDATE note SET data = ?, size = ? WHERE path = ?")
      for (note, data) in zip(relinked, encoded) {
        try update.execute(arguments: [data, note.byteCount, note.id])
      }
      try db.execute(
        sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        arguments: [Self.resolvedLinksKey, Self.resolvedLinksValue])
    }
  }
}

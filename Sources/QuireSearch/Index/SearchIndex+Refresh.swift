import Foundation
import GRDB
import QuireCore
import Synchronization

/// What a refresh changed.
public struct RefreshSummary: Sendable, Hashable {
  /// Notes indexed for the first time.
  public var added = 0
  /// Notes whose content changed, indexed again.
  public var updated = 0
  /// Notes whose file was touched (new time) but whose content is the same: not indexed again.
  public var touched = 0
  /// Notes gone from the vault, dropped from the index.
  public var removed = 0
  /// Notes left as they were.
  public var unchanged = 0

  public init() {}

  /// Whether the index changed at all.
  public var changedAnything: Bool { added + updated + touched + removed > 0 }
}

/// How far a long refresh has come: `done` of `total` notes written.
public struct RefreshProgress: Sendable, Hashable {
  public var done: Int
  public var total: Int
}

extension SearchIndex {
  /// Brings the index in line with a loaded vault, in one transaction.
  ///
  /// A note whose size and modification time match what is stored is left alone. Any
  /// other note is compared by content hash: a file that was only touched gets its new
  /// time, a changed or new one is indexed again from its `texts` (load the vault with
  /// `keepText`; a note that came from the cache has none and needs none). Notes no
  /// longer in the vault are removed.
  ///
  /// - Parameters:
  ///   - cache: the snapshot the vault was loaded with, so that notes it could not read
  ///     back are stored again.
  ///   - progress: called now and then while notes are written (from the calling thread).
  @discardableResult
  public func refresh(
    vault: Vault, cache: NoteCacheSnapshot? = nil,
    progress: ((RefreshProgress) -> Void)? = nil
  ) throws -> RefreshSummary {
    try writer.writeWithoutTransaction { db in
      var summary = RefreshSummary()
      try db.inTransaction(.immediate) {
        summary = try refresh(db, vault: vault, cache: cache, progress: progress)
        return .commit
      }
      return summary
    }
  }

  private struct StoredNote {
    var id: Int64
    var size: Int
    var modified: Double
    var hash: Int64
    var firstRow: Int64
    var lastRow: Int64
  }

  private func refresh(
    _ db: Database, vault: Vault, cache: NoteCacheSnapshot?,
    progress: ((RefreshProgress) -> Void)?
  ) throws -> RefreshSummary {
    var summary = RefreshSummary()
    var pending: [Note] = []
    var stored: [String: StoredNote] = [:]
    if let cache, let changed = try changedNotes(db, vault: vault, cache: cache) {
      // The usual case, a reopen: the snapshot read at opening already says which notes
      // are unchanged, so only the others' rows are read (and written).
      summary.unchanged = vault.notes.count - changed.count
      pending = changed
      let select = try db.cachedStatement(
        sql: "SELECT path, id, size, modified, hash, firstRow, lastRow FROM note WHERE path = ?")
      for note in pending {
        if let row = try Row.fetchOne(select, arguments: [note.id]) {
          stored[note.id] = Self.storedNote(row)
        }
      }
    } else {
      let rows = try Row.fetchCursor(
        db, sql: "SELECT path, id, size, modified, hash, firstRow, lastRow FROM note")
      while let row = try rows.next() { stored[row[0]] = Self.storedNote(row) }
      for note in vault.notes {
        if let old = stored[note.id], old.size == note.byteCount, old.modified == note.modified,
          cache?.wasUnreadable(note.id) != true
        {
          summary.unchanged += 1
        } else {
          pending.append(note)
        }
      }
      let present = Set(vault.notes.map(\.id))
      for (path, old) in stored where !present.contains(path) {
        try deleteRows(db, of: old)
        try db.execute(sql: "DELETE FROM note WHERE id = ?", arguments: [old.id])
        summary.removed += 1
      }
    }
    guard !pending.isEmpty else { return summary }

    var nextRow = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM section") ?? 0) + 1
    let step = max(1, pending.count / 100)
    let encoded = Self.encode(pending)
    for (done, note) in pending.enumerated() {
      let (data, hash) = encoded[done]
      if let old = stored[note.id], old.hash == hash {
        try db.execute(
          sql: "UPDATE note SET size = ?, modified = ?, data = ? WHERE id = ?",
          arguments: [note.byteCount, note.modified, data, old.id])
        summary.touched += 1
      } else {
        let noteID: Int64
        if let old = stored[note.id] {
          try deleteRows(db, of: old)
          noteID = old.id
          summary.updated += 1
        } else {
          try db.execute(
            sql: """
              INSERT INTO note (path, type, title, lenses, size, modified, hash, firstRow, lastRow, data)
              VALUES (?, '', '', '', 0, 0, 0, 0, 0, x'')
              """, arguments: [note.id])
          noteID = db.lastInsertedRowID
          summary.added += 1
        }
        let firstRow = nextRow
        try insertRows(db, of: note, noteID: noteID, nextRow: &nextRow)
        let lenses = "|" + note.frontMatter.strings("lenses").map { $0.lowercased() }.joined(separator: "|") + "|"
        try db.execute(
          sql: """
            UPDATE note SET type = ?, title = ?, status = ?, lenses = ?, size = ?, modified = ?,
              hash = ?, firstRow = ?, lastRow = ?, data = ? WHERE id = ?
            """,
          arguments: [
            note.type.rawValue, note.title, note.status?.lowercased(), lenses, note.byteCount,
            note.modified, hash, firstRow, nextRow - 1, data, noteID,
          ])
      }
      if let progress, done % step == 0 || done == pending.count - 1 {
        progress(RefreshProgress(done: done + 1, total: pending.count))
      }
    }
    return summary
  }

  private static func storedNote(_ row: Row) -> StoredNote {
    StoredNote(
      id: row[1], size: row[2], modified: row[3], hash: row[4], firstRow: row[5], lastRow: row[6])
  }

  /// The notes of the vault that the snapshot does not hold as they are, when the snapshot
  /// can answer: nil when a note was removed or the database no longer holds what the
  /// snapshot read (another process wrote in between), which the full comparison handles.
  private func changedNotes(
    _ db: Database, vault: Vault, cache: NoteCacheSnapshot
  ) throws -> [Note]? {
    var changed: [Note] = []
    var known = 0
    for note in vault.notes {
      if let entry = cache.entry(for: note.id) {
        known += 1
        if entry.size == note.byteCount, entry.modified == note.modified, !cache.wasUnreadable(note.id) {
          continue
        }
      }
      changed.append(note)
    }
    // Every stored note is still in the vault exactly when the counts agree (paths are unique).
    let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM note")) ?? 0
    guard known == cache.count, count == cache.count else { return nil }
    return changed
  }

  /// The stored bytes and content hash of each note, worked out on every core: this is
  /// most of a cold build's CPU time outside SQLite, which writes on one thread.
  static func encode(_ notes: [Note]) -> [(data: Data, hash: Int64)] {
    guard notes.count > 64 else { return notes.map(encodeOne) }
    let chunkCount = min(notes.count / 16, ProcessInfo.processInfo.activeProcessorCount * 8)
    let parts = Locked<[Int: [(data: Data, hash: Int64)]]>([:])
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      let lower = notes.count * chunk / chunkCount
      let upper = notes.count * (chunk + 1) / chunkCount
      let part = notes[lower..<upper].map(encodeOne)
      parts.withLock { $0[chunk] = part }
    }
    return parts.withLock { parts in (0..<chunkCount).flatMap { parts[$0] ?? [] } }
  }

  private static func encodeOne(_ note: Note) -> (data: Data, hash: Int64) {
    let data = NoteCoding.encode(note)
    return (data, NoteCoding.contentHash(of: note, encoded: data))
  }

  private func deleteRows(_ db: Database, of old: StoredNote) throws {
    try db.execute(
      sql: "DELETE FROM fts WHERE rowid BETWEEN ? AND ?", arguments: [old.firstRow, old.lastRow])
    try db.execute(sql: "DELETE FROM section WHERE note = ?", arguments: [old.id])
    try db.execute(sql: "DELETE FROM title_fts WHERE rowid = ?", arguments: [old.id])
  }

  /// Writes a note's rows: one in `title_fts`, one per section (and the text before the
  /// first heading) in `section` and `fts`, with consecutive ids.
  private func insertRows(
    _ db: Database, of note: Note, noteID: Int64, nextRow: inout Int64
  ) throws {
    let title = SnippetMarkup.clean(note.title)
    let aliases = SnippetMarkup.clean(note.aliases.joined(separator: "\n"))
    try db.cachedStatement(sql: "INSERT INTO title_fts (rowid, title, aliases) VALUES (?, ?, ?)")
      .execute(arguments: [noteID, title, aliases])
    let insertSection = try db.cachedStatement(
      sql: "INSERT INTO section (id, note, sectionIndex, heading) VALUES (?, ?, ?, ?)")
    let insertText = try db.cachedStatement(
      sql: "INSERT INTO fts (rowid, title, aliases, heading, body) VALUES (?, ?, ?, ?, ?)")
    for part in Self.parts(of: note) {
      try insertSection.execute(arguments: [nextRow, noteID, part.section, part.heading])
      try insertText.execute(
        arguments: [
          nextRow, title, aliases, SnippetMarkup.clean(part.heading ?? ""),
          SnippetMarkup.clean(part.body),
        ])
      nextRow += 1
    }
  }

  /// The indexed parts of a note: the text before the first heading (when there is some,
  /// or when there are no headings), then every section, its texts joined.
  static func parts(of note: Note) -> [(section: Int?, heading: String?, body: String)] {
    var bodies: [Int: [String]] = [:]
    var lead: [String] = []
    for text in note.texts {
      if let section = text.section, note.sections.indices.contains(section) {
        bodies[section, default: []].append(text.text)
      } else {
        lead.append(text.text)
      }
    }
    var parts: [(section: Int?, heading: String?, body: String)] = []
    let leadText = lead.joined(separator: "\n")
    if !leadText.trimmed.isEmpty || note.sections.isEmpty {
      parts.append((nil, nil, leadText))
    }
    for section in note.sections {
      parts.append(
        (section.index, section.title, (bodies[section.index] ?? []).joined(separator: "\n")))
    }
    return parts
  }
}

import Foundation
import GRDB
import QuireCore

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
  /// Brings the index in line with a loaded vault.
  ///
  /// A note whose size and modification time match what is stored is left alone. Any
  /// other note is compared by content hash: a file that was only touched gets its new
  /// time, a changed or new one is indexed again from its `texts` (load the vault with
  /// `keepText`; a note that came from the cache has none and needs none). Notes no
  /// longer in the vault are removed.
  ///
  /// The usual refresh (a few changed notes) is one transaction. A long one (a cold build)
  /// commits every `batchBytes` of notes (`defaultBatchBytes`): each note is written whole
  /// with its rows in one transaction, so an interrupted build leaves a smaller, consistent
  /// index that the next refresh completes.
  ///
  /// - Parameters:
  ///   - cache: the snapshot the vault was loaded with, so that notes it could not read
  ///     back are stored again.
  ///   - only: when the caller knows what changed (`VaultLoader.reloading` after an
  ///     edit), the ids of the notes read again and of those gone: nothing else is
  ///     compared, so a large vault's refresh costs what the change does.
  ///   - source: where a note that left parts out (a lean load's: `Note.leavesOutAnything`)
  ///     is read whole again, batch by batch as it is written (`Note.restoringLeftOut`), so
  ///     that a vault never seen is indexed without all its texts held at once. Without
  ///     one, what a note left out is read back from its stored row. Either way a note that
  ///     cannot be read back as it was loaded is stored marked, to be read again.
  ///   - mergingLater: leaves FTS5's merging of the full-text tables' segments to
  ///     `mergeSegments()`, which the caller runs once the refresh is done. Each refresh
  ///     writes a segment to each table, and FTS5 merged them as it wrote every few
  ///     refreshes: at 100,000 notes, about one refresh after an edit in seven took 18-70 ms
  ///     rather than 2 ms. Without it, FTS5 merges as it writes (its default).
  ///   - progress: called now and then while notes are written (from the calling thread).
  @discardableResult
  public func refresh(
    vault: Vault, cache: NoteCacheSnapshot? = nil,
    only: (changed: Set<String>, removed: Set<String>)? = nil,
    source: (any NoteSource)? = nil, mergingLater: Bool = false,
    progress: ((RefreshProgress) -> Void)? = nil
  ) throws -> RefreshSummary {
    try storeResolvedLinks(of: vault)
    return try writer.writeWithoutTransaction { db in
      var summary = RefreshSummary()
      var pending: [Note] = []
      var preparer = BatchPreparer(notes: [], batchBytes: batchBytes, source: nil)
      try db.inTransaction(.immediate) {
        try Self.setAutomerge(db, mergingLater ? 0 : Self.automerge)
        if let only {
          (summary, pending) = try plan(db, vault: vault, changed: only.changed, removed: only.removed)
        } else {
          (summary, pending) = try plan(db, vault: vault, cache: cache)
        }
        // A note from a lean load has what it left out read back: from its file as its
        // batch is prepared, else from its row now; or it is marked.
        if source == nil { pending = try Self.restoringLeftOut(db, pending) }
        preparer = BatchPreparer(notes: pending, batchBytes: batchBytes, source: source)
        if !preparer.batches.isEmpty {
          try writeBatch(db, pending, 0, preparer, summary: &summary, progress: progress)
        }
        return .commit
      }
      for batch in preparer.batches.indices.dropFirst() {
        try db.inTransaction(.immediate) {
          try writeBatch(db, pending, batch, preparer, summary: &summary, progress: progress)
          return .commit
        }
      }
      return summary
    }
  }

  /// How many segments of one level FTS5 merges as it writes, when it does: its default.
  static let automerge = 4

  /// Whether FTS5 merges the full-text tables' segments as it writes (`automerge`), or
  /// leaves them to `mergeSegments()` (0). A setting stored in the database.
  private static func setAutomerge(_ db: Database, _ value: Int) throws {
    for table in ["fts", "title_fts"] {
      let current = try Int.fetchOne(db, sql: "SELECT v FROM \(table)_config WHERE k = 'automerge'")
      // Unset is FTS5's default.
      guard current ?? automerge != value else { continue }
      try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES('automerge', ?)", arguments: [value])
    }
  }

  /// Merges the segments of the full-text tables that refreshes left unmerged
  /// (`refresh(mergingLater:)`) as FTS5 would have: the segments of a level that holds four
  /// or more. At most about `pages` pages are written (by default FTS5's own unit of merge
  /// work); what is left waits for the next call.
  public func mergeSegments(pages: Int = 64) throws {
    try writer.write { db in
      for table in ["fts", "title_fts"] {
        try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES('merge', ?)", arguments: [pages])
      }
    }
  }

  /// Works out each batch's rows (`prepare`) on the other cores while the batch before it
  /// is written: SQLite writes on one thread, and the encoding, hashing and text joins of
  /// the next batch would otherwise wait for it. A note that left parts out is read whole
  /// from `source` here, so that only a batch's texts are held at a time.
  final class BatchPreparer: Sendable {
    let notes: [Note]
    let source: (any NoteSource)?
    /// The pending notes cut into runs of at most `batchBytes` (at least one note each).
    let batches: [Range<Int>]
    private let done: [DispatchGroup]
    private let results = Locked<[Int: [PreparedNote]]>([:])

    init(notes: [Note], batchBytes: Int, source: (any NoteSource)?) {
      self.notes = notes
      self.source = source
      var batches: [Range<Int>] = []
      var start = 0
      while start < notes.count {
        var end = start
        var bytes = 0
        while end < notes.count, end == start || bytes + notes[end].byteCount <= batchBytes {
          bytes += notes[end].byteCount
          end += 1
        }
        batches.append(start..<end)
        start = end
      }
      self.batches = batches
      done = batches.map { _ in DispatchGroup() }
      if batches.count > 1 { begin(0) }
    }

    private func begin(_ batch: Int) {
      let notes = Array(self.notes[batches[batch]])
      DispatchQueue.global(qos: .userInitiated).async(group: done[batch]) { [results, source] in
        let prepared = notes.parallelMap { SearchIndex.prepare($0, source: source) }
        results.withLock { $0[batch] = prepared }
      }
    }

    /// The rows of a batch, once worked out; starts on the next batch.
    func take(_ batch: Int) -> [PreparedNote] {
      guard batches.count > 1 else {
        let notes = Array(self.notes[batches[batch]])
        let source = source
        return notes.count > 16
          ? notes.parallelMap { SearchIndex.prepare($0, source: source) }
          : notes.map { SearchIndex.prepare($0, source: source) }
      }
      done[batch].wait()
      if batch + 1 < batches.count { begin(batch + 1) }
      return results.withLock { $0.removeValue(forKey: batch) } ?? []
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

  /// Which notes need writing; removes the notes gone from the vault.
  /// The notes to write when the caller names what changed; the rows of notes gone are
  /// deleted here.
  private func plan(
    _ db: Database, vault: Vault, changed: Set<String>, removed: Set<String>
  ) throws -> (RefreshSummary, [Note]) {
    var summary = RefreshSummary()
    let pending = changed.sorted().compactMap { vault.note($0) }
    summary.unchanged = vault.notes.count - pending.count
    let select = try db.cachedStatement(
      sql: "SELECT path, id, size, modified, hash, firstRow, lastRow FROM note WHERE path = ?")
    for path in removed.sorted() where vault.index(of: path) == nil {
      guard let old = try Row.fetchOne(select, arguments: [path]).map(Self.storedNote) else { continue }
      try deleteRows(db, of: old)
      try db.execute(sql: "DELETE FROM note WHERE id = ?", arguments: [old.id])
      summary.removed += 1
    }
    return (summary, pending)
  }

  private func plan(
    _ db: Database, vault: Vault, cache: NoteCacheSnapshot?
  ) throws -> (RefreshSummary, [Note]) {
    var summary = RefreshSummary()
    if let cache, let changed = try changedNotes(db, vault: vault, cache: cache) {
      // The usual case, a reopen: the snapshot read at opening already says which notes
      // are unchanged, so only the others' rows are read (and written).
      summary.unchanged = vault.notes.count - changed.count
      return (summary, changed)
    }
    var pending: [Note] = []
    var stored: [String: StoredNote] = [:]
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
    return (summary, pending)
  }

  /// Writes one batch of the pending notes in the current transaction.
  ///
  /// Each note's stored row is looked up here, in the transaction that writes it, so that
  /// notes another process wrote between two batches are updated rather than inserted.
  private func writeBatch(
    _ db: Database, _ pending: [Note], _ number: Int, _ preparer: BatchPreparer,
    summary: inout RefreshSummary, progress: ((RefreshProgress) -> Void)?
  ) throws {
    let range = preparer.batches[number]
    let start = range.lowerBound
    let batch = pending[range]
    let prepared = preparer.take(number)
    var nextRow = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM section") ?? 0) + 1
    let step = max(1, pending.count / 100)
    let select = try db.cachedStatement(
      sql: "SELECT path, id, size, modified, hash, firstRow, lastRow FROM note WHERE path = ?")
    for (offset, note) in batch.enumerated() {
      let rows = prepared[offset]
      let stored = try Row.fetchOne(select, arguments: [note.id]).map(Self.storedNote)
      if let old = stored, old.hash == rows.hash {
        try db.cachedStatement(sql: "UPDATE note SET size = ?, modified = ?, data = ? WHERE id = ?")
          .execute(arguments: [rows.byteCount, note.modified, rows.data, old.id])
        summary.touched += 1
      } else {
        let firstRow = nextRow
        let lastRow = nextRow + Int64(rows.sections.count) - 1
        let noteID: Int64
        if let old = stored {
          try deleteRows(db, of: old)
          noteID = old.id
          try db.cachedStatement(
            sql: """
              UPDATE note SET type = ?, title = ?, status = ?, lenses = ?, size = ?, modified = ?,
                hash = ?, firstRow = ?, lastRow = ?, data = ? WHERE id = ?
              """
          ).execute(
            arguments: [
              note.type.rawValue, note.title, note.status?.lowercased(), rows.lenses, rows.byteCount,
              note.modified, rows.hash, firstRow, lastRow, rows.data, noteID,
            ])
          summary.updated += 1
        } else {
          // One INSERT with every value: inserting an empty row and then updating it
          // wrote each note's row (and its bytes) twice.
          try db.cachedStatement(
            sql: """
              INSERT INTO note (path, type, title, status, lenses, size, modified, hash, firstRow, lastRow, data)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """
          ).execute(
            arguments: [
              note.id, note.type.rawValue, note.title, note.status?.lowercased(), rows.lenses,
              rows.byteCount, note.modified, rows.hash, firstRow, lastRow, rows.data,
            ])
          noteID = db.lastInsertedRowID
          summary.added += 1
        }
        try insertRows(db, rows, noteID: noteID, nextRow: &nextRow)
      }
      let done = start + offset
      if let progress, done % step == 0 || done == pending.count - 1 {
        progress(RefreshProgress(done: done + 1, total: pending.count))
      }
    }
  }

  /// What a note's rows hold, worked out before the write.
  struct PreparedNote: Sendable {
    /// The size stored: the file's, or `unreadSize` for a note that could not be read back.
    var byteCount: Int
    var data: Data
    var hash: Int64
    var lenses: String
    var title: String
    var aliases: String
    /// The rows of `section`: section index, heading, heading as indexed, text as indexed.
    var sections: [(section: Int?, heading: String?, headingText: String?, body: String)]
    /// The note's `heading` and `body` columns in `fts` (`fullTextRow`).
    var heading: String
    var body: String
  }

  /// A note's stored bytes, content hash and indexed texts; a note that left parts out
  /// read whole from `source` first.
  @Sendable static func prepare(_ note: Note, source: (any NoteSource)? = nil) -> PreparedNote {
    let note = source.map { readingBack(note, from: $0) } ?? note
    let (data, hash) = encodeOne(note)
    var sections: [(section: Int?, heading: String?, headingText: String?, body: String)] = []
    var headings: [String] = []
    var bodies: [String] = []
    for part in parts(of: note) {
      let heading = part.heading.map(SnippetMarkup.clean)
      let body = SnippetMarkup.clean(part.body)
      sections.append((part.section, part.heading, heading, body))
      if let heading { headings.append(heading) }
      bodies.append(body)
    }
    let row = fullTextRow(headings: headings, bodies: bodies)
    return PreparedNote(
      byteCount: note.byteCount, data: data, hash: hash,
      lenses: "|" + note.frontMatter.strings("lenses").map { $0.lowercased() }.joined(separator: "|") + "|",
      title: SnippetMarkup.clean(note.title),
      aliases: SnippetMarkup.clean(note.aliases.joined(separator: "\n")),
      sections: sections, heading: row.heading, body: row.body)
  }

  /// A note that left parts out, whole again from its file when the file is still the one
  /// it was loaded from (same size and time); else marked to be read again (`unread`).
  static func readingBack(_ note: Note, from source: any NoteSource) -> Note {
    guard note.leavesOutAnything else { return note }
    guard let whole = try? source.wholeNote(note.id), whole.byteCount == note.byteCount,
      whole.modified == note.modified, let restored = note.restoringLeftOut(from: whole)
    else { return unread(note) }
    return restored
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
    if let parsed = try parsedNotes(db, vault: vault, cache: cache) { return parsed }
    // By index, reading three fields: copying each Note out of the array (retaining all
    // its parts) was most of this loop's time at 100,000 notes.
    let notes = vault.notes
    var changed: [Int] = []
    var known = 0
    for index in notes.indices {
      let id = notes[index].id
      if let entry = cache.entry(for: id) {
        known += 1
        if entry.size == notes[index].byteCount, entry.modified == notes[index].modified,
          !cache.wasUnreadable(id)
        {
          continue
        }
      }
      changed.append(index)
    }
    // Every stored note is still in the vault exactly when the counts agree (paths are unique).
    let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM note")) ?? 0
    guard known == cache.count, count == cache.count else { return nil }
    return changed.map { notes[$0] }
  }

  /// The changed notes told by the loader's use of the snapshot, without looking every
  /// note up: nil when that cannot be vouched for (then `changedNotes` compares them all,
  /// 100 ms of dictionary lookups at 100,000 notes).
  ///
  /// A note the snapshot served carries no texts; a note the loader parsed carries its
  /// texts (`keepText`) or says it left them out (a lean load). When the snapshot's hits plus the notes with texts make the whole
  /// vault and its misses are as many as the notes with texts, the notes with texts are
  /// exactly the new, changed and unreadable ones; when
  /// moreover the stored notes are the hits plus those of them already stored, none was
  /// removed. A parsed note without any text, a snapshot used for two loads or a loader
  /// without `keepText` breaks the count and falls back to the full comparison.
  private func parsedNotes(
    _ db: Database, vault: Vault, cache: NoteCacheSnapshot
  ) throws -> [Note]? {
    let notes = vault.notes
    var parsed: [Int] = []
    for index in notes.indices where !notes[index].texts.isEmpty || notes[index].textsLeftOut {
      parsed.append(index)
    }
    let hits = cache.hitCount
    // Every lookup the snapshot missed was parsed: a changed note that came out with no
    // text at all is a miss without texts, and sends this to the full comparison.
    guard hits + parsed.count == notes.count, cache.missCount == parsed.count else { return nil }
    let alreadyStored = parsed.count { cache.entry(for: notes[$0].id) != nil }
    let count = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM note")) ?? 0
    guard hits + alreadyStored == cache.count, count == cache.count else { return nil }
    return parsed.map { notes[$0] }
  }

  /// The stored bytes and content hash of each note, worked out on every core: this is
  /// most of a cold build's CPU time outside SQLite, which writes on one thread.
  static func encode(_ notes: [Note]) -> [(data: Data, hash: Int64)] {
    notes.parallelMap(encodeOne)
  }

  private static func encodeOne(_ note: Note) -> (data: Data, hash: Int64) {
    let data = NoteCoding.encode(note)
    return (data, NoteCoding.contentHash(of: note, encoded: data))
  }

  /// Drops a note's rows from `fts`, `section` and `title_fts`.
  ///
  /// `fts` keeps no text, so FTS5 is handed the row's old values, rebuilt from the same
  /// stored texts and by the same joins as when it was written (`fullTextRow`): wrong
  /// values would leave words behind in the index.
  private func deleteRows(_ db: Database, of old: StoredNote) throws {
    if let title = try Row.fetchOne(
      db.cachedStatement(sql: "SELECT title, aliases FROM title_fts WHERE rowid = ?"),
      arguments: [old.id])
    {
      var headings: [String] = []
      var bodies: [String] = []
      let sections = try Row.fetchCursor(
        db.cachedStatement(sql: "SELECT headingText, body FROM section WHERE note = ? ORDER BY id"),
        arguments: [old.id])
      while let section = try sections.next() {
        if let heading = section[0] as String? { headings.append(heading) }
        bodies.append(section[1])
      }
      let row = Self.fullTextRow(headings: headings, bodies: bodies)
      try db.cachedStatement(
        sql: "INSERT INTO fts (fts, rowid, title, aliases, heading, body) VALUES ('delete', ?, ?, ?, ?, ?)"
      ).execute(arguments: [old.id, title[0] as String?, title[1] as String?, row.heading, row.body])
    }
    try db.cachedStatement(sql: "DELETE FROM section WHERE note = ?").execute(arguments: [old.id])
    try db.cachedStatement(sql: "DELETE FROM title_fts WHERE rowid = ?").execute(arguments: [old.id])
  }

  /// Writes a note's rows: one in `title_fts` and one in `fts` (both with the note's id as
  /// rowid), and one per section (and the text before the first heading) in `section`, with
  /// consecutive ids.
  private func insertRows(
    _ db: Database, _ rows: PreparedNote, noteID: Int64, nextRow: inout Int64
  ) throws {
    try db.cachedStatement(sql: "INSERT INTO title_fts (rowid, title, aliases) VALUES (?, ?, ?)")
      .execute(arguments: [noteID, rows.title, rows.aliases])
    let insertSection = try db.cachedStatement(
      sql: "INSERT INTO section (id, note, sectionIndex, heading, headingText, body) VALUES (?, ?, ?, ?, ?, ?)")
    for part in rows.sections {
      try insertSection.execute(
        arguments: [nextRow, noteID, part.section, part.heading, part.headingText, part.body])
      nextRow += 1
    }
    try db.cachedStatement(
      sql: "INSERT INTO fts (rowid, title, aliases, heading, body) VALUES (?, ?, ?, ?, ?)"
    ).execute(arguments: [noteID, rows.title, rows.aliases, rows.heading, rows.body])
  }

  /// A note's `heading` and `body` columns in `fts`, from its sections' indexed texts in order.
  static func fullTextRow(headings: [String], bodies: [String]) -> (heading: String, body: String) {
    (headings.joined(separator: "\n"), bodies.joined(separator: "\n"))
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

import Foundation
import GRDB
import QuireCore

/// The full-text index and parsed-note cache of one vault, in SQLite (FTS5) through GRDB.
///
/// Open it for a vault, hand its `loadNoteCache()` to the loader so that unchanged files
/// are not parsed again, then `refresh(vault:)` with the loaded vault: new, changed and
/// removed notes are written in one transaction, unchanged ones are not touched. Search
/// with `search(_:limit:)`.
///
/// The database lives in the cache folder (`CacheLocation`), one per vault, in WAL mode so
/// that readers never wait for a writer; writers wait for each other (busy timeout), so
/// two processes on one vault take turns. A cache that is corrupt, of another format, or
/// cannot be opened is rebuilt (or replaced by one in memory), and `notices` says so.
public final class SearchIndex: NoteSearcher, Sendable {
  /// The database file, or nil when the index lives in memory.
  public let databaseURL: URL?
  /// What happened to the cache on opening that the user should hear about (a rebuild).
  public let notices: [String]
  let writer: any DatabaseWriter

  /// How many notes a search ranks at most; larger match sets are ranked within their
  /// first notes, so that a one-letter prefix stays fast. BM25 costs about 3 µs a row (it
  /// reads each row's column sizes), so 500 rows stay near 2 ms; the table of titles,
  /// whose rows are small, ranks twice as many.
  public static let defaultCandidateLimit = 500
  let candidateLimit: Int

  /// How many bytes of notes one transaction of a long refresh writes at most.
  ///
  /// A cold build in one transaction grew a write-ahead log the size of the database
  /// (1.8 GB at 100,000 notes), then copied all of it into the database at the commit;
  /// batches keep the log a few megabytes long (it is checkpointed after each) and let
  /// readers see the notes written so far. Two batches are in memory at a time (one
  /// written, the next prepared), each note of them read whole: at 8 MB a batch, a first
  /// index of 100,000 notes peaked at 571 MB, at 2 MB at 540 MB, in the same time.
  public static let defaultBatchBytes = 2 << 20
  let batchBytes: Int

  init(
    writer: any DatabaseWriter, databaseURL: URL?, notices: [String], candidateLimit: Int,
    batchBytes: Int = defaultBatchBytes
  ) {
    self.writer = writer
    self.databaseURL = databaseURL
    self.notices = notices
    self.candidateLimit = candidateLimit
    self.batchBytes = max(1, batchBytes)
  }

  // MARK: - Opening

  /// Opens (or creates) the index of a vault.
  ///
  /// - Parameters:
  ///   - vaultRoot: the vault folder; its absolute path names the cache file.
  ///   - cacheDirectory: where cache files live; nil for `CacheLocation.directory()`.
  ///   - inMemory: keep everything in memory and write no file (`--no-cache`).
  /// - Throws: only when not even an in-memory database can be made.
  public static func open(
    vaultRoot: URL, cacheDirectory: URL? = nil, inMemory: Bool = false,
    candidateLimit: Int = defaultCandidateLimit, batchBytes: Int = defaultBatchBytes
  ) throws -> SearchIndex {
    if inMemory {
      return try memory(notices: [], candidateLimit: candidateLimit, batchBytes: batchBytes)
    }
    let directory = cacheDirectory ?? CacheLocation.directory()
    let url = CacheLocation.databaseURL(vaultRoot: vaultRoot, in: directory)
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      return try memory(
        notices: ["cannot create the cache folder \(directory.path) (\(error.localizedDescription)); searching in memory"],
        candidateLimit: candidateLimit)
    }
    let lock = CacheFileLock(path: url.path + ".lock")
    defer { lock?.release() }
    var notices: [String] = []
    for attempt in 0..<2 {
      do {
        let pool = try openPool(at: url)
        return SearchIndex(
          writer: pool, databaseURL: url, notices: notices, candidateLimit: candidateLimit,
          batchBytes: batchBytes)
      } catch let problem as CacheProblem where attempt == 0 && problem.canRebuild {
        notices.append("\(problem.message); rebuilding the search cache \(url.path)")
        removeDatabase(at: url)
      } catch {
        let message = (error as? CacheProblem)?.message ?? describe(error)
        notices.append("\(message); searching in memory this time (cache \(url.path))")
        return try memory(notices: notices, candidateLimit: candidateLimit)
      }
    }
    return try memory(notices: notices, candidateLimit: candidateLimit)
  }

  /// Opens the vault's cache only if it exists and is of this version, changing nothing:
  /// for commands that read it and must never make, migrate or rebuild it. Nil when there
  /// is no cache, or an old, newer or damaged one (the command then parses the files).
  public static func openExisting(vaultRoot: URL, cacheDirectory: URL? = nil) -> SearchIndex? {
    let directory = cacheDirectory ?? CacheLocation.directory()
    let url = CacheLocation.databaseURL(vaultRoot: vaultRoot, in: directory)
    guard FileManager.default.fileExists(atPath: url.path), let pool = try? openPool(at: url, migrating: false)
    else { return nil }
    return SearchIndex(writer: pool, databaseURL: url, notices: [], candidateLimit: defaultCandidateLimit)
  }

  private static func memory(
    notices: [String], candidateLimit: Int, batchBytes: Int = defaultBatchBytes
  ) throws -> SearchIndex {
    let queue = try DatabaseQueue(configuration: configuration())
    try IndexSchema.migrator.migrate(queue)
    try queue.write { db in try db.execute(sql: "PRAGMA user_version = \(IndexSchema.formatVersion)") }
    return SearchIndex(
      writer: queue, databaseURL: nil, notices: notices, candidateLimit: candidateLimit,
      batchBytes: batchBytes)
  }

  /// How much of the file a connection maps into memory: a reader 1 GB, a writer none.
  static func mappedBytes(readonly: Bool) -> Int { readonly ? 1_073_741_824 : 0 }

  /// Reads with the connection's memory map and page cache turned down for the while: a
  /// read of the whole `note` table through the map (every stored note, at a reopen) left
  /// each page it touched counted in the process's resident memory, 825 MB of 2.0 GB
  /// after a warm reopen at 100,000 notes, for bytes read once and copied out; through
  /// the page cache it filled its 32 MB with them. Searches keep both.
  func readUnmapped<T>(_ body: (Database) throws -> T) throws -> T {
    try writer.read { db in
      try db.execute(sql: "PRAGMA mmap_size = 0; PRAGMA cache_size = -\(Self.pageCacheKiB / 16)")
      defer {
        try? db.execute(
          sql: "PRAGMA mmap_size = \(Self.mappedBytes(readonly: db.configuration.readonly)); "
            + "PRAGMA cache_size = -\(Self.pageCacheKiB); PRAGMA shrink_memory")
      }
      return try body(db)
    }
  }

  /// Each connection's page cache, in KiB.
  static let pageCacheKiB = 32768

  private static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    configuration.foreignKeysEnabled = true
    configuration.label = "QuireSearch"
    // Searches read section texts by row for snippets: through a memory map and a larger
    // page cache they cost no read() system call each (they were half a search's time).
    // Only readers map the file: the writer of a cold build would otherwise count every
    // page it checkpointed in its resident memory (3 GB at 100,000 notes).
    // In WAL mode, synchronous NORMAL syncs the log at checkpoints only, not at every
    // commit: a power cut may lose the last refresh (the next open redoes it) but never
    // damages the file, and a refresh after one edit no longer waits for the disk.
    configuration.prepareDatabase { db in
      let mapped = mappedBytes(readonly: db.configuration.readonly)
      try db.execute(
        sql: "PRAGMA mmap_size = \(mapped); PRAGMA cache_size = -\(pageCacheKiB); PRAGMA synchronous = NORMAL")
    }
    return configuration
  }

  /// Opens the pool, checks the format, migrates; classifies failures for the caller.
  /// Without `migrating`, a cache that is not of this version throws instead, and nothing
  /// is written.
  private static func openPool(at url: URL, migrating: Bool = true) throws -> DatabasePool {
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: url.path, configuration: configuration())
      let version = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
      let tables = try pool.read { db in
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
      }
      if version != IndexSchema.formatVersion, tables > 0 {
        throw CacheProblem.oldFormat(version)
      }
      let migrator = IndexSchema.migrator
      if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) {
        throw CacheProblem.newerSchema
      }
      if migrating {
        try migrator.migrate(pool)
        try pool.write { db in
          try db.execute(sql: "PRAGMA user_version = \(IndexSchema.formatVersion)")
        }
      } else {
        let complete = try pool.read { db in try migrator.hasCompletedMigrations(db) }
        if version != IndexSchema.formatVersion || !complete { throw CacheProblem.oldFormat(version) }
      }
      // Touch the tables once, so that a damaged file shows itself now rather than later.
      _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM note") }
    } catch let problem as CacheProblem {
      throw problem
    } catch let error as DatabaseError {
      switch error.resultCode {
      case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_SCHEMA, .SQLITE_ERROR:
        throw CacheProblem.corrupt(error.message ?? "\(error.resultCode)")
      case .SQLITE_BUSY, .SQLITE_LOCKED:
        throw CacheProblem.locked
      default:
        throw CacheProblem.unusable(describe(error))
      }
    }
    return pool
  }

  /// Deletes a vault's cache file, so that the next `open` builds it afresh.
  public static func removeCache(vaultRoot: URL, cacheDirectory: URL? = nil) {
    let directory = cacheDirectory ?? CacheLocation.directory()
    let url = CacheLocation.databaseURL(vaultRoot: vaultRoot, in: directory)
    let lock = CacheFileLock(path: url.path + ".lock")
    defer { lock?.release() }
    removeDatabase(at: url)
  }

  private static func removeDatabase(at url: URL) {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: url.path + suffix)
    }
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    return error.localizedDescription
  }

  // MARK: - Cache of parsed notes

  /// The parsed notes stored by earlier runs, for the loader (`ParsedNoteCache`).
  ///
  /// Reads every stored note (one query) and decodes them as they come, on the other
  /// cores; drop the snapshot once the vault is loaded.
  ///
  /// - Parameter lean: for the browser, which shows neither: the notes come without
  ///   their links' annotations, which the vault reads back from this index when it
  ///   resolves a link again (`AnnotationStore`), and without the front matter fields
  ///   the graph does not read (`Note.frontMatterLeftOut`). At 100,000 notes that is
  ///   200 MB of strings.
  public func loadNoteCache(lean: Bool = false) -> NoteCacheSnapshot {
    let annotations = lean ? StoredAnnotations(index: self) : nil
    let read = try? readUnmapped { db -> NoteCacheSnapshot in
      // The ids first: decoded ids and link targets share their strings.
      var reader = NoteCacheSnapshot.Reader(ids: try String.fetchAll(db, sql: "SELECT path FROM note"), lean: lean)
      let cursor = try Row.fetchCursor(db, sql: "SELECT path, size, modified, data FROM note")
      while let row = try cursor.next() {
        reader.add(id: row[0], size: row[1], modified: row[2], data: row[3])
      }
      return NoteCacheSnapshot(reader, linksAreCurrent: try Self.linksAreCurrent(db), annotations: annotations)
    }
    return read ?? .empty
  }

  /// How many notes the index holds.
  public func noteCount() throws -> Int {
    try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM note") ?? 0 }
  }
}

/// Why a cache file cannot be used as it is.
enum CacheProblem: Error {
  case corrupt(String)
  case oldFormat(Int)
  case newerSchema
  case locked
  case unusable(String)

  /// Whether deleting the file and starting again should cure it.
  var canRebuild: Bool {
    switch self {
    case .corrupt, .oldFormat, .newerSchema: true
    case .locked, .unusable: false
    }
  }

  var message: String {
    switch self {
    case .corrupt(let why): "the search cache is damaged (\(why))"
    case .oldFormat(let version): "the search cache has an old format (\(version))"
    case .newerSchema: "the search cache was written by a newer Quire"
    case .locked: "the search cache is locked by another process"
    case .unusable(let why): "the search cache cannot be opened (\(why))"
    }
  }
}

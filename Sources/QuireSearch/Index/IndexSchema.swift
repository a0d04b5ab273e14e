import GRDB

/// The tables of the search cache, created by add-only named migrations.
///
/// - `note`: one row per note: what filters need (type, status, lenses), the file's size,
///   modification time and content hash, the ids of its rows in `section`, and the parsed note
///   itself, encoded, so that an unchanged vault is not parsed again.
/// - `section`: one row per indexed part of a note (the text before the first heading,
///   then each section), with its heading and text as indexed: snippets and the best
///   section of a hit are read from here.
/// - `fts`: FTS5 over title, aliases, headings and body, one row per note (its rowid is the
///   note's id), contentless (the text is in `section`). Until format 3 it had one row per
///   section with the title repeated on each: seven times the rows, twice the FTS5 build
///   time and three times the multi-word `bm25()` time (its IDF reads each word's whole
///   list of rows) at 100,000 notes.
/// - `fts` keeps prefix indexes of 1, 2 and 3 characters: they are more than half of its
///   build time, but without them a one-letter prefix merges the lists of every word it
///   begins (0.35-0.7 s at 100,000 notes, measured) where with them it reads one list.
/// - `title_fts`: FTS5 over title and aliases, one row per note (its rowid is the note's
///   id): a small table that answers short prefixes quickly.
///
/// Never edit a migration that has shipped: add a new one.
enum IndexSchema {
  /// Bumped when stored notes can no longer be read back (their encoding changed):
  /// a cache with another version is rebuilt. 2: notes in `NoteCoding`'s binary form
  /// instead of JSON. 3: one `fts` row per note, section texts in `section`.
  static let formatVersion = 3

  /// BM25 weights of `fts`'s columns: title, aliases, headings, body.
  static let sectionWeights = "10.0, 8.0, 4.0, 1.0"
  /// BM25 weights of `title_fts`'s columns: title, aliases.
  static let titleWeights = "10.0, 8.0"

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1 notes, sections and full-text tables") { db in
      try db.execute(
        sql: """
          CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
          CREATE TABLE note (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT,
            lenses TEXT NOT NULL,
            size INTEGER NOT NULL,
            modified DOUBLE NOT NULL,
            hash INTEGER NOT NULL,
            firstRow INTEGER NOT NULL,
            lastRow INTEGER NOT NULL,
            data BLOB NOT NULL
          );
          CREATE TABLE section (
            id INTEGER PRIMARY KEY,
            note INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
            sectionIndex INTEGER,
            heading TEXT
          );
          CREATE INDEX section_by_note ON section(note);
          CREATE VIRTUAL TABLE fts USING fts5(
            title, aliases, heading, body,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '1 2 3'
          );
          CREATE VIRTUAL TABLE title_fts USING fts5(
            title, aliases,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '1 2 3'
          );
          """)
    }
    // A contentless table: its text lives in `section` (and `title_fts`), from which a
    // note's row is rebuilt to delete it (FTS5's 'delete' command needs the old values).
    migrator.registerMigration("v2 one full-text row per note") { db in
      try db.execute(
        sql: """
          DROP TABLE fts;
          ALTER TABLE section ADD COLUMN headingText TEXT;
          ALTER TABLE section ADD COLUMN body TEXT NOT NULL DEFAULT '';
          CREATE VIRTUAL TABLE fts USING fts5(
            title, aliases, heading, body,
            content = '',
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '1 2 3'
          );
          """)
    }
    // The browser's first screen on a large vault lists every note from these columns
    // (`storedOutlines`): read from this index, it does not page through the stored notes.
    migrator.registerMigration("v3 note outline index") { db in
      try db.execute(
        sql: "CREATE INDEX note_outline ON note(path, type, title, status, size, modified)")
    }
    return migrator
  }
}

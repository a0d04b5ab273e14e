import Foundation
import GRDB
import QuireCore

/// The annotations of the notes a cache stores, read back note by note: the store of a
/// vault loaded with its links' annotations left out (`SearchIndex.loadNoteCache`).
struct StoredAnnotations: AnnotationStore {
  let index: SearchIndex

  func annotations(of noteID: String) -> [String]? {
    try? index.writer.read { db in try Self.storedNote(db, id: noteID) }?.links.map(\.annotation)
  }

  /// A note as its row stores it, whole; nil when there is no row or it cannot be read.
  static func storedNote(_ db: Database, id: String) throws -> Note? {
    guard
      let data = try Data.fetchOne(
        db.cachedStatement(sql: "SELECT data FROM note WHERE path = ?"), arguments: [id])
    else { return nil }
    return try? NoteCoding.decode(data, modified: 0)
  }
}

extension SearchIndex {
  /// Notes about to be stored, each with what a lean load left out (its links'
  /// annotations and texts, its front matter) read back from what is stored now: never
  /// written without them. A note whose stored form cannot give them (its row is gone, or was
  /// written anew by another process, or the note was parsed without its texts) is stored
  /// with a size no file has, so that the next load reads its file again.
  static func restoringLeftOut(_ db: Database, _ notes: [Note]) throws -> [Note] {
    try notes.map { note in
      guard note.leavesOutAnything else { return note }
      // A row keeps no texts: a note parsed without them is read from its file or not at all.
      if !note.textsLeftOut, let stored = try StoredAnnotations.storedNote(db, id: note.id),
        let restored = note.restoringLeftOut(from: stored)
      {
        return restored
      }
      return unread(note)
    }
  }

  /// A note stored whole as far as it goes, with a size no file has, so that the next
  /// load reads its file again: what a note whose left-out parts cannot be read back
  /// is stored as.
  static func unread(_ note: Note) -> Note {
    var marked = note
    marked.byteCount = unreadSize
    return marked
  }

  /// The size stored for a note whose stored form is incomplete: no file has it.
  static let unreadSize = -1
}

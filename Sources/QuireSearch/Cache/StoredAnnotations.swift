import Foundation
import GRDB
import QuireCore

/// The annotations of the notes a cache stores, read back note by note: the store of a
/// vault loaded with its links' annotations left out (`SearchIndex.loadNoteCache`).
struct StoredAnnotations: AnnotationStore {
  let index: SearchIndex

  func annotations(of noteID: String) -> [String]? {
    try? index.writer.read { db in try Self.annotations(db, of: noteID) }
  }

  static func annotations(_ db: Database, of noteID: String) throws -> [String]? {
    guard
      let data = try Data.fetchOne(
        db.cachedStatement(sql: "SELECT data FROM note WHERE path = ?"), arguments: [noteID])
    else { return nil }
    return try? NoteCoding.annotations(in: data)
  }
}

extension SearchIndex {
  /// Notes about to be stored, each with the annotations its links were loaded without
  /// read back from what is stored now: never written as empty. A note whose annotations
  /// cannot be read back (its row is gone or was written anew by another process) is
  /// stored with a size no file has, so that the next load reads its file again.
  static func restoringAnnotations(_ db: Database, _ notes: [Note]) throws -> [Note] {
    try notes.map { note in
      let leftOut = note.links.indices.filter { note.links[$0].annotationLeftOut }
      guard !leftOut.isEmpty else { return note }
      var restored = note
      if let stored = try StoredAnnotations.annotations(db, of: note.id), stored.count == note.links.count {
        for position in leftOut { restored.links[position].annotation = stored[position] }
      } else {
        restored.byteCount = unreadSize
      }
      return restored
    }
  }

  /// The size stored for a note whose stored form is incomplete: no file has it.
  static let unreadSize = -1
}

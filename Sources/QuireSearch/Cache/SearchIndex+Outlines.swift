import Foundation
import GRDB
import QuireCore

extension SearchIndex {
  /// Every note the cache holds, in outline: path, type, title, status, size and time,
  /// without sections or links. Enough to list a large vault and resolve links by path,
  /// file name and title while its full graph is still loading; read from the small
  /// columns, so it costs no decoding.
  public func storedOutlines() throws -> [Note] {
    try writer.read { db in
      var notes: [Note] = []
      let rows = try Row.fetchCursor(
        db, sql: "SELECT path, type, title, status, size, modified FROM note ORDER BY path")
      while let row = try rows.next() {
        let type = NoteType(rawValue: row[1]) ?? .page
        notes.append(
          Note(
            id: row[0], type: type, title: row[2], hasExplicitTitle: true, status: row[3],
            byteCount: row[4], modified: row[5]))
      }
      return notes
    }
  }

  /// Stored notes by id, decoded, each with its stored time; ids the cache lacks (or
  /// cannot read back) are left out.
  public func storedNotes(ids: [String]) throws -> [Note] {
    try writer.read { db in
      let select = try db.cachedStatement(sql: "SELECT modified, data FROM note WHERE path = ?")
      return try ids.compactMap { id -> Note? in
        guard let row = try Row.fetchOne(select, arguments: [id]) else { return nil }
        return try? NoteCoding.decode(row[1], modified: row[0])
      }
    }
  }
}

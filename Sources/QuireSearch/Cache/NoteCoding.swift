import Foundation
import QuireCore

/// How parsed notes are stored in the cache.
///
/// Notes are stored without their section texts (those live in the full-text table), so
/// a reopened vault does not hold every note's text in memory.
enum NoteCoding {
  /// The note as stored: without texts, and without its time (kept in its own column), so
  /// that the bytes depend on the content only.
  static func encode(_ note: Note) throws -> Data {
    var stored = note
    stored.texts = []
    stored.modified = 0
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return try encoder.encode(stored)
  }

  /// A stored note, given back its modification time.
  static func decode(_ data: Data, modified: Double) throws -> Note {
    var note = try JSONDecoder().decode(Note.self, from: data)
    note.modified = modified
    return note
  }

  /// A hash of what a note says (its fields, links and text), ignoring when the file was
  /// written: a file touched but not changed keeps its hash and is not indexed again.
  static func contentHash(of note: Note, encoded: Data) -> Int64 {
    var hash = StableHash.fnv1a(encoded)
    for text in note.texts {
      hash ^= StableHash.fnv1a(text.text.utf8) &+ UInt64(bitPattern: Int64(text.section ?? -1))
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return Int64(bitPattern: hash)
  }
}

import QuireCore

/// A `NoteSource` over documents held in memory, for tests that build notes in code.
public struct InMemoryNoteSource: NoteSource {
  public var notes: [String: (note: Note, document: Document)]

  public init(_ notes: [(note: Note, document: Document)]) {
    var table: [String: (note: Note, document: Document)] = [:]
    for entry in notes { table[entry.note.id] = entry }
    self.notes = table
  }

  public func read(_ id: String) throws -> (note: Note, document: Document) {
    guard let entry = notes[id] else { throw Missing(id: id) }
    return entry
  }

  struct Missing: Error, CustomStringConvertible {
    var id: String
    var description: String { "no note \(id)" }
  }
}

/// Reads a note's body on demand, so that a vault need not hold every note's text.
///
/// The port through which the browser and `show` get a note's document; QuireMarkdown
/// provides the implementation that reads the file and parses it with cmark-gfm.
public protocol NoteSource: Sendable {
  /// The note parsed afresh from disk: its model (links unresolved) and its document.
  func read(_ id: String) throws -> (note: Note, document: Document)

  /// The note parsed afresh from disk, texts and all, without a document, with the
  /// modification time its file had when read: where an index reads back what a lean
  /// load left out of a note (`Note.restoringLeftOut(from:)`).
  func wholeNote(_ id: String) throws -> Note
}

extension NoteSource {
  /// Without a file's time: the note read back never passes for the one loaded.
  public func wholeNote(_ id: String) throws -> Note { try read(id).note }
}

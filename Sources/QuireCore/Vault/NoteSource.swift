/// Reads a note's body on demand, so that a vault need not hold every note's text.
///
/// The port through which the browser and `show` get a note's document; QuireMarkdown
/// provides the implementation that reads the file and parses it with cmark-gfm.
public protocol NoteSource: Sendable {
  /// The note parsed afresh from disk: its model (links unresolved) and its document.
  func read(_ id: String) throws -> (note: Note, document: Document)
}

import Foundation
import QuireCore

/// The annotations of a lean load's links, read back by parsing the note's file again
/// (`VaultLoader.Options.lean`); from `fallback` (the vault's cache) when the file cannot
/// be read.
///
/// Asked only when a link is resolved again after an edit, for the few notes whose links
/// it can move. A file changed since the load gives its new links; the resolver takes
/// annotations only when there are as many as the note has links.
public struct FileAnnotations: AnnotationStore {
  let source: FileNoteSource
  let fallback: (any AnnotationStore)?

  public init(root: URL, fallback: (any AnnotationStore)? = nil) {
    source = FileNoteSource(root: root)
    self.fallback = fallback
  }

  public func annotations(of noteID: String) -> [String]? {
    guard let note = try? source.wholeNote(noteID) else { return fallback?.annotations(of: noteID) }
    return note.links.map(\.annotation)
  }
}

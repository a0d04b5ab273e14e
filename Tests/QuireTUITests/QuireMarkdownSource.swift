import Foundation
import QuireCore
import QuireMarkdown

/// The real note source over a folder, for tests.
enum QuireMarkdownSource {
  static func make(_ root: URL) -> any NoteSource { FileNoteSource(root: root) }
}

import QuireCore
import XCTest

@testable import QuireMarkdown

/// Parses one note from text.
func parse(_ text: String, id: String = "findings/2024-test.md") -> Note {
  NoteParser.parse(id: id, bytes: Array(text.utf8)).note
}

/// Builds a vault from notes given as text, keyed by path; links are resolved.
func makeVault(_ files: [String: String], assets: Set<String> = []) -> Vault {
  let notes = files.map { NoteParser.parse(id: $0.key, bytes: Array($0.value.utf8)).note }
  return Vault(root: "/vault", notes: notes, assets: assets)
}

extension Vault {
  /// The links of a note, for assertions.
  func links(of id: String, file: StaticString = #filePath, line: UInt = #line) -> [Link] {
    guard let note = note(id) else {
      XCTFail("no note \(id)", file: file, line: line)
      return []
    }
    return note.links
  }
}

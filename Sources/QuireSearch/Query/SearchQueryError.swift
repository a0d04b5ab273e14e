import Foundation
import QuireCore

/// Why a search could not be understood; each case reads as a message for the user.
public enum SearchQueryError: Error, LocalizedError, Equatable, Sendable {
  /// Every word is excluded, so there is nothing to look for.
  case onlyExclusions
  /// `OR` stands at the start or the end, or next to an excluded word.
  case danglingOr
  /// A filter was given without a value (`type:`).
  case emptyFilter(String)
  /// `type:` named no known note type.
  case unknownType(String)
  /// `in:` named no searchable part of a note.
  case unknownField(String)
  /// More words or characters than a search may hold.
  case tooLong(maxTerms: Int, maxCharacters: Int)

  public var errorDescription: String? {
    switch self {
    case .onlyExclusions:
      "every word is excluded: add a word to look for, as in 'training -rlhf'"
    case .danglingOr:
      "OR needs a word on each side, as in 'rlhf OR dpo'"
    case .emptyFilter(let key):
      "'\(key):' needs a value, as in '\(key):\(Self.example(for: key))'"
    case .unknownType(let value):
      "unknown note type '\(value)': use "
        + NoteType.allCases.map(\.rawValue).joined(separator: ", ")
    case .unknownField(let value):
      "unknown part '\(value)' after in: use title, heading or body"
    case .tooLong(let maxTerms, let maxCharacters):
      "the search is too long: at most \(maxTerms) words and \(maxCharacters) characters"
    }
  }

  private static func example(for key: String) -> String {
    switch key {
    case "type": "finding"
    case "status": "draft"
    case "lens": "behavioral"
    case "in": "title"
    default: "value"
    }
  }
}

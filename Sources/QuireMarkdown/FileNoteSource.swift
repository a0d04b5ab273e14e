import Foundation
import QuireCore

/// Reads a note and its document from the vault folder when a view needs them.
public struct FileNoteSource: NoteSource {
  public let root: URL

  public init(root: URL) { self.root = root.standardizedFileURL.resolvingSymlinksInPath() }

  public func read(_ id: String) throws -> (note: Note, document: Document) {
    let file = try bytes(of: id)
    let parsed = NoteParser.parse(id: id, bytes: file.bytes, modified: file.modified, buildDocument: true)
    return (parsed.note, parsed.document ?? Document())
  }

  public func wholeNote(_ id: String) throws -> Note {
    let file = try bytes(of: id)
    return NoteParser.parse(id: id, bytes: file.bytes, modified: file.modified).note
  }

  private func bytes(of id: String) throws -> (bytes: [UInt8], modified: Double) {
    guard !id.isEmpty, !id.hasPrefix("/"), !id.split(separator: "/").contains("..") else {
      throw NoteSourceError.outsideVault(id)
    }
    switch FileReader.readStamped(root.path + "/" + id) {
    case .success(let file): return file
    case .failure(let failure): throw NoteSourceError.unreadable(id, failure.message)
    }
  }
}

/// Why a note could not be read.
public enum NoteSourceError: Error, LocalizedError, Equatable {
  case outsideVault(String)
  case unreadable(String, String)

  public var errorDescription: String? {
    switch self {
    case .outsideVault(let id): "\(id) is not a path inside the vault"
    case .unreadable(let id, let why): "cannot read \(id): \(why)"
    }
  }
}

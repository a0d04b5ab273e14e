import Foundation
import QuireCore

/// Reads a vault folder into a `Vault`: finds the notes, parses them on all cores, resolves links.
public struct VaultLoader: Sendable {
  /// What to keep and how far to go.
  public struct Options: Sendable {
    /// Keep each note's plain text (for search) in the vault; off keeps memory small.
    public var keepText: Bool
    public init(keepText: Bool = true) { self.keepText = keepText }
  }

  public let root: URL
  public let options: Options

  public init(root: URL, options: Options = Options()) {
    self.root = root.standardizedFileURL
    self.options = options
  }

  /// Loads the vault; throws `VaultError` when the root is missing or not a folder.
  public func load() throws -> Vault {
    throw VaultError.notFound(root.path)
  }
}

/// Why a vault could not be opened at all.
public enum VaultError: Error, LocalizedError, Equatable {
  case notFound(String)
  case notAFolder(String)
  case unreadable(String, String)

  public var errorDescription: String? {
    switch self {
    case .notFound(let path): "no vault at \(path): no such folder"
    case .notAFolder(let path): "no vault at \(path): not a folder"
    case .unreadable(let path, let why): "cannot read the vault at \(path): \(why)"
    }
  }
}

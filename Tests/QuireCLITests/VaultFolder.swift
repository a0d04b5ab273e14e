import Foundation

/// Test vaults written to a temporary folder.
enum VaultFolder {
  /// Writes each text at its vault-relative path below `root`, making folders as needed.
  static func write(_ files: [String: String], to root: URL) throws {
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
  }
}

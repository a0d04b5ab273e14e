import Foundation

/// One note of a generated vault edited for a probe and put back afterwards (bytes and
/// modification time), so that the vault and its cache stay the generator's.
struct BenchEdit {
  let url: URL
  private let original: Data
  private let modified: Date?

  /// Appends `line` to the note at `path` below `root`.
  init(root: URL, path: String, appending line: String) throws {
    try self.init(root: root, path: path) { $0 + line }
  }

  /// Rewrites the note at `path` below `root` as `edit` says.
  init(root: URL, path: String, editing edit: (String) -> String) throws {
    url = root.appendingPathComponent(path)
    original = try Data(contentsOf: url)
    modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    try Data(edit(String(decoding: original, as: UTF8.self)).utf8).write(to: url)
  }

  /// Writes the note back as it was.
  func restore() throws {
    try original.write(to: url)
    if let modified {
      try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
    }
  }
}

import Foundation
import QuireCore
import XCTest

@testable import QuireMarkdown

/// Files deleted or rewritten between the folder scan and their read: a warning for the
/// file that went, the new bytes for the file that changed, everything else loaded.
final class ChangingVaultTests: XCTestCase {
  /// A cache that misses every note, and on the way deletes or rewrites one file just
  /// before the loader reads it (the loader asks the cache first).
  private final class Saboteur: ParsedNoteCache, Sendable {
    let root: URL
    init(root: URL) { self.root = root }

    func note(id: String, size: Int, modified: Double) -> Note? {
      let url = root.appendingPathComponent(id)
      switch id {
      case "gone.md": try? FileManager.default.removeItem(at: url)
      case "grown.md": try? Data("# Grown\n\nMuch longer than the file the scan saw, and [[kept]].\n".utf8).write(to: url)
      default: break
      }
      return nil
    }
  }

  func testFilesDeletedOrRewrittenDuringTheLoad() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-changing-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (name, text) in ["kept.md": "# Kept\n\n[[gone]] and [[grown]].\n", "gone.md": "# Gone\n", "grown.md": "# Short\n"] {
      try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }
    let vault = try VaultLoader(root: root, options: .init(cache: Saboteur(root: root))).load()
    XCTAssertEqual(vault.notes.map(\.id), ["grown.md", "kept.md"])
    XCTAssertEqual(vault.note("grown.md")?.title, "Grown")
    let warning = try XCTUnwrap(vault.diagnostics.first { $0.path == "gone.md" })
    XCTAssertEqual(warning.rule, "unreadable")
    XCTAssertTrue(warning.message.hasPrefix("cannot read"), warning.message)
    XCTAssertEqual(vault.note("kept.md")?.links.map(\.state), [.broken, .resolved])
  }
}

import Foundation
import QuireCore
import QuireTestSupport
import XCTest

@testable import QuireMarkdown

/// The loader over the hostile corpus: every file either loads or is named in a warning,
/// and nothing outside the vault is read.
final class HostileLoaderTests: XCTestCase {
  /// Generous: the whole corpus loads in a few seconds on one core.
  static let timeout = 240.0

  func testHostileVaultLoads() throws {
    let hostile = try HostileVault.make(scale: .configured)
    defer { hostile.remove() }
    let root = hostile.vault
    guard let outcome = HostileVault.bounded(seconds: Self.timeout, { try VaultLoader(root: root).load() })
    else { return XCTFail("loading the hostile vault did not finish in \(Self.timeout) s") }
    let vault = try outcome.get()
    for entry in hostile.entries {
      let note = vault.note(entry.path)
      let vaultWarnings = vault.diagnostics.filter { $0.path == entry.path || $0.path.hasPrefix(entry.path + "/") }
      switch entry.expectation {
      case .clean:
        XCTAssertNotNil(note, "\(entry.what) (\(entry.path)) was not loaded")
        XCTAssertEqual(note?.diagnostics.map(\.message) ?? [], [], "\(entry.what) warned")
      case .stress:
        XCTAssertNotNil(note, "\(entry.what) (\(entry.path)) was not loaded")
      case .warned(let rule):
        XCTAssertNotNil(note, "\(entry.what) (\(entry.path)) was not loaded")
        XCTAssertTrue(
          note?.diagnostics.contains { $0.rule == rule } ?? false,
          "\(entry.what): no \(rule) warning; got \(note?.diagnostics.map(\.message) ?? [])")
      case .skipped(let rule):
        XCTAssertNil(note, "\(entry.what) (\(entry.path)) was loaded")
        XCTAssertTrue(
          vaultWarnings.contains { $0.rule == rule },
          "\(entry.what) (\(entry.path)): no \(rule) warning; got \(vaultWarnings.map(\.message))")
      }
    }
    for note in vault.notes {
      let text = note.texts.map(\.text).joined()
      XCTAssertFalse(text.contains(HostileVault.outsideMarker), "\(note.id) read a file outside the vault")
      XCTAssertFalse(note.id.hasPrefix("escape-dir"), "followed a folder link out of the vault")
    }
  }
}
